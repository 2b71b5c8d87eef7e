"""Call links inside urgency boxes: made by guidewright.boxes.urgency_boxes from the contacts config (never
typed into pages), named per box type in config, and checked on every built page."""
from __future__ import annotations

import copy
import textwrap
from pathlib import Path

import markdown
import pytest

from conftest import ENGINE
from guidewright.boxes.urgency_boxes import CALLS_CLASS, UrgencyExtension
from guidewright.checks.content_rules import CALLS_KEY, parse_content_rules
from guidewright.configuration.settings import load_settings
from guidewright.lines.box_calls_check import check_box_calls
from guidewright.lines.crisis_view import line_cells


@pytest.fixture(scope="module")
def cells(repo_settings):
    return line_cells(repo_settings)


def render(text: str, rules, cells) -> str:
    extension = UrgencyExtension(boxes=rules.boxes, calls={k: list(v) for k, v in rules.box_calls.items()}, lines=cells)
    return markdown.Markdown(extensions=["admonition", extension]).convert(textwrap.dedent(text))


def article(html: str) -> str:
    return f"<html><body><article><h1>T</h1>{html}</article></body></html>"


def box_of(kind: str) -> str:
    return f'!!! {kind} "Title"\n\n    - a line of text\n'


def test_each_box_type_ends_with_the_links_config_names(repo_settings, cells):
    """Every box type with `calls` gets a link for each named line present (and its banner
    channels), in order; the result passes the built-page check."""
    rules = repo_settings.rules
    for kind, ids in rules.box_calls.items():
        html = render(box_of(kind), rules, cells)
        wanted = [cell["href"] for line in ids for cell in cells.get(line, [])]
        assert html.count(f'class="{CALLS_CLASS}"') == (1 if wanted else 0), kind
        assert [h for h in wanted if f'href="{h}"' in html] == wanted
        assert check_box_calls(article(html), rules, repo_settings.contacts, "x.md", repo_settings.region) == []


def test_a_box_without_its_links_fails_naming_the_page_box_and_number(repo_settings):
    """A box built without the computed lines (a builder that ran no hook) fails the check."""
    rules = repo_settings.rules
    kind, ids = next((k, v) for k, v in rules.box_calls.items() if v)
    html = render(box_of(kind), rules, cells={})
    problems = check_box_calls(article(html), rules, repo_settings.contacts, "docs/x.md", repo_settings.region)
    first = next(c for c in repo_settings.contacts if c.id == ids[0])
    assert problems and all(p.file == "docs/x.md" for p in problems)
    assert f"{kind!r} box 'Title': no visible link that shows and dials {first.number}" in problems[0].message


def test_a_link_that_dials_another_number_fails(repo_settings, cells):
    rules = repo_settings.rules
    kind, ids = next((k, v) for k, v in rules.box_calls.items() if v)
    first = next(c for c in repo_settings.contacts if c.id == ids[0])
    html = render(box_of(kind), rules, cells).replace(f'href="{first.href}"', 'href="tel:5550100"')
    assert len(check_box_calls(article(html), rules, repo_settings.contacts, "x", repo_settings.region)) == 1


def test_a_hidden_link_fails(repo_settings, cells):
    rules = repo_settings.rules
    kind = next(k for k, v in rules.box_calls.items() if v)
    html = render(box_of(kind), rules, cells).replace(f'class="{CALLS_CLASS}"', f'class="{CALLS_CLASS}" hidden')
    assert check_box_calls(article(html), rules, repo_settings.contacts, "x", repo_settings.region)


def test_removed_line_and_missing_clinic_are_not_required(tmp_path):
    """A line an overlay removed, and the clinic line in a build without a clinic, are skipped."""
    overlay = tmp_path / "clinic.yml"
    overlay.write_text(f"INHERIT: {ENGINE / 'mkdocs.yml'}\nextra:\n  crisis_contacts:\n"
                       "    samhsa: {remove: true, why: Our county runs its own referral line.}\n")
    settings, problems = load_settings(overlay)
    assert problems == []
    rules = settings.rules
    for kind in rules.box_calls:
        html = render(box_of(kind), rules, line_cells(settings))
        assert "tel:+18006624357" not in html
        assert check_box_calls(article(html), rules, settings.contacts, "x", settings.region) == []


def test_calls_config_mistakes_name_the_key(repo_config):
    """calls must map known box types to lists of line ids."""
    raw = copy.deepcopy(repo_config.raw)
    options = raw["markdown_extensions"]["guidewright.boxes.urgency_boxes"]
    options["calls"] = {"warning": ["emergency"]}
    problems = parse_content_rules(raw, "mkdocs.yml")[1]
    assert [(p.key, p.message) for p in problems] == [
        (f"{CALLS_KEY}.warning", f"'warning' is not a box type in {CALLS_KEY.replace('calls', 'boxes')}")]
    options["calls"] = {"emergency": "emergency"}
    assert [p.key for p in parse_content_rules(raw, "mkdocs.yml")[1]] == [CALLS_KEY]


def test_unknown_line_id_is_refused(tmp_path):
    overlay = tmp_path / "clinic.yml"
    overlay.write_text(f"INHERIT: {ENGINE / 'mkdocs.yml'}\nmarkdown_extensions:\n  guidewright.boxes.urgency_boxes:\n"
                       "    calls:\n      emergency: [emergncy]\n")
    settings, problems = load_settings(overlay)
    assert settings is None
    # Named twice, both in the overlay: the id is unknown, and an overlay may not set calls at all.
    assert sorted((p.key, Path(p.file).name) for p in problems) == [
        (CALLS_KEY, "clinic.yml"), (f"{CALLS_KEY}.emergency", "clinic.yml")]
    unknown = next(p for p in problems if p.key == f"{CALLS_KEY}.emergency")
    assert "'emergncy' is not a line in extra.crisis_contacts" in unknown.message
