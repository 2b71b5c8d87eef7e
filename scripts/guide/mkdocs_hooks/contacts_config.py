"""MkDocs hook: refuse to build or serve with a broken config, and give the templates the
crisis lines as computed data (guide.crisis_view), and the urgency boxes their call links.

scripts/build.py runs the same validation (guide.settings) before building; this hook makes
`mkdocs serve` and plain `mkdocs build`, with any overlay, fail the same way, from the same
code: contacts, a clinic's block, content rules and handouts."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from guide.crisis_view import KEY, crisis_view, line_cells
from guide.problems import format_report
from guide.settings import load_settings
from guide.urgency_boxes import NAME as BOXES


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    path = Path(config.config_file_path or "mkdocs.yml")
    settings, problems = load_settings(path)
    if settings is None:
        raise PluginError(f"Invalid config ({path.name}); nothing was built. " + format_report(problems))
    # Material's offline plugin (which turns directory URLs off) has run its on_config by now.
    config.extra[KEY] = crisis_view(settings, config.use_directory_urls)
    # The call links urgency boxes end with, from the same lines (never typed into pages).
    config.mdx_configs.setdefault(BOXES, {})["lines"] = line_cells(settings)
    return config
