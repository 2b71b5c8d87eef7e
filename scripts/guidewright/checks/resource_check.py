"""No page may make the browser fetch anything from another site: scripts, styles, fonts,
images, frames, media. Links a reader chooses to follow are fine (they send no referrer)."""
from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from guidewright.checks.html_visibility import parsed
from guidewright.problems import Problem

# (selector, attribute) pairs the browser fetches by itself.
FETCHED = [
    ("script[src]", "src"), ("img[src]", "src"), ("img[srcset]", "srcset"), ("source[src]", "src"),
    ("source[srcset]", "srcset"), ("iframe[src]", "src"), ("frame[src]", "src"), ("video[src]", "src"),
    ("video[poster]", "poster"), ("audio[src]", "src"), ("track[src]", "src"), ("embed[src]", "src"),
    ("object[data]", "data"), ("input[src]", "src"), ("image[href]", "href"), ("use[href]", "href"),
]
FETCHED_LINK_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "prerender", "preconnect",
                     "dns-prefetch", "icon", "apple-touch-icon", "manifest", "mask-icon"}
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.IGNORECASE)


def is_external(url: str) -> bool:
    return url.strip().lower().startswith(("http://", "https://", "//"))


def external_resources(html: str | LexborHTMLParser) -> list[str]:
    """'<tag attr> url' for every resource this page would fetch from another site."""
    tree = parsed(html)
    found = []
    for selector, attribute in FETCHED:
        for node in tree.css(selector):
            for url in (node.attributes.get(attribute) or "").split(","):
                url = url.strip().split(" ")[0]
                if url and is_external(url):
                    found.append(f"<{node.tag} {attribute}> {url}")
    for node in tree.css("link[href]"):
        rels = set((node.attributes.get("rel") or "").lower().split())
        if rels & FETCHED_LINK_RELS and is_external(node.attributes.get("href") or ""):
            found.append(f"<link rel={'/'.join(sorted(rels))}> {node.attributes['href']}")
    styles = [node.text() for node in tree.css("style")] + [n.attributes.get("style") or "" for n in tree.css("[style]")]
    found += [f"CSS url() {url}" for css in styles for url in _CSS_URL.findall(css)]
    return found


def check_page_resources(html: str | LexborHTMLParser, where: str) -> list[Problem]:
    return [Problem(where, f"fetches {item} from another site: readers must make no outside request; "
                           "self-host it or remove it") for item in external_resources(html)]


def check_stylesheets(site_dir: Path) -> list[Problem]:
    """Stylesheets in the site may not import or point at outside files (fonts, images)."""
    problems = []
    for css in sorted(site_dir.rglob("*.css")):
        for url in _CSS_URL.findall(css.read_text(encoding="utf-8", errors="replace")):
            problems.append(Problem(str(css.relative_to(site_dir.parent)), f"stylesheet fetches {url}: self-host it"))
    return problems


def check_page_markup(html: str | LexborHTMLParser, where: str, render_blocking_allowed: bool = False) -> list[Problem]:
    """Images reserve their space and say what they show; no script blocks the first paint.
    (The offline copy may block on its tiny local search shim: files have no network delay.)"""
    tree = parsed(html)
    problems = []
    for image in tree.css("img"):
        missing = [a for a in ("alt", "width", "height") if a not in image.attributes]
        if missing:
            problems.append(Problem(where, f"<img src={image.attributes.get('src')!r}> has no {', '.join(missing)}: "
                                           'give alt text (alt="" if decorative) and its size'))
    if not render_blocking_allowed:
        for script in tree.css("head script[src]"):
            if not {"async", "defer"} & set(script.attributes) and script.attributes.get("type") != "module":
                problems.append(Problem(where, f"<script src={script.attributes['src']!r}> in <head> blocks the first "
                                               "paint: load it at the end of <body>, or with defer"))
    return problems


def check_error_page(html: str | LexborHTMLParser, where: str) -> list[Problem]:
    """The 404 page opens from file:// and under any path only if its own links and files are
    relative: a root-relative URL (/x) goes to the root of the disk or the server."""
    tree = parsed(html)
    found = sorted({f"<{node.tag} {attribute}={node.attributes[attribute]!r}>"
                    for selector, attribute in [*FETCHED, ("a[href]", "href"), ("link[href]", "href")]
                    for node in tree.css(selector)
                    if (node.attributes.get(attribute) or "").startswith("/")
                    and not (node.attributes.get(attribute) or "").startswith("//")})
    return [Problem(where, f"{item} is root-relative: it breaks from file:// and under any other path; make it "
                           "relative (with MkDocs, is the guidewright plugin listed under plugins: in mkdocs.yml?)") for item in found]
