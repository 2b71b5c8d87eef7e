"""MkDocs hook: `mkdocs serve` and plain `mkdocs build` write the quick cards' own pages too
(guidewright.printing.card_pages), so the links to them work in a preview; a card whose part is gone is a
warning naming the card and page, which strict mode turns into a failed build.
scripts/build.py writes them itself, before its checks, so it turns this off."""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from guidewright.configuration.settings import load_settings
from guidewright.mkdocs_hooks.safety_advice import ENV as BUILT_BY_SCRIPT
from guidewright.printing.card_pages import write_card_pages

log = logging.getLogger("mkdocs.plugins.guidewright.printing.card_pages")


def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    if os.environ.get(BUILT_BY_SCRIPT) == "true":
        return
    settings, _ = load_settings(Path(config.config_file_path or "mkdocs.yml"))
    if settings is None:
        return  # contacts_config.py has refused the build already
    settings.config.offline = not config.use_directory_urls  # the offline plugin turns them off
    for problem in write_card_pages(Path(config.site_dir), settings.config, settings.cards):
        log.warning(f"{problem.file}: {problem.key}: {problem.message}")
