"""The reader's moment of need, in Chromium on a 360x640 phone: the help row is slim and the page
title is on the first screen (national and clinic builds, JavaScript on and off), every crisis
link is a 44 px target, help is one tap away in the header and inside every urgency box, and
the small things a frightened reader trips over work (empty search, glossary taps, dark mode
without scripts, the phone menu, the home page's paths)."""
from __future__ import annotations

import pytest

from browser import FIRST_SCREEN, add_style, serve, wait_until
from guidewright.lines.help_row import HELP_ROW_MAX_PX, TAP_MIN_PX  # defined once; the build's row estimate uses them too

# Runs in the page: what is wrong with the first screen (empty list = all good).
FIRST_SCREEN_JS = """([rowMax, tapMin]) => {
  const found = [];
  const row = document.querySelector('[data-crisis-contacts]');
  const h = row.getBoundingClientRect().height;
  if (h > rowMax) found.push(`help row is ${Math.round(h)} px tall (at most ${rowMax})`);
  const title = document.querySelector('article h1');
  if (!title) found.push('no page title');
  else if (title.getBoundingClientRect().bottom > innerHeight)
    found.push(`title ends at ${Math.round(title.getBoundingClientRect().bottom)} px, below the first screen`);
  const links = [...row.querySelectorAll('a'), ...document.querySelectorAll('[data-pe-help-control]')];
  for (const a of links) {
    const r = a.getBoundingClientRect();
    if (r.height < tapMin || r.width < tapMin)
      found.push(`${a.getAttribute('href')}: ${Math.round(r.width)}x${Math.round(r.height)} px target`);
  }
  const control = document.querySelector('.md-header [data-pe-help-control]');
  if (!control) found.push('no help control in the header');
  else {
    const r = control.getBoundingClientRect();
    if (!control.checkVisibility() || r.top < 0 || r.bottom > innerHeight) found.push('help control not on screen');
  }
  if (document.documentElement.scrollWidth > innerWidth) found.push('page scrolls sideways');
  return found;
}"""


def pages_of(site):
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


@pytest.fixture(params=["national", "clinic"])
def site(request, built_site, clinic_site):
    return built_site if request.param == "national" else clinic_site


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_help_row_slim_and_title_on_first_screen(browser, site, javascript):
    """Every page, 404 included: help row at most HELP_ROW_MAX_PX, the whole title on the first
    screen, every crisis link and the header's help control at least TAP_MIN_PX square."""
    context = browser.new_context(viewport=FIRST_SCREEN, java_script_enabled=javascript)
    page = context.new_page()
    found = []
    with serve(site) as base:
        for path in pages_of(site):
            page.goto(base + path)
            found += [f"{path}: {p}" for p in page.evaluate(FIRST_SCREEN_JS, [HELP_ROW_MAX_PX, TAP_MIN_PX])]
    context.close()
    assert found == []


def test_the_check_fails_on_a_tall_row_and_small_links(browser, built_site):
    """The first-screen check can fail: a padded row and shrunken links are reported."""
    page = browser.new_page(viewport=FIRST_SCREEN)
    with serve(built_site) as base:
        page.goto(base + "index.html")
        assert page.evaluate(FIRST_SCREEN_JS, [HELP_ROW_MAX_PX, TAP_MIN_PX]) == []
        add_style(page, ".pe-help { padding-bottom: 600px } .md-typeset .pe-call { min-height: 0 }")
        found = page.evaluate(FIRST_SCREEN_JS, [HELP_ROW_MAX_PX, TAP_MIN_PX])
    page.close()
    assert any(p.startswith("help row is") for p in found) and any("below the first screen" in p for p in found)
    assert any(p.endswith("px target") for p in found)


def test_help_row_leaves_room_at_double_text_size(browser, clinic_site):
    """With text at 200% (the phone's text-size setting), the row still leaves most of the
    screen for the page, and nothing scrolls sideways."""
    page = browser.new_page(viewport=FIRST_SCREEN)
    with serve(clinic_site) as base:
        page.goto(base + "dangers/")
        root = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
        add_style(page, f"html {{ font-size: {2 * root}px !important }}")
        row = page.evaluate("document.querySelector('[data-crisis-contacts]').getBoundingClientRect().height")
        wide = page.evaluate("document.documentElement.scrollWidth")
    page.close()
    assert row <= FIRST_SCREEN["height"] / 2, f"help row is {row} px at 200% text"
    assert wide <= FIRST_SCREEN["width"]


def test_header_help_control_leads_to_get_help(browser, built_site, repo_config):
    page = browser.new_page(viewport=FIRST_SCREEN)
    help_page = repo_config.extra["get_help_page"].removesuffix(".md")
    with serve(built_site) as base:
        page.goto(base + "dangers/")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")  # the header is sticky
        control = page.locator(".md-header [data-pe-help-control]")
        box = control.bounding_box()
        assert box is not None and 0 <= box["y"] < FIRST_SCREEN["height"]
        control.click()
        page.wait_for_url(f"**/{help_page}/")
    page.close()


def test_urgency_box_links_are_big_enough(browser, site):
    """Every call link that ends an urgency box is at least TAP_MIN_PX tall, on every page."""
    page = browser.new_page(viewport=FIRST_SCREEN)
    found = []
    with serve(site) as base:
        for path in pages_of(site):
            page.goto(base + path)
            found += [f"{path}: {size}" for size in page.evaluate(
                f"""[...document.querySelectorAll('article .admonition .pe-calls a')]
                    .map(a => a.getBoundingClientRect()).filter(r => r.height < {TAP_MIN_PX} || r.width < {TAP_MIN_PX})
                    .map(r => `${{Math.round(r.width)}}x${{Math.round(r.height)}}`)""")]
    page.close()
    assert found == []


def test_term_in_bold_shows_its_meaning_beside_it(browser, built_site):
    """A glossary term inside bold text opens its meaning right after the word, in the text."""
    context = browser.new_context(viewport=FIRST_SCREEN, has_touch=True, is_mobile=True)
    page = context.new_page()
    with serve(built_site) as base:
        for path in pages_of(built_site):
            page.goto(base + path)
            if page.locator("article strong abbr[tabindex]").count():
                break
        else:
            pytest.fail("no page has a glossary term in bold text to try")
        term = page.locator("article strong abbr[tabindex]").first
        term.scroll_into_view_if_needed()
        before = term.bounding_box()
        term.tap()
        after = term.bounding_box()
        meaning = term.evaluate("e => getComputedStyle(e, '::after').content")
        title = term.get_attribute("title")
    context.close()
    assert meaning == f'"{title}"'
    # The meaning is part of the term's own box (inline), starting on the term's line, so it
    # shows beside the word, not at the foot of the paragraph.
    assert after["y"] == pytest.approx(before["y"], abs=2) and after["height"] + after["width"] > before["height"] + before["width"]


@pytest.mark.parametrize("home", ["index.html", "es/index.html"])
def test_home_paths_are_large_links_on_the_first_screen(browser, built_site, home):
    """Home speaks to every reader: the paths come first, before the key points, each a big link on
    the first screen leading to its own section."""
    page = browser.new_page(viewport=FIRST_SCREEN)
    with serve(built_site) as base:
        page.goto(base + home)
        paths = page.evaluate("""() => {
          const nav = document.querySelector('article .pe-paths');
          if (!nav) return null;
          return {before: nav.nextElementSibling.classList.contains('key-points'),
                  links: [...nav.querySelectorAll('a')].map(a => ({
                    target: !!document.getElementById(decodeURIComponent(a.hash.slice(1))),
                    height: a.getBoundingClientRect().height, bottom: a.getBoundingClientRect().bottom}))};
        }""")
    page.close()
    assert paths is not None and paths["before"]
    assert len(paths["links"]) == 3
    assert all(link["target"] and link["height"] >= TAP_MIN_PX for link in paths["links"])
    assert all(link["bottom"] <= FIRST_SCREEN["height"] for link in paths["links"]), paths["links"]


def test_dark_mode_without_javascript_matches_dark_mode_with_it(browser, built_site):
    """A dark device gets the dark palette with scripts off too, in the same colours."""
    probe = """() => {
      const c = s => { const e = document.querySelector(s); return e ? getComputedStyle(e) : null; };
      return [c('body').backgroundColor, c('body').color, c('.md-header').backgroundColor,
              c('.md-banner').backgroundColor, c('.md-banner').color, c('article a:not(.pe-call)').color,
              c('.admonition.key-points').backgroundColor, c('article h1').color];
    }"""
    seen = {}
    with serve(built_site) as base:
        for javascript in (True, False):
            context = browser.new_context(viewport=FIRST_SCREEN, color_scheme="dark", java_script_enabled=javascript)
            page = context.new_page()
            page.goto(base + "dangers/")
            page.wait_for_timeout(400)  # Material's colour transitions
            seen[javascript] = page.evaluate(probe)
            context.close()
    assert seen[False] == seen[True]
    assert seen[True][0] != "rgb(255, 255, 255)"


def test_empty_search_shows_help_lines_and_topics(browser, built_site, contacts):
    """A search that finds nothing shows every help line and the topics; results hide them."""
    page = browser.new_page(viewport=FIRST_SCREEN)
    with serve(built_site) as base:
        page.goto(base + "dangers/")
        page.click("label.md-header__button[for='__search']")
        page.keyboard.type("qqxqq")
        wait_until(page, "/\\S/.test(document.querySelector('.md-search-result__meta').textContent) "
                         "&& !document.querySelector('.md-search-result__meta').textContent.includes('Initializing')")
        panel = page.locator("[data-pe-search-help]")
        assert panel.is_visible()
        hrefs = panel.locator(".pe-call").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert {c.href for c in contacts} <= set(hrefs)
        assert panel.locator(".pe-search-help__topics a").count() >= 10
        page.fill(".md-search__input", "")
        page.keyboard.type("naloxone")
        wait_until(page, "document.querySelectorAll('.md-search-result__list > li').length > 0")
        assert not panel.is_visible()
    page.close()


def test_phone_menu_opens_where_get_help_is(browser, built_site, repo_config):
    """On a page inside a section, the phone menu opens at the top, with Get help now in view."""
    help_page = repo_config.extra["get_help_page"].removesuffix(".md")
    page = browser.new_page(viewport=FIRST_SCREEN)
    with serve(built_site) as base:
        page.goto(base + "dangers/")
        page.click("label.md-header__button[for='__drawer']")
        link = page.locator(f".md-sidebar--primary a.md-nav__link[href$='{help_page}/']").first
        link.wait_for(state="visible")
        page.wait_for_timeout(400)  # the drawer slides in
        box = link.bounding_box()
        assert box is not None and 0 <= box["x"] and box["y"] + box["height"] <= FIRST_SCREEN["height"]
        link.click()
        page.wait_for_url(f"**/{help_page}/")
    page.close()


@pytest.mark.parametrize("width, button_shown", [(360, True), (1280, False)])
def test_one_search_control_before_scripts_load(browser, built_site, width, button_shown):
    """Before the theme's scripts arrive: a search button on a phone, a search box on a wide
    screen, never both."""
    page = browser.new_page(viewport={"width": width, "height": 700})
    with serve(built_site) as base:
        page.goto(base + "dangers/")
        assert page.evaluate("document.documentElement.classList.contains('pe-scripts-pending')")
        shown = "s => document.querySelector(s).checkVisibility({opacityProperty: true, visibilityProperty: true})"
        button = page.evaluate(f"({shown})(\"label.md-header__button[for='__search']\")")
        box = page.evaluate(f"({shown})('.md-search__input')")
    page.close()
    assert button == button_shown and box != button_shown
