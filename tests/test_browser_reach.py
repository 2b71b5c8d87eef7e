"""The reader in a crisis, on a 360x640 phone, with scripts on and off, national and clinic builds,
both languages: the overdose steps one tap from every page, the quick exit first and leaving no
history entry, and the help row's height untouched by it (issue 20). scripts/bench_reach.py prints
the same measures for every page."""
from __future__ import annotations

import pytest

from browser import FIRST_SCREEN, serve, wait_until
from guide_bench.reach import landing_screens, measure_page, pages_of, steps_pages
from guidewright.boxes.urgency_boxes import STEPS_CLASS
from guidewright.checks.reader_controls import FIRST_AID, QUICK_EXIT

EXIT_STUB = "<!doctype html><title>Weather</title><p>Sunny.</p>"


@pytest.fixture(params=["national", "clinic"])
def site(request, built_site, clinic_site):
    return built_site if request.param == "national" else clinic_site


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_overdose_steps_are_one_tap_from_every_page(browser, site, repo_config, javascript):
    """Every page (both languages): the steps are on the page or one tap away with no scrolling,
    and the header's first-aid control lands with the steps on screen."""
    levels = repo_config.raw["markdown_extensions"]["guidewright.boxes.urgency_boxes"]["levels"]
    context = browser.new_context(viewport=FIRST_SCREEN, java_script_enabled=javascript)
    page = context.new_page()
    far, landed_off = [], []
    with serve(site) as base:
        steps = steps_pages(site)
        landing = landing_screens(page, base, steps)
        for path in pages_of(site):
            reach = measure_page(page, base, path, landing, levels[0])
            if reach.step_taps is None or reach.step_taps > 1 or (reach.step_taps == 1 and reach.step_screens > 0):
                far.append(f"{path}: {reach.step_taps} tap(s), {reach.step_screens} screen(s)")
        for path in ("", "es/"):
            page.goto(base + path)
            page.locator(f".md-header {FIRST_AID}").click()
            page.wait_for_load_state()
            top = page.evaluate(f"document.querySelector('.{STEPS_CLASS}').getBoundingClientRect().top")
            if not 0 <= top < FIRST_SCREEN["height"] / 2:
                landed_off.append(f"{path}: the steps start {top:.0f} px down after the tap")
    context.close()
    assert steps, "no page shows the steps"
    assert far == []
    assert landed_off == []


def test_the_reach_measure_notices_a_page_without_a_way_to_the_steps(browser, built_site, repo_config):
    """The measure above can fail: with the header control and every link to the steps removed, a
    page reports no way to them."""
    levels = repo_config.raw["markdown_extensions"]["guidewright.boxes.urgency_boxes"]["levels"]
    page = browser.new_page(viewport=FIRST_SCREEN)
    with serve(built_site) as base:
        landing = landing_screens(page, base, steps_pages(built_site))
        page.route("**/about/", lambda route: route.fulfill(
            status=200, content_type="text/html",
            body=(built_site / "about" / "index.html").read_text(encoding="utf-8").replace("data-pe-first-aid", "")
            .replace('href="../overdose/', 'href="../elsewhere/').replace('href="../es/overdose/', 'href="../x/')))
        reach = measure_page(page, base, "about/", {k: v for k, v in landing.items() if "/es/" not in k}, levels[0])
    page.close()
    assert reach.step_taps is None or reach.step_taps > 1


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_quick_exit_is_the_first_tab_stop_and_takes_no_room(browser, site, repo_config, javascript):
    """On every page: the quick exit is visible on the first screen, is the first Tab stop, is hidden
    in print, and the help row is exactly as tall with it as without it."""
    context = browser.new_context(viewport=FIRST_SCREEN, java_script_enabled=javascript)
    page = context.new_page()
    found = []
    with serve(site) as base:
        for path in [p for p in pages_of(site)] + ["404.html"]:
            page.goto(base + path)
            page.keyboard.press("Tab")
            state = page.evaluate(f"""() => {{
              const exit = document.querySelector('{QUICK_EXIT}');
              const row = document.querySelector('[data-crisis-contacts]');
              if (!exit) return {{missing: true}};
              const r = exit.getBoundingClientRect();
              const before = row.getBoundingClientRect().height;
              exit.style.display = 'none';
              const after = row.getBoundingClientRect().height;
              exit.style.display = '';
              return {{first: document.activeElement === exit, href: exit.getAttribute('href'),
                       onScreen: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
                       tall: r.height, before, after}};
            }}""")
            if state.get("missing"):
                found.append(f"{path}: no quick exit")
                continue
            if not (state["first"] and state["onScreen"] and state["tall"] >= 44 and state["before"] == state["after"]
                    and state["href"] == repo_config.extra["quick_exit"]):
                found.append(f"{path}: {state}")
        page.goto(base + "index.html")
        page.emulate_media(media="print")
        printed = page.evaluate(f"getComputedStyle(document.querySelector('{QUICK_EXIT}')).display")
    context.close()
    assert found == []
    assert printed == "none"


def _open_two_pages(page, base):
    page.route("https://www.weather.gov/**", lambda route: route.fulfill(status=200, content_type="text/html",
                                                                          body=EXIT_STUB))
    page.goto(base + "index.html")
    page.goto(base + "dangers/")
    return page.evaluate("history.length")


def test_quick_exit_replaces_the_page_in_history(browser, built_site, repo_config):
    """With scripts, leaving replaces the page: Back goes to the page before it, not to this one."""
    context = browser.new_context(viewport=FIRST_SCREEN)
    page = context.new_page()
    with serve(built_site) as base:
        length = _open_two_pages(page, base)
        page.locator(QUICK_EXIT).click()
        page.wait_for_url(repo_config.extra["quick_exit"] + "**")
        after = page.evaluate("history.length")
        page.go_back()
        back = page.url
    context.close()
    assert after == length
    assert back == base + "index.html"


def test_shift_three_times_leaves_but_not_while_typing(browser, built_site, repo_config):
    """Shift pressed 3 times leaves (GOV.UK's shortcut); typing capitals in the search box doesn't."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    with serve(built_site) as base:
        _open_two_pages(page, base)
        page.locator(".md-search__input").click()  # loads the theme's scripts, which then focus the box
        wait_until(page, "!document.documentElement.classList.contains('pe-scripts-pending')")
        page.wait_for_load_state("networkidle")
        wait_until(page, "document.activeElement.matches('.md-search__input')")
        for _ in range(3):
            page.keyboard.press("Shift")
        stayed = page.url
        page.keyboard.press("Escape")
        page.evaluate("document.activeElement && document.activeElement.blur()")  # reading, not typing
        wait_until(page, "document.activeElement === document.body")
        for _ in range(3):
            page.keyboard.press("Shift")
        page.wait_for_url(repo_config.extra["quick_exit"] + "**")
        left = page.url
    context.close()
    assert stayed == base + "dangers/"
    assert left.startswith(repo_config.extra["quick_exit"])
