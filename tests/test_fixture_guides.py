"""Guides other than the real one, as an adopter's would be: the starter `guidewright new` writes,
and a small UK guide (tests/guides/uk) that INHERITs nothing. Each builds through the command and
passes every check as written, with its own country's numbers."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from phonenumbers import shortnumberinfo
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from conftest import NEXT_REVIEW, REVIEWED  # tests/ is on sys.path (pytest puts a conftest's folder there)
from guidewright.checks.html_visibility import visible_text
from guidewright.checks.source_check import split_front_matter
from guidewright.cli import main
from guidewright.configuration.settings import load_settings
from guidewright.lines.phone import canonical, dialled_digits, number_hash
from guidewright.scaffold import emergency_numbers

UK = Path(__file__).resolve().parent / "guides" / "uk"
# A made-up London number from Ofcom's range kept for TV and radio drama (020 7946 0000-0999). The
# UK guide stores only its hash (extra.denied_numbers); this test is the one place it is written.
DRAMA_NUMBER = "020 7946 0123"
UK_REGION, UK_EMERGENCY = "GB", "999"


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def settings_of(guide: Path):
    settings, problems = load_settings(guide / "mkdocs.yml")
    assert problems == []
    return settings


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def dials(html: str, number: str, region: str) -> bool:
    """A link on the page dials the number and shows it (a short code, as written)."""
    return any(dialled_digits(a.attributes.get("href") or "", region) == canonical(number, region)
               and digits(visible_text(a)) == digits(number) for a in LexborHTMLParser(html).css("a[href]"))


def problems_by_file(out: str) -> dict[str, list[str]]:
    """The build's report: each file it names (an indented line) -> the problems under it ("    - ...")."""
    found: dict[str, list[str]] = {}
    header = ""
    for line in out.splitlines():
        if line.startswith("    - "):
            found.setdefault(header, []).append(line[6:])
        elif line.startswith("  ") and not line.startswith("   "):
            header = line.strip()
    return found


def uk_copy(tmp_path: Path) -> Path:
    """The UK guide in tmp_path, its review dates moved to the day the tests run (never overdue)."""
    guide = tmp_path / "uk"
    shutil.copytree(UK, guide)
    meta = split_front_matter((UK / "docs" / "index.md").read_text(encoding="utf-8"), "index.md")[0].meta
    for path in [*guide.glob("docs/*.md"), *guide.glob("docs-review/*.yml")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(str(meta["reviewed"]), str(REVIEWED))
                        .replace(str(meta["next_review"]), str(NEXT_REVIEW)), encoding="utf-8")
    return guide


def build_args(guide: Path, site: Path, *more: str) -> list[str]:
    return ["build", "--config", str(guide / "mkdocs.yml"), "--site-dir", str(site), "--dist-dir",
            str(site.parent / "dist"), *more]


# --- the starter (guidewright new) ---

@pytest.mark.build
@pytest.mark.parametrize("offline", [False, True], ids=["online", "offline"])
def test_new_guide_builds_and_every_page_dials_its_emergency_number(tmp_path, capsys, offline):
    guide, site = tmp_path / "guide", tmp_path / "site"
    assert run(capsys, "new", str(guide), "--region", UK_REGION, "--emergency", UK_EMERGENCY)[0] == 0
    code, out = run(capsys, *build_args(guide, site, *(["--offline"] if offline else [])))
    assert code == 0, out
    settings = settings_of(guide)
    emergency = next(iter(settings.required_lines))
    assert emergency == UK_EMERGENCY
    pages = sorted(site.glob("**/index.html"))
    assert site / "index.html" in pages
    assert [p for p in pages if not dials(p.read_text(encoding="utf-8"), emergency, settings.region)] == []
    if offline:
        assert list((tmp_path / "dist").glob("*-offline.zip"))


@pytest.mark.unit
def test_new_guide_takes_the_regions_only_emergency_number_and_any_title(tmp_path, capsys):
    region = next(r for r in sorted(shortnumberinfo.SUPPORTED_SHORT_REGIONS) if len(emergency_numbers(r)) == 1)
    guide, name = tmp_path / "guide", 'Say "hi": a guide'  # a quote and a colon stay the title's words
    assert run(capsys, "new", str(guide), "--region", region, "--name", name)[0] == 0
    config = yaml.load((guide / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert (config["extra"]["region"], list(config["extra"]["required_lines"])) == (region, emergency_numbers(region))
    assert config["site_name"] == name
    assert split_front_matter((guide / "docs" / "index.md").read_text(encoding="utf-8"), "index.md")[0].meta["title"] == name


@pytest.mark.unit
@pytest.mark.parametrize("options, message", [
    (["--region", UK_REGION], "GB has several emergency numbers (112, 999) in the phone number data: give the one "
                              "to show with --emergency NUMBER"),
    (["--region", UK_REGION, "--emergency", "911"], "--emergency 911: not an emergency number in GB (the phone number "
                                                    "data lists 112, 999); give the number people there call"),
    (["--region", "XX"], "--region XX: give the ISO 3166 code of the country the guide serves (e.g. --region GB)"),
])
def test_new_guide_refuses_a_region_or_emergency_number_it_cant_vouch_for(tmp_path, capsys, options, message):
    code, out = run(capsys, "new", str(tmp_path / "guide"), *options)
    assert code == 2 and message in out
    assert not (tmp_path / "guide").exists()


@pytest.mark.unit
def test_new_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path, capsys):
    target = tmp_path / "mine"
    (target / "docs").mkdir(parents=True)
    (target / "notes.txt").write_text("my notes")
    (target / "docs" / "index.md").write_text("my page")
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    code, out = run(capsys, "new", str(target), "--region", UK_REGION, "--emergency", UK_EMERGENCY)
    assert code == 2 and "not empty" in out
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == before
    assert sorted(target.rglob("*")) == sorted([target / "docs", *before])


# --- the UK guide ---

@pytest.mark.build
def test_uk_guide_builds_and_every_page_dials_its_required_lines(tmp_path, capsys):
    guide, site = uk_copy(tmp_path), tmp_path / "site"
    code, out = run(capsys, *build_args(guide, site))
    assert code == 0, out
    settings = settings_of(guide)
    assert settings.region == UK_REGION and len(settings.required_lines) == 2
    pages = sorted(site.glob("**/index.html"))
    assert len(pages) == len(settings.config.nav_pages)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert [n for n in settings.required_lines if not dials(html, n, settings.region)] == [], page


@pytest.mark.build
def test_uk_guide_refuses_its_denied_number_written_the_national_way(tmp_path, capsys):
    guide = uk_copy(tmp_path)
    entry = settings_of(guide).denied.get(number_hash(DRAMA_NUMBER, UK_REGION))
    assert entry is not None  # the number the guide denies
    page = guide / "docs" / "withdrawal.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nOr call {DRAMA_NUMBER}.\n", encoding="utf-8")
    code, out = run(capsys, *build_args(guide, tmp_path / "site"))
    assert code == 1
    named = {file: found for file, found in problems_by_file(out).items() if "docs/withdrawal.md" in file}
    assert named and all(any(f"denied number {entry!r}" in m for m in found) for found in named.values()), out


@pytest.mark.build
def test_uk_page_link_that_shows_another_number_than_it_dials_fails_naming_the_page(tmp_path, capsys):
    guide = uk_copy(tmp_path)
    line = next(c for c in settings_of(guide).contacts if c.href.startswith("tel:+"))  # the +44 line
    shown = line.number[:-4] + "0000"
    assert canonical(shown, UK_REGION) != canonical(line.number, UK_REGION)
    page = guide / "docs" / "withdrawal.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nOr call [{shown}]({line.href}).\n", encoding="utf-8")
    code, out = run(capsys, *build_args(guide, tmp_path / "site"))
    assert code == 1
    assert [found for file, found in problems_by_file(out).items() if file.endswith("(docs/withdrawal.md)")] == [
        [f"a link shows {shown!r} but dials {line.href!r}"]], out


@pytest.mark.unit
@pytest.mark.parametrize("line, added, message", [
    ("      summary: NHS\n", "      summary: NHS 111\n",
     "'NHS 111' has digits, but every call link shows the summary beside the number, so readers would see two "
     "numbers in one link ('NHS 111 111'). Name the line without its number"),
    ("      languages: English; interpreters on request\n",
     '      languages: English; interpreters on request\n      channels:\n'
     '        - {label: Text 82111, number: "82111", href: "sms:82111"}\n',
     "'Text 82111' has digits, but its link shows the label beside the number, so readers would see two numbers "
     "in one link ('Text 82111 82111'). Say it without digits"),
])
def test_a_line_name_with_digits_is_refused_before_the_build(tmp_path, line, added, message):
    config = uk_copy(tmp_path) / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count(line) == 1
    config.write_text(text.replace(line, added), encoding="utf-8")
    problems = [p for p in load_settings(config)[1] if p.message == message]
    assert len(problems) == 1 and problems[0].file.endswith("mkdocs.yml")


# --- both, with Zensical ---

@pytest.mark.build
@pytest.mark.parametrize("which", ["starter", "uk"])
def test_fixture_guides_pass_with_zensical(tmp_path, capsys, which):
    if which == "uk":
        guide = uk_copy(tmp_path)
    else:
        guide = tmp_path / "guide"
        assert run(capsys, "new", str(guide), "--region", UK_REGION, "--emergency", UK_EMERGENCY)[0] == 0
    code, out = run(capsys, *build_args(guide, tmp_path / "site", "--builder", "zensical"))
    assert code == 0, out


# --- the UK guide end to end: printed, as the real guide is ---

@pytest.mark.browser
def test_uk_guide_prints_its_handouts(tmp_path):
    """The second guide through `guidewright handouts`: a PDF per page in both paper sizes, with
    its own lines on them (999 and 111), from the engine alone."""
    guide = uk_copy(tmp_path)
    overlay = guide / "print.yml"  # handouts refuse a placeholder address in their QR codes
    overlay.write_text("INHERIT: mkdocs.yml\nextra:\n  handouts:\n    public_url: https://uk-guide.org/\n")
    site = tmp_path / "site"
    # Its own process, as staff run it: the browser tests' Playwright already runs in this one.
    result = subprocess.run([sys.executable, "-m", "guidewright", "handouts", "--config", str(overlay), "--site-dir",
                             str(site), "--dist-dir", str(tmp_path / "dist")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    settings = settings_of(guide)
    pdfs = sorted((tmp_path / "dist" / "handouts").rglob("*.pdf"))
    assert len(pdfs) == 2 * (len(settings.handout_pages) + len(settings.cards)) and pdfs
    for pdf in pdfs:
        text = digits(" ".join(sheet.extract_text() for sheet in PdfReader(pdf).pages))
        assert all(number in text for number in settings.required_lines), pdf


def test_handouts_without_a_chromium_say_how_to_get_one(tmp_path, capsys, monkeypatch):
    from guidewright.printing.handouts import CHROMIUM_ENV, NO_CHROMIUM
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-chromium"))
    guide = uk_copy(tmp_path)
    (guide / "print.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  handouts:\n    public_url: https://uk-guide.org/\n")
    site = tmp_path / "site"
    code, out = run(capsys, "handouts", "--config", str(guide / "print.yml"), "--site-dir", str(site),
                    "--dist-dir", str(tmp_path / "dist"))
    assert code == 1 and NO_CHROMIUM in out and not site.exists()


@pytest.mark.build
def test_a_guide_whose_main_language_is_not_english(tmp_path, capsys):
    """The base language is the main config's theme.language, any language: a Spanish-first
    guide gets the engine's Spanish words, is measured by Spanish reading ease, and may not give
    Spanish words as a language block (they are the fields themselves)."""
    guide, site = tmp_path / "guia", tmp_path / "site"
    assert run(capsys, "new", str(guide), "--region", "MX", "--emergency", "911")[0] == 0
    config = guide / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  language: en\n", "  language: es\n").replace("    lang: en\n", "    lang: es\n")
    text = text.replace("    max_grade: 8 ", "    min_reading_ease: 0\n    max_grade: 8 ")
    config.write_text(text, encoding="utf-8")
    settings = settings_of(guide)
    assert (settings.base_language, settings.is_translation) == ("es", False)
    code, out = run(capsys, *build_args(guide, site))
    assert code == 0, out
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'lang="es"' in home and settings.ui["help_row_name"] in home
    config.write_text(text.replace("      summary: Emergency\n", "      summary: Emergency\n      es: {summary: Emergencia}\n"),
                      encoding="utf-8")
    code, out = run(capsys, *build_args(guide, site))
    assert code == 2 and "extra.crisis_contacts.emergency.es: the fields around it are already the 'es' words" in out
