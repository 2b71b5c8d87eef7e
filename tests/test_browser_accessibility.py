"""Accessibility in Chromium on every page: axe-core finds no WCAG 2.2 A/AA (or best
practice) violation in light and dark, at 360 and 1280 px; the keyboard reaches the crisis
links first and the skip link works; focus shows; lang, title and description are right."""
from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from bootstrap import REPO, ensure_node_modules
from browser import add_style, record_requests, serve, wait_until
from guidewright.checks.source_check import split_front_matter
from guidewright.configuration.settings import load_settings
from test_browser_contacts import page_paths

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}"""


@pytest.fixture(scope="session")
def axe_script():
    return str(ensure_node_modules() / "axe-core" / "axe.min.js")


def axe_violations(page, axe_script):
    # Evaluated through the browser's debugging channel: the pages' Content-Security-Policy
    # rightly refuses a script tag the page didn't ship with.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate("() => {" + Path(axe_script).read_text(encoding="utf-8") + "\n}")
    return page.evaluate(AXE_RUN, AXE_TAGS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_every_page(browser, built_site, axe_script, scheme, width):
    """Zero axe violations on every page, as first shown and after the theme's scripts load."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800})
    page = context.new_page()
    found = []
    with serve(built_site) as base:
        for path in page_paths(built_site):
            page.goto(base + path)
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.dataset.mdColorScheme") == expected, path
            found += [f"{path}: {v}" for v in axe_violations(page, axe_script)]
            page.evaluate("window.__peLoadScripts()")
            wait_until(page, "document.documentElement.classList.contains('js')")
            found += [f"{path} (scripts loaded): {v}" for v in axe_violations(page, axe_script)]
    context.close()
    assert found == []


@pytest.mark.parametrize("css, rule", [
    ("article p { color: #bbb !important }", "color-contrast"),
    (".md-typeset a { text-decoration: none !important }", "link-in-text-block"),
])
def test_axe_catches_known_faults(browser, built_site, axe_script, css, rule):
    """Low contrast and colour-only links (the stock theme's faults) are caught."""
    page = browser.new_page()
    with serve(built_site) as base:
        page.goto(base + "treatment/")
        assert axe_violations(page, axe_script) == []
        add_style(page, css)
        page.wait_for_timeout(300)
        assert any(v.startswith(rule) for v in axe_violations(page, axe_script))
    page.close()




def focused(page):
    return page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
      return {href: e.getAttribute('href'), id: e.id, outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }""")


def test_keyboard_reaches_crisis_links_first_and_skip_link_works(browser, built_site, contacts, repo_config):
    """Tab: the quick exit first, then the crisis links in the help row, then the skip link, which
    moves focus to the page. Focus is always visibly outlined."""
    expected = [repo_config.extra["quick_exit"]] + [c.href for c in contacts] + [
        ch.href for c in contacts for ch in c.channels if ch.banner]
    page = browser.new_page(viewport={"width": 360, "height": 640})
    with serve(built_site) as base:
        for path in ("index.html", "dangers/index.html", "404.html"):
            page.goto(base + path)
            stops = []
            for _ in range(len(expected) + 1):
                page.keyboard.press("Tab")
                stops.append(focused(page))
            assert stops[0]["href"] == expected[0], path  # the quick exit
            assert sorted(s["href"] for s in stops[: len(expected)]) == sorted(expected), path
            assert stops[len(expected)]["href"] == "#pe-content", path
            assert all(s["outline"] == "solid" and s["width"] >= 2 for s in stops), path
            page.keyboard.press("Enter")
            assert focused(page)["id"] == "pe-content", path
    page.close()


def test_hidden_focus_outline_is_caught(browser, built_site):
    """A stylesheet that removes the focus outline fails the focus check."""
    page = browser.new_page()
    with serve(built_site) as base:
        page.goto(base + "index.html")
        add_style(page, ":focus-visible, :focus { outline: none !important }")
        page.keyboard.press("Tab")
        assert focused(page)["outline"] == "none"
    page.close()


def test_lang_title_and_description(built_site, repo_config):
    """Every page: lang set to its language (es/ holds the Spanish guide), a unique title naming
    the page, and its own meta description."""
    docs = {"": ("en", repo_config.docs_dir)}
    for language, name in repo_config.extra["translations"].items():
        docs[language] = (language, load_settings(REPO / name)[0].config.docs_dir)
    titles, problems = {}, []
    for path in page_paths(built_site):
        folder = path.split("/")[0] if path.split("/")[0] in docs else ""
        language, docs_dir = docs[folder]
        tree = LexborHTMLParser((built_site / path).read_text(encoding="utf-8"))
        title = tree.css_first("title").text().strip()
        description = tree.css_first('meta[name="description"]').attributes.get("content", "")
        if tree.css_first("html").attributes.get("lang") != language:
            problems.append(f"{path}: lang")
        titles.setdefault(title, []).append(path)
        rel = path.removeprefix(f"{folder}/") if folder else path
        source = docs_dir / (rel.replace("/index.html", ".md").replace("index.html", "index.md"))
        if source.is_file():
            meta = split_front_matter(source.read_text(), str(source))[0].meta
            if meta["title"] not in title:
                problems.append(f"{path}: title {title!r} lacks {meta['title']!r}")
            if description != meta["description"]:
                problems.append(f"{path}: description is not the page's own")
    problems += [f"duplicate title {t!r}: {p}" for t, p in titles.items() if len(p) > 1]
    assert problems == []


def test_scripts_load_on_first_use_only(browser, built_site):
    """First view fetches no theme bundle or search index; the first click fetches them."""
    page = browser.new_page(viewport={"width": 360, "height": 640})
    requested = record_requests(page)
    with serve(built_site) as base:
        page.goto(base + "symptoms/")
        page.wait_for_load_state("networkidle")
        assert not [u for u in requested if "bundle." in u or "search_index" in u]
        page.click("article p")
        wait_until(page, "document.documentElement.classList.contains('js')")
        page.wait_for_load_state("networkidle")
        assert [u for u in requested if "bundle." in u] and [u for u in requested if "search_index" in u]
    page.close()


def test_following_a_link_does_not_load_scripts(browser, built_site):
    """Tapping a plain link navigates without first fetching the theme's scripts."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    requested = record_requests(page)
    with serve(built_site) as base:
        page.goto(base + "index.html")
        page.click("article a[href='symptoms/']")
        page.wait_for_url("**/symptoms/")
        page.wait_for_load_state("networkidle")
    page.close()
    assert not [u for u in requested if "bundle." in u]


def test_no_sideways_scrolling_at_320px(browser, built_site):
    """At 320 px (WCAG reflow), no page scrolls sideways; wide tables scroll inside themselves."""
    page = browser.new_page(viewport={"width": 320, "height": 640})
    wide = []
    with serve(built_site) as base:
        for path in page_paths(built_site):
            page.goto(base + path)
            if page.evaluate("document.documentElement.scrollWidth") > 320:
                wide.append(path)
        add_style(page, "article p { white-space: nowrap }")  # the check can fail
        assert page.evaluate("document.documentElement.scrollWidth") > 320
    page.close()
    assert wide == []


def test_tapping_a_term_shows_its_meaning(browser, built_site):
    """On a phone, with no script loaded yet, a tap on a glossary term shows its definition."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, has_touch=True, is_mobile=True)
    page = context.new_page()
    with serve(built_site) as base:
        page.goto(base + "medications/")
        term = page.locator("article abbr[tabindex]").first
        assert term.evaluate("e => getComputedStyle(e, '::after').content") == "none"
        term.tap()
        shown = term.evaluate("e => getComputedStyle(e, '::after').content")
        assert shown == '"' + term.get_attribute("title") + '"'
    context.close()
