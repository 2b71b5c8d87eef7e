"""Saving the guide on a phone, in Chromium over http on the loopback: nothing is stored before
the reader taps Save; after it, with the server gone and the network cut, every page of that
language and its search still open; one tap on Remove leaves no cache and no worker."""
from __future__ import annotations

from urllib.parse import quote

from selectolax.lexbor import LexborHTMLParser

from browser import FIRST_SCREEN, serve, wait_until
from guidewright.build.pipeline import build
from guidewright.build.save_offline import WORKER, listed_files
from guidewright.build.site_build import built_pages
from guidewright.configuration.settings import load_settings
from test_browser_reader_search import OPEN_SEARCH

STORED = """async () => ({caches: await caches.keys(),
  workers: (await navigator.serviceWorker.getRegistrations()).map(r => r.scope),
  storage: [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter(k => !k.endsWith('__palette'))})"""
SHOWN = "(s => !!document.querySelector(s) && document.querySelector(s).checkVisibility())"


def test_save_open_offline_and_remove(browser, tiny_spanish_site):
    config = tiny_spanish_site.config()
    site = tiny_spanish_site.root / "site"
    assert build(config, site, dist_dir=tiny_spanish_site.root / "dist").ok
    ui = load_settings(config)[0].ui
    pages = [p.relative_to(site).as_posix() for p in built_pages(site, (site / "es",))]
    titles = {path: LexborHTMLParser((site / path).read_text(encoding="utf-8")).css_first("title").text()
              for path in pages}
    context = browser.new_context(viewport=FIRST_SCREEN)
    page = context.new_page()
    with serve(site) as base:
        page.goto(base)
        assert page.evaluate(STORED) == {"caches": [], "workers": [], "storage": []}  # nothing before the tap
        save = page.get_by_role("button", name=ui["save_offline"])
        assert save.is_visible()
        save.click()
        wait_until(page, f"{SHOWN}('[data-pe-saved]')", timeout=20)
        stored = page.evaluate(STORED)
        assert stored["workers"] == [base] and len(stored["caches"]) == 1
        assert ui["saved_offline"] in page.locator("[data-pe-save]").inner_text()
        # The Spanish guide is not saved with the English one: its own control still offers to.
        page.goto(base + "es/")
        assert page.get_by_role("button", name=load_settings(config.with_name("es.yml"))[0].ui["save_offline"]) \
            .is_visible()
    context.set_offline(True)  # and the server is gone
    for path in pages:
        response = page.goto(base + path.removesuffix("index.html"))
        assert response is not None and response.from_service_worker, path
        assert page.title() == titles[path], path
        # Styled: the saved stylesheets loaded too (the help row is laid out, not a bare list).
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", path
    page.goto(base)
    page.locator(OPEN_SEARCH).click()  # loads the theme's scripts and opens search
    page.fill(".md-search__input", "cat")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.goto(base + "no/such/page/")  # a missing page: the saved 404, styled at any depth
    assert ui["not_found_title"] in page.locator("h1").inner_text()
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.goto(base)
    page.get_by_role("button", name=ui["remove_saved"]).click()
    wait_until(page, f"{SHOWN}('[data-pe-save-button]')")
    assert page.evaluate(STORED) == {"caches": [], "workers": [], "storage": []}
    context.close()
    files = listed_files((site / WORKER).read_text(encoding="utf-8"))["files"]
    assert all((path.removesuffix("index.html") or "./") in files for path in pages)
    where_it_cannot_save(browser, site, ui)


def where_it_cannot_save(browser, site, ui) -> None:
    """No control to save without scripts or from files (the offline copy); share links stay."""
    for scripts, address in ((False, None), (True, site.joinpath("index.html").as_uri())):
        context = browser.new_context(viewport=FIRST_SCREEN, java_script_enabled=scripts)
        page = context.new_page()
        with serve(site) as base:
            page.goto(address or base)
            assert not page.get_by_role("button", name=ui["save_offline"]).is_visible()
            assert page.get_by_role("link", name=ui["share_text"]).is_visible()
        context.close()


# The phone's own share sheet, where the browser has one (Chromium on Linux has none: a stand-in).
SHARE_SHEET = "navigator.share = data => { window.__shared = data; return Promise.resolve(); };"


def test_share_uses_the_share_sheet_or_plain_links(browser, tiny_site):
    """With a share sheet: one button that shares the page's public address and title, links
    hidden. Without: the text and email links carry them, URL-encoded."""
    config = tiny_site.config()
    site = tiny_site.root / "site"
    assert build(config, site, dist_dir=tiny_site.root / "dist").ok
    ui = load_settings(config)[0].ui
    tree = LexborHTMLParser((site / "get-help-now" / "index.html").read_text(encoding="utf-8"))
    canonical = tree.css_first('link[rel="canonical"]').attributes["href"]
    title = tree.css_first("h1").text().strip()
    text = tree.css_first("[data-pe-share-text]").attributes["href"]
    assert text == f"sms:?&body={quote(title + ' ' + canonical)}"
    assert tree.css_first("[data-pe-share-email]").attributes["href"] == \
        f"mailto:?subject={quote(title)}&body={quote(canonical)}"
    context = browser.new_context(viewport=FIRST_SCREEN)
    context.add_init_script(SHARE_SHEET)
    page = context.new_page()
    with serve(site) as base:
        page.goto(base + "get-help-now/")
        assert not page.get_by_role("link", name=ui["share_text"]).is_visible()
        page.get_by_role("button", name=ui["share"]).click()
        assert page.evaluate("window.__shared") == {"title": title, "url": canonical}
    context.close()
