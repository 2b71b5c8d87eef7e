"""MkDocs hook: refuse to build or serve with a broken config.

scripts/build.py runs the same validation (guide.settings) before building; this hook makes
`mkdocs serve` and plain `mkdocs build`, with any overlay, fail the same way, from the same
code: contacts, a clinic's block, content rules and handouts."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from guide.problems import format_report  # noqa: E402
from guide.settings import load_settings  # noqa: E402


def on_config(config, **kwargs):
    path = Path(config.config_file_path or "mkdocs.yml")
    settings, problems = load_settings(path)
    if problems:
        raise PluginError(f"Invalid config ({path.name}); nothing was built. " + format_report(problems))
    return config
