"""MkDocs hook: put the Content-Security-Policy (guidewright.checks.csp) into every page, 404 included, so
plain `mkdocs build` and `mkdocs serve` get it too. It runs last: the policy lists the hashes
of the page's inline scripts as they are finally written."""
from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from guidewright.checks.csp import add_policy


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    return add_policy(output)


@event_priority(-100)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig, **kwargs: Any) -> str:
    return add_policy(output_content) if template_name.endswith(".html") else output_content
