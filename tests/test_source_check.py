"""Front matter and stigmatizing words in Markdown sources: each fault, with file and line."""
from __future__ import annotations

import copy
import datetime as dt

import pytest

from guidewright.checks.content_rules import parse_content_rules
from guidewright.checks.review_log import check_review_log, load_review_log
from guidewright.checks.source_check import check_front_matter, check_headings, check_review_due, check_stigma, split_front_matter
from guidewright.configuration.source_text import read_source

TODAY = dt.date(2026, 11, 21)
GOOD = {
    "title": "Withdrawal symptoms",
    "description": "What heroin withdrawal feels like, and which signs mean you need care now.",
    "reviewed": dt.date(2026, 11, 1),
    "next_review": dt.date(2027, 3, 1),
    "sources": [{"title": "MedlinePlus", "url": "https://medlineplus.gov/ency/article/000949.htm"}],
}


@pytest.fixture(scope="module")
def rules(repo_config):
    found, problems = parse_content_rules(repo_config.raw, "mkdocs.yml")
    assert not problems
    return found


def messages(problems):
    return [p.message for p in problems]


def test_good_front_matter_passes():
    """A complete front matter has no problems."""
    assert check_front_matter(GOOD, "x.md", TODAY) == []


@pytest.mark.parametrize("field", ["title", "description", "reviewed", "next_review", "sources"])
def test_missing_field(field):
    """Each required field, when missing, is named."""
    meta = {k: v for k, v in GOOD.items() if k != field}
    assert messages(check_front_matter(meta, "x.md", TODAY)) == [f"front matter: {field!r} is missing"]


@pytest.mark.parametrize("change, expected", [
    ({"reviewed": "last week"}, "'reviewed' must be a date like 2026-11-21"),
    ({"reviewed": dt.date(2027, 1, 1)}, "'reviewed' 2027-01-01 is in the future"),
    ({"next_review": "in six months"}, "'next_review' must be a date like 2026-11-21"),
    ({"description": "Too short."}, "'description' must be one sentence of 50-160 characters"),
    ({"sources": []}, "'sources' must list at least one {title, url}"),
    ({"sources": [{"title": "x"}]}, "sources item 1 must have exactly title and url"),
    ({"sources": [{"title": "x", "url": "ftp://x"}]}, "sources item 1 url must start with https://"),
    ({"sources": [{"title": "x", "url": "http://x"}]}, "sources item 1 url must start with https://"),
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
    assert page is None and problems[0].file == "docs/x.md"
    assert problems[0].message.startswith("lines 3-4: front matter is not valid YAML")


def test_no_front_matter():
    """A page without front matter is refused at line 1."""
    _, problems = split_front_matter("# Title\n", "docs/x.md")
    assert messages(problems)[0].startswith("line 1: the page must start with YAML front matter")


def test_unclosed_front_matter():
    """Front matter without its closing --- is refused."""
    _, problems = split_front_matter("---\ntitle: x\n", "docs/x.md")
    assert messages(problems) == ["front matter has no closing --- line"]


def test_top_heading_in_body_fails_with_line():
    """A '#' heading in the body fails at its file line; '##' and '#' inside code fences pass."""
    body = "Intro.\n\n# Second title\n\n## Section\n\n```\n# a shell comment\n```\n#hashtag\n"
    assert messages(check_headings(body, "x.md", 10)) == [
        "line 12: a '#' heading repeats the page title; start sections with '##' (the title comes from front matter)"]


def test_byte_order_mark_is_fine(tmp_path):
    """A page saved by Notepad with a UTF-8 byte-order mark reads as its front matter, not as a fault."""
    path = tmp_path / "x.md"
    path.write_bytes(b"\xef\xbb\xbf---\ntitle: x\n---\nBody\n")
    text, problems = read_source(path, "x.md")
    assert problems == [] and split_front_matter(text, "x.md")[1] == []


def test_latin1_byte_names_file_and_line(tmp_path):
    """A page in another encoding is named, with the line of its first bad byte."""
    path = tmp_path / "x.md"
    path.write_bytes(b"---\ntitle: x\n---\nCaf\xe9\n")
    text, problems = read_source(path, "docs/x.md")
    assert text is None
    assert messages(problems) == ["line 4: byte 0xe9 is not UTF-8 text: save the file as UTF-8"]
    assert problems[0].file == "docs/x.md"


def test_body_line_counts_front_matter():
    """Line numbers in the body match the file."""
    page, _ = split_front_matter("---\ntitle: x\n---\nfirst body line\n", "x.md")
    assert page.body_line == 4 and page.body.startswith("first body line")


def review_due(rules, reviewed, due, today=TODAY):
    return check_review_due(GOOD | {"reviewed": reviewed, "next_review": due}, "x.md", today, rules)


def test_review_due_within_interval_passes(rules):
    """A next review inside the configured interval, not yet near, is neither a problem nor a warning."""
    reviewed = dt.date(2026, 11, 1)
    assert review_due(rules, reviewed, reviewed + dt.timedelta(days=rules.review_interval_days)) == ([], [])


def test_next_review_beyond_interval_fails(rules):
    """An editor can't push the next review past the interval; the message gives the latest date."""
    reviewed = dt.date(2026, 11, 1)
    latest = reviewed + dt.timedelta(days=rules.review_interval_days)
    problems, _ = review_due(rules, reviewed, latest + dt.timedelta(days=1))
    assert f"set it to {latest} or sooner" in messages(problems)[0]


def test_next_review_before_reviewed_fails(rules):
    problems, _ = review_due(rules, dt.date(2026, 11, 1), dt.date(2026, 10, 1))
    assert messages(problems) == ["front matter: 'next_review' 2026-10-01 must be after 'reviewed' 2026-11-01"]


def test_review_nearly_due_warns(rules):
    """Within review_warn_days of the due date the page warns, and still passes."""
    due = TODAY + dt.timedelta(days=rules.review_warn_days)
    problems, warnings = review_due(rules, dt.date(2026, 11, 1), due)
    assert problems == [] and f"review due {due}, in {rules.review_warn_days} day(s)" in messages(warnings)[0]
    assert review_due(rules, dt.date(2026, 11, 1), due + dt.timedelta(days=1)) == ([], [])


def test_review_overdue_fails(rules):
    """The day after the due date, the page fails."""
    problems, _ = review_due(rules, dt.date(2026, 6, 1), TODAY - dt.timedelta(days=1))
    assert messages(problems)[0].startswith(f"review overdue since {TODAY - dt.timedelta(days=1)}")
    assert review_due(rules, dt.date(2026, 6, 1), TODAY)[0] == []  # due today is not yet overdue


CLAIM = {"claim": "Withdrawal usually starts within 12 hours.", "source": "https://medlineplus.gov/x",
         "checked": dt.date(2026, 11, 1), "verdict": "confirmed"}


def log_with(claims, reviewed=dt.date(2026, 11, 1), page="x.md", **review):
    return {"page": page, "reviews": [{"reviewed": reviewed, "by": "editor", "claims": claims} | review]}


def check_log(log, reviewed=dt.date(2026, 11, 1)):
    return check_review_log(log, "docs-review/x.yml", "docs/x.md", reviewed, TODAY)


def test_complete_review_log_passes():
    assert check_log(log_with([CLAIM])) == ([], [])


@pytest.mark.parametrize("log, expected", [
    ([], "must be a mapping with 'page' and a list of 'reviews'"),
    (log_with([CLAIM], page="y.md"), "'page' is 'y.md' but this log belongs to docs/x.md"),
    (log_with([CLAIM], reviewed=dt.date(2026, 10, 1)), "no review logged for docs/x.md's 'reviewed' date 2026-11-01"),
    (log_with([]), "'claims' must list the claims checked"),
    (log_with([CLAIM], by=""), "'by' must say who checked the page"),
    (log_with([CLAIM], extra=1), "unknown field 'extra'"),
    (log_with([CLAIM | {"source": "http://x"}]), "claim 1: 'source' must be an https:// address"),
    (log_with([CLAIM | {"verdict": "fine"}]), "claim 1: 'verdict' must be one of confirmed, corrected"),
    (log_with([CLAIM | {"checked": dt.date(2027, 1, 1)}]), "claim 1: 'checked' 2027-01-01 is in the future"),
    (log_with([CLAIM | {"checked": "today"}]), "claim 1: 'checked' must be a date"),
    (log_with([{"claim": "x"}]), "claim 1: 'source' is missing"),
    (log_with([CLAIM, CLAIM | {"verdict": "open"}]), "claim 2: an 'open' claim needs a 'note'"),
    (log_with([CLAIM | {"sauce": 1}]), "claim 1: unknown field 'sauce'"),
])
def test_bad_review_log(log, expected):
    """Each fault in a fact-check log is named, with the log file."""
    problems, _ = check_log(log)
    assert any(expected in m for m in messages(problems)), messages(problems)
    assert all(p.file == "docs-review/x.yml" for p in problems)


def test_open_claim_warns():
    """A claim left open (its current status unconfirmed) is listed as a warning, with its note."""
    problems, warnings = check_log(log_with([CLAIM | {"verdict": "open", "note": "rule may change"}]))
    assert problems == [] and "open claim on docs/x.md" in messages(warnings)[0]
    assert "rule may change" in messages(warnings)[0]


def test_review_log_file_errors(tmp_path):
    """A missing log, broken YAML and a non-UTF-8 file are each named with what to do."""
    missing, problems = load_review_log(tmp_path / "none.yml", "docs-review/none.yml")
    assert missing is None and "no fact-check log for this page" in messages(problems)[0]
    (tmp_path / "bad.yml").write_text("page: x.md\nreviews: [\n")
    assert "not valid YAML" in messages(load_review_log(tmp_path / "bad.yml", "bad.yml")[1])[0]
    (tmp_path / "latin.yml").write_bytes(b"page: caf\xe9.md\n")
    assert "not UTF-8" in messages(load_review_log(tmp_path / "latin.yml", "latin.yml")[1])[0]


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
    ({"review_interval_days": 0}, "review_interval_days: must be a whole number of days"),
    ({"review_warn_days": "soon"}, "review_warn_days: must be a whole number of days"),
    ({"review_log": None}, "review_log: must name the fact-check log folder"),
    ({"boxes": []}, "markdown_extensions.guidewright.boxes.urgency_boxes.boxes: must be a non-empty mapping"),
    ({"colour": "red"}, "colour: unknown option"),
])
def test_bad_content_rules_config(repo_config, change, expected):
    """A malformed content_rules option is named."""
    raw = copy.deepcopy(repo_config.raw)
    if "boxes" in change:  # the box list is the urgency_boxes extension's option
        raw["markdown_extensions"]["guidewright.boxes.urgency_boxes"] |= change
    else:
        raw["extra"]["content_rules"] |= change
    rules, problems = parse_content_rules(raw, "mkdocs.yml")
    assert rules is None and any(expected in str(p) for p in problems)


def test_a_guide_adds_its_own_front_matter_fields(repo_config):
    """extra.content_rules.front_matter lets a guide's pages carry fields of their own."""
    meta = {**GOOD, "audience": "family"}
    assert messages(check_front_matter(meta, "x.md", TODAY)) == [
        "front matter: unknown field 'audience' (allowed: title, description, reviewed, next_review, sources, template, "
        "hide, search; a guide adds its own in extra.content_rules.front_matter)"]
    assert check_front_matter(meta, "x.md", TODAY, ("audience",)) == []
    raw = {**repo_config.raw, "extra": {**repo_config.extra, "content_rules": {**repo_config.extra["content_rules"]}}}
    raw["extra"]["content_rules"]["front_matter"] = ["audience"]
    assert parse_content_rules(raw, "mkdocs.yml")[0].front_matter == ("audience",)
    raw["extra"]["content_rules"]["front_matter"] = "audience"
    assert [(p.file, str(p)) for p in parse_content_rules(raw, "mkdocs.yml")[1]] == [
        ("mkdocs.yml", "extra.content_rules.front_matter: must list the extra field names pages may use, e.g. [audience, tags]")]
