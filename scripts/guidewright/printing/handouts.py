"""Printed handouts: a PDF of every topic page, and one-sheet quick cards cut from the pages,
printed by headless Chromium (Debian's, through Playwright) from the built site with the
site's own print stylesheet; a card from its own page (guidewright.printing.card_pages), which readers can
print from a browser too. Each adds a QR code and short link to the page online."""
from __future__ import annotations

import html as html_escape
import ipaddress
import os
import posixpath
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import segno
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from guidewright.configuration.config import url_path
from guidewright.configuration.site_address import is_placeholder
from guidewright.problems import Problem, config_problem

KEY = "extra.handouts"
OPTIONS = ("cards", "command", "list_page", "public_url", "skip")
# What the handout list tells whoever builds a copy to run, when it has no PDFs (extra.handouts.command).
DEFAULT_COMMAND = "guidewright handouts"
PRIVATE_DOMAINS = (".local", ".internal", ".intranet", ".lan", ".corp", ".home.arpa")
PRIVATE_LABELS = ("intranet", "intra", "internal")
PAPERS = {"letter": "Letter", "a4": "A4"}  # folder -> Chromium paper format; letter is the default
# Quick cards are tried largest first; a short card prints bigger instead of leaving half a sheet
# empty (easier to read for tired eyes), a full one at 1.0 (11 pt text).
CARD_SCALES = (1.45, 1.3, 1.15, 1.0)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Part:
    page: str                  # source file, e.g. timeline.md
    select: str | None = None  # CSS selector: every match
    section: str | None = None  # heading id: the heading and what follows it


@dataclass(frozen=True)
class Card:
    id: str
    title: str
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Handout:
    path: Path
    sheets: int
    size: int


def parse_handouts(extra: dict, locate, nav: list[str]) -> tuple[tuple[list[str], list[Card]], list[Problem]]:
    """Pages that get a handout (the nav minus `skip`) and the cards; every mistake named."""
    raw = extra.get("handouts") or {}
    messages = [f"{KEY}.{k}: unknown option (allowed: {', '.join(OPTIONS)})" for k in raw if k not in OPTIONS]
    public_url = raw.get("public_url")
    if public_url is not None and not (isinstance(public_url, str) and public_url.startswith("https://")
                                       and urlsplit(public_url).hostname):
        messages.append(f"{KEY}.public_url: must be the guide's public https:// address, which the QR codes on "
                        f"printed handouts lead to (got {public_url!r})")
    skip = raw.get("skip") or []
    messages += [f"{KEY}.skip: {page!r} is not in the nav" for page in skip if page not in nav]
    if raw.get("list_page") is not None and raw["list_page"] not in nav:
        messages.append(f"{KEY}.list_page: {raw['list_page']!r} is not in the nav")
    cards = []
    for card_id, card in (raw.get("cards") or {}).items():
        key = f"{KEY}.cards.{card_id}"
        if not isinstance(card, dict) or not card.get("title") or not card.get("from"):
            messages.append(f"{key}: needs a title and from: [{{page, select or section}}]")
            continue
        parts = []
        for index, part in enumerate(card["from"]):
            where = f"{key}.from[{index}]"
            if not isinstance(part, dict) or part.get("page") not in nav:
                messages.append(f"{where}.page: must be a page in the nav (got {part.get('page') if isinstance(part, dict) else part!r})")
            elif bool(part.get("select")) == bool(part.get("section")):
                messages.append(f"{where}: give exactly one of select or section")
            else:
                parts.append(Part(part["page"], part.get("select"), part.get("section")))
        cards.append(Card(str(card_id), str(card["title"]), tuple(parts)))
    problems = [config_problem(locate, m) for m in messages]
    return ([page for page in nav if page not in skip], cards, public_url), problems


def address_problems(url: str, key: str, locate) -> list[Problem]:
    """No address, or a placeholder, can't be printed: paper can't be fixed after the fact."""
    if url and not is_placeholder(url):
        return []
    what = f"lead to {url}, which is a placeholder" if url else "would lead nowhere: no address is set"
    return [config_problem(locate, f"{key}: the handouts' QR codes and short links {what}. Set "
                                   f"{KEY}.public_url (or site_url) to the guide's public address, then print")]


def address_warnings(url: str, key: str, locate) -> list[Problem]:
    """The address printed as a QR code and short link should be one a reader can open at home,
    not an intranet (staff may know better: a warning)."""
    host = (urlsplit(url).hostname or "").lower()
    if not url or is_placeholder(url) or not (host.endswith(PRIVATE_DOMAINS) or "." not in host
                                              or host.split(".")[0] in PRIVATE_LABELS or _private_ip(host)):
        return []
    return [config_problem(locate, f"{key}: the handouts' QR codes and short links lead to {url}, which looks like "
                                   f"an intranet address, which readers can't open at home. Set {KEY}.public_url "
                                   "to the guide's public address")]


def _private_ip(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_private
    except ValueError:
        return False


def fragment(page_html: str, part: Part, title: str = "") -> str | None:
    """The HTML a card takes from a built page, or None when the selector or section is gone.
    A section heading that only repeats the card's title is left out."""
    tree = LexborHTMLParser(page_html)
    if part.select:
        found = tree.css(part.select)
        return "".join(node.html for node in found) or None
    heading = tree.css_first(f"#{part.section}")
    if heading is None or heading.tag not in HEADINGS:
        return None
    repeats_title = " ".join(heading.text().split()).lower() == title.lower()
    pieces, node = ([] if repeats_title else [heading.html]), heading.next
    while node is not None and not (node.tag in HEADINGS and node.tag <= heading.tag):
        pieces.append(node.html if node.tag != "-text" else (node.text_content or ""))
        node = node.next
    return "".join(pieces)


def qr_svg(url: str) -> str:
    """An inline SVG QR code (medium error correction survives a smudged photocopy)."""
    # No fixed size (a viewBox instead): the print stylesheet sizes it for pages and cards.
    return segno.make(url, error="m").svg_inline(border=4, omitsize=True, title=f"QR code: {url}")


def pdf_name(page: str | None = None, card: Card | None = None) -> str:
    """A handout's file name without its folder: timeline.pdf, card-naloxone.pdf."""
    return f"card-{card.id}.pdf" if card is not None else f"{Path(page).stem}.pdf"


def card_source(card: Card) -> str:
    """The page name a card's own web page is built as (guidewright.printing.card_pages): card-<id>.md beside
    its first part's page, so it sits at the same depth."""
    return posixpath.join(posixpath.dirname(card.parts[0].page), f"card-{card.id}.md")


def pdf_path(name: str, folder: str) -> str:
    """Where a paper size's copy goes, relative to the handouts folder: Letter at the top."""
    return name if folder == "letter" else f"{folder}/{name}"


def page_url(site_url: str, built: Path) -> str:
    """The online address of a built page (directory URLs: x/index.html -> x/)."""
    return site_url.rstrip("/") + "/" + url_path(built)


def _link_block(url: str, words: str) -> str:
    short = url.split("://", 1)[-1]
    return (f'<div class="pe-handout-link">{qr_svg(url)}<p>{html_escape.escape(words)}<br>'
            f"<strong>{html_escape.escape(short)}</strong></p></div>")


# What printing adds to every page: the build keeps the styles for it (guidewright.build.page_styles).
ADDED_WHEN_PRINTED = _link_block("https://example.org/", "")

# On a card the link goes at the end of its two columns, where the second has room.
_INSERT_LINK = """(block) => {
  const article = document.querySelector('article');
  (article.querySelector('.pe-card__body') || article).insertAdjacentHTML('beforeend', block);
}"""


CHROMIUM_ENV = "GUIDEWRIGHT_CHROMIUM"  # a Chromium to print with, where it isn't on PATH
CHROMIUM_NAMES = ("chromium", "chromium-browser")
NO_CHROMIUM = (f"printing needs Chromium, and none was found: install your system's package (Debian: apt-get install "
               f"chromium), or set {CHROMIUM_ENV} to its path. Nothing downloads a browser.")


def find_chromium() -> str | None:
    """The system's Chromium (never a downloaded one): $GUIDEWRIGHT_CHROMIUM, else on PATH."""
    named = os.environ.get(CHROMIUM_ENV)
    if named:
        return named if Path(named).is_file() else None
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


@contextmanager
def chromium(executable: str):
    """One Chromium for a whole run of printing (every language's handouts)."""
    from playwright.sync_api import sync_playwright  # only the handouts need a browser

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        try:
            yield browser
        finally:
            browser.close()


def make_handouts(site_dir: Path, site_url: str, built_path, pages: list[str], cards: list[Card],
                  out_dir: Path, browser, read_online: str) -> tuple[list[Handout], list[Problem]]:
    """Print every page and card in every paper size with `browser` (see chromium()); a card
    that spills onto a second sheet, or whose page is missing, is a problem. A card is printed
    from its own page (guidewright.printing.card_pages), its QR code leading to the page it starts on online.
    read_online: the words beside the QR code, in the page's language (extra.ui)."""

    jobs = [(pdf_name(page), built_path(page), built_path(page), False) for page in pages]
    problems: list[Problem] = []
    for card in cards:
        built = built_path(card_source(card))
        if not (site_dir / built).is_file():
            problems.append(Problem(f"{KEY}.cards.{card.id}", f"the card's page {built.as_posix()} was not built"))
            continue
        jobs.append((pdf_name(card=card), built, built_path(card.parts[0].page), True))

    made: list[Handout] = []
    page = browser.new_page()
    page.emulate_media(media="print")
    for name, built, online, card in jobs:
        page.goto((site_dir / built).as_uri())
        page.evaluate(_INSERT_LINK, _link_block(page_url(site_url, online), read_online))
        for folder, paper in PAPERS.items():
            path = out_dir / pdf_path(name, folder)
            path.parent.mkdir(parents=True, exist_ok=True)
            # A quick card fills its sheet: printed at the largest scale that still fits one.
            for scale in (CARD_SCALES if card else (1.0,)):
                page.pdf(path=str(path), format=paper, print_background=True, scale=scale)
                sheets = len(PdfReader(path).pages)
                if sheets == 1:
                    break
            made.append(Handout(path, sheets, path.stat().st_size))
            if card and sheets != 1:
                problems.append(Problem(str(path), f"quick card prints on {sheets} {folder} sheets; "
                                                   "it must fit one: cut its parts"))
    page.close()
    return made, problems

