"""Words a clinic (or anyone) writes in the config get the page rules: the clinic's block and
every crisis line's text are checked for stigmatizing words like a page, are plain text, and
stay short enough that the crisis lines keep the first screen of a phone."""
from __future__ import annotations

import re

from guidewright.checks.content_rules import ContentRules
from guidewright.checks.source_check import stigma_messages
from guidewright.lines.clinic import KEY as CLINIC_KEY
from guidewright.lines.contacts import CHANNEL_FIELDS, CONTACTS_KEY, TEXT_FIELDS
from guidewright.problems import Problem, config_problem

# The intake label names the clinic's line in the help row at the top of every page; the rest
# heads the Get help page and the printed contacts card, which must stay one sheet.
CLINIC_LIMITS = {"name": 60, "address": 80, "hours": 60, "note": 120, "intake.label": 16}
LIMIT_REASONS = {"intake.label": "it names the clinic's line in the help row at the top of every page, and a "
                                 "longer label pushes the page off a phone's first screen"}
LIMIT_REASON = "it opens the Get help page and the one-sheet contacts card, which must fit on one sheet"
MARKUP = re.compile(r"<[a-zA-Z/!]|\]\(|^#|\*\*|__", re.MULTILINE)  # HTML or Markdown: shown as typed
NOT_TEXT = {"number", "href"}


def config_texts(extra: dict) -> list[tuple[str, str]]:
    """(key, text) for everything people read that the config says: the clinic's block and
    every line's fields and channel labels."""
    found: list[tuple[str, str]] = []
    clinic = extra.get("clinic")
    if isinstance(clinic, dict):
        for name in CLINIC_LIMITS:
            section, _, field = name.rpartition(".")
            value = (clinic.get(section) or {}).get(field) if section else clinic.get(field)
            if isinstance(value, str):
                found.append((f"{CLINIC_KEY}.{name}", value))
    contacts = extra.get("crisis_contacts")
    for contact_id, entry in (contacts.items() if isinstance(contacts, dict) else ()):
        if not isinstance(entry, dict) or entry.get("remove") is True:
            continue
        key = f"{CONTACTS_KEY}.{contact_id}"
        found += [(f"{key}.{f}", entry[f]) for f in TEXT_FIELDS if f not in NOT_TEXT and isinstance(entry.get(f), str)]
        for index, channel in enumerate(entry.get("channels") or []):
            if isinstance(channel, dict):
                found += [(f"{key}.channels[{index}].{f}", channel[f]) for f in CHANNEL_FIELDS
                          if f not in NOT_TEXT and isinstance(channel.get(f), str)]
    return found


def check_config_texts(extra: dict, locate, rules: ContentRules) -> list[Problem]:
    problems = []
    for key, text in config_texts(extra):
        problems += [config_problem(locate, f"{key}: {message}") for message in stigma_messages(text, rules)]
        if MARKUP.search(text):
            problems.append(config_problem(locate, f"{key}: write plain text; HTML and Markdown are shown as typed "
                                                   "(the page already makes the phone number a link)"))
        field = key.removeprefix(f"{CLINIC_KEY}.")
        limit = CLINIC_LIMITS.get(field) if key.startswith(CLINIC_KEY) else None
        if limit is not None and len(text.strip()) > limit:
            problems.append(config_problem(locate, f"{key}: {len(text.strip())} characters; keep it to {limit} or "
                                                   f"fewer: {LIMIT_REASONS.get(field, LIMIT_REASON)}"))
    return problems
