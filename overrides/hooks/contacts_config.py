"""MkDocs hook: refuse to build or serve with a broken crisis contacts config.

scripts/build.py runs the same validation before building; this hook makes
`mkdocs serve` and plain `mkdocs build` fail the same way, from the same code."""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from guide.contacts import parse_contacts, parse_denied  # noqa: E402
from guide.problems import format_report  # noqa: E402


def on_config(config, **kwargs):
    where = config.config_file_path or "mkdocs.yml"
    denied, problems = parse_denied(config.extra, where)
    problems += parse_contacts(config.extra, where, denied)[1]
    if problems:
        raise PluginError("Invalid crisis contacts config. " + format_report(problems))
    return config
