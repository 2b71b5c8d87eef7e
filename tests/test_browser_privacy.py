"""People read this in secret: no request leaves the site, no cookie, nothing stored but
the colour-scheme choice, and no referrer sent when a reader follows a link out."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from browser import serve
from test_browser_contacts import page_paths

ALLOWED_STORAGE_SUFFIX = "__palette"  # Material's light/dark choice


def test_no_outside_requests_cookies_or_storage(browser, built_site):
    """Load every page, search and switch colour scheme: nothing leaves, nothing is kept."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    outside = []
    with serve(built_site) as base:
        page.on("request", lambda request: None if request.url.startswith((base, "data:", "blob:"))
                else outside.append(request.url))
        for path in page_paths(built_site):
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
        page.goto(base + "index.html")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.keyboard.type("naloxone")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        page.keyboard.press("Escape")
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        storage = page.evaluate("[...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
        cookies = context.cookies()
    context.close()
    assert outside == []
    assert cookies == []
    assert storage and all(key.endswith(ALLOWED_STORAGE_SUFFIX) for key in storage), storage


def test_every_page_sends_no_referrer(built_site):
    """Every built page tells the browser to send no referrer on links out."""
    missing = []
    for path in page_paths(built_site):
        tree = LexborHTMLParser((built_site / path).read_text(encoding="utf-8"))
        meta = tree.css_first('meta[name="referrer"]')
        if meta is None or meta.attributes.get("content") != "no-referrer":
            missing.append(path)
    assert missing == []
