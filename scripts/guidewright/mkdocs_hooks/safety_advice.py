"""MkDocs hook: `mkdocs serve` and plain `mkdocs build` judge each page's safety advice as it is
rendered (guidewright.boxes.advice_check: a sign in a box of another level, a hand-typed sign or step, an
unknown id), as warnings naming the page, which strict mode turns into a failed build.
scripts/build.py checks the built files itself, with every other check, so it turns this off."""
from __future__ import annotations

import logging
import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from guidewright.boxes.advice_check import check_advice
from guidewright.boxes.safety_advice import Advice
from guidewright.boxes.urgency_boxes import NAME as BOXES

ENV = "GUIDE_CHECKS_BUILT_SITE"   # set by scripts/build.py, which checks the built files
log = logging.getLogger("mkdocs.plugins.guidewright.boxes.safety_advice")


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    if os.environ.get(ENV) == "true":
        return html
    options = config.mdx_configs.get(BOXES) or {}
    advice = Advice(tuple(options.get("levels") or ()), options.get("signs") or {}, options.get("steps") or {})
    for problem in check_advice(f"<article>{html}</article>", advice, options.get("boxes") or {}, page.file.src_uri):
        log.warning(f"Doc file '{page.file.src_uri}': {problem.message}")
    return html
