"""Each built page's styles, made light: the stylesheets its <head> links (the theme's, its
palette's, the guide's) become one file with only the rules the site can use
(guidewright.build.styles), linked right after the first screen's part of the page; the rules
that part uses ride inline in <head>. So the first screen paints from the first round trip
(guidewright.checks.first_screen) and the rest never holds it up. A stylesheet in <body> needs
no script (and no <noscript> fallback): browsers paint what comes before it while it loads,
show what follows only once it has (nothing after it is ever seen half-styled, or animates
into place), and apply it before printing. Its rules are the inline ones and more, in the same
order, so once it has loaded every element looks exactly as with the original stylesheets."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from guidewright.build.asset_names import ASSETS
from guidewright.build.styles import (
    Matcher,
    drop_unused_keyframes,
    drop_unused_properties,
    inline_scripts,
    markup_words,
    script_words,
    used_styles,
)
from guidewright.checks.first_screen import STYLESHEET_LINK, first_screen_end, first_screen_frame

FILE = f"{ASSETS}/stylesheets/site.css"  # the site's one stylesheet (its name gets a hash after)
_LINK = re.compile(STYLESHEET_LINK.pattern + r"""[^>]*>\s*""", re.IGNORECASE)  # the whole tag, to replace it
_HREF = re.compile(r"""\bhref=["']?([^"'\s>]+)""", re.IGNORECASE)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_STYLE_ATTR = re.compile(r"""\bstyle=["']([^"']*)""", re.IGNORECASE)
_TEMPLATE = re.compile(r"<template\b.*?</template>", re.IGNORECASE | re.DOTALL)
_SCRIPT_SRC = re.compile(r"""<script\b[^>]*\bsrc=["']?([^"'\s>]+)""", re.IGNORECASE)


@dataclass
class PageStyles:
    pages: int = 0
    original: int = 0   # bytes of the stylesheets the pages linked
    used: int = 0       # bytes of the one stylesheet kept
    critical: int = 0   # bytes inline in each page
    unreadable: int = 0


def _local(page: Path, url: str, site_dir: Path) -> Path | None:
    if not url or url.startswith(("/", "//")) or ":" in url:
        return None
    target = Path(os.path.normpath(page.parent / url))
    return target if target.is_relative_to(site_dir) and target.is_file() else None


def lighten_styles(site_dir: Path, first_screen_inline: bool = True, added_later: tuple[str, ...] = ()) -> PageStyles:
    """Rewrite every page of the site (translations' folders included) as the module's doc says.
    Pages are read as needed, never all held at once: a guide may have thousands. Without
    first_screen_inline (the offline copy, read from files: no round trips to save, and inline
    styles in every page would make the zip heavier), the one stylesheet stays in <head>.
    added_later: markup the engine adds to pages after the build (when printing), whose rules stay."""
    pages = sorted(site_dir.rglob("*.html"))

    def load(index: int) -> str:
        return pages[index].read_text(encoding="utf-8")

    sheets: list[Path] = []  # in the order the pages link them
    scripts: set[Path] = set()
    eager: set[Path] = set()
    inline: set[str] = set()
    styles: set[str] = set()
    for index, page in enumerate(pages):
        html = load(index)
        head_end = _HEAD_END.search(html)
        for link in _LINK.finditer(html[:head_end.start()] if head_end else ""):
            href = _HREF.search(link.group())
            target = _local(page, href.group(1), site_dir) if href else None
            if target is not None and target not in sheets:
                sheets.append(target)
        scripts |= {target for src in _SCRIPT_SRC.findall(html) if (target := _local(page, src, site_dir))}
        # Scripts that run as the page loads (not those waiting in a <template> for first use)
        # may mark the page before the stylesheet arrives, or when it never does.
        eager |= {target for src in _SCRIPT_SRC.findall(_TEMPLATE.sub("", html))
                  if (target := _local(page, src, site_dir))}
        inline |= set(inline_scripts(html))
        styles |= set(_STYLE_ATTR.findall(html))
    result = PageStyles(pages=len(pages))
    if not sheets:
        return result
    script_text = {p: p.read_text(encoding="utf-8", errors="replace") for p in sorted(scripts | eager)}
    script_files = [script_text[p] for p in sorted(scripts)]
    elsewhere = " ".join(sorted(styles)) + " ".join(script_files)
    css = [sheet.read_text(encoding="utf-8") for sheet in sheets]
    result.original = sum(len(text.encode()) for text in css)

    later = script_words(script_files + sorted(inline)) | {word for markup in added_later for word in markup_words(markup)}
    everything = Matcher(len(pages), load, later)
    used = [used_styles(text, everything) for text in css]
    kept = drop_unused_properties([u.css for u in used], elsewhere)
    critical = []
    if first_screen_inline:  # what the page's scripts may do as it loads counts; what waits for a tap doesn't
        at_load = script_words(sorted(inline) + [script_text[p] for p in sorted(eager)])
        first = Matcher(len(pages), lambda index: first_screen_frame(load(index)), at_load, first_paint=True)
        critical = drop_unused_properties([used_styles(text, first, leave_out_media=("print",)).css for text in kept],
                                          elsewhere)
        critical = [drop_unused_keyframes(text) for text in critical]
    result.unreadable = sum(len(u.unreadable) for u in used)
    whole, inline_css = "\n".join(kept), "".join(critical)
    result.used, result.critical = len(whole.encode()), len(inline_css.encode())

    stylesheet = site_dir / FILE
    stylesheet.parent.mkdir(parents=True, exist_ok=True)
    stylesheet.write_text(whole, encoding="utf-8")
    for index, page in enumerate(pages):
        page.write_text(_rewritten(load(index), page, site_dir, sheets, inline_css, stylesheet, first_screen_inline),
                        encoding="utf-8")
    for sheet in sheets:  # their maps too: nothing links the originals any more
        sheet.unlink()
        sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)
    return result


def _rewritten(html: str, page: Path, site_dir: Path, sheets: list[Path], inline_css: str, stylesheet: Path,
               first_screen_inline: bool) -> str:
    head_end = _HEAD_END.search(html)
    if head_end is None:
        return html
    head, rest = html[:head_end.start()], html[head_end.start():]
    placed = False
    link = f'<link rel="stylesheet" href="{Path(os.path.relpath(stylesheet, page.parent)).as_posix()}">'
    first = f"<style>{inline_css}</style>\n" if first_screen_inline else link

    def swap(match: re.Match) -> str:
        nonlocal placed
        href = _HREF.search(match.group())
        if href is None or _local(page, href.group(1), site_dir) not in sheets:
            return match.group()
        if placed:
            return ""
        placed = True
        return first

    head = _LINK.sub(swap, head)
    if not placed or not first_screen_inline:
        return head + rest if placed else html
    html = head + rest
    end = first_screen_end(html)  # right after the first screen: what follows waits for the whole sheet
    return html[:end] + link + html[end:]
