"""Checks on built pages: the safety advice they give is the one defined in config
(guidewright.boxes.safety_advice). Each urgency box lists only warning signs of its own level, rendered from
the table (never typed by hand); each step list is the table's, in its order; and a page gives
the same signs, boxes and steps in every language. A signs check (`<!-- signs-check -->`) lists
every sign exactly once, at its level, and sends nothing."""
from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from guidewright.boxes.safety_advice import Advice
from guidewright.boxes.urgency_boxes import SIGNS_CHECK_CLASS
from guidewright.checks.html_visibility import parsed, visible_text
from guidewright.checks.page_check import ARTICLE, BOX, box_name, box_type
from guidewright.problems import Problem

HOW_SIGN = "list it as `- sign: <id>` (ids and levels: extra.warning_signs)"
HOW_FORM = "place the form with <!-- signs-check --> and change signs only in extra.warning_signs"


def _words(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").lower().split()).rstrip(".")


def _list_items(box: LexborNode) -> list[LexborNode]:
    """The box's own list items (a sign's words hold no list)."""
    return [item for child in box.iter() if child.tag in ("ul", "ol")
            for item in child.iter() if item.tag == "li"]


def check_advice(html: str | LexborHTMLParser, advice: Advice, prefixes: dict[str, str], where: str) -> list[Problem]:
    """Every problem on one built page, each naming the box or list."""
    article = parsed(html).css_first(ARTICLE)
    if article is None:
        return []  # check_boxes reports it
    problems: list[Problem] = []
    typed = {_words(sign["text"]): sign_id for sign_id, sign in advice.signs.items()}
    for box in article.css(BOX):
        kind = box_type(box)
        if kind not in advice.levels:
            continue
        named = box_name(box, kind, prefixes)
        for item in _list_items(box):
            sign_id = item.attributes.get("data-sign")
            if sign_id is None:
                text = visible_text(item)
                match = typed.get(_words(text))
                problems.append(Problem(where, f"{named}: the warning sign {match!r} is typed by hand; write "
                                               f"`- sign: {match}` instead" if match else
                                        f"{named}: list item {text[:70]!r} is typed by hand: urgency boxes list "
                                        f"warning signs from the one table, so every page and language gives "
                                        f"them at one level; add it to extra.warning_signs and {HOW_SIGN}"))
            elif sign_id in advice.signs and advice.signs[sign_id]["level"] != kind:
                level = advice.signs[sign_id]["level"]
                problems.append(Problem(where, f"{named}: warning sign {sign_id!r} is level {level!r} but sits in a "
                                               f"{kind!r} box: move it to the page's {level!r} box (a sign's level "
                                               "is set once, in extra.warning_signs)"))
    for item in article.css("li[data-sign]"):
        sign_id = item.attributes.get("data-sign") or ""
        if sign_id not in advice.signs:
            problems.append(Problem(where, f"unknown warning sign {sign_id!r}: use an id from extra.warning_signs "
                                           f"({', '.join(sorted(advice.signs))})"))
    problems += _step_problems(article, advice, where)
    for form in article.css(f"form.{SIGNS_CHECK_CLASS}"):
        problems += check_signs_check(form, advice, where)
    return problems


def check_signs_check(form: LexborNode, advice: Advice, where: str) -> list[Problem]:
    """The signs check lists every warning sign exactly once, each with a checkbox in its own
    level's group, most urgent group first; and it can't send what a reader ticks."""
    problems: list[Problem] = []
    groups = [(group.attributes.get("data-level") or "", group) for group in form.css("fieldset")]
    order = [level for level in advice.levels if any(sign["level"] == level for sign in advice.signs.values())]
    if [level for level, _ in groups] != order:
        problems.append(Problem(where, f"signs check: its groups are {[level for level, _ in groups]}, not one per "
                                       f"level, most urgent first ({order}): {HOW_FORM}"))
    shown: dict[str, list[str]] = {}
    for level, group in groups:
        for item in group.css("li[data-sign]"):
            sign_id = item.attributes.get("data-sign") or ""
            shown.setdefault(sign_id, []).append(level)
            if item.css_first("input[type=checkbox]") is None:
                problems.append(Problem(where, f"signs check: warning sign {sign_id!r} has no checkbox: {HOW_FORM}"))
    for sign_id, sign in advice.signs.items():
        levels = shown.get(sign_id, [])
        if not levels:
            problems.append(Problem(where, f"signs check: warning sign {sign_id!r} is missing: the form lists every "
                                           f"sign; {HOW_FORM}"))
        elif len(levels) > 1:
            problems.append(Problem(where, f"signs check: warning sign {sign_id!r} is listed {len(levels)} times; "
                                           f"list each sign once: {HOW_FORM}"))
        elif levels[0] != sign["level"]:
            problems.append(Problem(where, f"signs check: warning sign {sign_id!r} is in the {levels[0]!r} group but "
                                           f"its level is {sign['level']!r}: {HOW_FORM}"))
    sends = [f"{name}=" for name in ("action", "method") if name in form.attributes]
    sends += [f"<{node.tag} name={node.attributes.get('name')!r}>" for node in form.css("[name]")]
    sends += [f"<{node.tag} type=submit>" for node in form.css("button, input[type=submit], input[type=image]")]
    if sends:
        problems.append(Problem(where, f"signs check: the form could send what a reader ticks ({', '.join(sends)}): "
                                       "it needs no action, method, names or submit button; nothing may leave "
                                       "the reader's device"))
    return problems


def _step_problems(article: LexborNode, advice: Advice, where: str) -> list[Problem]:
    problems = []
    for block in article.css("[data-steps]"):
        list_id = block.attributes.get("data-steps") or ""
        steps = advice.steps.get(list_id)
        if steps is None:
            problems.append(Problem(where, f"unknown step list {list_id!r}: use an id from extra.steps "
                                           f"({', '.join(sorted(advice.steps))})"))
            continue
        shown = [item.attributes.get("data-step") for item in block.css("ol > li")]
        wanted = [step["id"] for step in steps["items"]]
        if shown != wanted:
            problems.append(Problem(where, f"step list {list_id!r} shows steps {shown}, not {wanted}: place it "
                                           f"with <!-- steps: {list_id} --> and change steps only in extra.steps"))
    for item in article.css("li"):
        if _inside_steps(item):
            continue
        text = _words(visible_text(item))
        for list_id, steps in advice.steps.items():
            for step in steps["items"]:
                if _words(step["text"]) in text:
                    problems.append(Problem(where, f"step {step['id']!r} of {list_id!r} is typed by hand: "
                                                   f"write <!-- steps: {list_id} --> where the steps go"))
    return problems


def _inside_steps(node: LexborNode) -> bool:
    while node is not None:
        if "data-steps" in node.attributes:
            return True
        node = node.parent
    return False


def advice_outline(html: str | LexborHTMLParser, levels: tuple[str, ...]) -> list[tuple[str, tuple]]:
    """What advice a page gives, language aside: each urgency box with its sign ids, each step
    list with its step ids, in page order."""
    article = parsed(html).css_first(ARTICLE)
    if article is None:
        return []
    outline: list[tuple[str, tuple]] = []
    for node in article.css(f"{BOX}, [data-steps]"):
        if "data-steps" in node.attributes:
            outline.append((f"steps {node.attributes.get('data-steps')}",
                            tuple(li.attributes.get("data-step") for li in node.css("ol > li"))))
        elif box_type(node) in levels:
            outline.append((f"{box_type(node)} box", tuple(li.attributes.get("data-sign") or "(typed)"
                                                            for li in _list_items(node))))
    return outline


def check_same_advice(site: Path, other: Path, label: str, other_label: str, levels: tuple[str, ...],
                      skip: tuple[Path, ...] = ()) -> list[Problem]:
    """Each translated page gives the same urgency boxes, signs and steps as its pair, in order."""
    problems = []
    for page in sorted(other.rglob("*.html")):
        rel = page.relative_to(other)
        pair = site / rel
        if not pair.is_file() or any(pair.is_relative_to(folder) for folder in skip):
            continue  # check_language_links names a missing pair
        mine = advice_outline(pair.read_text(encoding="utf-8"), levels)
        theirs = advice_outline(page.read_text(encoding="utf-8"), levels)
        if mine != theirs:
            missing = [part for part in mine if part not in theirs]
            extra = [part for part in theirs if part not in mine]
            detail = "; ".join([*(f"{name} {list(ids)} is missing or differs" for name, ids in missing),
                                *(f"{name} {list(ids)} is not in the other" for name, ids in extra)]) or "order differs"
            problems.append(Problem(f"{other_label}/{rel.as_posix()}",
                                    f"gives other safety advice than {label}/{rel.as_posix()} ({detail}): every "
                                    "language gives the same boxes, signs and steps"))
    return problems
