"""How far help is from a reader on a phone, measured in a real browser on a built site: the page's
length in screens, where its most urgent box starts, and taps + screens to the step-by-step lists.
Used by scripts/bench_reach.py (figures) and the browser tests (limits)."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from urllib.parse import urljoin, urlparse

from guidewright.boxes.urgency_boxes import STEPS_CLASS

VIEWPORT = {"width": 360, "height": 640}
SKIP = ("search/", "assets/", "handouts/")


@dataclasses.dataclass(frozen=True)
class Reach:
    screens: float                  # page length
    box_screens: float | None       # top of the page's first most-urgent box, if it has one
    step_taps: int | None           # 0: the steps are on this page; 1: a link to them; None: no way
    step_screens: float | None      # screens scrolled before the steps, or the first link to them


def pages_of(site: Path) -> list[str]:
    """Every page of a built site, as paths from its root ("" for home), the other languages too."""
    found = []
    for index in sorted(site.rglob("index.html")):
        path = index.parent.relative_to(site).as_posix()
        path = "" if path == "." else path + "/"
        if not path.startswith(SKIP) and "/search/" not in path:
            found.append(path)
    return found


def steps_pages(site: Path) -> list[str]:
    """The pages that show a step-by-step list."""
    return [path for path in pages_of(site)
            if f'class="{STEPS_CLASS}"' in (site / path / "index.html").read_text(encoding="utf-8")]


_MEASURE_JS = """([landing, stepsClass, boxClass]) => {
  // landing: path of each page with steps -> screens from its top to its steps
  const height = innerHeight;
  const top = (el) => el.getBoundingClientRect().top + scrollY;
  const onScreen = (el) => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth && getComputedStyle(el).visibility !== "hidden"; };
  const box = document.querySelector("article .admonition." + boxClass);
  const steps = document.querySelector("." + stepsClass);
  // Ways to the steps: on this page (0 taps), a link (1 tap; in the sticky header it is always on
  // screen), or an item of the menu drawer (2 taps: open the menu, then the item).
  const ways = [];
  if (steps) ways.push([0, top(steps) / height]);
  for (const a of document.querySelectorAll("a[href]")) {
    const u = new URL(a.href, location.href);
    if (!(u.pathname in landing) || u.pathname === location.pathname) continue;
    const after = u.hash ? 0 : landing[u.pathname];  // a link to the steps' heading lands on them
    if (a.closest(".md-search")) continue;  // only in the search dialog: a search, not a tap
    if (a.closest(".md-nav--primary, .md-sidebar")) {
      // open the menu, open each section it sits in, then the item
      let taps = 1; for (let n = a.parentElement; n; n = n.parentElement) if (n.matches("li.md-nav__item")) taps++;
      ways.push([taps, after]); continue;
    }
    if (!onScreen(a)) continue;
    const sticky = a.closest(".md-header");
    ways.push([1, (sticky ? 0 : top(a) / height) + after]);
  }
  ways.sort((x, y) => (x[0] + x[1]) - (y[0] + y[1]));
  return {screens: document.documentElement.scrollHeight / height,
          box: box ? top(box) / height : null, taps: ways.length ? ways[0][0] : null,
          stepsScreens: ways.length ? ways[0][1] : null};
}"""


def landing_screens(page, base: str, steps: list[str]) -> dict[str, float]:
    """Path of each page with steps -> how many screens down its steps start."""
    found = {}
    for path in steps:
        page.goto(urljoin(base, path))
        found[urlparse(urljoin(base, path)).path] = page.evaluate(
            "(c) => document.querySelector('.' + c).getBoundingClientRect().top / innerHeight", STEPS_CLASS)
    return found


def measure_page(page, base: str, path: str, landing: dict[str, float], box_class: str) -> Reach:
    """`page` is a Playwright page with the phone viewport; `landing` from landing_screens();
    `box_class` the most urgent box's type (the first of guidewright.boxes.urgency_boxes `levels`). Screens to
    the steps count the scrolling on this page and on the page a link lands on."""
    page.goto(urljoin(base, path))
    found = page.evaluate(_MEASURE_JS, [landing, STEPS_CLASS, box_class])
    return Reach(round(found["screens"], 2), None if found["box"] is None else round(found["box"], 2),
                 found["taps"], None if found["stepsScreens"] is None else round(found["stepsScreens"], 2))
