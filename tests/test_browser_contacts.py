"""In Chromium, on every built page: the crisis links are visible on the first phone
screen with JavaScript on and off, and on paper. Stylesheets that hide them fail."""
from __future__ import annotations

import pytest

from browser import FIRST_SCREEN, link_problems, serve
from conftest import folder_of, help_row_hrefs
from guide.pipeline import build


@pytest.fixture(scope="session")
def hrefs(repo_config):
    return help_row_hrefs(repo_config.path)


def page_paths(site):
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def problems_on_pages(browser, site, hrefs, *, javascript=True, media="screen", first_screen=True, css=None):
    """Visit every page; return 'page: problem' for each unusable crisis link."""
    found = []
    context = browser.new_context(viewport=FIRST_SCREEN, java_script_enabled=javascript)
    page = context.new_page()
    page.emulate_media(media=media)
    with serve(site) as base:
        for path in page_paths(site):
            page.goto(base + path)
            if css:
                page.add_style_tag(content=css)
            wanted = hrefs[folder_of(path, hrefs)] if isinstance(hrefs, dict) else hrefs
            found += [f"{path}: {p}" for p in link_problems(page, wanted, first_screen)]
    context.close()
    return found


def test_every_page_is_checked(built_site):
    """The browser tests see every built page, 404 included."""
    paths = page_paths(built_site)
    assert "404.html" in paths and "index.html" in paths and len(paths) >= 15


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_contacts_on_first_screen(browser, built_site, hrefs, javascript):
    """At 360x640, every crisis link is visible, uncovered and inside the first screen."""
    assert problems_on_pages(browser, built_site, hrefs, javascript=javascript) == []


def test_contacts_printed(browser, built_site, hrefs):
    """Under print media (Material hides its banner there), every crisis link still shows."""
    assert problems_on_pages(browser, built_site, hrefs, media="print", first_screen=False) == []


@pytest.mark.parametrize("css, media", [
    ("[data-crisis-contacts] { display: none }", "screen"),
    (".md-banner { visibility: hidden }", "screen"),
    ("[data-crisis-contacts] a { opacity: 0 }", "screen"),
    (".pe-call { color: transparent !important }", "screen"),
    (".md-banner { position: absolute; top: 2000px }", "screen"),
    ("body::after { content: ''; position: fixed; inset: 0; background: white }", "screen"),
    ("@media print { .md-banner { display: none !important } }", "print"),
])
def test_hiding_stylesheet_on_one_page_fails(browser, built_site, hrefs, css, media):
    """A stylesheet that hides, moves, covers or blanks the links makes the check fail."""
    context = browser.new_context(viewport=FIRST_SCREEN)
    page = context.new_page()
    page.emulate_media(media=media)
    with serve(built_site) as base:
        page.goto(base + "index.html")
        english = hrefs[""]
        assert link_problems(page, english, media == "screen") == []
        page.add_style_tag(content=css)
        page.wait_for_timeout(400)  # let Material's colour transitions finish
        assert len(link_problems(page, english, media == "screen")) == len(english)
    context.close()


def test_hiding_stylesheet_site_wide_fails(browser, tiny_site, hrefs):
    """A site-wide extra stylesheet that hides the banner fails on every page."""
    (tiny_site.docs / "assets" / "stylesheets" / "hide.css").write_text(".md-banner { display: none }")
    config = tiny_site.config("extra_css:\n  - assets/stylesheets/guide.css\n  - assets/stylesheets/hide.css\n")
    site = tiny_site.root / "site"
    assert build(config, site).ok  # the HTML is fine: only a browser can see this
    found = problems_on_pages(browser, site, hrefs)
    assert {line.split(":")[0] for line in found} == set(page_paths(site))
