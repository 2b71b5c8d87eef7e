"""The first screen from the first round trip. A server sends about 14 KB (TCP's first window,
ten packets) before it waits to hear back; on a slow phone connection every further round
trip costs most of a second. A browser paints as the page arrives, so what a page needs to show
its first screen (the help row, the header, the title and the block under it, which is the key
points on a guide's page, and the styles for them, which ride inline in <head>) must come in
those first bytes, compressed. The rest of the page and its full stylesheet follow without
holding up the first paint (guidewright.build.page_styles)."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

from guidewright.problems import Problem

CRITICAL_LIMIT = 14 * 1024  # bytes, compressed: what fits in TCP's initial window
# gzip at the level of the build's precompressed .gz files (brotli is smaller still).
GZIP_LEVEL = 9
_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)
_H2 = re.compile(r"<h2\b", re.IGNORECASE)
_BOX = re.compile(r"""<div class=["']admonition\b""")  # a box, as Python-Markdown's admonition writes it
_HEAD = re.compile(r"<head\b.*?</head\s*>", re.IGNORECASE | re.DOTALL)
STYLESHEET_LINK = re.compile(r"""<link\b[^>]*\brel=["']?stylesheet["']?""", re.IGNORECASE)
_INLINE_STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(r"<(?P<tag>div|p|ol|ul|dl|details|table|section|aside)\b", re.IGNORECASE)


def first_screen_end(html: str) -> int:
    """Where the first screen's part of the page ends: after the first box under the page's
    title (its key points; a notice or a list of sections may come before it), else after the
    first block (a paragraph, a list); the whole page if it has no title."""
    heading = _H1_END.search(html)
    if heading is None:
        return len(html)
    section = _H2.search(html, heading.end())
    box = _BOX.search(html, heading.end(), section.start() if section else len(html))
    if box is not None:
        return element_end(html, box.start(), "div")
    block = _BLOCK.search(html, heading.end())
    if block is None:
        return heading.end()
    return element_end(html, block.start(), block["tag"].lower())


def element_end(html: str, start: int, tag: str) -> int:
    """The end of the element opened at `start` (same-named elements nest)."""
    tags = re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE)
    depth = 0
    for match in tags.finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return len(html)


def first_screen(html: str) -> str:
    return html[:first_screen_end(html)]


_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)\b[^>]*?(/?)>", re.DOTALL)
_RAW_TEXT = {"script", "style", "template", "textarea", "title"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def first_screen_frame(html: str) -> str:
    """The first screen and, after it, the empty shells of the elements beside the ones it sits
    in (the menus' sidebars, the footer): what the first screen's styles must lay out too, so
    that if the rest of the styles never arrive (a dropped connection), the page's frame still
    holds its shape around what the reader sees first."""
    end = first_screen_end(html)
    shells, depth, floor, skip_until = [], 0, 0, None
    for match in _TAG.finditer(html, end):
        closing, name = match.group(1), match.group(2).lower()
        if skip_until is not None:
            if closing and name == skip_until:
                skip_until = None
            continue
        if closing:
            depth -= 1
            if depth < floor:  # an ancestor ends: so must it here, for the shells to land beside it
                shells.append(match.group())
                floor = depth
            continue
        if depth == floor < 0 and name not in _RAW_TEXT:  # a child of one of the first screen's ancestors
            shells.append(match.group() + ("" if name in _VOID else f"</{name}>"))
        if name in _RAW_TEXT:
            skip_until = name
        elif name not in _VOID and not match.group(3):
            depth += 1
    return html[:end] + "".join(shells)


def critical_bytes(html: str) -> int:
    """The compressed size of the page up to the end of its first screen."""
    return len(gzip.compress(first_screen(html).encode("utf-8"), compresslevel=GZIP_LEVEL, mtime=0))


def check_first_screen(html: str, where: str, limit: int = CRITICAL_LIMIT) -> list[Problem]:
    """The page paints its first screen from its first `limit` compressed bytes: nothing in its
    <head> waits for a stylesheet, and the part up to the end of its first screen fits."""
    problems = []
    head = _HEAD.search(html)
    if head and STYLESHEET_LINK.search(head.group()):
        problems.append(Problem(where, "its <head> links a stylesheet, so nothing shows until that file has arrived: the "
                                       "build puts the first screen's styles inline (guidewright.build.page_styles); "
                                       "build with the guidewright command or scripts/build.py, not plain mkdocs"))
    size = critical_bytes(html)
    if size > limit:
        styles = size - critical_bytes(_INLINE_STYLE.sub("<style></style>", html))
        problems.append(Problem(where, f"its first screen takes {size / 1024:.1f} KB compressed (inline styles "
                                       f"{styles / 1024:.1f} KB), over the {limit / 1024:g} KB that arrive in the first "
                                       "round trip: a reader on slow data waits longer before anything shows. Shorten "
                                       "the title or the block right under it (the key points), or move a long part "
                                       "of that block further down the page"))
    return problems


def check_site_first_screens(site_dir: Path, where, skip: tuple[Path, ...] = ()) -> list[Problem]:
    """Every page of the built site; `where` labels a page, `skip`: other languages' folders."""
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        if any(page.is_relative_to(folder) for folder in skip):
            continue
        problems += check_first_screen(page.read_text(encoding="utf-8", errors="replace"), where(page))
    return problems
