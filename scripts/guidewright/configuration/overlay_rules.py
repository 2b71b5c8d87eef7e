"""What a config layered on the guide (a clinic's overlay, a translation) may change in the
crisis lines: it adds lines, and removes a line that isn't required with a reason. It never
rewrites a line the base config defines: a local line reusing a national line's id would replace
that line on every page in every language, and `privacy: Confidential` set over the emergency
line would tell readers an emergency call is confidential. Each refusal names the overlay's key."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from guidewright.lines.contacts import CONTACTS_KEY, REQUIRED_KEY, required_line
from guidewright.lines.phone import canonical
from guidewright.problems import Problem

REMOVAL = {"remove", "why"}
BOXES_KEY = ("markdown_extensions", "guidewright.boxes.urgency_boxes")
# The box options that decide which line a box calls and how urgent it is: the guide's own.
BOX_SAFETY = ("calls", "levels")


def _lines(raw: dict) -> dict:
    extra = raw.get("extra") if isinstance(raw, dict) else None
    lines = extra.get("crisis_contacts") if isinstance(extra, dict) else None
    return lines if isinstance(lines, dict) else {}


def _numbers(entry: object, region: str) -> set[str]:
    """Every number a line dials, canonical (guidewright.lines.phone): its own and its channels'."""
    if not isinstance(entry, dict):
        return set()
    found = {canonical(str(entry.get("number") or ""), region)}
    for channel in entry.get("channels") or []:
        if isinstance(channel, dict) and channel.get("number"):
            found.add(canonical(str(channel["number"]), region))
    return found - {""}


def _box_options(raw: dict) -> dict:
    extensions = raw.get("markdown_extensions") if isinstance(raw, dict) else None
    if isinstance(extensions, list):  # MkDocs also takes a list of names or one-key mappings
        merged = {}
        for item in extensions:
            if isinstance(item, dict):
                merged.update(item)
        extensions = merged
    options = extensions.get(BOXES_KEY[1]) if isinstance(extensions, dict) else None
    return options if isinstance(options, dict) else {}


def overlay_line_problems(chain: list[Path], raw_by_file: Callable[[Path], dict], shown, region: str,
                          required: dict[str, str]) -> list[Problem]:
    """Every way a file above the base config (chain[-1]) rewrites a national line or the lines
    every page must offer. region: how numbers are read; required: extra.required_lines."""
    base_path = chain[-1]
    base = _lines(raw_by_file(base_path))
    national = {number: line_id for line_id, entry in base.items() for number in _numbers(entry, region)}
    problems = []
    for path in chain[:-1]:
        where = shown(path)
        extra = raw_by_file(path).get("extra")
        if isinstance(extra, dict) and "required_lines" in extra:
            problems.append(Problem(where, f"the lines every page must offer are the guide's own, set once in "
                                           f"{shown(base_path)}; an overlay can't add, change or drop them: remove "
                                           "required_lines here", REQUIRED_KEY))
        for line_id, entry in _lines(raw_by_file(path)).items():
            key = f"{CONTACTS_KEY}.{line_id}"
            if line_id in base:
                problems += _national_line_problems(key, line_id, entry, base[line_id], where, shown(base_path),
                                                    region, required)
                continue
            for number in sorted(_numbers(entry, region) & set(national)):
                problems.append(Problem(where, f"dials {number}, which the national line {national[number]!r} "
                                               f"already offers (set in {shown(base_path)}); a second line with the "
                                               "same number and other words would contradict it on every page. "
                                               "Remove this line, or give your own number", key))
        options = _box_options(raw_by_file(path))
        for option in BOX_SAFETY:
            if option in options:
                problems.append(Problem(where, f"which lines each urgency box calls and how urgent each box is are "
                                               f"the guide's own, set once in {shown(base_path)}; remove {option} here",
                                        f"{'.'.join(BOXES_KEY)}.{option}"))
    return problems


def _national_line_problems(key: str, line_id: str, entry: object, base_entry: object, where: str,
                           base_file: str, region: str, required: dict[str, str]) -> list[Problem]:
    if isinstance(entry, dict) and entry.get("remove") is True and set(entry) <= REMOVAL:
        lines = sorted(line for number in _numbers(base_entry, region) if (line := required_line(number, required, region)))
        if lines:
            return [Problem(where, f"{line_id!r} dials {lines[0][0]} ({lines[0][1]}), which every "
                                   "page must offer: it can't be removed", key)]
        return []  # an explained removal; guidewright.lines.contacts checks the reason is given
    fields = ", ".join(sorted(entry)) if isinstance(entry, dict) else "the whole line"
    return [Problem(where, f"{line_id!r} is a national line set in {base_file}; an overlay can't change its words, "
                           f"privacy, channels or number, or reuse its id (this file sets {fields}). Give a local "
                           f"line its own id, or remove the national line with `remove: true` and `why: <reason>`",
                    key)]


def added_lines(chain: list[Path], raw_by_file: Callable[[Path], dict], shown) -> dict[str, list[str]]:
    """{file: ids} of the lines each file above the base config adds (what makes a copy's
    printed contacts longer than the national guide's)."""
    base = _lines(raw_by_file(chain[-1]))
    found: dict[str, list[str]] = {}
    for path in chain[:-1]:
        ids = [str(line_id) for line_id, entry in _lines(raw_by_file(path)).items()
               if line_id not in base and not (isinstance(entry, dict) and entry.get("remove"))]
        if ids:
            found.setdefault(shown(path), []).extend(ids)
    return found


def blame_added_lines(problems: list[Problem], added: dict[str, list[str]]) -> list[Problem]:
    """A quick card that no longer fits one sheet in a copy whose overlay added lines is the
    overlay's to fix, not the national card's: name the overlay and its lines."""
    if not added:
        return problems
    file, ids = next(iter(added.items()))
    return [Problem(file, f"{p.file}: {p.message.split(': cut its parts')[0]}, because of the lines this file adds "
                          f"({', '.join(ids)}): shorten their words (when, hours, languages) or remove a line",
                    "extra.crisis_contacts")
            if p.message.startswith("quick card prints on") else p for p in problems]
