"""The help lines as a contacts file (vCard 3.0, contacts.vcf at each language's root), so a
reader can add them to the phone's contacts in one tap from the Get help page. Made from the
validated contacts (guidewright.lines.contacts: the lines the pages show, in the site's language, a clinic's
line included, removed lines left out): each line is one card, with its number and every
channel that has a number. The build checks the built file dials exactly the config's numbers.

vCard 3.0 (RFC 2426), which Android and iPhone contacts both import: CRLF line endings, lines
folded at 75 octets, commas, semicolons and backslashes escaped in text values."""
from __future__ import annotations

from pathlib import Path

from guidewright.lines.contacts import Contact
from guidewright.lines.phone import dialled_digits, is_dial_link
from guidewright.problems import Problem

FILE = "contacts.vcf"
CRLF = "\r\n"
LINE_OCTETS = 75  # RFC 2426 2.6: longer lines are folded (CRLF, then a space)


def escape(text: str) -> str:
    """A vCard 3.0 text value: backslash, comma and semicolon escaped; newlines as \\n."""
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line, folded so no physical line has more than 75 octets, never inside a
    character (UTF-8 bytes of one letter stay together)."""
    parts, current, size = [], "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        limit = LINE_OCTETS if not parts else LINE_OCTETS - 1  # continuation lines start with a space
        if size + octets > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += octets
    parts.append(current)
    return (CRLF + " ").join(parts)


def dial_value(href: str) -> str:
    """What a tel:/sms: link dials, as a TEL value: 'tel:+15035550100' -> '+15035550100';
    'sms:555?body=HELP' -> '555'; an extension after a pause: '+15035550142,204'."""
    target = href.split(":", 1)[1].split("?", 1)[0]
    return target.split(";", 1)[0]


def numbers(contact: Contact) -> list[tuple[str, str]]:
    """(label, href) of every number a line is reached at: the line, then its channels with a number."""
    found = [(contact.summary, contact.href)]
    found += [(channel.label, channel.href) for channel in contact.channels if channel.number
              and is_dial_link(channel.href)]
    return found


def card(contact: Contact, category: str, note: str) -> list[str]:
    name = escape(contact.label)
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}", f"N:{name};;;;", f"ORG:{name}"]
    for index, (label, href) in enumerate(numbers(contact), start=1):
        kind = "MSG" if href.lower().startswith("sms:") else "VOICE"
        # itemN. groups a number with its label (Apple's and Google's contacts show X-ABLabel).
        lines += [f"item{index}.TEL;TYPE={kind}:{dial_value(href)}", f"item{index}.X-ABLabel:{escape(label)}"]
    if note:
        lines.append(f"NOTE:{escape(note)}")
    return [*lines, f"CATEGORIES:{escape(category)}", "X-ABShowAs:COMPANY", "END:VCARD"]


def contacts_card(contacts: list[Contact], category: str, clinic_texts: tuple[str, ...] = ()) -> str:
    """The file: one card per line, in the pages' order. category: the group the cards join
    (the help row's name, "Free help lines"); clinic_texts: the clinic's name, address, hours, note."""
    lines = []
    for contact in contacts:
        note = "\n".join(clinic_texts[1:]) if contact.id == "clinic" else "\n".join(
            text for text in (contact.when, contact.hours) if text)
        lines += card(contact, category, note)
    return "".join(fold(line) + CRLF for line in lines)


def write_contacts_card(site_dir: Path, contacts: list[Contact], category: str,
                        clinic_texts: tuple[str, ...] = ()) -> Path:
    path = site_dir / FILE
    path.write_bytes(contacts_card(contacts, category, clinic_texts).encode("utf-8"))
    return path


def unfold(text: str) -> list[str]:
    """Content lines: a line starting with a space or tab continues the one before."""
    lines: list[str] = []
    for line in text.split(CRLF):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    return lines


def card_numbers(text: str, region: str) -> list[list[str]]:
    """What each card in a file dials, as dialled digits (guidewright.lines.phone), card by card."""
    cards: list[list[str]] = []
    for line in unfold(text):
        name, _, value = line.partition(":")
        if name.upper() == "BEGIN" and value.upper() == "VCARD":
            cards.append([])
        elif cards and name.split(";", 1)[0].split(".")[-1].upper() == "TEL":
            cards[-1].append(dialled_digits(f"tel:{value}", region) or value)
    return cards


def check_contacts_card(text: str | None, contacts: list[Contact], where: str, region: str) -> list[Problem]:
    """The built contacts file dials exactly the numbers the config gives, line by line, and is a
    vCard phones read (CRLF line endings, folded lines). region: how numbers are read (extra.region)."""
    if text is None:
        return [Problem(where, "missing: the build writes it from the contacts config (guide/contacts_card.py); "
                               "is the guidewright plugin listed under plugins: in mkdocs.yml?")]
    problems = []
    if text.replace(CRLF, "").count("\n") or not text.endswith(CRLF):
        problems.append(Problem(where, "lines must end with CRLF (vCard 3.0): phones may read it as one line; "
                                       "write it with guide/contacts_card.py"))
    if any(len(line.encode("utf-8")) > LINE_OCTETS for line in text.split(CRLF)):
        problems.append(Problem(where, f"a line is longer than {LINE_OCTETS} octets: fold it (guide/contacts_card.py)"))
    found = card_numbers(text, region)
    expected = [[dialled_digits(href, region) for _, href in numbers(contact)] for contact in contacts]
    for index, contact in enumerate(contacts):
        has = found[index] if index < len(found) else None
        if has != expected[index]:
            problems.append(Problem(where, f"the card for {contact.label!r} dials {', '.join(has) if has else 'nothing'}"
                                           f" but the contacts config gives {', '.join(expected[index])}: a reader "
                                           "would save wrong numbers; rebuild (guide/contacts_card.py writes it)"))
    if len(found) > len(contacts):
        problems.append(Problem(where, f"has {len(found)} cards but the config has {len(contacts)} lines: a removed "
                                       "line is still in it; rebuild"))
    return problems
