"""The lighter styles, judged in the browser (guidewright.build.page_styles): with the one trimmed
stylesheet every element of a page looks exactly as with the theme's full stylesheets; the
first screen's inline styles alone give its elements their final look; and the first paint
doesn't wait for the stylesheet. Phone and desktop widths, light and dark, without JavaScript
(the unused-style pass must not lean on scripts; the reader tests cover them) and, for the
first screen, with it."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import material
import pytest

from browser import FIRST_SCREEN, serve
from guidewright.build.page_styles import FILE
from guidewright.package_files import ASSETS, STYLESHEETS

pytestmark = pytest.mark.browser

THEME_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
PAGES = ["", "es/dangers/", "get-help-now/", "overdose/", "404.html", "card-naloxone/"]
WIDTHS = [FIRST_SCREEN["width"], 1280]
ONE_SHEET = re.compile(r'<link rel="stylesheet" href="[^"]*' + re.escape(Path(FILE).stem) + r'\.[0-9a-f]{8}\.css">')
# Sizes that follow from content further down (a container's height), not from a style.
FROM_LATER_CONTENT = re.compile(r"height|block-size|origin|bottom|inset-block|^top$")
# Every element's computed style (custom properties aside: the pass drops unread ones on purpose),
# with ::before/::after; transitions finished, so a state is compared, not a moment of animation.
# Each element's style comes back as a hash (the pages have hundreds of elements, each several
# hundred properties); the differing elements' properties are fetched by index afterwards.
STYLES_JS = """([firstScreenOnly, detail, skip]) => {
  document.getAnimations().forEach(a => a.finish());
  const skipped = skip ? new RegExp(skip) : null;
  let end = null;
  if (firstScreenOnly) {  // as guidewright.checks.first_screen: the first box under the title, else its first block
    const h1 = document.querySelector('h1');
    for (let n = h1 && h1.nextElementSibling; n && n.tagName !== 'H2'; n = n.nextElementSibling)
      if (n.classList.contains('admonition')) { end = n; break; }
    for (let n = h1 && h1.nextElementSibling; !end && n; n = n.nextElementSibling)
      if (/^(DIV|P|OL|UL|DL|DETAILS|TABLE|SECTION|ASIDE)$/.test(n.tagName)) end = n;
  }
  const out = [];
  let index = -1;
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('script, template, style, link, noscript')) continue;
    if (end && (el.compareDocumentPosition(end) & Node.DOCUMENT_POSITION_PRECEDING) && !end.contains(el)) break;
    index += 1;
    if (detail && !detail.includes(index)) continue;
    const style = [];
    for (const pseudo of [null, '::before', '::after']) {
      const cs = getComputedStyle(el, pseudo);
      if (pseudo && (cs.content === 'none' || cs.content === 'normal')) { style.push(pseudo + ':none'); continue; }
      for (const p of cs) {
        if (!p.startsWith('--') && !(skipped && skipped.test(p))) style.push((pseudo || '') + p + ':' + cs.getPropertyValue(p));
      }
    }
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                 (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    if (detail) { out.push([index, name, style]); continue; }
    let hash = 2166136261;
    const text = style.join(';');
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
    out.push([name, hash]);
  }
  return out;
}"""


def with_theme_stylesheets(site: Path, out: Path) -> Path:
    """A copy of the built site whose pages link the theme's and the engine's stylesheets, whole,
    where the build put its inline styles, and not the trimmed one: the reference."""
    shutil.copytree(site, out)
    sheets = [next(THEME_CSS.glob("main.*.min.css")), next(THEME_CSS.glob("palette.*.min.css")),
              *(ASSETS / Path(sheet).relative_to("assets") for sheet in STYLESHEETS)]
    folder = out / "assets" / "stylesheets"
    for sheet in sheets:
        shutil.copy(sheet, folder / sheet.name)
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        rel = Path(os.path.relpath(folder, page.parent)).as_posix()
        links = "".join(f'<link rel="stylesheet" href="{rel}/{sheet.name}">' for sheet in sheets)
        html = re.sub(r"<style>.*?</style>", lambda _, links=links: links, html, count=1, flags=re.DOTALL)
        page.write_text(ONE_SHEET.sub("", html), encoding="utf-8")
    return out


def differences(browser, reference: str, lightened: str, path: str, width: int, scheme: str,
                first_screen_only: bool = False, scripts: bool = False) -> list[str]:
    """How each element of the page at `lightened` looks unlike the same element at `reference`.
    first_screen_only: the elements up to the end of the first screen, with the trimmed sheet
    never arriving (sizes that depend on what follows aside)."""
    skip = FROM_LATER_CONTENT.pattern if first_screen_only else None
    pages = []
    for base, block in ((reference, False), (lightened, first_screen_only)):
        context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme,
                                      java_script_enabled=scripts)
        if block:
            context.route(re.compile(re.escape(Path(FILE).stem) + r"\.[0-9a-f]{8}\.css$"), lambda route: route.abort())
        page = context.new_page()
        page.goto(base + path, wait_until="load")
        pages.append((context, page, page.evaluate(STYLES_JS, [first_screen_only, None, skip])))
    (_, want_page, expected), (_, have_page, got) = pages
    try:
        if len(expected) != len(got):
            return [f"{path}: {len(expected)} elements with the theme's stylesheets, {len(got)} here"]
        changed = [i for i, (a, b) in enumerate(zip(expected, got, strict=True)) if a[1] != b[1]]
        if not changed:
            return []
        want = want_page.evaluate(STYLES_JS, [first_screen_only, changed[:10], skip])
        have = have_page.evaluate(STYLES_JS, [first_screen_only, changed[:10], skip])
        found = []
        for (_, name, a), (_, _, b) in zip(want, have, strict=True):
            diff = sorted(set(a) ^ set(b))[:4]
            found.append(f"{path} {width}px {scheme}: <{name}> {'; '.join(diff)}")
        return found + [f"... and {len(changed) - 10} more"] * (len(changed) > 10)
    finally:
        for context, _, _ in pages:
            context.close()


@pytest.fixture(scope="module")
def reference_site(built_site, tmp_path_factory):
    return with_theme_stylesheets(built_site, tmp_path_factory.mktemp("theme-styles") / "site")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_trimmed_stylesheet_changes_nothing_a_reader_sees(browser, built_site, reference_site, width):
    with serve(reference_site) as reference, serve(built_site) as lightened:
        found = [d for path in PAGES for scheme in ("light", "dark")
                 for d in differences(browser, reference, lightened, path, width, scheme)]
    assert found == []


@pytest.mark.parametrize("width, scripts", [(WIDTHS[0], False), (WIDTHS[1], False), (WIDTHS[0], True)])
def test_the_inline_styles_alone_finish_the_first_screen(browser, built_site, reference_site, width, scripts):
    """If the trimmed stylesheet never arrives (a dropped connection), the first screen looks
    exactly as it will, and the frame around it holds (the menus don't squeeze the page). With
    scripts on too: what the page's scripts mark as it loads is styled (the header's search
    button, shown while the theme's scripts wait for first use)."""
    with serve(reference_site) as reference, serve(built_site) as lightened:
        found = [d for path in PAGES for scheme in ("light", "dark")
                 for d in differences(browser, reference, lightened, path, width, scheme, first_screen_only=True,
                                      scripts=scripts)]
    assert found == []


def test_the_comparison_sees_a_rule_the_pass_wrongly_dropped(browser, built_site, reference_site, tmp_path):
    """The tests above can fail: drop one rule the pages use from the trimmed sheet, and they do."""
    broken = tmp_path / "site"
    shutil.copytree(built_site, broken)
    sheet = next((broken / Path(FILE).parent).glob(f"{Path(FILE).stem}.*.css"))
    css = sheet.read_text(encoding="utf-8")
    rule = re.search(r"\.md-typeset h1\{[^}]*\}", css).group()
    sheet.write_text(css.replace(rule, "", 1), encoding="utf-8")
    home = broken / "index.html"  # and from the first screen's inline copy
    home.write_text(home.read_text(encoding="utf-8").replace(rule, "", 1), encoding="utf-8")
    with serve(reference_site) as reference, serve(broken) as lightened:
        found = differences(browser, reference, lightened, "", FIRST_SCREEN["width"], "light")
    assert any("<h1>" in line for line in found), found


def test_the_first_paint_does_not_wait_for_the_stylesheet(browser, built_site):
    """On bad data the trimmed stylesheet may take seconds: the first screen paints anyway, with
    the help row styled and in place."""
    delay = 3.0
    with serve(built_site, slow=(re.escape(Path(FILE).stem) + r"\.[0-9a-f]{8}\.css$", delay)) as base:
        page = browser.new_page(viewport=FIRST_SCREEN)
        page.goto(base, wait_until="commit")
        page.wait_for_timeout(1000 * delay / 2)
        painted = page.evaluate("performance.getEntriesByName('first-contentful-paint').map(e => e.startTime)")
        sheet_loaded = page.evaluate("[...document.styleSheets].some(s => s.href && s.href.includes('/stylesheets/'))")
        help_row = page.evaluate("""(() => { const a = document.querySelector('[data-crisis-contacts] a');
            const r = a.getBoundingClientRect(); return [r.top, r.height, getComputedStyle(a).display]; })()""")
        page.close()
    assert painted and painted[0] < 1000 * delay / 2, painted
    assert not sheet_loaded  # it really was still on its way
    top, height, display = help_row
    assert 0 <= top < FIRST_SCREEN["height"] and height > 0 and display != "inline"
