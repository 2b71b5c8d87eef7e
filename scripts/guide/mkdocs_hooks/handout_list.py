"""MkDocs hook: give the page for clinic staff its list of handouts and quick cards as computed
data (guide.handout_list), linking to the PDFs only when this build prints them into the site
(scripts/build.py --handouts sets GUIDE_HANDOUT_PDFS). `mkdocs serve` lists names only."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from guide.handout_list import ENV, KEY, handout_list
from guide.settings import load_settings


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    settings, _ = load_settings(Path(config.config_file_path or "mkdocs.yml"))
    if settings is not None:  # else contacts_config.py has already refused the config
        # Material's offline plugin (which turns directory URLs off) has run its on_config by now.
        config.extra[KEY] = handout_list(settings, config.use_directory_urls, os.environ.get(ENV) == "true")
    return config
