"""Phone numbers: compare what is shown with what is dialled, and spot denied numbers.

Every comparison goes through one canonical form (`canonical`), read in the guide's region
(extra.region, an ISO 3166 code such as US or GB: how a number written without a country code is
read). A full number becomes E.164 ("+18006624357", "+443001231110"), whichever way it is written;
a short service code (911, 988, 999, 116123) stays its digits. The region is a parameter, not a
module setting, so two guides (or tests) in one process never read each other's numbers."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import phonenumbers

ALLOWED_IN_NUMBER = set("0123456789 -().+")
DIAL_SCHEMES = ("tel:", "sms:")
# Service codes are dialled as written, without a country code, in every region.
SHORT_CODE_MAX = 6


def known_region(region: object) -> bool:
    """Whether phonenumbers has numbering rules for this ISO 3166 code ("US", "GB")."""
    return isinstance(region, str) and region in phonenumbers.SUPPORTED_REGIONS


def canonical(number: str, region: str) -> str:
    """One form per number: E.164 for a full number, the digits for a short code, and the digits
    of anything that isn't a possible number in the region (compared as written). '' for no digits."""
    digits = "".join(ch for ch in number if ch.isdigit())
    plus = number.lstrip(" (").startswith("+")
    if not digits or (not plus and len(digits) <= SHORT_CODE_MAX):
        return digits
    return _canonical(("+" if plus else "") + digits, region)


@lru_cache(maxsize=8192)  # the denylist scan reads the same digit runs on many pages
def _canonical(number: str, region: str) -> str:
    digits = number.lstrip("+")
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return digits
    # IS_POSSIBLE, not IS_POSSIBLE_LOCAL_ONLY: a number without its area code isn't a full number.
    if phonenumbers.is_possible_number_with_reason(parsed) != phonenumbers.ValidationResult.IS_POSSIBLE:
        return digits
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def written_forms(number: str, region: str) -> set[str]:
    """The digits of each usual way to write a canonical number: with its country code
    (+44 300 123 1110, 1-800-662-4357); in its own country also the national format with the
    trunk prefix (0300 123 1110) and the national significant number ((800) 662-4357).
    A short code is written one way."""
    if not number.startswith("+"):
        return {number}
    parsed = phonenumbers.parse(number, region)
    national = phonenumbers.national_significant_number(parsed)
    forms = {f"{parsed.country_code}{national}"}
    if parsed.country_code == phonenumbers.country_code_for_region(region):
        formatted = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
        forms |= {national, "".join(ch for ch in formatted if ch.isdigit())}
    return forms


# An extension is dialled after a pause: `tel:+15035550142,204`. Phone dialers follow the comma
# (iOS and Android wait, then send the digits); RFC 3966's `;ext=204` is not dialled well (Android
# sends the letters as tones, iOS makes the caller find and tap it), so the build writes commas.
EXTENSION_PAUSE = ","
_EXTENSION = re.compile(r"(?:,+|;ext=)(\d*)", re.IGNORECASE)


def is_dial_link(href: str) -> bool:
    """A tel: or sms: link (whatever it dials)."""
    return href.strip().lower().startswith(DIAL_SCHEMES)


def dial_parts(href: str, region: str) -> tuple[str, str] | None:
    """(canonical number, extension digits or '') that a tel:/sms: link dials; None for other links.
    A pause (,) or RFC 3966's ;ext= starts the extension; other ;parameters are not dialled."""
    lowered = href.strip().lower()
    for scheme in DIAL_SCHEMES:
        if lowered.startswith(scheme):
            target = href.strip()[len(scheme):].split("?", 1)[0]
            extension = _EXTENSION.search(target)
            number = re.split(r"[,;]", target, maxsplit=1)[0]
            return canonical(number, region), extension.group(1) if extension else ""
    return None


def dial_string(number: str, region: str, extension: str = "") -> str:
    """One string for a number and its extension, as dialled_digits gives it: '+15035550142,204'."""
    form = canonical(number, region)
    return f"{form}{EXTENSION_PAUSE}{extension}" if extension else form


def dialled_digits(href: str, region: str) -> str | None:
    """What a tel:/sms: link dials, canonical (then ',' and the extension, if any); None for
    other links. Two links dial the same line only if both parts match."""
    parts = dial_parts(href, region)
    return None if parts is None else dial_string(parts[0], region, parts[1])


def with_extension(href: str, extension: str) -> str:
    """The link that dials a number's extension after a pause (an href that already does is kept)."""
    dialled = _EXTENSION.search(href.split("?", 1)[0])
    if not extension or not is_dial_link(href) or (dialled and dialled.group(1)):
        return href
    return f"{href}{EXTENSION_PAUSE}{extension}"


def shows(text: str, dialled: str, region: str) -> bool:
    """Whether a link's visible text shows what it dials (dialled_digits): the number in one of
    its usual written forms (written_forms), then the extension's digits. Nothing else with digits."""
    number, _, extension = dialled.partition(EXTENSION_PAUSE)
    digits = "".join(ch for ch in text if ch.isdigit())
    return any(digits == form + extension for form in written_forms(number, region))


def digest(form: str) -> str:
    """The denylist's hash of a canonical number."""
    return hashlib.sha256(form.encode()).hexdigest()


def number_hash(number: str, region: str) -> str:
    """The denylist stores hashes of the canonical form, so a denied number is never written in the
    repo and "0300 123 1110" (in GB) and "+44 300 123 1110" hash alike. A link's extension is not
    part of the number: 'tel:+15555550100,204' hashes as (555) 555-0100."""
    parts = dial_parts(number, region)
    return digest(canonical(number, region) if parts is None else parts[0])


# Cheap first pass: a run of at least seven digits in groups split by up to three separators. It
# starts with a digit, so the regex engine skips fast over the (mostly digit-free) text; phonenumbers
# reads only these short runs. Not after a letter or digit, nor after "1." (a version, a decimal).
_SEPARATORS = r"[\s.\-()/\u2010-\u2015]"
_RUN = re.compile(rf"\d(?<!\w\d)(?<!\d\.\d)(?:{_SEPARATORS}{{0,3}}\d){{6,}}")
_GROUP = re.compile(r"\d+")
_PLUS_BEFORE = re.compile(r"\+[\s(]{0,2}$")
# A number with its international prefix (011 44 ..., 00 44 ...): E.164's 15 digits and 4 more,
# in at most six groups ("+1 (800) 662-4357" has four; "00 44 300 123 1110" five).
MIN_DIGITS, MAX_DIGITS, MAX_GROUPS = 7, 19, 6


def numbers_in(text: str, region: str) -> list[tuple[int, str]]:
    """Each full number (E.164) in text with its 1-based line: every way to read a run of digit
    groups as a number, so a year or a count next to a number doesn't hide it. Over-reading is
    harmless (only hashes are compared); missing a denied number is not. Short codes are skipped."""
    found = []
    for run in _RUN.finditer(text):
        groups = [(run.start() + m.start(), m.group()) for m in _GROUP.finditer(run.group())]
        plus = bool(_PLUS_BEFORE.search(text, max(run.start() - 3, 0), run.start()))
        ends: dict[str, int] = {}  # a number read again inside its own span is one number, not two
        for first, (start, _) in enumerate(groups):
            digits = ""
            for at, group in groups[first:first + MAX_GROUPS]:
                digits += group
                if len(digits) > MAX_DIGITS:
                    break
                if len(digits) < MIN_DIGITS:
                    continue
                for number in (f"+{digits}", digits) if plus and first == 0 else (digits,):
                    form = _canonical(number, region)
                    if form.startswith("+") and start >= ends.get(form, -1):
                        found.append((text.count("\n", 0, start) + 1, form))
                    if form.startswith("+"):
                        ends[form] = max(ends.get(form, -1), at + len(group))
    return found
