"""Safety advice as data: the warning signs (each with its ONE urgency level) and the step-by-step
lists (the overdose steps), defined once in config with their words in every language, validated
before anything is built. Pages list signs by id inside urgency boxes (`- sign: <id>`) and place
steps with a marker (`<!-- steps: <id> -->`); guidewright.boxes.urgency_boxes renders both from what this
module computes, and guidewright.boxes.advice_check judges the built pages. So a sign can't be "Call 911" on
one page and "today" on another, or weaker in another language. Each level's own words (its box
title, what to do, a link to more) live beside them, for the signs check (`<!-- signs-check -->`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from guidewright.checks.content_rules import LEVELS_KEY
from guidewright.languages.localize import base_of, localized
from guidewright.lines.phone import canonical
from guidewright.problems import Problem, config_problem

SIGNS_KEY = "extra.warning_signs"
STEPS_KEY = "extra.steps"
LEVEL_WORDS_KEY = "extra.urgency_levels"
LEVEL_FIELDS = {"title", "action", "next"}
SIGN_FIELDS = {"level", "text"}
STEP_FIELDS = {"title", "text"}
DRAWING_FIELDS = {"src", "width", "height", "alt"}
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# A digit run, or a number written in groups (0300 123 1110, (800) 662-4357): compared canonical.
NUMBER = re.compile(r"\+?\(?\d(?:[\s.\-()]{0,3}\d)*")
DIGITS = re.compile(r"\d+")
PHONE_MIN_DIGITS = 7  # shorter groups ("2 to 3", "911 (24/7)") are compared run by run, as written


@dataclass(frozen=True)
class Advice:
    """One language's view: what the Markdown extension renders and the checks compare against."""
    levels: tuple[str, ...]                    # urgency box types, most urgent first
    signs: dict[str, dict]                     # id -> {level, text}
    steps: dict[str, dict]                     # id -> {items: [{id, title, text}], drawing: {...} | None}
    level_words: dict[str, dict] = field(default_factory=dict)  # level -> {title, action, next}

    def as_options(self) -> dict:
        """Plain data for the extension's options (travels through YAML to Zensical)."""
        return {"signs": self.signs, "steps": self.steps, "level_words": self.level_words}


def numbers_in(text: str, region: str) -> list[str]:
    """The numbers in words, phone numbers in their canonical form (guidewright.lines.phone), so
    "0300 123 1110" and "+44 300 123 1110" are one number in a GB guide; other runs as digits."""
    found = []
    for written in NUMBER.findall(text or ""):
        runs = DIGITS.findall(written)
        found += [canonical(written, region)] if sum(map(len, runs)) >= PHONE_MIN_DIGITS else runs
    return found


def parse_advice(raw_config: dict, locate, language: str, codes: set[str], levels: object,
                 docs_dir: Path | None = None, *, region: str) -> tuple[Advice | None, list[Problem]]:
    """Validate both tables in every language they give, and return this language's view.
    locate: config key -> the file that sets it."""
    extra = raw_config.get("extra") or {}
    problems: list[Problem] = []
    if not (isinstance(levels, list) and levels and all(isinstance(level, str) for level in levels)):
        problems.append(config_problem(locate, f"{LEVELS_KEY}: must list the urgency box types, most urgent first "
                                               "(e.g. [emergency, urgent, support])"))
        levels = []
    signs_raw = extra.get("warning_signs") or {}
    steps_raw = extra.get("steps") or {}
    if not isinstance(signs_raw, dict):
        problems.append(config_problem(locate, f"{SIGNS_KEY}: must be a mapping of sign id -> {{level, text}}"))
        signs_raw = {}
    if not isinstance(steps_raw, dict):
        problems.append(config_problem(locate, f"{STEPS_KEY}: must be a mapping of list id -> {{items, drawing}}"))
        steps_raw = {}
    for sign_id, entry in signs_raw.items():
        problems += _sign_problems(str(sign_id), entry, levels, codes, locate, region)
    for list_id, entry in steps_raw.items():
        problems += _steps_problems(str(list_id), entry, codes, locate, docs_dir, region)
    level_words_raw = extra.get("urgency_levels") or {}
    problems += _level_words_problems(level_words_raw, levels, codes, locate, region)
    if problems:
        return None, problems
    signs = {str(k): {"level": v["level"], "text": " ".join(str(v["text"]).split())}
             for k, v in localized(signs_raw, language, codes).items()}
    steps = {}
    for list_id, entry in localized(steps_raw, language, codes).items():
        drawing = entry.get("drawing")
        steps[str(list_id)] = {
            "items": [{"id": str(step_id), "title": " ".join(str(step["title"]).split()),
                       "text": " ".join(str(step["text"]).split())} for step_id, step in entry["items"].items()],
            "drawing": {**drawing, "alt": " ".join(str(drawing["alt"]).split())} if drawing else None,
        }
    level_words = {str(level): {name: " ".join(str(words).split()) for name, words in entry.items()}
                   for level, entry in localized(level_words_raw, language, codes).items()}
    return Advice(tuple(levels), signs, steps, level_words), []


def _level_words_problems(raw: object, levels: list, codes: set[str], locate, region: str) -> list[Problem]:
    """Every urgency level has its words (box title, what to do, a link to more); no others."""
    if not isinstance(raw, dict):
        return [config_problem(locate, f"{LEVEL_WORDS_KEY}: must be a mapping of urgency level -> "
                                       f"{{{', '.join(sorted(LEVEL_FIELDS))}}}")]
    problems = [config_problem(locate, f"{LEVEL_WORDS_KEY}.{level}: {level!r} is not an urgency level (one of: "
                                       f"{', '.join(levels)}, from {LEVELS_KEY})")
                for level in raw if level not in levels]
    for level in levels:
        entry = raw.get(level)
        key = f"{LEVEL_WORDS_KEY}.{level}"
        if not isinstance(entry, dict):
            problems.append(config_problem(locate, f"{key}: missing: give the level's box title (title), what to "
                                                   "do (action) and a link to more (next), as pages use them"))
        else:
            problems += _words_problems(key, entry, LEVEL_FIELDS, codes, locate, region)
    return problems


def _words_problems(key: str, entry: dict, fields: set[str], codes: set[str], locate, region: str) -> list[Problem]:
    """The base words are there; each language block gives words only, with the same numbers."""
    problems = [config_problem(locate, f"{key}.{name}: unknown field (allowed: {', '.join(sorted(fields))}"
                                       " or a language code)")
                for name in entry if name not in fields and name not in codes]
    for name in fields - {"level"}:
        if not (isinstance(entry.get(name), str) and entry[name].strip()):
            problems.append(config_problem(locate, f"{key}.{name}: missing or empty"))
    for code, block in entry.items():
        if code not in codes:
            continue
        where = f"{key}.{code}"
        if code == base_of(codes) or not isinstance(block, dict):
            problems.append(config_problem(locate, f"{where}: must be a mapping of field: words in that language "
                                                   f"(not {base_of(codes)!r}: the fields around it are those)"))
            continue
        for name, words in block.items():
            if name not in fields - {"level"}:
                problems.append(config_problem(locate, f"{where}.{name}: a language block gives words only "
                                                       f"({', '.join(sorted(fields - {'level'}))}); set it once "
                                                       f"in {key}"))
            elif not (isinstance(words, str) and words.strip()):
                problems.append(config_problem(locate, f"{where}.{name}: missing or empty"))
            elif isinstance(entry.get(name), str) and numbers_in(words, region) != numbers_in(entry[name], region):
                problems.append(config_problem(locate, f"{where}.{name}: its numbers {numbers_in(words, region)} differ "
                                                       f"from {key}.{name}'s {numbers_in(entry[name], region)}: a number can't "
                                                       "differ by language"))
    return problems


def _sign_problems(sign_id: str, entry: object, levels: list, codes: set[str], locate, region: str) -> list[Problem]:
    key = f"{SIGNS_KEY}.{sign_id}"
    if not ID.match(sign_id):
        return [config_problem(locate, f"{key}: an id is lower-case words joined by '-' (pages write `- sign: <id>`)")]
    if not isinstance(entry, dict):
        return [config_problem(locate, f"{key}: must be a mapping with level and text")]
    problems = _words_problems(key, entry, SIGN_FIELDS, codes, locate, region)
    if entry.get("level") not in levels:
        problems.append(config_problem(locate, f"{key}.level: {entry.get('level')!r} is not an urgency level "
                                               f"(one of: {', '.join(levels)}, from {LEVELS_KEY})"))
    return problems


def _steps_problems(list_id: str, entry: object, codes: set[str], locate, docs_dir: Path | None,
                    region: str) -> list[Problem]:
    key = f"{STEPS_KEY}.{list_id}"
    if not ID.match(list_id):
        return [config_problem(locate, f"{key}: an id is lower-case words joined by '-' "
                                       "(pages write <!-- steps: <id> -->)")]
    if not isinstance(entry, dict) or not isinstance(entry.get("items"), dict) or not entry["items"]:
        return [config_problem(locate, f"{key}.items: must be a mapping of step id -> {{title, text}}, in order")]
    problems = [config_problem(locate, f"{key}.{name}: unknown field (allowed: drawing, items)")
                for name in entry if name not in ("items", "drawing")]
    for step_id, step in entry["items"].items():
        where = f"{key}.items.{step_id}"
        if not ID.match(str(step_id)):
            problems.append(config_problem(locate, f"{where}: an id is lower-case words joined by '-'"))
        elif not isinstance(step, dict):
            problems.append(config_problem(locate, f"{where}: must be a mapping with title and text"))
        else:
            problems += _words_problems(where, step, STEP_FIELDS, codes, locate, region)
    drawing = entry.get("drawing")
    if drawing is not None:
        problems += _drawing_problems(f"{key}.drawing", drawing, list(entry["items"]), codes, locate, docs_dir, region)
    return problems


def _drawing_problems(key: str, drawing: object, order: list, codes: set[str], locate,
                      docs_dir: Path | None, region: str) -> list[Problem]:
    if not isinstance(drawing, dict):
        return [config_problem(locate, f"{key}: must be a mapping of src, width, height, alt")]
    problems = _words_problems(key, {k: v for k, v in drawing.items() if k not in ("src", "width", "height")},
                               {"alt"}, codes, locate, region)
    for name in ("width", "height"):
        if not isinstance(drawing.get(name), int) or isinstance(drawing.get(name), bool) or drawing[name] <= 0:
            problems.append(config_problem(locate, f"{key}.{name}: must be a whole number of pixels"))
    src = drawing.get("src")
    if not isinstance(src, str) or not src.endswith(".svg"):
        return problems + [config_problem(locate, f"{key}.src: must name an .svg in the docs folder")]
    if docs_dir is not None and docs_dir.is_dir():  # (a config checked on its own has no pages)
        path = docs_dir / src
        if not path.is_file():
            return problems + [config_problem(locate, f"{key}.src: {src} is not in {docs_dir.name}/")]
        problems += [Problem(f"{docs_dir.name}/{src}", message)
                     for message in drawing_order_problems(path.read_text(encoding="utf-8"), order)]
    return problems


def drawing_order_problems(svg: str, order: list) -> list[str]:
    """Each numbered panel (`<g data-step="<id>">` holding its number in a <text>) shows the
    number its step has in the list, so the drawing follows the same order as the words."""
    panels = LexborHTMLParser(svg).css("[data-step]")
    if not panels:
        return ["no panel says which step it shows: give each numbered panel data-step=\"<step id>\""]
    problems = []
    for panel in panels:
        step = panel.attributes.get("data-step") or ""
        label = panel.css_first("text")
        shown = label.text().strip() if label is not None else ""
        if step not in order:
            problems.append(f"panel data-step={step!r} is not a step (steps: {', '.join(map(str, order))})")
        elif shown != str(order.index(step) + 1):
            problems.append(f"panel for step {step!r} is numbered {shown or 'nothing'!r} but it is step "
                            f"{order.index(step) + 1}: renumber or reorder the drawing")
    return problems


def overlay_problems(chain: list[Path], raw_by_file, shown) -> list[Problem]:
    """Safety advice is the guide's own: an overlay (a clinic's file or a translation's) may not
    change a sign's level or a step; its words live in the base config's language blocks."""
    problems = []
    for path in chain[:-1]:  # the last file is the base config, which INHERITs nothing
        extra = (raw_by_file(path) or {}).get("extra") or {}
        for key in ("warning_signs", "steps", "urgency_levels"):
            if isinstance(extra, dict) and key in extra:
                problems.append(Problem(shown(path), f"safety advice is defined once, in {shown(chain[-1])}; "
                                                     f"an overlay can't change it: remove {key} here", f"extra.{key}"))
    return problems
