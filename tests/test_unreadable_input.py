"""What editors save is never a traceback: a date that isn't on the calendar, or a page or
config file in UTF-16 or another encoding, is a problem naming the file and what to do."""
from __future__ import annotations

import datetime as dt
import textwrap

from conftest import ENGINE
from guidewright.checks.review_log import check_review_log, load_review_log
from guidewright.checks.source_check import check_front_matter, split_front_matter
from guidewright.cli import main
from guidewright.configuration.config import load_site_config
from guidewright.configuration.source_text import read_source
from guidewright.languages.translations import translations

TODAY = dt.date(2026, 6, 1)
UTF16 = "not UTF-8 text (it looks like UTF-16): save it as UTF-8"


def messages(problems):
    return [p.message for p in problems]


def test_impossible_date_in_front_matter_is_named():
    """PyYAML crashes on 2026-02-30; the page's check names the field and the value instead."""
    page, problems = split_front_matter("---\ntitle: x\nreviewed: 2026-02-30\nnext_review: 2026-13-01\n---\n", "x.md")
    assert problems == [] and page.meta["reviewed"] == "2026-02-30"
    found = messages(check_front_matter(page.meta, "x.md", TODAY))
    assert "front matter: 'reviewed' must be a date like 2026-11-21 (got '2026-02-30')" in found
    assert "front matter: 'next_review' must be a date like 2026-11-21 (got '2026-13-01')" in found


def test_impossible_dates_in_review_log_are_named(tmp_path):
    """In a fact-check log, a claim's date and an older review's date each name what to fix."""
    path = tmp_path / "x.yml"
    path.write_text(textwrap.dedent("""\
        page: x.md
        reviews:
          - reviewed: 2026-05-01
            by: an editor
            claims:
              - {claim: A claim., source: "https://example.org/", checked: 2026-04-31, verdict: confirmed}
          - reviewed: 2026-02-30
            by: an editor
        """))
    log, problems = load_review_log(path, "docs-review/x.yml")
    assert problems == []
    found, _ = check_review_log(log, "docs-review/x.yml", "docs/x.md", dt.date(2026, 5, 1), TODAY)
    assert messages(found) == ["review 2: 'reviewed' must be a date like 2026-11-21 (got '2026-02-30')",
                               "review 2026-05-01, claim 1: 'checked' must be a date like 2026-11-21 (got '2026-04-31')"]


def test_utf16_page_is_named(tmp_path):
    """Windows' "Unicode" (UTF-16) is named as such: its first byte says nothing to an editor."""
    for bom in ("utf-16", "utf-16-le"):  # with and without a byte-order mark
        path = tmp_path / "x.md"
        path.write_bytes("---\ntitle: x\n---\nBody text here.\n".encode(bom))
        text, problems = read_source(path, "docs/x.md")
        assert text is None and messages(problems) == [UTF16] and problems[0].file == "docs/x.md"


def overlay(tmp_path, text: str, data: bytes | None = None):
    """A clinic overlay over the real config, written as text or as the given bytes."""
    path = tmp_path / "clinic.yml"
    path.write_text(f"INHERIT: {ENGINE / 'mkdocs.yml'}\n{text}")
    if data is not None:
        path.write_bytes(data)
    return path


def test_config_in_another_encoding_names_the_file(tmp_path):
    """A clinic overlay saved as UTF-16 or Latin-1: the overlay is named with what to do."""
    text = f"INHERIT: {ENGINE / 'mkdocs.yml'}\nsite_name: Clínica\n"
    config, problems = load_site_config(overlay(tmp_path, "", text.encode("utf-16")))
    assert config is None and messages(problems) == [UTF16] and problems[0].file.endswith("clinic.yml")
    config, problems = load_site_config(overlay(tmp_path, "", text.encode("latin-1")))
    assert config is None and messages(problems) == ["line 2: byte 0xed is not UTF-8 text: save the file as UTF-8"]


def test_config_file_it_inherits_is_named(tmp_path):
    """The file at fault is the one named, even when it is a parent in the INHERIT chain."""
    (tmp_path / "base.yml").write_bytes(f"INHERIT: {ENGINE / 'mkdocs.yml'}\n".encode("utf-16"))
    (tmp_path / "clinic.yml").write_text("INHERIT: base.yml\n")
    config, problems = load_site_config(tmp_path / "clinic.yml")
    assert config is None and messages(problems) == [UTF16] and problems[0].file.endswith("base.yml")


def test_impossible_date_in_config_names_its_line(tmp_path):
    config, problems = load_site_config(overlay(tmp_path, "extra:\n  updated: 2026-02-30\n"))
    assert config is None and problems[0].file.endswith("clinic.yml")
    assert messages(problems) == ["line 3: 2026-02-30 is not a date on the calendar: write a real one, like 2026-11-21"]


def test_translation_config_in_utf16_is_named(tmp_path):
    """A translation's config (es.yml) is read as text too."""
    (tmp_path / "es.yml").write_bytes("INHERIT: clinic.yml\ndocs_dir: docs-es\n".encode("utf-16"))
    config, _ = load_site_config(overlay(tmp_path, "extra:\n  translations: {es: es.yml}\n"))
    found, problems = translations(config, str)
    assert found == [] and messages(problems) == [UTF16] and problems[0].file.endswith("es.yml")


def test_build_with_impossible_date_is_a_report(tiny_site, capsys):
    """Through the command: exit 1 and the page named, not a traceback; nothing published."""
    tiny_site.page("index.md", (tiny_site.docs / "index.md").read_text().replace(
        "reviewed:", "reviewed: 2026-02-30\nold_reviewed:", 1))
    code = main(["--config", str(tiny_site.config())])
    out = capsys.readouterr().out
    assert code == 1 and "front matter: 'reviewed' must be a date like 2026-11-21 (got '2026-02-30')" in out
    assert not (tiny_site.root / "site").exists()
