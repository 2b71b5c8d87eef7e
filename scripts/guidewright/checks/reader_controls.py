"""Two controls on every page for a reader in a hurry, set in config and checked on every built page:
- first aid (`extra.first_aid: {page, anchor}`): what to do in the worst moment, the header's
  first control, one tap from anywhere;
- quick exit (`extra.quick_exit`: an https:// address): the page's first tab stop, a plain link to a
  neutral site; with scripts it also replaces the page in the history and answers Shift pressed
  3 times (the theme's partials/quick-exit.html).
Both are plain links, so they work without JavaScript and from a folder."""
from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from guidewright.checks.html_visibility import hidden_by
from guidewright.configuration.config import built_path, url_path
from guidewright.problems import Problem, config_problem

FIRST_AID = "[data-pe-first-aid][href]"
QUICK_EXIT = "[data-pe-quick-exit][href]"
HELP_ROW = "[data-crisis-contacts]"


def parse_reader_controls(extra: dict, locate, docs_dir: Path) -> list[Problem]:
    """Config problems: the first-aid page must exist, the quick exit must lead off the site."""
    problems = []
    first_aid = extra.get("first_aid")
    if first_aid is not None:
        page = first_aid.get("page") if isinstance(first_aid, dict) else None
        unknown = set(first_aid) - {"page", "anchor"} if isinstance(first_aid, dict) else set()
        if not isinstance(page, str) or not page.endswith(".md"):
            problems.append(config_problem(locate, "extra.first_aid: give the page to open, as "
                                           "{page: <file>.md, anchor: <heading id>} (anchor optional)"))
        elif docs_dir.is_dir() and not (docs_dir / page).is_file():  # a config alone (no pages) is checked too
            problems.append(config_problem(locate, f"extra.first_aid.page: {page} is not a page "
                                           f"in {docs_dir.name}/; name the page with the steps"))
        if unknown:
            problems.append(config_problem(locate, f"extra.first_aid: unknown field(s) "
                                           f"{', '.join(sorted(unknown))} (allowed: page, anchor)"))
    exit_url = extra.get("quick_exit")
    if exit_url is not None and not (isinstance(exit_url, str) and urlsplit(exit_url).scheme == "https"
                                     and urlsplit(exit_url).netloc):
        problems.append(config_problem(locate, f"extra.quick_exit: {exit_url!r} must be an "
                                       "https:// address of a neutral site off this one (a weather or news page), "
                                       "so leaving never shows anything of this guide"))
    return problems


def first_aid_url(extra: dict, use_directory_urls: bool) -> str:
    """The first-aid link from the site's root ('' when the guide has none)."""
    first_aid = extra.get("first_aid")
    if not isinstance(first_aid, dict) or not first_aid.get("page"):
        return ""
    url = url_path(built_path(str(first_aid["page"]), use_directory_urls)) or "./"
    return url + (f"#{first_aid['anchor']}" if first_aid.get("anchor") else "")


def check_reader_controls(html: str | LexborHTMLParser, where: str, page_url: str, site_dir: Path,
                          first_aid: str, quick_exit: str) -> list[Problem]:
    """On a built page (page_url: its path from the site's root): the first-aid link in the header,
    visible, leading to a built page; the quick exit visible and before the help row (the browser
    tests check it is the first tab stop: the theme's hidden toggles can't be told from HTML)."""
    tree = html if isinstance(html, LexborHTMLParser) else LexborHTMLParser(html)
    problems = []
    if first_aid:
        control = tree.css_first(f"header {FIRST_AID}")
        if control is None:
            problems.append(Problem(where, "no first-aid control in the header: the theme's main.html puts it before "
                                           "the header's title, so the theme's header changed; update main.html"))
        elif reason := hidden_by(control):
            problems.append(Problem(where, f"the header's first-aid control is hidden by {reason}"))
        elif not _reaches(control.attributes.get("href") or "", page_url, site_dir):
            problems.append(Problem(where, f"the first-aid control links to {control.attributes.get('href')!r}, "
                                           "which is not a built page: check extra.first_aid"))
    if quick_exit:
        link = tree.css_first(QUICK_EXIT)
        if link is None:
            problems.append(Problem(where, "no quick exit: the theme's main.html includes partials/quick-exit.html "
                                           "first in the announce block"))
        elif link.attributes.get("href") != quick_exit:
            problems.append(Problem(where, f"the quick exit leads to {link.attributes.get('href')!r}, not "
                                           f"extra.quick_exit ({quick_exit})"))
        elif reason := hidden_by(link):
            problems.append(Problem(where, f"the quick exit is hidden by {reason}"))
        elif not _comes_before(tree, link, HELP_ROW):
            problems.append(Problem(where, "the quick exit must come before the help row, as the page's first tab "
                                           "stop: the theme's main.html includes partials/quick-exit.html first"))
    return problems


def _reaches(href: str, page_url: str, site_dir: Path) -> bool:
    """A relative link from the page at page_url lands on a built file."""
    path = urlsplit(href).path
    if urlsplit(href).scheme or href.startswith("/"):
        return False
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path)) if path else page_url
    built = site_dir / target
    return (built / "index.html").is_file() if (path.endswith("/") or built.is_dir()) else built.is_file()


def _comes_before(tree: LexborHTMLParser, node, selector: str) -> bool:
    """node comes before the first element matching selector (or there is none)."""
    other = tree.css_first(selector)
    if other is None:
        return True
    for each in tree.body.traverse(include_text=False):
        if each.mem_id == node.mem_id:
            return True
        if each.mem_id == other.mem_id:
            return False
    return False
