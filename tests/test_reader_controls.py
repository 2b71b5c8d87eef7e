"""The first-aid control and the quick exit: their config and their place on every built page
(guidewright.checks.reader_controls), and the page length limit (guidewright.checks.page_check.check_length)."""
from __future__ import annotations

import copy
from dataclasses import replace

import pytest

from guidewright.checks.content_rules import parse_content_rules
from guidewright.checks.page_check import Readability, check_length
from guidewright.checks.reader_controls import check_reader_controls, first_aid_url, parse_reader_controls

EXIT = "https://www.weather.gov/"
GOOD = f"""<html><body>
<a class="pe-exit" href="{EXIT}" data-pe-quick-exit>Quick exit</a>
<nav data-crisis-contacts><a href="tel:911">911</a></nav>
<header class="md-header"><a data-pe-first-aid href="../overdose/#steps">Overdose?</a></header>
<article><h1>Page</h1></article></body></html>"""


@pytest.fixture
def site(tmp_path):
    (tmp_path / "overdose").mkdir()
    (tmp_path / "overdose" / "index.html").write_text("<html></html>")
    return tmp_path


def check(html, site, page="about/index.html"):
    return [p.message for p in check_reader_controls(html, "x.md", page, site, "overdose/#steps", EXIT)]


def test_a_page_with_both_controls_passes(site):
    assert check(GOOD, site) == []
    assert check(GOOD.replace('href="../overdose/#steps"', 'href="overdose/#steps"'), site, "404.html") == []


@pytest.mark.parametrize("change, message", [
    (("data-pe-first-aid ", ""), "no first-aid control in the header"),
    (('<a data-pe-first-aid', '<a hidden data-pe-first-aid'), "the header's first-aid control is hidden by"),
    (("../overdose/#steps", "../elsewhere/#steps"), "the first-aid control links to '../elsewhere/#steps', which is "
                                                   "not a built page"),
    (("data-pe-quick-exit", ""), "no quick exit"),
    ((f'href="{EXIT}"', 'href="https://example.org/"'), "the quick exit leads to 'https://example.org/', not "
                                                        f"extra.quick_exit ({EXIT})"),
    (('class="pe-exit"', 'class="pe-exit" hidden'), "the quick exit is hidden by"),
])
def test_each_fault_is_named(site, change, message):
    found = check(GOOD.replace(*change), site)
    assert len(found) == 1 and found[0].startswith(message), found


def test_a_quick_exit_after_the_help_row_is_refused(site):
    exit_link = f'<a class="pe-exit" href="{EXIT}" data-pe-quick-exit>Quick exit</a>\n'
    moved = GOOD.replace(exit_link, "").replace("</nav>", "</nav>" + exit_link)
    assert check(moved, site) == ["the quick exit must come before the help row, as the page's first tab stop: "
                                  "the theme's main.html includes partials/quick-exit.html first"]


def test_a_guide_without_the_controls_is_not_asked_for_them(site):
    bare = "<html><body><article><h1>x</h1></article></body></html>"
    assert check_reader_controls(bare, "x.md", "index.html", site, "", "") == []


def test_config_faults_name_the_key(tmp_path):
    (tmp_path / "steps.md").write_text("# Steps")
    def problems(extra):
        return [(p.key, p.message) for p in parse_reader_controls(extra, lambda key: "clinic.yml", tmp_path)]
    assert problems({"first_aid": {"page": "steps.md", "anchor": "go"}, "quick_exit": EXIT}) == []
    assert problems({"first_aid": {"page": "gone.md"}}) == [
        ("extra.first_aid.page", f"gone.md is not a page in {tmp_path.name}/; name the page with the steps")]
    assert problems({"first_aid": "steps.md"})[0][1].startswith("give the page to open")
    assert problems({"first_aid": {"page": "steps.md", "anchr": "go"}}) == [
        ("extra.first_aid", "unknown field(s) anchr (allowed: page, anchor)")]
    for bad in ("http://example.org/", "weather", "/local/page.html"):
        found = problems({"quick_exit": bad})
        assert len(found) == 1 and found[0][0] == "extra.quick_exit" and "must be an https:// address" in found[0][1]


def test_first_aid_url_follows_the_sites_links():
    extra = {"first_aid": {"page": "overdose.md", "anchor": "steps"}}
    assert first_aid_url(extra, True) == "overdose/#steps"
    assert first_aid_url(extra, False) == "overdose.html#steps"
    assert first_aid_url({"first_aid": {"page": "index.md"}}, True) == "./"
    assert first_aid_url({}, True) == ""


def test_a_page_over_the_word_limit_fails(repo_settings):
    rules = repo_settings.rules
    assert rules.max_words is not None
    at_limit = Readability(score=5.0, words=rules.max_words)
    assert check_length(at_limit, rules, "x.md") == []
    over = check_length(replace(at_limit, words=rules.max_words + 1), rules, "x.md")
    assert [p.message for p in over] == [
        f"{rules.max_words + 1} words, over the limit of {rules.max_words} (extra.content_rules.max_words): shorten "
        "the page, or split it into two pages and link them, so a phone reader finds what to do"]


@pytest.mark.parametrize("bad", ["long", 12, True])
def test_the_word_limit_must_be_a_sensible_number(repo_config, bad):
    raw = copy.deepcopy(repo_config.raw)
    raw["extra"]["content_rules"]["max_words"] = bad
    rules, problems = parse_content_rules(raw, "clinic.yml")
    assert rules is None
    assert [(p.file, p.key) for p in problems] == [("clinic.yml", "extra.content_rules.max_words")]
    assert problems[0].message == f"must be a whole number of words, 100 or more (got {bad!r})"
