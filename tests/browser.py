"""Browser helpers: launch Debian's Chromium and judge what it really shows."""
from __future__ import annotations

from bootstrap import CHROMIUM
from guide_bench.local_server import serve  # noqa: F401 (re-exported for the tests)

FIRST_SCREEN = {"width": 360, "height": 640}
# Without these, Chromium phones home at start-up; the tests must see only the site's requests.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# Runs in the page: why each contact link is not usable (empty list = all good).
_LINK_PROBLEMS_JS = """([hrefs, firstScreen]) => hrefs.flatMap(href => {
  const a = [...document.querySelectorAll('[data-crisis-contacts] a')].find(l => l.getAttribute('href') === href);
  if (!a) return [`${href}: no link`];
  if (!a.checkVisibility({opacityProperty: true, visibilityProperty: true})) return [`${href}: not visible`];
  const style = getComputedStyle(a), r = a.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return [`${href}: has no size`];
  if (parseFloat(style.fontSize) < 9) return [`${href}: text too small (${style.fontSize})`];
  const alpha = style.color.startsWith('rgba') ? parseFloat(style.color.split(',')[3]) : 1;
  if (alpha < 0.5) return [`${href}: faint or transparent text (${style.color})`];
  if (!firstScreen) return [];
  if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth)
    return [`${href}: outside the first ${innerWidth}x${innerHeight} screen (top ${Math.round(r.top)}, bottom ${Math.round(r.bottom)})`];
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  if (!hit || !(hit === a || a.contains(hit))) return [`${href}: covered by <${hit ? hit.tagName.toLowerCase() : 'nothing'}>`];
  return [];
})"""


def link_problems(page, hrefs: list[str], first_screen: bool) -> list[str]:
    return page.evaluate(_LINK_PROBLEMS_JS, [hrefs, first_screen])


def add_style(page, css: str) -> None:
    """A stylesheet added last, at the end of <body>: after the one the build links in the body
    (guidewright.build.page_styles), so it wins as a guide's own last stylesheet would."""
    page.evaluate("css => { const s = document.createElement('style'); s.textContent = css; document.body.append(s); }",
                  css)


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def record_requests(page) -> list[str]:
    """Every URL the page requests from now on, in order."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    return requested


def wait_until(page, expression: str, timeout: float = 10.0) -> None:
    """Poll a JavaScript expression until it is true. (Playwright's wait_for_function evaluates
    strings in the page, which the pages' Content-Security-Policy rightly refuses.)"""
    import time
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(50)
