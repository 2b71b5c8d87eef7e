"""MkDocs hook: refuse to build or serve with a broken config, and give the templates the
crisis lines (guidewright.lines.crisis_view) and the clinic page's list of handouts (guidewright.printing.handout_list) as
computed data, and the urgency boxes their call links. One validation serves all three.

scripts/build.py runs the same validation (guidewright.configuration.settings) before building; this hook makes
`mkdocs serve` and plain `mkdocs build`, with any overlay, fail the same way, from the same
code: contacts, a clinic's block, content rules and handouts."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from guidewright.boxes.urgency_boxes import NAME as BOXES
from guidewright.checks.review_view import KEY as PAGE_REVIEWS
from guidewright.checks.review_view import page_reviews
from guidewright.configuration.settings import load_settings
from guidewright.lines.crisis_view import KEY, crisis_view, line_cells
from guidewright.printing.card_pages import KEY as CARD_LINKS
from guidewright.printing.card_pages import card_links
from guidewright.printing.handout_list import ENV as HANDOUT_PDFS
from guidewright.printing.handout_list import KEY as HANDOUT_LIST
from guidewright.printing.handout_list import handout_list
from guidewright.problems import format_report


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    path = Path(config.config_file_path or "mkdocs.yml")
    settings, problems = load_settings(path)
    if settings is None:
        raise PluginError(f"Invalid config ({path.name}); nothing was built. " + format_report(problems))
    # The clinic's block (and the lines) in the site's language, for the templates that read them.
    config.extra.update(settings.words)
    # The words around the pages: the engine's for this language, with the guide's own over them.
    config.extra["ui"] = settings.ui
    # One address for every language: a translation's is the main site's plus its folder.
    if settings.site_url:
        config.site_url = settings.site_url
    # Material's offline plugin (which turns directory URLs off) has run its on_config by now.
    config.extra[KEY] = crisis_view(settings, config.use_directory_urls)
    # Each page's sign-off and the date a claim on it ends, from its fact-check log.
    config.extra[PAGE_REVIEWS] = page_reviews(settings, config.use_directory_urls)
    # The quick cards cut from each page, linked under it (guidewright.printing.card_pages).
    config.extra[CARD_LINKS] = card_links(settings.cards, config.use_directory_urls)
    # The call links urgency boxes end with, from the same lines (never typed into pages).
    config.mdx_configs.setdefault(BOXES, {})["lines"] = line_cells(settings)
    # And the warning signs and step lists they render, in this language (guidewright.boxes.safety_advice).
    config.mdx_configs[BOXES].update(settings.advice.as_options())
    # Links to the PDFs only when this build prints them into the site (build.py --handouts
    # sets the variable); `mkdocs serve` lists names only.
    config.extra[HANDOUT_LIST] = handout_list(settings, config.use_directory_urls, os.environ.get(HANDOUT_PDFS) == "true")
    return config
