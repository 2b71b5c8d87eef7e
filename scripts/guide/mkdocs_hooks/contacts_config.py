"""MkDocs hook: refuse to build or serve with a broken config.

scripts/build.py runs the same validation (guide.settings) before building; this hook makes
`mkdocs serve` and plain `mkdocs build`, with any overlay, fail the same way, from the same
code: contacts, a clinic's block, content rules and handouts."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from guide.problems import format_report
from guide.settings import load_settings


def on_config(config, **kwargs):
    path = Path(config.config_file_path or "mkdocs.yml")
    settings, problems = load_settings(path)
    if problems:
        raise PluginError(f"Invalid config ({path.name}); nothing was built. " + format_report(problems))
    return config
