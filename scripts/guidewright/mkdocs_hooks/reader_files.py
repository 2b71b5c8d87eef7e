"""MkDocs hook: plain `mkdocs build` and `mkdocs serve` get the files readers keep too (the
contacts file and the "Save to this phone" worker: guidewright.build.reader_files). scripts/build.py writes
them itself, after asset names get their hashes, so it turns this off."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from guidewright.build.reader_files import write_reader_files
from guidewright.configuration.settings import load_settings
from guidewright.mkdocs_hooks.safety_advice import ENV as BUILT_BY_SCRIPT


def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    if os.environ.get(BUILT_BY_SCRIPT) == "true":
        return
    settings, _ = load_settings(Path(config.config_file_path or "mkdocs.yml"))
    if settings is None:  # contacts_config.py has refused the build already
        return
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    site_dir = Path(config.site_dir)
    skip = tuple(site_dir / str(code) for code in (config.extra.get("translations") or {}))
    write_reader_files(settings, site_dir, bool(offline is not None and offline.config.enabled), skip)
