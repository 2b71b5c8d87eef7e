"""The signs check (`<!-- signs-check -->`): every warning sign in config, once, with a checkbox in
its own level's urgency box, most urgent first, in every language; the build's check on the
built form (guidewright.boxes.advice_check.check_signs_check) fed each bad case; the level words' config
checks; and the script that shows what to do stores and sends nothing."""
from __future__ import annotations

import copy
import re
from pathlib import Path

import markdown
import pytest
from selectolax.lexbor import LexborHTMLParser

from guidewright.boxes.advice_check import check_advice, check_signs_check
from guidewright.boxes.safety_advice import overlay_problems, parse_advice
from guidewright.boxes.urgency_boxes import SIGNS_CHECK_CLASS
from guidewright.checks.content_rules import extension_options
from guidewright.languages.localize import languages
from guidewright.package_files import ASSETS

REPO = Path(__file__).resolve().parents[1]
SCRIPT = ASSETS / "javascripts" / "signs-check.js"
MARKER = "<!-- signs-check -->"
CELL = {"href": "tel:000", "name": "Test line", "number": "000", "verb": "Call", "kind": "call"}


def render(text: str, settings, calls: dict | None = None) -> str:
    """A page's Markdown through the real extension, with the build's options for this language."""
    options = {"boxes": settings.rules.boxes, "levels": list(settings.advice.levels), "calls": calls or {},
               "lines": {"test": [CELL]}, **settings.advice.as_options()}
    html = markdown.markdown(text, extensions=["admonition", "md_in_html", "attr_list", "guidewright.boxes.urgency_boxes"],
                             extension_configs={"guidewright.boxes.urgency_boxes": options})
    return f"<article>{html}</article>"


def form_of(html: str):
    return LexborHTMLParser(html).css_first(f"form.{SIGNS_CHECK_CLASS}")


@pytest.fixture(params=["en", "es"])
def settings(request, repo_settings, spanish):
    return repo_settings if request.param == "en" else spanish


# --- Rendering ---

def test_every_sign_once_at_its_level_most_urgent_first(settings):
    advice = settings.advice
    form = form_of(render(f"Intro.\n\n{MARKER}\n\nAfter.", settings))
    assert form is not None
    groups = [g.attributes["data-level"] for g in form.css("fieldset")]
    assert groups == [level for level in advice.levels if any(s["level"] == level for s in advice.signs.values())]
    shown = [(li.attributes["data-sign"], li.parent.parent.attributes["data-level"]) for li in form.css("li[data-sign]")]
    assert sorted(shown) == sorted((sign_id, sign["level"]) for sign_id, sign in advice.signs.items())
    for item in form.css("li[data-sign]"):  # the sign's own words, in this language, beside its checkbox
        assert item.css_first("label input[type=checkbox]") is not None
        assert item.css_first("label").text().strip() == advice.signs[item.attributes["data-sign"]]["text"]


def test_each_group_is_its_levels_urgency_box(settings):
    """Title from config with the screen-reader words, what to do in data-action, the link to
    more, and the same call links a box of that level gets."""
    advice, rules = settings.advice, settings.rules
    calls = {level: ["test"] for level in advice.levels}
    form = form_of(render(MARKER, settings, calls))
    for group in form.css("fieldset"):
        level = group.attributes["data-level"]
        words = advice.level_words[level]
        assert group.attributes["class"].split() == ["admonition", level]
        legend = group.css_first("legend.admonition-title")
        assert legend.text().strip() == f"{rules.boxes[level]} {words['title']}".strip()
        assert group.attributes["data-action"] == words["action"]
        link_text = re.match(r"\[([^\]]+)\]", words["next"]).group(1)
        assert group.css_first(f".{SIGNS_CHECK_CLASS}__next a").text() == link_text
        assert [a.attributes["href"] for a in group.css(".pe-calls a")] == [CELL["href"]]


def test_the_form_sends_nothing_and_the_check_passes(settings):
    html = render(MARKER, settings)
    form = form_of(html)
    assert form.attributes.get("autocomplete") == "off" and "action" not in form.attributes
    assert form.css("[name], button, input[type=submit]") == []
    assert check_advice(html, settings.advice, settings.rules.boxes, "docs/x.md") == []


# --- The build's check, fed each bad case ---

def bad(settings, change) -> list[str]:
    html = render(MARKER, settings)
    tree = LexborHTMLParser(change(html))
    return [p.message for p in check_signs_check(tree.css_first("form"), settings.advice, "docs/x.md")]


def first_li(html: str, level: str) -> str:
    group = html[html.index(f'data-level="{level}"'):]
    return group[group.index("<li"):group.index("</li>") + 5]


def test_missing_sign_is_named(repo_settings):
    advice = repo_settings.advice
    level = advice.levels[0]
    sign_id = next(k for k, v in advice.signs.items() if v["level"] == level)
    messages = bad(repo_settings, lambda html: html.replace(first_li(html, level), ""))
    assert messages == [f"signs check: warning sign {sign_id!r} is missing: the form lists every sign; place the "
                        "form with <!-- signs-check --> and change signs only in extra.warning_signs"]


def test_sign_listed_twice_is_named(repo_settings):
    level = repo_settings.advice.levels[0]
    messages = bad(repo_settings, lambda html: html.replace(first_li(html, level), first_li(html, level) * 2))
    assert len(messages) == 1 and "is listed 2 times; list each sign once" in messages[0]


def test_sign_in_another_levels_group_is_named(repo_settings):
    advice = repo_settings.advice
    first, last = advice.levels[0], advice.levels[-1]
    sign_id = next(k for k, v in advice.signs.items() if v["level"] == first)

    def move(html):
        item = first_li(html, first)
        html = html.replace(item, "")
        at = html.index("<ul>", html.index(f'data-level="{last}"')) + 4
        return html[:at] + item + html[at:]
    assert bad(repo_settings, move) == [
        f"signs check: warning sign {sign_id!r} is in the {last!r} group but its level is {first!r}: place the form "
        "with <!-- signs-check --> and change signs only in extra.warning_signs"]


def test_groups_out_of_order_are_named(repo_settings):
    levels = repo_settings.advice.levels
    messages = bad(repo_settings, lambda html: html.replace(f'data-level="{levels[0]}"', 'data-level="tmp"', 1)
                   .replace(f'data-level="{levels[1]}"', f'data-level="{levels[0]}"', 1)
                   .replace('data-level="tmp"', f'data-level="{levels[1]}"'))
    assert any(m.startswith(f"signs check: its groups are ['{levels[1]}', '{levels[0]}'") and "most urgent first" in m
               for m in messages)


def test_a_form_that_could_send_is_refused(repo_settings):
    messages = bad(repo_settings, lambda html: html.replace("<form ", '<form action="/collect" ')
                   .replace('type="checkbox"', 'type="checkbox" name="sign"', 1)
                   .replace("</form>", "<button>Send</button></form>"))
    assert messages == ["signs check: the form could send what a reader ticks (action=, <input name='sign'>, "
                        "<button type=submit>): it needs no action, method, names or submit button; nothing may "
                        "leave the reader's device"]


def test_a_sign_without_its_checkbox_is_named(repo_settings):
    sign_id = next(iter(repo_settings.advice.signs))
    messages = bad(repo_settings, lambda html: html.replace(f'<input type="checkbox" value="{sign_id}" />', "", 1))
    assert messages == [f"signs check: warning sign {sign_id!r} has no checkbox: place the form with "
                        "<!-- signs-check --> and change signs only in extra.warning_signs"]


# --- The level words in config ---

def advice_from(raw: dict, language: str = "en"):
    levels = (extension_options(raw, "guidewright.boxes.urgency_boxes") or {}).get("levels")
    return parse_advice(raw, lambda key: "mkdocs.yml", language, languages(raw.get("extra") or {}), levels,
                        region=raw["extra"]["region"])


def test_a_level_without_its_words_is_refused(repo_config):
    raw = copy.deepcopy(repo_config.raw)
    level = next(iter(raw["extra"]["urgency_levels"]))
    del raw["extra"]["urgency_levels"][level]
    raw["extra"]["urgency_levels"]["whenever"] = {"title": "x", "action": "x", "next": "x"}
    _, problems = advice_from(raw)
    messages = {p.key: p.message for p in problems}
    assert messages[f"extra.urgency_levels.{level}"].endswith("missing: give the level's box title (title), what to "
                                                              "do (action) and a link to more (next), as pages use them")
    assert "'whenever' is not an urgency level" in messages["extra.urgency_levels.whenever"]


def test_spanish_level_words_with_other_numbers_are_refused(repo_config):
    raw = copy.deepcopy(repo_config.raw)
    level, entry = next((k, v) for k, v in raw["extra"]["urgency_levels"].items() if re.search(r"\d", v["action"]))
    entry["es"]["action"] = "Llama al 0 ahora."
    _, problems = advice_from(raw)
    assert [p for p in problems if p.key == f"extra.urgency_levels.{level}.es.action"
            and "a number can't differ by language" in p.message]


def test_an_overlay_may_not_change_the_level_words(tmp_path):
    base, overlay = tmp_path / "mkdocs.yml", tmp_path / "clinic.yml"
    files = {overlay: {"extra": {"urgency_levels": {"emergency": {"title": "x"}}}}, base: {"extra": {}}}
    problems = overlay_problems([overlay, base], files.get, lambda path: path.name)
    assert [(p.file, p.key) for p in problems] == [("clinic.yml", "extra.urgency_levels")]


# --- The script ---

def test_the_script_stores_and_sends_nothing_and_holds_no_words():
    """What it shows comes from the page (data-action, the box's own links), in its language."""
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", SCRIPT.read_text(), flags=re.S)  # comments may name what it avoids
    for api in ("Storage", "cookie", "fetch", "XMLHttpRequest", "sendBeacon", "WebSocket", "indexedDB", ".submit("):
        assert api not in code
    strings = [s for s in re.findall(r'"([^"]*)"', code) if s != "use strict"]
    assert [s for s in strings if re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", s)] == []  # no sentence typed in it
