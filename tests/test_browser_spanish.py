"""A Spanish-speaking reader in Chromium: the language link takes them between the same page in
both languages with no script, online and from a folder; Spanish search (with Spanish stemming)
finds the page they need online and offline. (Every page's help row, first screen, axe and
privacy tests already run on the Spanish pages: they walk every built page.)"""
from __future__ import annotations

import pytest

from browser import FIRST_SCREEN, serve
from conftest import language_settings

LANGUAGE_LINK = "[data-pe-language-link]"
TAP_MIN_PX = 44


def _titles(config):
    """Folder -> {page file: its title} for each language, from config and front matter."""
    from guidewright.printing.handout_list import page_title
    return {folder: {page: page_title(s.config.docs_dir / page, page) for page in s.config.nav_pages}
            for folder, s in language_settings(config).items()}


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_language_link_leads_to_the_same_page_and_back(browser, built_site, repo_config, javascript):
    """From an English page to its Spanish page and back, by the link beside the title: on the
    first screen, a full tap target, lang and title right on both sides."""
    titles = _titles(repo_config.path)
    context = browser.new_context(viewport=FIRST_SCREEN, java_script_enabled=javascript)
    page = context.new_page()
    with serve(built_site) as base:
        page.goto(base + "staying-safer/")
        for folder, lang in (("es", "es"), ("", "en")):
            link = page.locator(LANGUAGE_LINK)
            box = link.bounding_box()
            assert box["height"] >= TAP_MIN_PX and box["width"] >= TAP_MIN_PX and box["y"] + box["height"] <= 640
            link.click()
            page.wait_for_load_state()
            assert page.url == base + (f"{folder}/" if folder else "") + "staying-safer/"
            assert page.locator("html").get_attribute("lang") == lang
            assert page.locator("article h1").inner_text() == titles[folder]["staying-safer.md"]
    context.close()


def _search(page, words: str) -> list[str]:
    page.locator(".md-search__input").click()
    page.keyboard.type(words)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()]


def test_spanish_search_online(browser, built_site):
    """Spanish search finds the naloxone steps, and stems Spanish words ("síntoma" finds the
    page about "síntomas")."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    with serve(built_site) as base:
        page.goto(base + "es/")
        assert _search(page, "naloxona")[0].startswith(base + "es/overdose/")
        page.goto(base + "es/")
        assert any(href.startswith(base + "es/symptoms/") for href in _search(page, "síntoma"))
    context.close()


def test_spanish_search_and_language_link_offline(browser, offline_copy):
    """From the unzipped copy, with no network: Spanish search runs (the worker shim loads the
    Spanish stemmer), and the language link opens the English file."""
    _, folder = offline_copy
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    outside, errors = [], []
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:", "about:")) else outside.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((folder / "es" / "index.html").as_uri())
    assert _search(page, "naloxona")[0].startswith((folder / "es" / "overdose.html").as_uri())
    page.goto((folder / "es" / "staying-safer.html").as_uri())
    page.locator(LANGUAGE_LINK).click()
    page.wait_for_load_state()
    assert page.url == (folder / "staying-safer.html").as_uri()
    context.close()
    assert outside == [] and errors == []
