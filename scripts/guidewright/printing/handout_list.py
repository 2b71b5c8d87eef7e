"""The list of every handout and quick card on the page for clinic staff
(`extra.handouts.list_page`, where it says <!-- handout-list -->), computed once in Python from
the validated config like guidewright.lines.crisis_view: templates only loop over it (MiniJinja makes no
method calls). MkDocs gets it from a hook; Zensical from the build's generated overlay.

The page knows at config time whether this build prints the PDFs (--handouts): if so it links
to them, and the build prints them from the checked site into its handouts/ folder before the
site is published; if not, it names them and says how to make them."""
from __future__ import annotations

import posixpath
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from guidewright.checks.source_check import split_front_matter
from guidewright.configuration.config import SiteConfig, built_path
from guidewright.configuration.settings import Settings
from guidewright.configuration.source_text import read_source
from guidewright.printing.handouts import DEFAULT_COMMAND, PAPERS, card_source, pdf_name, pdf_path
from guidewright.problems import Problem, page_label

KEY = "handout_list"              # config.extra.handout_list in templates
MARKER = "<!-- handout-list -->"  # where the page wants the list
LIST = "[data-handout-list]"      # the partial's outer element
FOLDER = "handouts"               # the PDFs' folder inside the site
ENV = "GUIDE_HANDOUT_PDFS"        # "true" when this MkDocs run's site will get the PDFs


def list_page(config: SiteConfig) -> str | None:
    handouts = config.extra.get("handouts") or {}
    return handouts.get("list_page") if isinstance(handouts, dict) else None


def handout_list(settings: Settings, use_directory_urls: bool, pdfs: bool) -> dict:
    """Plain data (str, bool, list, dict) so it can travel through YAML to another builder.
    Links are relative to the list page, so they work under any path and from file://."""
    config = settings.config
    page = list_page(config)
    if page is None:
        return {}
    here = posixpath.dirname(built_path(page, use_directory_urls).as_posix()) or "."

    def entry(title: str, name: str) -> dict:
        links = {folder: posixpath.relpath(f"{FOLDER}/{pdf_path(name, folder)}", here) for folder in PAPERS}
        return {"title": title, **(links if pdfs else {})}

    def card_entry(card) -> dict:  # and, in every build, the card's own page, which prints on one sheet
        page = built_path(card_source(card), use_directory_urls).as_posix()
        return {**entry(card.title, pdf_name(card=card)), "page": relative_url(page, here, use_directory_urls)}

    return {
        "pdfs": pdfs,
        "command": str((config.extra.get("handouts") or {}).get("command") or DEFAULT_COMMAND),
        "pages": [entry(page_title(config.docs_dir / src, src), pdf_name(src)) for src in settings.handout_pages],
        "cards": [card_entry(card) for card in settings.cards],
    }


def relative_url(target: str, here: str, use_directory_urls: bool) -> str:
    """A built file's link from a folder: x/index.html -> ../x/ with directory URLs."""
    link = posixpath.relpath(target, here or ".")
    return link[: -len("index.html")] if use_directory_urls and link.endswith("index.html") else link


def page_title(path: Path, src: str) -> str:
    """The page's own title (front matter), as printed at the top of its handout."""
    text, _ = read_source(path, src) if path.is_file() else (None, [])
    page, _ = split_front_matter(text, src) if text is not None else (None, [])
    title = page.meta.get("title") if page is not None else None
    return title.strip() if isinstance(title, str) and title.strip() else Path(src).stem


def check_list_page(site_dir: Path, config: SiteConfig) -> list[Problem]:
    """The list page shows the list exactly once: its marker and its template are in place."""
    page = list_page(config)
    if page is None:
        return []
    built, label = _built(site_dir, config, page)
    if not built.is_file():
        return [Problem(label, "extra.handouts.list_page was not built")]
    found = len(LexborHTMLParser(built.read_text(encoding="utf-8")).css(LIST))
    if found != 1:
        return [Problem(label, f"shows the list of handouts {found} times, not once: put {MARKER} on its own line "
                               "where the list goes, and set `template: for-clinics.html` in its front matter")]
    return []


def missing_pdfs(site_dir: Path, config: SiteConfig) -> list[Problem]:
    """Every link in the list opens a PDF published with the site (printed, then copied in)."""
    page = list_page(config)
    if page is None:
        return []
    built, label = _built(site_dir, config, page)
    tree = LexborHTMLParser(built.read_text(encoding="utf-8"))
    hrefs = [a.attributes.get("href") or "" for a in tree.css(f'{LIST} a[type="application/pdf"]')]
    problems = [Problem(label, f"the list of handouts links to {href}, which was not printed into the site")
                for href in hrefs if not (built.parent / href).resolve().is_file()]
    if not hrefs:
        problems.append(Problem(label, "the list of handouts has no links, but this build printed the PDFs"))
    return problems


def _built(site_dir: Path, config: SiteConfig, page: str) -> tuple[Path, str]:
    """The list page's built file, and its label naming the source to fix."""

    built = site_dir / config.built_path(page)
    return built, page_label(built, site_dir, config.docs_dir / page, config.docs_dir)
