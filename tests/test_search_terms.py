"""Readers' own words (extra.search_terms): every config mistake named, the index transform, the
check on the built index, and a build that fails when the hook is gone."""
from __future__ import annotations

import copy

import pytest

from conftest import ENGINE
from guidewright.build.pipeline import build
from guidewright.configuration.settings import load_settings
from guidewright.search.search_terms import (
    BOOST,
    FIELD,
    KEY,
    add_terms,
    index_location,
    index_problems,
    search_term_problems,
    terms_by_page,
)

NAV = ["index.md", "medications.md", "symptoms.md"]


def messages(raw) -> list[str]:
    return [str(p) for p in search_term_problems({"search_terms": raw}, "mkdocs.yml", NAV)]


def test_real_config_is_valid(repo_config):
    assert search_term_problems(repo_config.extra, "mkdocs.yml", repo_config.nav_pages) == []
    assert terms_by_page(repo_config.extra)["medications.md"][0] == "suboxone"


def test_no_terms_is_fine():
    assert search_term_problems({}, "mkdocs.yml", NAV) == []
    assert messages({"medications.md": []}) == []  # an overlay may empty a page's list


@pytest.mark.parametrize("raw, expected", [
    (["suboxone"], f"{KEY}: must map each page file to the words readers type for it, like medications.md: "
                   "[suboxone] (got list)"),
    ({"meds.md": ["suboxone"]}, f"{KEY}.meds.md: 'meds.md' is not a page in the nav"),
    ({"medications.md": "suboxone"}, f"{KEY}.medications.md: must be a list of words or phrases (got 'suboxone')"),
    ({"medications.md": None}, f"{KEY}.medications.md: must be a list of words or phrases (got None)"),
    ({"medications.md": ["suboxone", ""]}, f"{KEY}.medications.md[1]: must be a word or phrase (got '')"),
    ({"medications.md": ["  "]}, f"{KEY}.medications.md[0]: must be a word or phrase (got '  ')"),
    ({"medications.md": [["a"]]}, f"{KEY}.medications.md[0]: must be a word or phrase (got ['a'])"),
    ({"symptoms.md": [False]}, f"{KEY}.symptoms.md[0]: must be a word or phrase (got False): put it in quotes"),
    ({"symptoms.md": [988]}, f"{KEY}.symptoms.md[0]: must be a word or phrase (got 988): put it in quotes"),
    ({"medications.md": ["Suboxone", "suboxone "]},
     f"{KEY}.medications.md[1]: 'suboxone ' is listed twice on this page; a term can lead to one page only"),
    ({"medications.md": ["dope sick"], "symptoms.md": ["Dope  Sick"]},
     f"{KEY}.symptoms.md[0]: 'Dope  Sick' is listed also under {KEY}.medications.md; "
     "a term can lead to one page only"),
])
def test_each_mistake_is_named(raw, expected):
    assert messages(raw) == [expected]


def test_every_mistake_is_reported_at_once():
    assert len(messages({"meds.md": ["x", "x"], "symptoms.md": [None]})) == 3


def test_problem_names_the_overlay_that_sets_the_terms(tmp_path):
    overlay = tmp_path / "clinic.yml"
    overlay.write_text(f"INHERIT: {ENGINE / 'mkdocs.yml'}\nextra:\n  search_terms:\n    nowhere.md: [x]\n")
    settings, problems = load_settings(overlay)
    assert settings is None
    assert [(p.file.endswith("clinic.yml"), p.key) for p in problems] == [(True, f"{KEY}.nowhere.md")]


def test_index_location_matches_mkdocs_page_urls():
    assert [index_location(p, True) for p in ("index.md", "medications.md", "a/index.md", "a/b.md")] == \
        ["", "medications/", "a/", "a/b/"]
    assert [index_location(p, False) for p in ("index.md", "medications.md", "a/index.md")] == \
        ["index.html", "medications.html", "a/index.html"]


INDEX = {
    "config": {"lang": ["en"], "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
    "docs": [
        {"location": "", "title": "Start", "text": "x"},
        {"location": "medications/", "title": "Medications", "text": "y"},
        {"location": "medications/#methadone", "title": "Methadone", "text": "z"},
    ],
}


def test_add_terms_puts_them_on_the_page_entry_only():
    before = copy.deepcopy(INDEX)
    index = add_terms(INDEX, {"medications/": ["suboxone", "subutex"]})
    assert INDEX == before  # a copy: the input is untouched
    assert index["config"]["fields"][FIELD] == {"boost": BOOST}
    assert index["config"]["fields"]["title"] == {"boost": 1000.0} and index["config"]["lang"] == ["en"]
    assert [doc.get(FIELD) for doc in index["docs"]] == [None, ["suboxone", "subutex"], None]
    assert [doc["title"] for doc in index["docs"]] == ["Start", "Medications", "Methadone"]
    assert add_terms(index, {"": ["start"]})["docs"][0][FIELD] == ["start"]


def test_index_check_passes_when_every_term_is_there():
    index = add_terms(INDEX, {"medications/": ["suboxone", "subutex"]})
    assert index_problems(index, {"medications.md": ["suboxone", "subutex"]}, True, "mkdocs.yml") == []


def test_index_check_names_the_key_when_the_field_is_gone():
    """What a theme upgrade that rewrites the index, or a missing hook, looks like."""
    (problem,) = index_problems(INDEX, {"medications.md": ["suboxone"]}, True, "mkdocs.yml")
    assert problem.key == KEY and problem.file == "mkdocs.yml"
    assert "has no 'keywords' search field" in problem.message and "guidewright plugin" in problem.message


def test_index_check_names_the_page_and_its_missing_terms():
    index = add_terms(INDEX, {"medications/": ["suboxone"]})
    found = index_problems(index, {"medications.md": ["suboxone", "subutex"], "symptoms.md": ["dopesick"]},
                           True, "mkdocs.yml", "search/search_index.js")
    assert [str(p) for p in found] == [
        f"{KEY}.medications.md: not in search/search_index.js for this page: 'subutex'",
        f"{KEY}.symptoms.md: search/search_index.js has no entry for the page ('symptoms/'); "
        "is it excluded from search?",
    ]


DROP_FIELD = """
import json
from pathlib import Path
from mkdocs.plugins import event_priority

@event_priority(-100)  # after the engine's search_terms hook (-50) wrote the field
def on_post_build(config, **kwargs):
    index = Path(config.site_dir) / "search" / "search_index.json"
    data = json.loads(index.read_text())
    data["config"]["fields"].pop("keywords", None)
    index.write_text(json.dumps(data))
"""


def test_build_fails_when_the_index_loses_the_field(tiny_site):
    """A theme upgrade (here a hook after ours) that drops the field readers' words go in: the
    build names the key, not a search miss."""
    (tiny_site.root / "drop_field.py").write_text(DROP_FIELD)
    config = tiny_site.config("hooks: [drop_field.py]\nextra:\n  search_terms:\n    index.md: [dopesick]\n")
    result = build(config, tiny_site.root / "site")
    assert not result.ok
    assert [(p.key, "has no 'keywords' search field" in p.message) for p in result.problems] == [(KEY, True)]


def test_tiny_build_with_the_hook_passes(tiny_site):
    config = tiny_site.config("extra:\n  search_terms:\n    index.md: [dopesick]\n")
    result = build(config, tiny_site.root / "site")
    assert result.ok, result.problems
