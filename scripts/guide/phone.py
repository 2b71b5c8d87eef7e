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


def dialled_digits(href: str) -> str | None:
    """What a tel:/sms: link dials, as national digits; None for other links."""
    lowered = href.strip().lower()
    for scheme in DIAL_SCHEMES:
        if lowered.startswith(scheme):
            target = href.strip()[len(scheme):].split("?", 1)[0].split(";", 1)[0]
            return national_digits(target)
    return None


def number_hash(number: str) -> str:
    """The denylist stores hashes, so a denied number is never written in the repo."""
    return hashlib.sha256(national_digits(number).encode()).hexdigest()


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
