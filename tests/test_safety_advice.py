"""Safety advice as data: warning signs with one urgency level and step lists, defined once in
config in every language, rendered into pages and checked on the built HTML (guidewright.boxes.safety_advice,
guidewright.boxes.urgency_boxes, guidewright.boxes.advice_check). Each check is fed its bad case."""
from __future__ import annotations

import copy
from pathlib import Path

import markdown
import pytest
import yaml

from guidewright.boxes.advice_check import advice_outline, check_advice, check_same_advice
from guidewright.boxes.safety_advice import drawing_order_problems, overlay_problems, parse_advice
from guidewright.checks.content_rules import extension_options
from guidewright.languages.localize import languages
from test_build_cli import build

REPO = Path(__file__).resolve().parents[1]


def advice_from(raw: dict, language: str = "en", docs_dir: Path | None = None):
    levels = (extension_options(raw, "guidewright.boxes.urgency_boxes") or {}).get("levels")
    return parse_advice(raw, lambda key: "mkdocs.yml", language, languages(raw.get("extra") or {}), levels, docs_dir,
                        region=raw["extra"]["region"])


@pytest.fixture(scope="module")
def raw(repo_config):
    return copy.deepcopy(repo_config.raw)


def render(text: str, advice) -> str:
    """A page's Markdown through the real extension, with the build's options."""
    options = {"boxes": {"emergency": "Emergency advice:", "urgent": "Urgent advice:"}, "levels": list(advice.levels),
               **advice.as_options()}
    html = markdown.markdown(text, extensions=["admonition", "md_in_html", "attr_list", "guidewright.boxes.urgency_boxes"],
                             extension_configs={"guidewright.boxes.urgency_boxes": options})
    return f"<article>{html}</article>"


BOX = '!!! {kind} "Call 911 now if"\n\n{items}\n'


# --- The table: every sign has one level, and words in every language ---

def test_repo_signs_have_one_known_level_and_spanish_words(raw, repo_settings):
    english, problems = advice_from(raw)
    assert problems == []
    spanish, problems = advice_from(raw, "es")
    assert problems == []
    levels = repo_settings.rules.levels
    assert english.signs and all(sign["level"] in levels for sign in english.signs.values())
    # Same ids and levels in both languages; no Spanish sign or step left in English.
    assert {k: v["level"] for k, v in english.signs.items()} == {k: v["level"] for k, v in spanish.signs.items()}
    assert [k for k in english.signs if english.signs[k]["text"] == spanish.signs[k]["text"]] == []
    for list_id, steps in english.steps.items():
        theirs = spanish.steps[list_id]["items"]
        assert [s["id"] for s in steps["items"]] == [s["id"] for s in theirs]
        assert [s["id"] for s, t in zip(steps["items"], theirs, strict=True) if s["text"] == t["text"]] == []


def test_a_language_block_may_not_set_a_level(raw):
    bad = copy.deepcopy(raw)
    sign = next(iter(bad["extra"]["warning_signs"]))
    bad["extra"]["warning_signs"][sign]["es"]["level"] = "support"
    _, problems = advice_from(bad)
    assert any(p.key == f"extra.warning_signs.{sign}.es.level" and "words only" in p.message for p in problems)


def test_a_spanish_step_with_other_numbers_is_refused(raw):
    bad = copy.deepcopy(raw)
    steps = bad["extra"]["steps"]["overdose"]["items"]
    step = next(k for k, v in steps.items() if any(ch.isdigit() for ch in v["text"]))
    steps[step]["es"]["text"] = "Espera 7 a 9 minutos."
    _, problems = advice_from(bad)
    assert [p for p in problems if p.key == f"extra.steps.overdose.items.{step}.es.text"
            and "a number can't differ by language" in p.message]


def test_a_sign_at_an_unknown_level_is_refused(raw):
    bad = copy.deepcopy(raw)
    sign = next(iter(bad["extra"]["warning_signs"]))
    bad["extra"]["warning_signs"][sign]["level"] = "whenever"
    _, problems = advice_from(bad)
    assert [p for p in problems if p.key == f"extra.warning_signs.{sign}.level" and "not an urgency level" in p.message]


def test_overlay_may_not_change_safety_advice(tmp_path):
    base = tmp_path / "mkdocs.yml"
    overlay = tmp_path / "clinic.yml"
    files = {overlay: {"INHERIT": "mkdocs.yml", "extra": {"warning_signs": {"no-wake": {"level": "urgent"}}}},
             base: {"extra": {}}}
    problems = overlay_problems([overlay, base], files.get, lambda path: path.name)
    assert [(p.file, p.key) for p in problems] == [("clinic.yml", "extra.warning_signs")]
    assert "defined once, in mkdocs.yml" in problems[0].message


def test_drawing_panels_follow_the_steps(repo_settings):
    order = [step["id"] for step in repo_settings.advice.steps["overdose"]["items"]]
    drawing = repo_settings.advice.steps["overdose"]["drawing"]["src"]
    svg = (repo_settings.config.docs_dir / drawing).read_text()
    assert drawing_order_problems(svg, order) == []
    swapped = svg.replace('data-step="call"', 'data-step="tmp"').replace('data-step="check"', 'data-step="call"') \
        .replace('data-step="tmp"', 'data-step="check"')
    found = drawing_order_problems(swapped, order)
    assert any("panel for step 'call' is numbered '1' but it is step 2" in message for message in found)


# --- Rendering and the checks on built pages ---

def test_signs_render_in_the_page_language(repo_settings, spanish):
    sign = "no-wake"
    page = BOX.format(kind="emergency", items=f"    - sign: {sign}")
    assert repo_settings.advice.signs[sign]["text"] in render(page, repo_settings.advice)
    assert spanish.advice.signs[sign]["text"] in render(page, spanish.advice)


def test_sign_in_a_box_of_another_level_fails_naming_the_box(repo_settings):
    advice = repo_settings.advice
    urgent = next(k for k, v in advice.signs.items() if v["level"] == "urgent")
    html = render(BOX.format(kind="emergency", items=f"    - sign: {urgent}"), advice)
    problems = check_advice(html, advice, {"emergency": "Emergency advice:"}, "docs/x.md")
    assert [p.message for p in problems] == [
        f"'emergency' box 'Call 911 now if': warning sign {urgent!r} is level 'urgent' but sits in a 'emergency' box: "
        "move it to the page's 'urgent' box (a sign's level is set once, in extra.warning_signs)"]


def test_hand_typed_sign_fails_and_names_its_id(repo_settings):
    advice = repo_settings.advice
    sign = "no-wake"
    html = render(BOX.format(kind="emergency", items=f"    - {advice.signs[sign]['text']}\n    - my own advice"), advice)
    messages = [p.message for p in check_advice(html, advice, {}, "docs/x.md")]
    assert any(f"the warning sign {sign!r} is typed by hand; write `- sign: {sign}` instead" in m for m in messages)
    assert any("list item 'my own advice' is typed by hand" in m for m in messages)


def test_unknown_sign_fails(repo_settings):
    html = render(BOX.format(kind="emergency", items="    - sign: no-such-sign"), repo_settings.advice)
    assert any("unknown warning sign 'no-such-sign'" in p.message
               for p in check_advice(html, repo_settings.advice, {}, "docs/x.md"))


def test_steps_render_in_order_and_hand_typed_steps_fail(repo_settings):
    advice = repo_settings.advice
    html = render("<!-- steps: overdose -->\n", advice)
    assert check_advice(html, advice, {}, "docs/x.md") == []
    ids = [s["id"] for s in advice.steps["overdose"]["items"]]
    assert advice_outline(html, advice.levels) == [("steps overdose", tuple(ids))]
    # The same steps typed by hand, out of order.
    items = advice.steps["overdose"]["items"]
    typed = "\n".join(f"{n}. **{s['title']}** {s['text']}" for n, s in enumerate(reversed(items), start=1))
    messages = [p.message for p in check_advice(render(typed + "\n", advice), advice, {}, "docs/x.md")]
    assert len([m for m in messages if "is typed by hand: write <!-- steps: overdose -->" in m]) == len(items)
    # A rendered list whose items no longer match the table.
    shuffled = html.replace(f'data-step="{ids[0]}"', 'data-step="tmp"').replace(
        f'data-step="{ids[1]}"', f'data-step="{ids[0]}"').replace('data-step="tmp"', f'data-step="{ids[1]}"')
    assert any("step list 'overdose' shows steps" in p.message for p in check_advice(shuffled, advice, {}, "x"))


def test_translation_with_other_advice_fails_naming_both_files(tmp_path, repo_settings, spanish):
    advice = repo_settings.advice
    english = render(BOX.format(kind="emergency", items="    - sign: no-wake\n    - sign: seizure"), advice)
    other = render(BOX.format(kind="emergency", items="    - sign: no-wake"), spanish.advice)
    (tmp_path / "site" / "x").mkdir(parents=True)
    (tmp_path / "site" / "es" / "x").mkdir(parents=True)
    (tmp_path / "site" / "x" / "index.html").write_text(english)
    (tmp_path / "site" / "es" / "x" / "index.html").write_text(other)
    problems = check_same_advice(tmp_path / "site", tmp_path / "site" / "es", "site", "site/es", advice.levels,
                                 skip=(tmp_path / "site" / "es",))
    assert [p.file for p in problems] == ["site/es/x/index.html"]
    assert "other safety advice than site/x/index.html" in problems[0].message
    assert "emergency box ['no-wake', 'seizure'] is missing or differs" in problems[0].message


# --- The real site: one urgency for each sign, on every page, card and language ---

def test_every_sign_has_one_urgency_across_pages_and_languages(built_site, repo_settings):
    from selectolax.lexbor import LexborHTMLParser

    from guidewright.checks.page_check import box_type
    seen: dict[str, set[str]] = {}
    for page in built_site.rglob("*.html"):
        for box in LexborHTMLParser(page.read_text()).css(".admonition"):
            for item in box.css("li[data-sign]"):
                seen.setdefault(item.attributes["data-sign"], set()).add(box_type(box))
    assert seen, "no page lists a warning sign"
    assert {sign: kinds for sign, kinds in seen.items() if len(kinds) != 1} == {}
    assert all(kinds == {repo_settings.advice.signs[sign]["level"]} for sign, kinds in seen.items())


# --- End to end: the build fails, naming the file ---

def test_build_fails_on_a_sign_at_the_wrong_level(tiny_site, capsys):
    level = tiny_site.settings().advice.signs["no-fluids"]["level"]
    assert level != "emergency"
    page = tiny_site.docs / "index.md"
    page.write_text(page.read_text().replace("The cat sat", BOX.format(kind="emergency", items="    - sign: no-fluids")
                                             + "\nThe cat sat"))
    code, out = build(tiny_site.config(), capsys)
    assert code == 1
    assert "docs/index.md" in out and f"warning sign 'no-fluids' is level {level!r} but sits in a 'emergency' box" in out


def test_build_fails_on_a_hand_typed_sign(tiny_site, capsys):
    words = tiny_site.settings().advice.signs["blue-lips"]["text"]
    page = tiny_site.docs / "index.md"
    page.write_text(page.read_text().replace("The cat sat", BOX.format(
        kind="emergency", items=f"    - {words}") + "\nThe cat sat"))
    code, out = build(tiny_site.config(), capsys)
    assert code == 1
    assert "docs/index.md" in out and "the warning sign 'blue-lips' is typed by hand" in out


def test_build_fails_once_a_claim_has_lapsed(tiny_site, capsys):
    log = tiny_site.root / "docs-review" / "index.yml"
    log.write_text(log.read_text().replace("verdict: confirmed", "verdict: confirmed\n        expires: 2020-01-01"))
    code, out = build(tiny_site.config(), capsys)
    assert code == 1
    assert "docs/index.md" in out and "a claim stopped being true on 2020-01-01" in out


def test_build_fails_on_a_stale_translation(tiny_spanish_site, capsys):
    log = tiny_spanish_site.root / "docs-review" / "es" / "index.yml"
    text = log.read_text()
    reviewed = yaml.safe_load(text)["reviews"][0]["reviewed"]
    log.write_text(text.replace(f"source_reviewed: {reviewed}", "source_reviewed: 2020-01-01"))
    code, out = build(tiny_spanish_site.config(), capsys)
    assert code == 1
    assert "docs-es/index.md" in out and f"out of date: docs/index.md was reviewed on {reviewed}" in out


def test_build_fails_when_a_spanish_page_gives_other_steps(tiny_spanish_site, capsys):
    english = tiny_spanish_site.docs / "index.md"
    english.write_text(english.read_text().replace("The cat sat", "<!-- steps: overdose -->\n\nThe cat sat"))
    code, out = build(tiny_spanish_site.config(), capsys)
    assert code == 1
    assert "site/es/index.html" in out and "gives other safety advice than site/index.html" in out
    assert "steps overdose" in out


def test_translation_config_may_not_change_advice(tiny_spanish_site, capsys):
    config = tiny_spanish_site.config(spanish_yaml="""
        extra:
          warning_signs:
            no-wake: {level: support}
    """)
    code, out = build(config, capsys)
    assert code == 2
    assert "es.yml" in out and "an overlay can't change it: remove warning_signs here" in out


def test_plain_mkdocs_build_fails_naming_the_page(tiny_site):
    """`mkdocs build` without scripts/build.py (and `mkdocs serve`) judges the advice too."""
    import os
    import subprocess
    import sys
    page = tiny_site.docs / "index.md"
    page.write_text(page.read_text().replace("The cat sat", BOX.format(kind="emergency", items="    - sign: no-fluids")
                                             + "\nThe cat sat"))
    config = tiny_site.config()
    env = {k: v for k, v in os.environ.items() if k != "GUIDE_CHECKS_BUILT_SITE"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(tiny_site.root / "out")],
                            capture_output=True, text=True, cwd=tiny_site.root, env={**env, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    assert "Doc file 'index.md': 'emergency' box 'Call 911 now if': warning sign 'no-fluids' is level 'urgent'" in result.stderr
