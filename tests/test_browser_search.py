"""Search while the theme's scripts are still arriving: the first tap on search loads them,
and what the reader types straight away is not lost."""
from __future__ import annotations

import pytest

from browser import wait_until
from guide_bench.local_server import serve


@pytest.mark.parametrize("width, opener", [(360, "label.md-header__button[for='__search']"),
                                           (1280, ".md-search__input")])
def test_type_straight_after_first_tap(browser, built_site, width, opener):
    """Tap search, type at once (scripts not loaded yet): results for what was typed appear."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    with serve(built_site, use_gzip=True) as base:
        page.goto(base + "index.html")
        assert page.evaluate("document.documentElement.classList.contains('no-js')")
        page.locator(opener).click()
        page.keyboard.type("naloxone")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert page.input_value(".md-search__input") == "naloxone"
    page.close()


@pytest.mark.parametrize("device", ["light", "dark"])
def test_colour_switch_shown_and_first_tap_works(browser, built_site, repo_config, device):
    """The colour switch shows before the scripts load, and its first tap visibly changes the
    scheme, whichever the device's setting is."""
    palette = repo_config.raw["theme"]["palette"]
    current = next(p for p in palette if p["media"] == f"(prefers-color-scheme: {device})")
    following = palette[(palette.index(current) + 1) % len(palette)]
    context = browser.new_context(viewport={"width": 360, "height": 640}, color_scheme=device)
    page = context.new_page()
    with serve(built_site) as base:
        page.goto(base + "index.html")
        switch = page.locator("form[data-md-component='palette'] label:visible")
        assert switch.count() == 1 and switch.get_attribute("title") == current["toggle"]["name"]
        assert page.evaluate("document.body.dataset.mdColorScheme") == current["scheme"]
        switch.click()
        wait_until(page, f"document.body.dataset.mdColorScheme === '{following['scheme']}'")
    context.close()
