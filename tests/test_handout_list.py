"""The page for clinic staff lists every handout and quick card from config (never typed), links
to the PDFs only when the build printed them into the site, and fails when the list or a PDF
it links to is missing."""
from __future__ import annotations

import shutil

import pytest
import yaml
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from conftest import PAGE, REPO
from guidewright.build.hosting import FOLDER as HOSTING
from guidewright.build.zensical_build import generated_overlay
from guidewright.cli import main
from guidewright.configuration.settings import load_settings
from guidewright.package_files import THEME
from guidewright.printing.handout_list import FOLDER, KEY, LIST, MARKER, check_list_page, handout_list, list_page, missing_pdfs
from guidewright.printing.handouts import parse_handouts


def expected_titles(settings) -> tuple[list[str], list[str]]:
    """What the list must show, read from config: each handout page's front-matter title, each card's title."""
    def title(src: str) -> str:
        return yaml.safe_load((settings.config.docs_dir / src).read_text(encoding="utf-8").split("---")[1])["title"]
    return [title(src) for src in settings.handout_pages], [card.title for card in settings.cards]


def shown_list(html: str) -> tuple[list[str], list[str], list[str]]:
    """(page titles, card titles, link hrefs) as the built list page shows them."""
    found = LexborHTMLParser(html).css(LIST)
    assert len(found) == 1
    groups = [[" ".join(li.text().split()).split(": US Letter")[0] for li in ul.css("li")] for ul in found[0].css("ul")]
    return groups[0], groups[1], [a.attributes["href"] for a in found[0].css('a[type="application/pdf"]')]


def test_list_comes_from_config(repo_settings):
    """Every nav page but the skipped ones, by its full title, and every card; links only with PDFs."""
    pages, cards = expected_titles(repo_settings)
    assert list_page(repo_settings.config) in repo_settings.config.nav_pages
    assert list_page(repo_settings.config) not in repo_settings.handout_pages  # the list page is no handout
    names_only = handout_list(repo_settings, use_directory_urls=True, pdfs=False)
    assert [p["title"] for p in names_only["pages"]] == pages and [c["title"] for c in names_only["cards"]] == cards
    assert not names_only["pdfs"] and all(set(item) == {"title"} for item in names_only["pages"])
    # A card's title links to its own page (guidewright.printing.card_pages) in every build, PDFs or not.
    assert all(set(item) == {"title", "page"} for item in names_only["cards"])
    assert names_only["cards"][0]["page"] == f"../card-{repo_settings.cards[0].id}/"
    linked = handout_list(repo_settings, use_directory_urls=True, pdfs=True)
    first, card = repo_settings.handout_pages[0].removesuffix(".md"), repo_settings.cards[0].id
    assert linked["pages"][0] == {"title": pages[0], "letter": f"../{FOLDER}/{first}.pdf",
                                  "a4": f"../{FOLDER}/a4/{first}.pdf"}
    assert linked["cards"][0]["a4"] == f"../{FOLDER}/a4/card-{card}.pdf"
    # Flat .html pages (the offline plugin) sit beside the folder, not in one of their own.
    flat = handout_list(repo_settings, use_directory_urls=False, pdfs=True)["cards"][0]
    assert (flat["letter"], flat["page"]) == (f"{FOLDER}/card-{card}.pdf", f"card-{card}.html")


def test_zensical_gets_the_same_list(repo_settings):
    """Zensical runs no hooks: the generated overlay carries the list, PDFs or not."""
    for pdfs in (False, True):
        overlay = generated_overlay(repo_settings, False, "x", handouts=pdfs)
        assert overlay["extra"][KEY] == handout_list(repo_settings, True, pdfs)


def test_template_makes_no_method_calls():
    """MiniJinja (Zensical) can't call Python methods: the partial and page template only loop."""
    for template in ("partials/handout-list.html", "for-clinics.html"):
        text = (THEME / template).read_text(encoding="utf-8")
        assert not any(call in text for call in (".items(", ".append(", ".split(", ".keys(", ".values(")), template


def test_list_page_must_be_in_the_nav():
    _, problems = parse_handouts({"handouts": {"list_page": "gone.md"}}, lambda key: "clinic.yml", ["index.md"])
    assert [(p.file, p.key) for p in problems] == [("clinic.yml", "extra.handouts.list_page")]


def test_built_site_names_every_handout_without_links(built_site, repo_settings):
    """Built without --handouts: every title, no link, and how staff can make the PDFs."""
    html = (built_site / repo_settings.config.built_path(list_page(repo_settings.config))).read_text(encoding="utf-8")
    assert shown_list(html) == (*expected_titles(repo_settings), [])
    assert "python3 scripts/build.py --handouts" in html and MARKER not in html
    assert not (built_site / FOLDER).exists()


def clinic_page_site(tiny_site, marker: bool, template: bool = True):
    """A tiny site whose list page says (or lacks) the marker and the template."""
    text = PAGE.format(title="For clinics")
    if template:
        text = text.replace("title: For clinics", "title: For clinics\ntemplate: for-clinics.html")
    if marker:
        text = text.replace("The cat sat", f"{MARKER}\n\nThe cat sat")
    tiny_site.page("for-clinics.md", text)
    tiny_site.nav.append("for-clinics.md")
    return tiny_site.config("extra:\n  handouts:\n    list_page: for-clinics.md\n")


def build(config, capsys) -> tuple[int, str]:
    code = main(["--config", str(config)])
    return code, capsys.readouterr().out


def test_list_page_with_marker_builds(tiny_site, capsys):
    code, out = build(clinic_page_site(tiny_site, marker=True), capsys)
    assert code == 0, out
    html = (tiny_site.root / "site" / "for-clinics" / "index.html").read_text(encoding="utf-8")
    assert shown_list(html) == (["Start here", "Get help now", "Glossary", "For clinics"], [], [])


@pytest.mark.parametrize("marker, template", [(False, True), (True, False)])
def test_list_page_without_marker_or_template_fails_naming_page(tiny_site, capsys, marker, template):
    """No marker (or no template to fill it): the list would silently vanish, so the build fails
    under the page's own name and publishes nothing."""
    code, out = build(clinic_page_site(tiny_site, marker, template), capsys)
    assert code == 1 and "site/for-clinics/index.html (docs/for-clinics.md)\n    - shows the list of handouts 0 times" in out
    assert MARKER in out and not (tiny_site.root / "site").exists()


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The real site built with --handouts (its own process: it starts its own browser)."""
    from test_handouts import print_handouts
    root = tmp_path_factory.mktemp("printed")
    print_handouts(root)
    return root


@pytest.mark.browser
def test_links_open_the_published_pdfs(printed):
    """With --handouts, each title links to its Letter and A4 PDF inside the published site, the
    same files as dist/handouts/; nothing is left in a staging folder."""
    settings = load_settings(REPO / "mkdocs.yml")[0]
    page = printed / "site" / settings.config.built_path(list_page(settings.config))
    pages, cards, hrefs = shown_list(page.read_text(encoding="utf-8"))
    assert (pages, cards) == expected_titles(settings)
    assert len(hrefs) == 2 * (len(pages) + len(cards))
    site, dist = (printed / "site").resolve(), printed / "dist" / "handouts"
    for href in hrefs:
        pdf = (page.parent / href).resolve()
        assert pdf.is_relative_to(site / FOLDER) and pdf.read_bytes() == (dist / pdf.relative_to(site / FOLDER)).read_bytes()
        width = float(PdfReader(pdf).pages[0].mediabox.width)
        assert abs(width - (595 if "/a4/" in href else 612)) < 1.5, href
    # Nothing left but the outputs and the lock files that keep two builds apart (guidewright.build.publish).
    assert sorted(p.name for p in printed.iterdir() if not p.name.endswith(".lock")) == ["dist", "site"]
    assert sorted(p.name for p in (printed / "dist").iterdir() if not p.name.endswith(".lock")) == sorted(
        [FOLDER, HOSTING])  # the PDFs, and the server config every build writes (guidewright.build.hosting)


@pytest.mark.browser
def test_missing_pdf_is_named(printed, tmp_path):
    """A PDF the list links to but the run didn't make (a card that failed) is reported under the
    list page, naming the link; the complete site has none."""
    settings = load_settings(REPO / "mkdocs.yml")[0]
    site = tmp_path / "site"
    shutil.copytree(printed / "site", site)
    assert missing_pdfs(site, settings.config) == [] and check_list_page(site, settings.config) == []
    card = settings.cards[-1].id
    (site / FOLDER / "a4" / f"card-{card}.pdf").unlink()
    problems = missing_pdfs(site, settings.config)
    assert [(p.file, p.message) for p in problems] == [
        ("site/for-clinics/index.html (docs/for-clinics.md)",
         f"the list of handouts links to ../{FOLDER}/a4/card-{card}.pdf, which was not printed into the site")]
