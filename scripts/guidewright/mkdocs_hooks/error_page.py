"""MkDocs hook: the 404 page links with relative URLs, like every other page.

MkDocs renders error pages with root-relative URLs taken from site_url's path. Those break
from file:// (the offline copy, a USB stick) and wherever the site is hosted under another
path. Relative URLs work there and for a missing page one level down; deeper, the server adds a
<base> (the nginx config from guidewright/build/hosting.py), or else the page's own script (overrides/404.html)
points the links at site_url's path. Zensical runs no hooks: the
build checks the built 404 either way (guidewright.checks.resource_check.check_error_page)."""
from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import normalize_url

ERROR_PAGE = "404.html"


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig, **kwargs: Any) -> dict[str, Any]:
    if template_name == ERROR_PAGE:
        context["base_url"] = "."
        context["extra_css"] = [normalize_url(str(path), None, ".") for path in config.extra_css]
        context["extra_javascript"] = [normalize_url(str(path), None, ".") for path in config.extra_javascript]
    return context
