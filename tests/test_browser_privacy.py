"""People read this in secret: no request leaves the site, no cookie, nothing kept on the
device (the colour-scheme choice lasts only for the tab's session), and no referrer sent when a
reader follows a link out."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from browser import serve
from test_browser_contacts import page_paths

ALLOWED_STORAGE_SUFFIX = "__palette"  # Material's light/dark choice, for this tab's session only


# Collects Content-Security-Policy violations in the page, from its first script on.
RECORD_VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI || e.sample}`));"""


def test_no_outside_requests_cookies_or_storage(browser, built_site):
    """Load every page, search and switch colour scheme: nothing leaves, nothing is kept, and
    the pages' own Content-Security-Policy blocks none of their own scripts."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    outside, violations = [], []
    with serve(built_site) as base:
        page.on("request", lambda request: None if request.url.startswith((base, "data:", "blob:"))
                else outside.append(request.url))
        for path in [*page_paths(built_site), "404.html"]:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.locator("body").click(position={"x": 5, "y": 300})  # a first tap loads the theme's scripts
            page.wait_for_load_state("networkidle")
            violations += [f"{path}: {v}" for v in page.evaluate("window.__violations")]
        page.goto(base + "index.html")
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.keyboard.type("naloxone")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        page.keyboard.press("Escape")
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        kept = page.evaluate("Object.keys(localStorage)")  # outlives the visit: must stay empty
        storage = page.evaluate("Object.keys(sessionStorage)")
        cookies = context.cookies()
        violations += [f"search: {v}" for v in page.evaluate("window.__violations")]
    context.close()
    assert violations == []
    assert outside == []
    assert cookies == []
    assert kept == []
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


def test_policy_blocks_what_an_edit_slips_in(browser, built_site, tmp_path):
    """A page whose HTML gains a CDN script, an outside font or an inline script after the build
    loads none of them: the browser refuses them by the page's own policy."""
    import shutil
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page_file = site / "index.html"
    slipped = ('<script src="https://cdn.example/tracker.js"></script>'
               '<link rel="stylesheet" href="https://fonts.example/font.css">'
               '<script>window.__slipped = true</script>')
    page_file.write_text(page_file.read_text(encoding="utf-8").replace("</body>", slipped + "</body>"))
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    finished, blocked = [], []  # Chromium reports a refused request as failed, never as sent
    page.on("requestfinished", lambda request: finished.append(request.url))
    page.on("requestfailed", lambda request: blocked.append(f"{request.url} {request.failure}"))
    with serve(site) as base:
        page.goto(base + "index.html")
        page.wait_for_load_state("networkidle")
        violations = page.evaluate("window.__violations")
        slipped_ran = page.evaluate("window.__slipped === true")
    context.close()
    assert not slipped_ran
    assert not [url for url in finished if not url.startswith(base)]
    assert sorted(blocked) == ["https://cdn.example/tracker.js csp",
                               "https://fonts.example/font.css csp"]
    assert any("cdn.example/tracker.js" in v for v in violations)
    assert any("fonts.example/font.css" in v for v in violations)
    assert any(v.startswith("script-src-elem inline") for v in violations), violations
