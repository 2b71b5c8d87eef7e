"""Phone numbers: compare what is shown with what is dialled, and spot denied numbers."""
from __future__ import annotations

import hashlib
import re

# Phone-like runs in plain text: 3-digit service codes are not matched here (too common);
# 10-digit North American numbers with optional +1/1 and the usual separators are. Up to two
# separator characters between groups: text split across tags reads as "555 -555-0147".
_PHONE_LIKE = re.compile(
    r"(?<![\w.])(?:\+?1[\s.\-]?)?\(?\d{3}\)?[\s.\-]{0,2}\d{3}[\s.\-]{0,2}\d{4}(?!\w)"
)
ALLOWED_IN_NUMBER = set("0123456789 -().+")
DIAL_SCHEMES = ("tel:", "sms:")


def national_digits(text: str) -> str:
    """Digits of a number without the +1/1 country code, so '1-800…' == '+1800…' == '800…'."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits


# An extension is dialled after a pause: `tel:+15035550142,204`. Phone dialers follow the comma
# (iOS and Android wait, then send the digits); RFC 3966's `;ext=204` is not dialled well (Android
# sends the letters as tones, iOS makes the caller find and tap it), so the build writes commas.
EXTENSION_PAUSE = ","
_EXTENSION = re.compile(r"(?:,+|;ext=)(\d*)", re.IGNORECASE)


def dial_parts(href: str) -> tuple[str, str] | None:
    """(national digits, extension digits or '') that a tel:/sms: link dials; None for other links.
    A pause (,) or RFC 3966's ;ext= starts the extension; other ;parameters are not dialled."""
    lowered = href.strip().lower()
    for scheme in DIAL_SCHEMES:
        if lowered.startswith(scheme):
            target = href.strip()[len(scheme):].split("?", 1)[0]
            extension = _EXTENSION.search(target)
            return national_digits(re.split(r"[,;]", target, maxsplit=1)[0]), extension.group(1) if extension else ""
    return None


def dial_string(number: str, extension: str = "") -> str:
    """One string for a number and its extension, as dialled_digits gives it: '5035550142,204'."""
    digits = national_digits(number)
    return f"{digits}{EXTENSION_PAUSE}{extension}" if extension else digits


def dialled_digits(href: str) -> str | None:
    """What a tel:/sms: link dials, as national digits (then ',' and the extension, if any);
    None for other links. Two links dial the same line only if both parts match."""
    parts = dial_parts(href)
    return None if parts is None else dial_string(*parts)


def with_extension(href: str, extension: str) -> str:
    """The link that dials a number's extension after a pause (an href that already does is kept)."""
    parts = dial_parts(href)
    if not extension or parts is None or parts[1]:
        return href
    return f"{href}{EXTENSION_PAUSE}{extension}"


def shows(text: str, dialled: str) -> bool:
    """Whether a link's visible text shows what it dials (dialled_digits): the number's digits,
    with or without the country code 1, then the extension's. Nothing else with digits."""
    number, _, extension = dialled.partition(EXTENSION_PAUSE)
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits in (number + extension, "1" + number + extension)


def number_hash(number: str) -> str:
    """The denylist stores hashes, so a denied number is never written in the repo. A link's
    extension is not part of the number: 'tel:+15555550100,204' hashes as (555) 555-0100."""
    parts = dial_parts(number)
    return hashlib.sha256((national_digits(number) if parts is None else parts[0]).encode()).hexdigest()


# Cheap first pass: ten digits in the usual groups. It starts with a digit, so the regex
# engine skips fast over the (mostly digit-free) HTML; only around these short runs is the
# exact pattern, with its optional +1 and brackets, applied.
_CANDIDATE = re.compile(r"\d{3}[\s.\-)]{0,3}\d{3}[\s.\-]{0,2}\d{4}\d?")  # \d?: 1 + ten digits


def numbers_in(text: str) -> list[tuple[int, str]]:
    """Each phone-like number in text with its 1-based line, as national digits."""
    found, seen = [], set()
    for candidate in _CANDIDATE.finditer(text):
        # A slice with room for "+1 (" before and one character after, so the exact pattern's
        # boundary checks see real neighbours; matches touching the slice's edges are ignored.
        left = max(candidate.start() - 5, 0)
        window = text[left:candidate.end() + 1]
        for match in _PHONE_LIKE.finditer(window):
            start, end = left + match.start(), left + match.end()
            if (match.start() == 0 and left > 0) or end > candidate.end() or (start, end) in seen:
                continue
            seen.add((start, end))
            found.append((text.count("\n", 0, start) + 1, national_digits(match.group())))
    return found
