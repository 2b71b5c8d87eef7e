"""In Chromium, on every built page: the crisis links are visible on the first phone
screen with JavaScript on and off, and on paper. Stylesheets that hide them fail."""
from __future__ import annotations

import pytest

from browser import FIRST_SCREEN, add_style, link_problems, serve
from conftest import REPO, folder_of, help_row_hrefs, language_settings
from guidewright.build.pipeline import build


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
                add_style(page, css)
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
        add_style(page, css)
        page.wait_for_timeout(400)  # let Material's colour transitions finish
        assert len(link_problems(page, english, media == "screen")) == len(english)
    context.close()


def test_hiding_stylesheet_site_wide_fails(browser, tiny_site):
    """A site-wide extra stylesheet that hides the banner fails on every page."""
    (tiny_site.docs / "assets" / "stylesheets").mkdir(parents=True, exist_ok=True)
    (tiny_site.docs / "assets" / "stylesheets" / "hide.css").write_text(".md-banner { display: none }")
    config = tiny_site.config("extra_css:\n  - assets/stylesheets/guide.css\n  - assets/stylesheets/hide.css\n")
    site = tiny_site.root / "site"
    assert build(config, site).ok  # the HTML is fine: only a browser can see this
    found = problems_on_pages(browser, site, help_row_hrefs(config))
    assert {line.split(":")[0] for line in found} == set(page_paths(site))


# ---- Phone numbers never break across lines, on screen or paper, in any language --------------

# Every element that shows a number or an extension (partials/call-link.html, crisis-directory.html,
# guidewright.boxes.urgency_boxes.call_links); guide.css keeps each on one line.
NUMBER_ELEMENTS = ".pe-call__number, .pe-call__ext, .pe-number, .pe-ext"
NOWRAP_OFF = f"{NUMBER_ELEMENTS} {{ white-space: normal !important; display: inline !important }}"
# Runs in the page: the text of each visible number element that takes more than one line.
_BROKEN_NUMBERS_JS = """(selector) => [...document.querySelectorAll(selector)]
  .filter(el => el.textContent.trim() && el.checkVisibility())
  .filter(el => el.getClientRects().length > 1
                || el.getBoundingClientRect().height > 1.9 * parseFloat(getComputedStyle(el).fontSize))
  .map(el => el.textContent.trim())"""
# The printed sheet's text width in CSS px (96 per inch): the paper less guide.css's 14 mm sides.
PAPER_TEXT_PX = {"letter": 8.5 * 96 - 2 * 14 / 25.4 * 96, "a4": 210 / 25.4 * 96 - 2 * 14 / 25.4 * 96}


def broken_numbers(page, css=None) -> list[str]:
    if css:
        add_style(page, css)
    return page.evaluate(_BROKEN_NUMBERS_JS, NUMBER_ELEMENTS)


@pytest.fixture(scope="module")
def cards():
    """Language folder -> (card id, the page it starts on, its HTML as guidewright.printing.handouts assembles it)."""
    from guidewright.printing.handouts import fragment
    found = {}
    for folder, settings in language_settings(REPO / "clinic.example.yml").items():
        config = settings.config
        found[folder] = [(card.id, config.built_path(card.parts[0].page), card.title, card.parts)
                         for card in settings.cards]
    return found, fragment


def card_layouts(browser, site, cards, css=None):
    """Each quick card, in each language, paper and print scale guidewright.printing.handouts may use: the text of
    every number that breaks, as 'card (language, paper, scale): number'."""
    from guidewright.printing.handouts import CARD_SCALES
    found_cards, fragment = cards
    broken = []
    page = browser.new_page()
    page.emulate_media(media="print")
    for folder, layouts in found_cards.items():
        root = site / folder if folder else site
        for card_id, built, title, parts in layouts:
            pieces = "".join(fragment((root / p.page.replace(".md", "/index.html") if p.page != "index.md"
                                       else root / "index.html").read_text(), p, title) or "" for p in parts)
            body = f'<h1>{title}</h1><div class="pe-card__body">{pieces}</div>'
            for paper, width in PAPER_TEXT_PX.items():
                for scale in CARD_SCALES:
                    page.set_viewport_size({"width": round(width / scale), "height": 1000})
                    page.goto((root / built).as_uri())
                    page.evaluate("""(card) => { document.querySelector('article').innerHTML = card;
                                                 document.body.classList.add('pe-card'); }""", body)
                    broken += [f"{card_id} ({folder or 'en'}, {paper}, {scale}): {n}" for n in broken_numbers(page, css)]
    page.close()
    return broken


def test_numbers_whole_on_a_small_phone(browser, clinic_site):
    """At 320 px (WCAG reflow), on every page in both languages: no number breaks across lines."""
    page = browser.new_page(viewport={"width": 320, "height": 640})
    found = []
    with serve(clinic_site) as base:
        for path in page_paths(clinic_site):
            page.goto(base + path)
            found += [f"{path}: {n}" for n in broken_numbers(page)]
    page.close()
    assert found == []


def test_numbers_whole_on_paper(browser, clinic_site):
    """Printed (Ctrl+P) on Letter and A4, every page in both languages: no number breaks."""
    page = browser.new_page()
    page.emulate_media(media="print")
    found = []
    with serve(clinic_site) as base:
        for paper, width in PAPER_TEXT_PX.items():
            page.set_viewport_size({"width": round(width), "height": 1000})
            for path in page_paths(clinic_site):
                page.goto(base + path)
                found += [f"{path} ({paper}): {n}" for n in broken_numbers(page)]
    page.close()
    assert found == []


def test_numbers_whole_on_quick_cards(browser, clinic_site, cards):
    """Every quick card, both languages, both papers, every scale a card may print at."""
    assert card_layouts(browser, clinic_site, cards) == []


def test_number_check_fails_without_the_stylesheet_rule(browser, clinic_site, cards):
    """Without guide.css's nowrap, numbers on the two-column cards break (the tester's printed
    Spanish contacts card: "TTY 1-800-487-" over "4889"): the check sees it."""
    broken = card_layouts(browser, clinic_site, cards, css=NOWRAP_OFF)
    assert any(line.startswith("contacts (es,") for line in broken), broken


# ---- The build's help-row estimate (guidewright.lines.help_row), proven in Chromium --------------------------

def test_fullest_row_the_build_accepts_fits(browser, tiny_spanish_site):
    """Local lines with names of the longest length allowed (wide capitals and everyday words), and a
    clinic line with an extension, added until guidewright.lines.help_row would refuse one more in either
    language: the build accepts that row, and Chromium measures it within HELP_ROW_MAX_PX at
    PHONE_WIDTH_PX in both languages. One more line, and the build refuses it."""
    from guidewright.configuration.settings import load_settings
    from guidewright.lines.contacts import ROW_NAME_MAX
    from guidewright.lines.help_row import HELP_ROW_MAX_PX, PHONE_WIDTH_PX
    names = [("M" * ROW_NAME_MAX, "M" * ROW_NAME_MAX), ("Maternal helpers", "Línea para mamás")]
    assert all(len(name) == ROW_NAME_MAX for pair in names for name in pair)

    def overlay(count: int) -> str:
        lines = "".join(
            f"    local{n}:\n      order: {10 + n}\n      label: Local line {n}\n      number: (503) 555-01{10 + n}\n"
            f"      href: 'tel:+150355501{10 + n}'\n      action: Call\n      summary: {names[n % 2][0]}\n"
            "      when: w\n      hours: h\n      cost: c\n      privacy: p\n      languages: l\n"
            f"      es: {{summary: {names[n % 2][1]}, action: Llamar al}}\n" for n in range(count))
        # Under the tiny site's own `extra:` (its config() would dedent a block given to it).
        path = tiny_spanish_site.config()
        extra = "extra:\n  translations: {es: es.yml}\n"
        path.write_text(path.read_text().replace(extra, extra + (
            "  clinic:\n    name: Test Clinic\n    intake: {label: " + names[1][0] + ", number: (503) 555-0142, "
            "href: 'tel:+15035550142', extension: '20417', es: {label: " + names[1][1] + "}}\n"
            "  crisis_contacts:\n" + lines)))
        return path

    # The fixture's own help row in its emptier language: the lines added come on top of it.
    row = min(len(links) for links in help_row_hrefs(tiny_spanish_site.config()).values())
    count = 0
    while load_settings(overlay(count + 1))[0] is not None:
        count += 1
    refused = load_settings(overlay(count + 1))[1]
    assert [p.key for p in refused] == ["extra.crisis_contacts"], refused
    config = overlay(count)
    site = tiny_spanish_site.root / "site"
    assert build(config, site).ok
    page = browser.new_page(viewport={"width": PHONE_WIDTH_PX, "height": 640})
    heights = {}
    with serve(site) as base:
        for path in ("index.html", "es/index.html"):
            page.goto(base + path)
            heights[path] = page.evaluate(
                "[document.querySelectorAll('[data-crisis-contacts] a').length,"
                " document.querySelector('[data-crisis-contacts]').getBoundingClientRect().height]")
    page.close()
    assert all(links > row + count and height <= HELP_ROW_MAX_PX for links, height in heights.values()), heights
