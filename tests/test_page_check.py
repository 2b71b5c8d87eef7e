"""Built-page content checks: box structure, screen-reader urgency text, reading grade."""
from __future__ import annotations

import pytest

from guidewright.checks.content_rules import parse_content_rules
from guidewright.checks.page_check import check_boxes, check_grade, readability

KEY = '<div class="admonition key-points"><p class="admonition-title">Key points</p><ul><li>One.</li></ul></div>'
NEXT = '<div class="admonition next-steps"><p class="admonition-title">Where to go next</p></div>'
EMERGENCY = ('<div class="admonition emergency"><p class="admonition-title">'
             '<span class="pe-visually-hidden">Emergency advice: </span>Call 911 now if</p></div>')


@pytest.fixture(scope="module")
def rules(repo_config):
    return parse_content_rules(repo_config.raw, "mkdocs.yml")[0]


def page(*blocks):
    return f"<html><body><article><h1>T</h1>{''.join(blocks)}</article></body></html>"


def messages(html, rules):
    return [p.message for p in check_boxes(html, rules, "x")]


def test_good_structure(rules):
    """Key points first, one emergency box, next steps last: passes."""
    assert messages(page(KEY, "<p>Text.</p>", EMERGENCY, NEXT), rules) == []


def test_unknown_box_type(rules):
    """A box type outside the closed set fails."""
    html = page(KEY, '<div class="admonition warning"><p class="admonition-title">W</p></div>', NEXT)
    assert messages(html, rules)[0].startswith("box type 'warning' is not allowed")


def test_missing_key_points(rules):
    """A page without key points fails."""
    assert messages(page("<p>Text.</p>", NEXT), rules) == ["needs exactly one 'key-points' box (found 0)"]


def test_key_points_not_first(rules):
    """Key points below other text fail."""
    assert messages(page("<p>Intro.</p>", KEY, NEXT), rules) == [
        "the 'key-points' box must come first, right under the title"]


def test_missing_next_steps(rules):
    """A dead-end page without next steps fails."""
    assert messages(page(KEY), rules) == ["needs exactly one 'next-steps' box (found 0)"]


def test_two_emergency_boxes(rules):
    """Urgency boxes are used sparingly."""
    assert "2 'emergency' boxes" in messages(page(KEY, EMERGENCY, EMERGENCY, NEXT), rules)[0]


def test_missing_screen_reader_text(rules):
    """An urgency box rendered without its hidden prefix (hook missing) fails."""
    bare = EMERGENCY.replace('<span class="pe-visually-hidden">Emergency advice: </span>', "")
    assert "no screen-reader text 'Emergency advice:'" in messages(page(KEY, bare, NEXT), rules)[0]


def test_readability_counts_items_as_sentences():
    """Title and list items count as sentences without full stops; sources don't count."""
    html = page("<ul><li>Drink water</li><li>Rest often</li></ul>",
                '<section class="pe-page-meta"><p>Extraordinarily multisyllabic bibliographic references.</p></section>')
    result = readability(html)
    assert result.words == 5 and result.grade < 3  # "T" + four words


def test_hard_text_fails_grade(rules):
    """Long sentences of long words are above the limit and fail with advice."""
    hard = ("<p>Pharmacological interventions utilizing partial agonist buprenorphine necessitate "
            "careful consideration of precipitated withdrawal phenomenology in individuals "
            "demonstrating substantial physiological opioid dependence characteristics.</p>")
    result = readability(page(hard))
    assert result.grade > 8
    assert check_grade(result, rules, "x")[0].message.startswith(f"reading grade {result.grade:.1f} is above 8")


def test_easy_text_passes_grade(rules):
    """Plain text passes."""
    assert check_grade(readability(page("<p>Drink small sips often. Rest when you can.</p>")), rules, "x") == []


def test_box_roles_come_from_config(repo_config):
    """A guide names its own opening and closing boxes (or none); the checks follow."""
    raw = {**repo_config.raw, "markdown_extensions": {**repo_config.raw["markdown_extensions"]}}
    options = dict(raw["markdown_extensions"]["guidewright.boxes.urgency_boxes"])
    raw["markdown_extensions"]["guidewright.boxes.urgency_boxes"] = {**options, "roles": {"opening": "note", "closing": None}}
    rules = parse_content_rules(raw, "mkdocs.yml")[0]
    note = '<div class="admonition note"><p class="admonition-title">Note</p></div>'
    assert messages(page(note, "<p>Text.</p>"), rules) == []
    assert messages(page("<p>Text.</p>", note), rules) == ["the 'note' box must come first, right under the title"]
    assert messages(page(KEY, NEXT), rules) == ["needs exactly one 'note' box (found 0)"]


def test_box_roles_must_name_box_types(repo_config):
    raw = {**repo_config.raw, "markdown_extensions": {**repo_config.raw["markdown_extensions"]}}
    options = dict(raw["markdown_extensions"]["guidewright.boxes.urgency_boxes"])
    for roles, expected in (({"opening": "summary"}, "'summary' is not a box type"), ({"first": "note"}, "must map opening and closing")):
        raw["markdown_extensions"]["guidewright.boxes.urgency_boxes"] = {**options, "roles": roles}
        rules, problems = parse_content_rules(raw, "mkdocs.yml")
        assert rules is None and len(problems) == 1 and expected in str(problems[0]) and "urgency_boxes.roles" in problems[0].key
