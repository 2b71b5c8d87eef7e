"""Printed handouts and quick cards: contacts on every sheet, cards on one sheet, a QR code
that leads to the page online, both paper sizes; and the print stylesheet behind them."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy
import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from browser import serve
from conftest import REPO, folder_of, language_settings
from guidewright.configuration.config import built_path, load_site_config, url_path
from guidewright.configuration.settings import load_settings
from guidewright.printing.card_pages import write_card_pages
from guidewright.printing.handouts import Card, Part, address_problems, address_warnings, fragment, make_handouts, page_url, parse_handouts

CONTACT_NUMBERS = tuple(c.number for c in load_settings(REPO / "mkdocs.yml")[0].contacts)
PAPER_POINTS = {"letter": (612, 792), "a4": (595, 842)}


# A real-looking public address: --handouts refuses to print a placeholder (the guide's own
# site_url is one) into QR codes, so staff print through an overlay that gives theirs.
PUBLIC_URL = "https://withdrawal-guide.org/"


def run_handouts(root, *args, config: Path = REPO / "mkdocs.yml") -> subprocess.CompletedProcess:
    """The real command, as staff run it (its own process: it starts its own browser), with an
    overlay beside the config that sets the public address."""
    overlay = config.with_name(f".print-{os.getpid()}.yml")
    overlay.write_text(f"INHERIT: {config.name}\nextra:\n  handouts:\n    public_url: {PUBLIC_URL}\n")
    try:
        return subprocess.run([sys.executable, str(REPO / "scripts" / "build.py"), "--handouts", "--config",
                               str(overlay), *args, "--site-dir", str(root / "site"), "--dist-dir", str(root / "dist")],
                              capture_output=True, text=True)
    finally:
        overlay.unlink(missing_ok=True)


def print_handouts(root, config: Path = REPO / "mkdocs.yml"):
    result = run_handouts(root, config=config)
    assert result.returncode == 0, result.stdout + result.stderr
    config = load_site_config(REPO / "mkdocs.yml")[0]
    (pages, cards, _), _ = parse_handouts(config.extra, lambda key: "mkdocs.yml", config.nav_pages)
    languages = 1 + len(config.extra["translations"])  # every language prints its own set
    assert f"Handouts: {2 * (len(pages) + len(cards)) * languages} PDFs" in result.stdout  # Letter and A4
    return root / "dist" / "handouts", result.stdout


@pytest.fixture(scope="session")
def handouts(tmp_path_factory):
    return print_handouts(tmp_path_factory.mktemp("handouts"))[0]


@pytest.mark.browser
def test_clinic_handouts_carry_clinic_and_cards_fit(tmp_path):
    """With the example clinic overlay (a taller banner), cards still fit one sheet and every
    sheet carries the clinic's number and the national lines."""
    folder, output = print_handouts(tmp_path, REPO / "clinic.example.yml")
    clinic_number = load_settings(REPO / "clinic.example.yml")[0].clinic.intake.number
    problems = []
    for pdf in all_pdfs(folder):
        sheets = PdfReader(pdf).pages
        if pdf.name.startswith("card-") and len(sheets) != 1:
            problems.append(f"{pdf.name}: {len(sheets)} sheets")
        for number, sheet in enumerate(sheets, start=1):
            text = sheet.extract_text()
            problems += [f"{pdf.name} sheet {number}: {n}" for n in (*CONTACT_NUMBERS, clinic_number) if n not in text]
    assert problems == []


def all_pdfs(folder):
    return sorted(folder.rglob("*.pdf"))


def test_one_handout_per_topic_page_and_card(handouts, repo_config):
    """Every nav page except the skipped ones, and every card, in Letter and A4."""
    (pages, cards, _), problems = parse_handouts(repo_config.extra, lambda key: "mkdocs.yml", repo_config.nav_pages)
    assert not problems and "timeline.md" in pages and "index.md" not in pages
    expected = {p.replace(".md", ".pdf") for p in pages} | {f"card-{c.id}.pdf" for c in cards}
    assert {p.name for p in handouts.glob("*.pdf")} == expected
    assert {p.name for p in (handouts / "a4").glob("*.pdf")} == expected


def test_contacts_on_every_sheet(handouts, repo_config):
    """Every sheet of every handout, in every language, carries 911, 988 and the SAMHSA number,
    with what each is for in the sheet's language (the national guide's footer fits its full line)."""
    languages = language_settings(repo_config.path)
    missing = []
    for pdf in all_pdfs(handouts):
        settings = languages[folder_of(pdf.relative_to(handouts).as_posix(), languages)]
        first = settings.contacts[0]
        for number, sheet in enumerate(PdfReader(pdf).pages, start=1):
            text = sheet.extract_text()
            missing += [f"{pdf.name} sheet {number}: {n}" for n in CONTACT_NUMBERS if n not in text]
            if f"{settings.ui['free_help']}: {first.number} {first.summary}" not in text:
                missing.append(f"{pdf.relative_to(handouts)} sheet {number}: full footer")
    assert missing == []
    assert any(folder_of(pdf.relative_to(handouts).as_posix(), languages) == "es" for pdf in all_pdfs(handouts))


def test_paper_sizes(handouts):
    """Letter handouts are Letter, A4 handouts are A4."""
    for pdf in all_pdfs(handouts):
        size = PAPER_POINTS["a4" if pdf.parent.name == "a4" else "letter"]
        box = PdfReader(pdf).pages[0].mediabox
        # Chromium sizes A4 from inches: 595.92 x 842.88 pt.
        assert abs(float(box.width) - size[0]) < 1.5 and abs(float(box.height) - size[1]) < 1.5, pdf


def test_quick_cards_fit_one_sheet(handouts, repo_config):
    """Each quick card is one sheet in both sizes, in every language."""
    cards = [pdf for pdf in all_pdfs(handouts) if pdf.name.startswith("card-")]
    languages = 1 + len(repo_config.extra["translations"])
    assert len(cards) == 2 * len(repo_config.extra["handouts"]["cards"]) * languages
    assert {str(pdf): len(PdfReader(pdf).pages) for pdf in cards} == {str(pdf): 1 for pdf in cards}


def filled_share(pdf) -> float:
    """How much of the sheet's height the text reaches down to, above the footer margin."""
    import pypdfium2 as pdfium
    sheet = pdfium.PdfDocument(pdf)[0]
    height = sheet.get_height()
    text = sheet.get_textpage()
    footer = 16 / 25.4 * 72  # the @page bottom margin (guide.css), where the footer line sits
    bottoms = [text.get_rect(i)[1] for i in range(text.count_rects())]
    lowest = min(b for b in bottoms if b > footer)
    return (height - lowest) / height


CARD_FILL_MIN = 0.6  # issue 11: "quick cards fill their sheet"; a half-empty sheet was the fault


def test_quick_cards_fill_their_sheet(handouts):
    """Each quick card is printed as large as one sheet allows: its text reaches well down the
    sheet in both sizes, so short cards aren't half empty."""
    cards = [pdf for pdf in all_pdfs(handouts) if pdf.name.startswith("card-")]
    shares = {str(pdf.relative_to(handouts)): round(filled_share(pdf), 2) for pdf in cards}
    assert {name: share for name, share in shares.items() if share < CARD_FILL_MIN} == {}


def text_off_the_sheet(pdf) -> list[str]:
    """The text on any sheet that runs past the sheet's edges (cut off when printed)."""
    found = []
    for number, sheet in enumerate(pypdfium2.PdfDocument(pdf), start=1):
        width, height = sheet.get_size()
        text = sheet.get_textpage()
        for i in range(text.count_rects()):
            left, bottom, right, top = text.get_rect(i)
            if left < -0.5 or right > width + 0.5 or bottom < -0.5 or top > height + 0.5:
                found.append(f"sheet {number}: {text.get_text_bounded(left, bottom, right, top)!r}")
    return found


def test_text_off_the_sheet_is_found(browser, tmp_path):
    page = browser.new_page()
    page.set_content("<p>On the sheet</p><p style='white-space: nowrap'>" + "far-too-long-an-address/" * 20 + "</p>")
    page.pdf(path=str(tmp_path / "wide.pdf"), format="Letter")
    page.close()
    found = text_off_the_sheet(tmp_path / "wide.pdf")
    assert found and all(line.startswith("sheet 1: ") for line in found) and "On the sheet" not in " ".join(found)


def test_printed_text_stays_on_the_sheet(handouts):
    """Nothing runs off a sheet's edge: a card printed larger than 1:1 once cut off its QR
    code's address (the sheet count alone didn't show it)."""
    found = {str(pdf.relative_to(handouts)): text_off_the_sheet(pdf) for pdf in all_pdfs(handouts)}
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_handout_has_title_key_points_sources_and_review_date(handouts):
    """A page handout holds its title, key points, sources and review date."""
    text = "\n".join(sheet.extract_text() for sheet in PdfReader(handouts / "timeline.pdf").pages)
    for expected in ("Withdrawal timeline", "Key points", "Sources", "Last reviewed", "medlineplus.gov"):
        assert expected in text


# A card's QR code leads to the page its first part is cut from (read from its `from`).
FIRST_CARD = load_settings(REPO / "mkdocs.yml")[0].cards[0]


@pytest.mark.parametrize("name, page", [
    ("timeline.pdf", "timeline/"), ("glossary.pdf", "glossary/"),
    (f"a4/card-{FIRST_CARD.id}.pdf", url_path(built_path(FIRST_CARD.parts[0].page, use_directory_urls=True)))])
def test_qr_code_leads_to_page_online(handouts, name, page):
    """The QR code on the last sheet decodes to the page's online address, shown beside it."""
    pdf = pypdfium2.PdfDocument(handouts / name)
    image = pdf[len(pdf) - 1].render(scale=3).to_numpy()
    found = [code.text for code in zxingcpp.read_barcodes(numpy.ascontiguousarray(image))]
    url = PUBLIC_URL + page
    assert found == [url]
    text = "".join(PdfReader(handouts / name).pages[-1].extract_text().split())  # a narrow column wraps it
    assert url.split("://")[1] in text


def test_page_url():
    """Directory URLs lose index.html; the site URL's path is kept."""
    assert page_url("https://x.example/guide/", Path("a/index.html")) == "https://x.example/guide/a/"
    assert page_url("https://x.example", Path("index.html")) == "https://x.example/"


HTML = """<html><body><article><h1>T</h1><h2 id="a">A</h2><p>a1</p><h3 id="a1">A1</h3><p>a2</p>
<h2 id="b">B</h2><p>b1</p><div class="admonition emergency"><p>box</p></div></article></body></html>"""


def test_fragment_section_stops_at_next_heading_of_same_level():
    """A section runs from its heading to the next heading of the same level."""
    assert fragment(HTML, Part("x.md", section="a")) == '<h2 id="a">A</h2><p>a1</p><h3 id="a1">A1</h3><p>a2</p>\n'


def test_fragment_drops_heading_repeating_title_and_selects():
    """A section heading equal to the card title is dropped; select takes every match."""
    assert fragment(HTML, Part("x.md", section="b"), title="b").startswith("<p>b1</p>")
    assert fragment(HTML, Part("x.md", select=".emergency")) == '<div class="admonition emergency"><p>box</p></div>'
    assert fragment(HTML, Part("x.md", select=".missing")) is None
    assert fragment(HTML, Part("x.md", section="nope")) is None


@pytest.mark.parametrize("cards, expected", [
    ({"x": {"title": "X", "from": [{"page": "nope.md", "select": "p"}]}}, "from[0].page: must be a page in the nav"),
    ({"x": {"title": "X", "from": [{"page": "index.md", "select": "p", "section": "a"}]}}, "give exactly one of select or section"),
    ({"x": {"from": []}}, "needs a title and from"),
    ({}, "public_url: must be the guide's public https:// address"),
])
def test_bad_card_config(cards, expected):
    """A card naming a page outside the nav, or both/neither of select and section, is refused;
    so is a public address that is not https."""
    handouts = {"cards": cards} if cards else {"public_url": "http://guide.org/"}
    _, problems = parse_handouts({"handouts": handouts}, lambda key: "mkdocs.yml", ["index.md"])
    assert len(problems) == 1 and expected in str(problems[0])


def test_card_too_long_for_one_sheet_fails(browser, built_site, tmp_path, repo_settings):
    """A card that spills onto a second sheet is reported, naming the PDF (printed from the
    card's own page, written into a copy of the site as the build does)."""
    config = repo_settings.config
    card = Card("long", "Everything", (Part("treatment.md", select="article > *"),))
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("es"))
    assert write_card_pages(site, config, [card]) == []
    _, problems = make_handouts(site, "https://x.example/", config.built_path, [], [card], tmp_path / "pdf",
                                browser, repo_settings.ui["read_online"])
    assert len(problems) == 2 and "quick card prints on" in problems[0].message


PRINT_PROBES = """() => {
  const hidden = ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-search']
    .filter(s => document.querySelector(s) && getComputedStyle(document.querySelector(s)).display !== 'none');
  const small = [...document.querySelectorAll('article p, article li, article td, article dd, [data-crisis-contacts] li')]
    .filter(e => e.textContent.trim() && e.checkVisibility() && parseFloat(getComputedStyle(e).fontSize) < 14.6)
    .map(e => e.tagName);  // what prints: text hidden on paper (the save button's note) doesn't count
  const out = document.querySelector('article a[href^="http"]');
  const after = out ? [out.getAttribute('href'), getComputedStyle(out, '::after').content] : [];
  const headings = [...document.querySelectorAll('article h2, article h3')]
    .filter(h => getComputedStyle(h).breakAfter !== 'avoid-page').length;
  return {hidden, small, after, headings};
}"""


def test_print_stylesheet(browser, built_site):
    """On paper: no site chrome, text >= 11 pt, outside links show their address, no stranded headings."""
    page = browser.new_page()
    page.emulate_media(media="print")
    with serve(built_site) as base:
        page.goto(base + "treatment/")
        result = page.evaluate(PRINT_PROBES)
    page.close()
    assert result["hidden"] == [] and result["small"] == [] and result["headings"] == 0
    href, after = result["after"]
    assert after == f'" ({href})"'


@pytest.mark.parametrize("url, expected", [
    ("https://withdrawal-guide.example/", None),  # refused outright (address_problems), not warned
    ("https://intranet.riverbend.org/guide/", "intranet address"),
    ("https://guide.clinic.local/", "intranet address"),
    ("https://10.0.0.5/guide/", "intranet address"),
    ("https://wiki/guide/", "intranet address"),
    ("https://www.riverbend-health.org/guide/", None),
])
def test_handout_address_warns_when_readers_cannot_open_it(url, expected):
    """QR codes must lead where a reader at home can go: a placeholder or an intranet address
    is named, with the key that fixes it."""
    warnings = address_warnings(url, "site_url", lambda key: "clinic.yml")
    if expected is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and expected in warnings[0].message and "extra.handouts.public_url" in warnings[0].message
        assert warnings[0].file == "clinic.yml" and warnings[0].key == "site_url"


@pytest.mark.parametrize("url, expected", [
    ("", "would lead nowhere: no address is set"),
    ("https://withdrawal-guide.example/", "lead to https://withdrawal-guide.example/, which is a placeholder"),
    ("http://localhost:8000/", "which is a placeholder"),
    ("https://intranet.riverbend.org/guide/", None),
])
def test_handouts_refuse_a_missing_or_placeholder_address(url, expected):
    """Paper can't be fixed later: a QR code leading nowhere (or to "/timeline/") is refused."""
    problems = address_problems(url, "site_url", lambda key: "clinic.yml")
    if expected is None:
        assert problems == []
    else:
        (problem,) = problems
        assert expected in problem.message and "extra.handouts.public_url (or site_url)" in problem.message
        assert problem.file == "clinic.yml" and problem.key == "site_url"


def test_printing_finds_the_systems_chromium_or_says_how_to_get_one(monkeypatch, tmp_path):
    from guidewright.printing.handouts import CHROMIUM_ENV, NO_CHROMIUM, find_chromium
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "none"))
    assert find_chromium() is None and "apt-get install chromium" in NO_CHROMIUM
    monkeypatch.delenv(CHROMIUM_ENV)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_chromium() is None
    (tmp_path / "chromium").write_text("#!/bin/sh\n")
    (tmp_path / "chromium").chmod(0o755)
    assert find_chromium() == str(tmp_path / "chromium")
