"""MkDocs hook: put a hosting clinic's logo (extra.clinic.logo, a path next to the config)
into the site, with its pixel size so the <img> reserves its space."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from guidewright.lines.clinic import LOGO_FOLDER, logo_size


def _logo(config: MkDocsConfig) -> Path | None:
    clinic = config.extra.get("clinic") or {}
    logo = clinic.get("logo") if isinstance(clinic, dict) else None
    return Path(config.config_file_path).parent / logo if isinstance(logo, str) else None


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    logo = _logo(config)
    if logo is not None and logo.is_file() and logo_size(logo):
        clinic = config.extra["clinic"]
        clinic["logo_src"] = f"{LOGO_FOLDER}/{logo.name}"
        clinic["logo_width"], clinic["logo_height"] = logo_size(logo)
    return config


def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    logo = _logo(config)
    if logo is not None and logo.is_file():
        files.append(File.generated(config, f"{LOGO_FOLDER}/{logo.name}", abs_src_path=str(logo)))
    return files
