"""Search finds the right page FIRST for the words readers really type: brand names, street
words, misspellings and everyday questions (extra.search_terms), on a phone with scripts on,
online and from the offline copy."""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest

from browser import FIRST_SCREEN, wait_until
from expectations import SEARCH_FIRST
from guide_bench.local_server import serve
from guidewright.search.search_terms import index_location

# What a reader types -> the page that must come first: this guide's expectations (tests/expectations.yml).
FIRST, FIRST_ES = SEARCH_FIRST["en"], SEARCH_FIRST["es"]
OPEN_SEARCH = "label.md-header__button[for='__search']"  # the search button at phone width
INPUT = ".md-search__input"
META = "document.querySelector('.md-search-result__meta').textContent.trim()"
PLACEHOLDER = "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
FIRST_LINK = "document.querySelector('.md-search-result__item a.md-search-result__link')"


def first_results(page, queries) -> dict[str, str | None]:
    """Each query -> the address of the first result (None: no result). The theme searches on
    keyup: fill the box, then one key, so only the whole query is searched; emptying the box
    first shows the placeholder, so the next change of the count line is this query's answer."""
    page.locator(OPEN_SEARCH).click()  # loads the theme's scripts (load-on-use.js) and opens search
    found = {}
    for query in queries:
        page.fill(INPUT, "")
        page.keyboard.press("End")
        wait_until(page, f"{META} === {PLACEHOLDER}")
        page.fill(INPUT, query)
        page.keyboard.press("End")
        wait_until(page, f"{META} !== {PLACEHOLDER}")
        found[query] = page.evaluate(f"({FIRST_LINK} || {{}}).href || null")
    return found


def page_of(href: str | None, base: str, use_directory_urls: bool, pages: list[str]) -> str:
    """The page file a result leads to, or what it is when no page matches."""
    if href is None:
        return "(no result)"
    path = unquote(urlsplit(href).path).removeprefix(unquote(urlsplit(base).path))
    return next((p for p in pages if index_location(p, use_directory_urls) == path), href)


def wrong(found: dict, base: str, use_directory_urls: bool, pages: list[str], expected: dict) -> list[str]:
    return [f"{query!r}: first result is {page_of(found[query], base, use_directory_urls, pages)}, "
            f"not {page}" for query, page in expected.items()
            if page_of(found[query], base, use_directory_urls, pages) != page]


@pytest.mark.parametrize("folder, expected", [("", FIRST), ("es/", FIRST_ES)], ids=["en", "es"])
def test_readers_words_find_their_page_first(browser, built_site, repo_config, folder, expected):
    context = browser.new_context(viewport=FIRST_SCREEN)
    page = context.new_page()
    with serve(built_site) as base:
        page.goto(base + folder + "index.html")
        found = first_results(page, expected)
    context.close()
    assert wrong(found, base + folder, True, repo_config.nav_pages, expected) == []


def test_readers_words_work_offline(browser, offline_copy):
    """From file://, search reads search/search_index.js: it must carry the terms too."""
    _, folder = offline_copy
    context = browser.new_context(offline=True, viewport=FIRST_SCREEN)
    page = context.new_page()
    page.goto((folder / "index.html").as_uri())
    expected = {"suboxone": "medications.md", "dopesick": "symptoms.md"}
    found = first_results(page, expected)
    context.close()
    assert wrong(found, folder.as_uri() + "/", False, list(expected.values()), expected) == []
