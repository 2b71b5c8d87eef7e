"""Clinics keep working: once a national page is overdue for review, the guide's own build fails
(its editors must re-check it), but a clinic's copy still builds, so the clinic can change its
own lines; the page says under its title, on screen and on paper, that its review is overdue."""
from __future__ import annotations

import datetime as dt

from selectolax.lexbor import LexborHTMLParser

from conftest import NEXT_REVIEW, PAGE, REVIEWED
from test_build_cli import build
from test_clinic_overlay import CLINIC, overlay

DUE = dt.date.today() - dt.timedelta(days=3)
LAST = DUE - dt.timedelta(days=60)


def overdue_index(tiny_site) -> None:
    tiny_site.page("index.md", PAGE.format(title="Start here").replace(f"reviewed: {REVIEWED}", f"reviewed: {LAST}")
                   .replace(f"next_review: {NEXT_REVIEW}", f"next_review: {DUE}"))


def test_overdue_page_fails_the_guides_own_build(tiny_site, capsys):
    overdue_index(tiny_site)
    code, out = build(tiny_site.config(), capsys)
    assert code == 1 and f"docs/index.md\n    - review overdue since {DUE}: re-check every claim" in out


def test_clinic_copy_builds_with_the_overdue_page_marked(tiny_site, capsys):
    overdue_index(tiny_site)
    code, out = build(overlay(tiny_site, CLINIC), capsys)
    assert code == 0, out
    assert f"review overdue since {DUE}: this clinic's copy is built anyway and the page says under its title" in out
    page = LexborHTMLParser((tiny_site.root / "site" / "index.html").read_text())
    note = page.css_first("[data-pe-overdue]")
    assert note is not None and note.attributes["data-pe-overdue"] == str(DUE)
    before = note.prev
    while before.tag == "-text":
        before = before.prev
    assert before.tag == "h1"  # right under the title, before anything else on the page
    # Pages that are current say nothing of the kind.
    assert LexborHTMLParser((tiny_site.root / "site" / "glossary" / "index.html").read_text()) \
        .css_first("[data-pe-overdue]") is None


def test_clinic_copy_fails_when_the_overdue_note_is_missing(tiny_site, capsys):
    """Never silently: a template that drops the note stops the clinic's build."""
    overdue_index(tiny_site)
    (tiny_site.overrides / "partials" / "review-overdue.html").write_text("")
    code, out = build(overlay(tiny_site, CLINIC), capsys)
    assert code == 1
    assert "index.md is overdue for review but its page doesn't say so ([data-pe-overdue] missing)" in out


def test_what_falls_due_soon_says_what_happens_in_a_clinics_copy():
    from guidewright.checks.review_view import clinic_due
    from guidewright.problems import DUE, Problem
    due = Problem("docs/x.md", "review due 2027-01-01, in 5 day(s): after that date the build fails", kind=DUE)
    other = Problem("mkdocs.yml", "after that date the build fails", "site_url")
    assert clinic_due([due, other]) == [
        Problem("docs/x.md", "review due 2027-01-01, in 5 day(s): after that date this copy marks the page as "
                             "overdue for review", kind=DUE), other]
