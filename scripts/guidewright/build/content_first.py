"""The page before the menus. The theme writes the site menu and the page's table of contents
before the page itself; on a phone both sit in closed drawers, yet a reader on slow data must
download them before the title and key points can show. The build moves them after the page's
content, and guide.css keeps them where they were on screen (the flex `order` the theme's
layout uses), so nothing moves for the eye while the first screen arrives sooner and a screen
reader meets the page first."""
from __future__ import annotations

import re
from pathlib import Path

from guidewright.checks.first_screen import element_end

_SIDEBAR = re.compile(r"""<div class=["']md-sidebar md-sidebar--(?:primary|secondary)["']""")
_CONTENT = re.compile(r"""<div class=["']md-content["']""")


def content_first(html: str) -> str:
    """The page with the theme's sidebars moved after its content (unchanged if it has none)."""
    content = _CONTENT.search(html)
    if content is None:
        return html
    spans = [(m.start(), element_end(html, m.start(), "div")) for m in _SIDEBAR.finditer(html, 0, content.start())]
    if not spans:
        return html
    end = element_end(html, content.start(), "div")
    before, last = [], 0
    for start, stop in spans:
        before.append(html[last:start])
        last = stop
    before.append(html[last:content.start()])
    sidebars = "".join(html[start:stop] for start, stop in spans)
    return "".join(before) + html[content.start():end] + sidebars + html[end:]


def put_content_first(site_dir: Path) -> int:
    """Every page of the built site; returns how many changed."""
    changed = 0
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        moved = content_first(html)
        if moved != html:
            page.write_text(moved, encoding="utf-8")
            changed += 1
    return changed
