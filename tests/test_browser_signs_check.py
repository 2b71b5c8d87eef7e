"""The signs check in Chromium on a 360x640 phone: ticking any one sign shows, in view, what to
do at that sign's own level (from config, in the page's words), even if the theme's scripts
never load; the most urgent ticked level wins; without JavaScript every group is there to read;
and the script is loaded only where the form is."""
from __future__ import annotations

import re

import pytest

from browser import FIRST_SCREEN, serve, wait_until
from conftest import PAGE
from test_build_cli import build

MARKER = "<!-- signs-check -->"
PAGE_NAME = "signs.md"
SCRIPT = "signs-check.js"

# Runs in the page: what the result region shows (its level, words, whether it is on screen).
RESULT_JS = """() => {
  const r = document.querySelector('[data-signs-result]');
  const box = r.getBoundingClientRect();
  return {level: r.getAttribute('data-level') || '', text: r.innerText.trim(),
          calls: [...r.querySelectorAll('.pe-calls a')].map(a => a.getAttribute('href')),
          visible: r.checkVisibility(), onScreen: box.top >= 0 && box.bottom <= innerHeight};
}"""


@pytest.fixture
def signs_site(tiny_site, capsys):
    """The tiny site with a page holding the signs check, and the pages its groups link to
    (read from the level words in config, which an overlay can't change), each with the ids
    those links name."""
    tiny_site.page(PAGE_NAME, PAGE.format(title="Check the signs").replace(
        "The cat sat on the mat. It was a good day.", f"The cat sat on the mat.\n\n{MARKER}\n"))
    tiny_site.nav.append(PAGE_NAME)
    settings = tiny_site.settings()
    targets: dict[str, set[str]] = {}
    for words in settings.advice.level_words.values():
        for page, anchor in re.findall(r"\]\(([^)#]+\.md)(?:#([^)]+))?\)", words["next"]):
            targets.setdefault(page, set()).update({anchor} if anchor else set())
    for page, anchors in targets.items():
        if page in tiny_site.nav:
            continue
        parts = "".join(f"## Part {anchor} {{#{anchor}}}\n\nThe cat sat.\n\n" for anchor in sorted(anchors))
        tiny_site.page(page, PAGE.format(title="Linked page").replace("The cat sat on the mat. It was a good day.",
                                                                      "The cat sat on the mat.\n\n" + parts))
        tiny_site.nav.append(page)
    code, out = build(tiny_site.config(), capsys)
    assert code == 0, out
    return tiny_site.root / "site", tiny_site.settings()


def test_each_sign_alone_shows_its_own_level(browser, signs_site):
    site, settings = signs_site
    advice = settings.advice
    context = browser.new_context(viewport=FIRST_SCREEN)
    page = context.new_page()
    # The theme's own scripts never arrive: the check must not need them (load-on-use.js defers them).
    page.route(re.compile(r".*/assets/javascripts/bundle\..*\.js"), lambda route: route.abort())
    found = []
    with serve(site) as base:
        page.goto(base + "signs/")
        wait_until(page, "document.querySelector('[data-signs-result]') !== null")
        assert page.evaluate(RESULT_JS)["visible"] is False  # nothing ticked, nothing shown
        for sign_id, sign in advice.signs.items():
            box = page.locator(f'li[data-sign="{sign_id}"] input[type=checkbox]')
            box.check()
            shown = page.evaluate(RESULT_JS)
            words = advice.level_words[sign["level"]]
            if shown["level"] != sign["level"] or words["action"] not in shown["text"]:
                found.append(f"{sign_id}: shows {shown['level']!r} ({shown['text'][:40]!r}), not {sign['level']!r}")
            elif not (shown["visible"] and shown["onScreen"]):
                found.append(f"{sign_id}: what to do is not on screen")
            box.uncheck()
        assert page.evaluate(RESULT_JS)["visible"] is False
        # Two signs: the most urgent level ticked wins, whatever the order.
        first, last = (next(k for k, v in advice.signs.items() if v["level"] == level)
                       for level in (advice.levels[0], advice.levels[-1]))
        page.locator(f'li[data-sign="{last}"] input').check()
        page.locator(f'li[data-sign="{first}"] input').check()
        assert page.evaluate(RESULT_JS)["level"] == advice.levels[0]
        # The call links it shows are that box's own.
        group = page.evaluate("level => [...document.querySelectorAll(`fieldset[data-level='${level}'] .pe-calls a`)]"
                              ".map(a => a.getAttribute('href'))", advice.levels[0])
        assert page.evaluate(RESULT_JS)["calls"] == group
        # Only the page with the form loads the script.
        page.goto(base + "index.html")
        assert page.locator(f'script[src$="{SCRIPT}"]').count() == 0
    context.close()
    assert found == []


def test_without_javascript_every_group_is_there_to_read(browser, signs_site):
    site, settings = signs_site
    context = browser.new_context(viewport=FIRST_SCREEN, java_script_enabled=False)
    page = context.new_page()
    with serve(site) as base:
        page.goto(base + "signs/")
        shown = page.evaluate("""() => ({
          groups: [...document.querySelectorAll('fieldset[data-level]')].filter(g => g.checkVisibility())
                    .map(g => g.getAttribute('data-level')),
          signs: [...document.querySelectorAll('li[data-sign]')].filter(li => li.checkVisibility()).length,
          result: document.querySelector('[data-signs-result]').checkVisibility(),
          sideways: document.documentElement.scrollWidth > innerWidth})""")
    context.close()
    levels = [level for level in settings.advice.levels
              if any(sign["level"] == level for sign in settings.advice.signs.values())]
    assert shown == {"groups": levels, "signs": len(settings.advice.signs), "result": False, "sideways": False}
