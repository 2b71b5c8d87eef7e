"""The crisis contacts and denied numbers from config, validated before anything is built."""
from __future__ import annotations

from dataclasses import dataclass

from guidewright.lines.phone import ALLOWED_IN_NUMBER, canonical, dial_parts, dialled_digits, known_region, number_hash, with_extension
from guidewright.problems import Problem, config_problem

CONTACTS_KEY = "extra.crisis_contacts"
DENIED_KEY = "extra.denied_numbers"
REGION_KEY = "extra.region"
REQUIRED_KEY = "extra.required_lines"
TEXT_FIELDS = ("label", "number", "href", "action", "summary", "when", "hours", "cost", "privacy", "languages")
CONTACT_FIELDS = {"order", "channels", "remove", "why", "extension", "row", *TEXT_FIELDS}
CHANNEL_FIELDS = {"label", "number", "href", "banner", "extension"}
# An extension: digits only (a YAML number would lose leading zeros), dialled after a pause.
EXTENSION_MAX = 8
WEB_SCHEMES = ("https://",)
# The help row at the top of every page shows each line's summary (and a banner channel's
# label) in one small cell: longer names wrap the row and push the page off a phone's first screen.
ROW_NAME_MAX = 16


@dataclass(frozen=True)
class Channel:
    label: str
    href: str
    number: str | None = None
    banner: bool = False
    extension: str = ""       # dialled after the number (href already includes it)


@dataclass(frozen=True)
class Contact:
    id: str
    order: int
    label: str
    number: str
    href: str
    action: str
    summary: str
    when: str
    hours: str
    cost: str
    privacy: str      # who may learn of the call: readers often read this in secret
    languages: str
    channels: tuple[Channel, ...] = ()
    extension: str = ""       # dialled after the number (href already includes it)
    row: bool = True          # false: listed on the Get help page only, not in the help row

    def digits(self, region: str) -> str:
        """The number in its canonical form (guidewright.lines.phone), as the guide's region reads it."""
        return canonical(self.number, region)

    def row_targets(self) -> list[tuple[str, str]]:
        """(number shown, href) for the main line and the channels shown with it (banner: true):
        what the help row and the urgency boxes offer."""
        return [(self.number, self.href)] + [(c.number, c.href) for c in self.channels if c.banner and c.number]

    def dial_targets(self) -> list[tuple[str, str]]:
        """(number shown, href) for the main line and every dialable channel."""
        pairs = [(self.number, self.href)]
        pairs += [(c.number, c.href) for c in self.channels if c.number]
        return pairs


def parse_region(extra: dict, locate) -> tuple[str | None, list[Problem]]:
    """extra.region: the ISO 3166 code of the country the guide serves. Numbers written without a
    country code are read, dialled, compared and denied as that country's."""
    region = extra.get("region")
    if region is None:
        return None, [config_problem(locate, f"{REGION_KEY}: missing; give the two-letter ISO 3166 code of the "
                                             "country the guide serves (e.g. region: US, region: GB): numbers "
                                             "written without a country code are read as that country's")]
    if not known_region(region):
        return None, [config_problem(locate, f"{REGION_KEY}: {region!r} is not a region code the phone number "
                                             "rules know; give a two-letter ISO 3166 code in capitals (e.g. US, "
                                             "GB; the United Kingdom is GB)")]
    return region, []


def parse_required_lines(extra: dict, locate) -> tuple[dict[str, str], list[Problem]]:
    """extra.required_lines: {number: what it is}: the lines every page offers, which no config
    may remove or hide from the help row. A guide without the key requires none."""
    raw = extra.get("required_lines")
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, [config_problem(locate, f"{REQUIRED_KEY}: must be a mapping of number -> what the line is "
                                           '(e.g. "112": emergencies)')]
    problems = []
    for number, what in raw.items():
        key = f"{REQUIRED_KEY}.{number}"
        if not isinstance(number, str) or set(number) - ALLOWED_IN_NUMBER or not any(ch.isdigit() for ch in number):
            problems.append(config_problem(locate, f"{key}: write the number in quotes, digits only "
                                                   f'(e.g. "112"): YAML reads 0300 unquoted as another number'))
        elif not isinstance(what, str) or not what.strip():
            problems.append(config_problem(locate, f"{key}: say what the line is (e.g. emergencies)"))
    return ({} if problems else {number: what.strip() for number, what in raw.items()}), problems


def required_line(number: str, required: dict[str, str], region: str) -> tuple[str, str] | None:
    """(number as the config writes it, what it is) when a number dials a required line."""
    form = canonical(number, region)
    return next(((written, what) for written, what in required.items() if canonical(written, region) == form), None)


def parse_denied(extra: dict, source: str) -> tuple[dict[str, str], list[Problem]]:
    """Denied numbers as {sha256: id}. Keyed by id so an overlay can't drop them by accident."""
    raw = extra.get("denied_numbers", {})
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return {}, [config_problem(source, f"{DENIED_KEY} must be a mapping of id -> {{sha256, why}}")]
    denied, problems = {}, []
    for entry_id, entry in raw.items():
        key = f"{DENIED_KEY}.{entry_id}"
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        if not (isinstance(digest, str) and len(digest) == 64 and all(c in "0123456789abcdef" for c in digest)):
            problems.append(config_problem(source, f"{key}: needs sha256 (64 lower-case hex characters); "
                                            "make one with scripts/build.py --hash-number"))
            continue
        denied[digest] = str(entry_id)
    return denied, problems


def parse_contacts(extra: dict, source, denied: dict[str, str], region: str,
                   required: dict[str, str]) -> tuple[list[Contact], list[Problem]]:
    """Validate extra.crisis_contacts; return contacts in display order and every problem.
    source: the config file's name, or a function from a config key to the file that sets it.
    region: how numbers are read (parse_region); required: the lines every page offers."""
    locate = source if callable(source) else (lambda key: source)
    raw = extra.get("crisis_contacts")
    if isinstance(raw, list):
        return [], [config_problem(locate, f"{CONTACTS_KEY} must be a mapping keyed by id, not a list "
                                                  "(config overlays replace lists wholesale)")]
    if not isinstance(raw, dict) or not raw:
        return [], [config_problem(locate, f"{CONTACTS_KEY} is missing or empty: every page must show "
                                                  "crisis contacts")]

    contacts, problems = [], []
    for contact_id, entry in raw.items():
        key = f"{CONTACTS_KEY}.{contact_id}"
        if isinstance(entry, dict) and entry.get("remove") is True:
            # Removing a line is explicit and explained, never a side effect of an overlay.
            if not str(entry.get("why") or "").strip():
                problems.append(config_problem(locate, f"{key}.why: say why this line is removed"))
            continue
        if entry is None:
            problems.append(config_problem(locate, f"{key}: is empty; to remove this line set "
                                                 "remove: true and why: <reason>"))
            continue
        found = _entry_problems(key, entry, denied, region, required)
        problems += [config_problem(locate, message) for message in found]
        if not found:
            contacts.append(_to_contact(contact_id, entry))
    if not contacts and not problems:
        problems.append(config_problem(locate, f"{CONTACTS_KEY}: every line is removed; "
                                                      "every page must show crisis contacts"))
    elif not problems:
        shown = {c.digits(region) for c in contacts}
        problems += [config_problem(locate, f"{CONTACTS_KEY}: no line dials {number} ({what}); {number} "
                                                   "can't be removed or changed: every page must offer it")
                     for number, what in required.items() if canonical(number, region) not in shown]
    return sorted(contacts, key=lambda c: (c.order, c.id)), problems


def removed_contacts(extra: dict) -> list[tuple[str, str]]:
    """(id, why) of every line an overlay removed, for the build's summary."""
    raw = extra.get("crisis_contacts")
    if not isinstance(raw, dict):
        return []
    return [(str(key), str(entry.get("why", "")).strip()) for key, entry in raw.items()
            if isinstance(entry, dict) and entry.get("remove") is True]


def _entry_problems(key: str, entry: object, denied: dict[str, str], region: str, required: dict[str, str]) -> list[str]:
    if not isinstance(entry, dict):
        return [f"{key}: must be a mapping with fields {', '.join(sorted(CONTACT_FIELDS))}"]
    messages = [f"{key}.{field}: unknown field (allowed: {', '.join(sorted(CONTACT_FIELDS))})"
                for field in entry if field not in CONTACT_FIELDS]
    if entry.get("remove") not in (None, False):
        messages.append(f"{key}.remove: must be true (with why) or left out")
    for field in TEXT_FIELDS:
        value = entry.get(field)
        if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip():
            messages.append(f"{key}.{field}: missing or empty")
    summary = str(entry.get("summary") or "").strip()
    if len(summary) > ROW_NAME_MAX:
        messages.append(f"{key}.summary: {summary!r} is {len(summary)} characters; the limit is {ROW_NAME_MAX} "
                        "because it names the line in the help row at the top of every page, and a longer "
                        "name pushes the page off a phone's first screen. Put details in `when`")
    if any(ch.isdigit() for ch in summary):
        messages.append(f"{key}.summary: {summary!r} has digits, but every call link shows the summary beside the "
                        f"number, so readers would see two numbers in one link ('{summary} {entry.get('number')}'). "
                        "Name the line without its number")
    if not isinstance(entry.get("order"), int) or isinstance(entry.get("order"), bool):
        messages.append(f"{key}.order: must be a whole number (banner position)")
    if messages:
        return messages
    messages += line_option_problems(key, entry, region, required)
    messages += dial_problems(key, str(entry["number"]), str(entry["href"]), denied, region, entry.get("extension"))

    channels = entry.get("channels", [])
    if not isinstance(channels, list):
        return messages + [f"{key}.channels: must be a list"]
    for index, channel in enumerate(channels):
        messages += _channel_problems(f"{key}.channels[{index}]", channel, denied, region)
    return messages


def _channel_problems(key: str, channel: object, denied: dict[str, str], region: str) -> list[str]:
    if not isinstance(channel, dict):
        return [f"{key}: must be a mapping with label, href and (for tel:/sms:) number"]
    messages = [f"{key}.{field}: unknown field (allowed: {', '.join(sorted(CHANNEL_FIELDS))})"
                for field in channel if field not in CHANNEL_FIELDS]
    label, href, number = channel.get("label"), channel.get("href"), channel.get("number")
    if not isinstance(label, str) or not label.strip():
        messages.append(f"{key}.label: missing or empty")
    elif channel.get("banner") and len(label.strip()) > ROW_NAME_MAX:
        messages.append(f"{key}.label: {label.strip()!r} is shown in the help row on every page (banner: true), "
                        f"so it may have at most {ROW_NAME_MAX} characters")
    if not isinstance(href, str) or not href.strip():
        return messages + [f"{key}.href: missing or empty"]
    if dialled_digits(href, region) is not None:
        if isinstance(label, str) and any(ch.isdigit() for ch in label):
            messages.append(f"{key}.label: {label.strip()!r} has digits, but its link shows the label beside the "
                            f"number, so readers would see two numbers in one link ('{label.strip()} {number}'). "
                            "Say it without digits")
        if number is None:
            return messages + [f"{key}.number: a {href.split(':')[0]}: link must show its number"]
        messages += dial_problems(key, str(number), href, denied, region, channel.get("extension"))
    elif channel.get("extension") is not None:
        messages.append(_not_tel(key, href))
    elif not href.startswith(WEB_SCHEMES):
        messages.append(f"{key}.href: must be tel:, sms: or https:// (got {href!r})")
    return messages


def dial_problems(key: str, number: str, href: str, denied: dict[str, str], region: str,
                  extension: object = None) -> list[str]:
    """The number is digits, the link dials it (and its extension, if any), and neither is denied."""
    messages = []
    if set(number) - ALLOWED_IN_NUMBER or not any(ch.isdigit() for ch in number):
        messages.append(f"{key}.number: {number!r} must be digits (spaces, -, (, ), + allowed); "
                        "put words like 1-800-662-HELP in another field")
    parts = dial_parts(href, region)
    if parts is None:
        messages.append(f"{key}.href: {href!r} must start with tel: or sms:")
    elif parts[0] != canonical(number, region):
        messages.append(f"{key}.href: {href!r} dials {parts[0] or 'nothing'} but the number shown is "
                        f"{number!r}; make the link dial the number shown")
    else:
        messages += extension_problems(key, extension, href, parts[1])
    for value in (number, href):
        if number_hash(value, region) in denied:
            messages.append(f"{key}: {denied[number_hash(value, region)]!r} is a denied number and must never appear")
            break
    return messages


def extension_problems(key: str, extension: object, href: str, linked: str) -> list[str]:
    """extension: "204" is shown after the number ("ext. 204") and dialled after a pause. The
    link gives the number alone (the build adds ",204") or already ends with ",204".
    linked: the extension the link dials now."""
    bare = href.split(",", 1)[0].split(";", 1)[0]
    if ";ext=" in href.lower():
        return [f"{key}.href: {href!r}: phones don't dial ;ext= well (Android sends its letters as tones); "
                f"write href: {bare!r} and extension: \"{linked}\", and the link will pause, then dial it"]
    if extension is None:
        return [f"{key}.href: {href!r} dials extension {linked}, which readers can't see; add "
                f"extension: \"{linked}\" (shown after the number)"] if linked else []
    if not (isinstance(extension, str) and extension.isascii() and extension.isdigit()
            and len(extension) <= EXTENSION_MAX):
        return [f"{key}.extension: {extension!r} must be up to {EXTENSION_MAX} digits in quotes, like "
                "extension: \"204\"; put words like \"press 2\" in another field"]
    if not href.strip().lower().startswith("tel:"):
        return [_not_tel(key, href)]
    if linked and linked != extension:
        return [f"{key}.href: {href!r} dials extension {linked}, but extension is \"{extension}\"; write "
                f"href: {bare!r} and the build adds the extension"]
    return []


def _not_tel(key: str, href: str) -> str:
    """An extension on a link that isn't a phone call (sms:, https://)."""
    return f"{key}.extension: only a tel: link can dial an extension (href is {href!r})"


def _to_contact(contact_id: str, entry: dict) -> Contact:
    channels = tuple(
        Channel(label=c["label"], href=with_extension(c["href"], str(c.get("extension") or "")),
                number=str(c["number"]) if c.get("number") else None, banner=bool(c.get("banner", False)),
                extension=str(c.get("extension") or ""))
        for c in entry.get("channels", [])
    )
    texts = {field: str(entry[field]).strip() for field in TEXT_FIELDS}
    extension = str(entry.get("extension") or "")
    texts["href"] = with_extension(texts["href"], extension)
    return Contact(id=str(contact_id), order=entry["order"], channels=channels, extension=extension,
                   row=entry.get("row", True) is not False, **texts)


# ---- Line options: where a line shows (row) ---------------------------------------------

def line_option_problems(key: str, entry: dict, region: str, required: dict[str, str]) -> list[str]:
    """row: false lists a line on the Get help page only (a specialist line that would crowd the
    help row on every page); the required lines are in the row on every page, whatever a config says."""
    if "row" not in entry:
        return []
    if not isinstance(entry["row"], bool):
        return [f"{key}.row: must be true or false (false: list this line on the Get help page only, "
                "not in the help row at the top of every page)"]
    line = required_line(str(entry.get("number") or ""), required, region)
    if entry["row"] is False and line:
        return [f"{key}.row: {entry['number']} ({line[1]}) is in the help row on every page; remove row: false"]
    return []
