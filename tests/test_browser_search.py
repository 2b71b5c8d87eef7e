"""Search while the theme's scripts are still arriving: the first tap on search loads them,
and what the reader types straight away is not lost."""
from __future__ import annotations

import pytest

from guide.local_server import serve


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
