"""Quick cards as web pages (guidewright.printing.card_pages): every card in every language, its parts, links
that resolve in the built site, the links to it from its pages and the For clinics list, and a
card whose part is gone named with its page."""
from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import REPO, language_settings
from guidewright.build.zensical_build import generated_overlay
from guidewright.checks.review_view import page_url
from guidewright.configuration.config import built_path
from guidewright.mkdocs_hooks.safety_advice import ENV as BUILT_BY_SCRIPT
from guidewright.printing.card_pages import BODY_CLASS, CARD_CLASS, KEY, card_links, lift_headings, rebase, write_card_pages
from guidewright.printing.handout_list import LIST
from guidewright.printing.handouts import Card, Part, card_source, fragment

LANGUAGES = language_settings(REPO / "mkdocs.yml")  # folder in the site -> that language's settings


def site_of(built_site: Path, folder: str) -> Path:
    return built_site / folder if folder else built_site


def words(text: str) -> str:
    return " ".join(text.split())


def target_of(page: Path, href: str) -> Path:
    """The file a relative link in a built page opens (a folder: its index.html)."""
    path = urlsplit(href).path
    target = (page.parent / path).resolve() if path else page.resolve()
    return target / "index.html" if target.is_dir() else target


@pytest.mark.parametrize("url, old, new, expected", [
    ("../symptoms/", "timeline", "card-x", "../symptoms/"),      # same depth: unchanged
    ("./", "timeline", "card-x", "../timeline/"),                # the page itself: back to it
    ("..", "timeline", "card-x", ".."),
    ("../a/#b", "timeline", "cards/x", "../../a/#b"),            # another depth
    ("symptoms.html#x", "", "", "symptoms.html#x"),
    ("#x", "timeline", "card-x", "#x"),                          # fragments are the caller's
    ("https://example.org/a", "timeline", "card-x", "https://example.org/a"),
    ("tel:911", "timeline", "card-x", "tel:911"),
])
def test_rebase(url, old, new, expected):
    assert rebase(url, old, new) == expected


def test_lift_headings():
    """A part's top heading becomes an h2 under the card's h1; the rest keep their steps."""
    assert lift_headings('<h3 id="a">A</h3><p>x</p><h4>B</h4>') == '<h2 id="a">A</h2><p>x</p><h3>B</h3>'
    assert lift_headings("<ul><li>x</li></ul>") == "<ul><li>x</li></ul>"


def test_card_links_name_every_page_a_card_comes_from(repo_settings):
    """Each page a card's `from` names gets one link to the card's page, relative to it."""
    for directory_urls in (True, False):
        links = card_links(repo_settings.cards, directory_urls)
        for card in repo_settings.cards:
            target = built_path(card_source(card), directory_urls).as_posix()
            for part in card.parts:
                here = built_path(part.page, directory_urls).parent.as_posix()
                hrefs = [link["href"] for link in links[page_url(part.page, directory_urls)] if link["title"] == card.title]
                assert len(hrefs) == 1
                opened = posixpath.normpath(posixpath.join(here, hrefs[0]))
                assert target in (opened, f"{opened}/index.html")


@pytest.mark.parametrize("folder", list(LANGUAGES))
def test_every_card_has_its_page(built_site, folder):
    """In each language, each card's page has the card's title, every part cut from its page,
    the card's print class, and every relative link and image leads to a file in the site."""
    settings = LANGUAGES[folder]
    site, config = site_of(built_site, folder), settings.config
    assert settings.cards, "the config names quick cards"
    for card in settings.cards:
        page = site / config.built_path(card_source(card))
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        assert CARD_CLASS in (tree.css_first("body").attributes.get("class") or "")
        assert words(tree.css_first("article h1").text()) == card.title
        assert tree.css_first("title").text().startswith(card.title)
        body = words(tree.css_first(f".{BODY_CLASS}").text())
        for part in card.parts:
            source = (site / config.built_path(part.page)).read_text(encoding="utf-8")
            cut = words(LexborHTMLParser(fragment(source, part, card.title)).text())
            assert cut and cut in body, f"{card.id}: the part from {part.page} is missing"
        ids = {node.attributes.get("id") for node in tree.css("[id]")}
        broken = []
        for node in tree.css("[href], [src]"):
            url = node.attributes.get("href") or node.attributes.get("src") or ""
            if urlsplit(url).scheme or url.startswith("/"):
                continue
            if url.startswith("#"):
                broken += [url] if url[1:] and url[1:] not in ids else []
            elif not target_of(page, url).is_file():
                broken.append(url)
        assert broken == [], f"{card.id} ({folder or 'en'}): links lead nowhere: {broken}"


def test_language_link_leads_to_the_same_card(built_site):
    """Each language's card page links to the same card in the other language."""
    for folder, settings in LANGUAGES.items():
        others = [other for other in LANGUAGES if other != folder]
        for card in settings.cards:
            built = settings.config.built_path(card_source(card))
            page = site_of(built_site, folder) / built
            link = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first("[data-pe-language-link]")
            assert target_of(page, link.attributes["href"]) == (site_of(built_site, others[0]) / built).resolve()


def test_pages_and_for_clinics_link_the_cards(built_site):
    """Every page a card is cut from links to the card's page, and so does the list of handouts
    on the For clinics page, in each language."""
    for folder, settings in LANGUAGES.items():
        site, config = site_of(built_site, folder), settings.config
        clinic_page = site / config.built_path(config.extra["handouts"]["list_page"])
        listed = {target_of(clinic_page, a.attributes["href"]) for a in
                  LexborHTMLParser(clinic_page.read_text(encoding="utf-8")).css(f"{LIST} a[href]")}
        for card in settings.cards:
            card_page = (site / config.built_path(card_source(card))).resolve()
            assert card_page in listed, f"{card.id}: not in the For clinics list"
            for part in card.parts:
                source = site / config.built_path(part.page)
                links = LexborHTMLParser(source.read_text(encoding="utf-8")).css("[data-pe-card-links] a[href]")
                assert card_page in {target_of(source, a.attributes["href"]) for a in links}, \
                    f"{part.page} does not link to card {card.id}"
                assert settings.ui["print_card"] in source.read_text(encoding="utf-8")


def test_card_whose_part_is_gone_is_named(built_site, tmp_path, repo_settings):
    """A part that no longer matches its page fails the build, naming the card, the page and
    what to change; the card gets no page."""
    config = repo_settings.config
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("es"))
    first = repo_settings.cards[0]
    card = Card("gone", "Gone card", (*first.parts, Part(first.parts[0].page, section="no-such-heading")))
    problems = write_card_pages(site, config, [card])
    assert len(problems) == 1
    message = problems[0].message
    assert "'gone' (Gone card)" in message and first.parts[0].page in message and "#no-such-heading" in message
    assert "Put that part back on the page, or change the card's `from`" in message
    assert problems[0].key == "extra.handouts.cards.gone" and problems[0].file.endswith(".yml")
    assert not (site / config.built_path(card_source(card))).exists()


def test_card_starting_on_a_folder_index_is_refused(built_site, tmp_path, repo_settings):
    """A card's page sits beside its first page at the same depth; a folder's index page
    (directory URLs) has no such place, which is said plainly."""
    problems = write_card_pages(tmp_path, repo_settings.config, [Card("home", "Home", (Part("index.md", select="h1"),))])
    assert len(problems) == 1 and "start the card with a part from another page" in problems[0].message


def test_zensical_overlay_carries_the_card_links(repo_settings):
    """Zensical runs no hooks: the generated overlay gives the templates the same links."""
    for offline in (False, True):
        overlay = generated_overlay(repo_settings, offline, "x")
        assert overlay["extra"][KEY] == card_links(repo_settings.cards, use_directory_urls=not offline)


@pytest.mark.build
def test_plain_mkdocs_build_writes_the_card_pages(tmp_path):
    """`mkdocs build` (and `mkdocs serve`) get the cards' pages from a hook, so links to them work."""
    env = {key: value for key, value in os.environ.items() if key != BUILT_BY_SCRIPT}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(REPO / "mkdocs.yml"),
                             "-d", str(tmp_path / "site")], capture_output=True, text=True, env=env, cwd=REPO)
    assert result.returncode == 0, result.stderr
    settings = LANGUAGES[""]
    missing = [card.id for card in settings.cards
               if not (tmp_path / "site" / settings.config.built_path(card_source(card))).is_file()]
    assert settings.cards and missing == []
