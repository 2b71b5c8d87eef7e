"""Front matter and stigmatizing words in Markdown sources: each fault, with file and line."""
from __future__ import annotations

import copy
import datetime as dt

import pytest

from guide.content_rules import parse_content_rules
from guide.source_check import check_front_matter, check_stigma, review_warnings, split_front_matter

TODAY = dt.date(2026, 11, 21)
GOOD = {
    "title": "Withdrawal symptoms",
    "description": "What heroin withdrawal feels like, and which signs mean you need care now.",
    "reviewed": dt.date(2026, 11, 1),
    "sources": [{"title": "MedlinePlus", "url": "https://medlineplus.gov/ency/article/000949.htm"}],
}


@pytest.fixture(scope="module")
def rules(repo_config):
    found, problems = parse_content_rules(repo_config.extra, "mkdocs.yml")
    assert not problems
    return found


def messages(problems):
    return [p.message for p in problems]


def test_good_front_matter_passes():
    """A complete front matter has no problems."""
    assert check_front_matter(GOOD, "x.md", TODAY) == []


@pytest.mark.parametrize("field", ["title", "description", "reviewed", "sources"])
def test_missing_field(field):
    """Each required field, when missing, is named."""
    meta = {k: v for k, v in GOOD.items() if k != field}
    assert messages(check_front_matter(meta, "x.md", TODAY)) == [f"front matter: {field!r} is missing"]


@pytest.mark.parametrize("change, expected", [
    ({"reviewed": "last week"}, "'reviewed' must be a date like 2026-11-21"),
    ({"reviewed": dt.date(2027, 1, 1)}, "'reviewed' 2027-01-01 is in the future"),
    ({"description": "Too short."}, "'description' must be one sentence of 50-160 characters"),
    ({"sources": []}, "'sources' must list at least one {title, url}"),
    ({"sources": [{"title": "x"}]}, "sources item 1 must have exactly title and url"),
    ({"sources": [{"title": "x", "url": "ftp://x"}]}, "sources item 1 url must start with https://"),
    ({"titel": "typo"}, "unknown field 'titel'"),
    ({"title": ""}, "'title' must be text"),
])
def test_bad_field(change, expected):
    """Each malformed field is named with what to fix."""
    meta = copy.deepcopy(GOOD) | change
    assert any(expected in m for m in messages(check_front_matter(meta, "x.md", TODAY)))


def test_malformed_yaml_names_the_line():
    """Broken YAML names the file lines, from the broken value to where parsing stopped."""
    text = "---\ntitle: Fine\ndescription: [unclosed\nreviewed: 2026-11-01\n---\nBody\n"
    page, problems = split_front_matter(text, "docs/x.md")
    assert page is None and problems[0].where == "docs/x.md"
    assert problems[0].message.startswith("lines 3-4: front matter is not valid YAML")


def test_no_front_matter():
    """A page without front matter is refused at line 1."""
    _, problems = split_front_matter("# Title\n", "docs/x.md")
    assert messages(problems)[0].startswith("line 1: the page must start with YAML front matter")


def test_unclosed_front_matter():
    """Front matter without its closing --- is refused."""
    _, problems = split_front_matter("---\ntitle: x\n", "docs/x.md")
    assert messages(problems) == ["front matter has no closing --- line"]


def test_body_line_counts_front_matter():
    """Line numbers in the body match the file."""
    page, _ = split_front_matter("---\ntitle: x\n---\nfirst body line\n", "x.md")
    assert page.body_line == 4 and page.body.startswith("first body line")


def test_old_review_date_warns():
    """A page reviewed more than the allowed age ago warns (it does not fail)."""
    old = GOOD | {"reviewed": dt.date(2025, 1, 1)}
    assert "more than 365 days ago" in messages(review_warnings(old, "x.md", TODAY, 365))[0]
    assert review_warnings(GOOD, "x.md", TODAY, 365) == []


@pytest.mark.parametrize("line, term, suggestion", [
    ("He is an addict.", "addict", "person with a substance use disorder"),
    ("Junkies are people too.", "Junkies", "people who use drugs"),
    ("She has been clean for a year.", "clean", "not using, or tested negative"),
    ("A dirty urine test.", "dirty", "using, or tested positive"),
    ("Kicking the habit is hard.", "habit", "drug use, or opioid use disorder"),
    ("Heroin users need support.", "Heroin users", "people who use heroin"),
    ("Drug abuse is common.", "abuse", "use, misuse, or substance use disorder"),
])
def test_stigma_terms_with_line_and_suggestion(rules, line, term, suggestion):
    """A stigmatizing term fails with its line and a person-first suggestion."""
    found = messages(check_stigma(f"Fine line.\n\n{line}", "x.md", rules))
    assert found == [f"line 3: {term!r} stigmatizes; say {suggestion!r} instead"]


def test_allowed_phrases_pass(rules):
    """Proper names and safe phrases that contain a listed word are not flagged."""
    text = ("Call the Substance Abuse and Mental Health Services Administration.\n"
            "Use clean needles and clean water. Read the National Institute on Drug Abuse page.")
    assert check_stigma(text, "x.md", rules) == []


def test_no_partial_word_matches(rules):
    """'habitat' or 'cleaning' are not flagged."""
    assert check_stigma("A habitat. Cleaning up. Addiction medicine.", "x.md", rules) == []


@pytest.mark.parametrize("change, expected", [
    ({"max_grade": "eight"}, "max_grade: must be a number from 1 to 16"),
    ({"review_max_age_days": 0}, "review_max_age_days: must be a whole number of days"),
    ({"boxes": []}, "boxes: must be a non-empty mapping"),
    ({"colour": "red"}, "colour: unknown option"),
])
def test_bad_content_rules_config(repo_config, change, expected):
    """A malformed content_rules option is named."""
    extra = copy.deepcopy(repo_config.extra)
    extra["content_rules"] |= change
    rules, problems = parse_content_rules(extra, "mkdocs.yml")
    assert rules is None and any(expected in p.message for p in problems)
