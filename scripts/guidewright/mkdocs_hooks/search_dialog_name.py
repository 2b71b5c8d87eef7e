"""MkDocs hook: name Material's search dialog for screen readers (guidewright.search.search_dialog).
Fails the build when Material stops rendering the dialog this expects, so a theme upgrade
can't silently drop the name."""
from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from guidewright.search.search_dialog import LABEL, label_search_dialog, needs_label


def _labelled(html: str, name: str, config: MkDocsConfig) -> str:
    # In the page's language (extra.ui, merged by the contacts_config hook).
    labelled = label_search_dialog(html, (config.extra.get("ui") or {}).get("search_dialog") or LABEL)
    if needs_label(labelled):
        raise PluginError(f"{name}: Material's search dialog changed (no <div class=\"md-search\" role=\"dialog\">); "
                          f"update guidewright/search/search_dialog.py so it keeps the name {LABEL!r}")
    return labelled


def on_post_page(output: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    return _labelled(output, page.file.src_uri, config)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig, **kwargs: Any) -> str:
    # The 404 page is a theme template, not a page: it comes through here.
    return _labelled(output_content, template_name, config) if template_name.endswith(".html") else output_content
