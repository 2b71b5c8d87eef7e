"""Phone number parsing, and the denylist over text and over the whole repository."""
from __future__ import annotations

import subprocess

from conftest import REPO
from guide.denylist_check import denied_in_text
from guide.phone import dialled_digits, national_digits, number_hash, numbers_in


def test_national_digits_forms():
    """All usual US forms reduce to the same 10 digits."""
    forms = ["1-800-662-4357", "+1 (800) 662-4357", "800.662.4357", "18006624357", "(800) 662 4357"]
    assert {national_digits(f) for f in forms} == {"8006624357"}


def test_dialled_digits():
    """tel:/sms: links are read; other links are not dial links."""
    assert dialled_digits("tel:+18006624357") == "8006624357"
    assert dialled_digits("SMS:988") == "988"
    assert dialled_digits("sms:988?body=hi") == "988"
    assert dialled_digits("https://988lifeline.org") is None


def test_numbers_in_text_with_lines():
    """Numbers are found with their line; long digit runs are not numbers."""
    text = "a\ncall (555) 555-0147 today\nid 123455550147999\ntel:+15555550148"
    assert numbers_in(text) == [(2, "5555550147"), (4, "5555550148")]


def test_denied_in_text():
    """A denied number is found by hash in any format."""
    denied = {number_hash("555-555-0147"): "test"}
    assert denied_in_text("x\n<a href='tel:+15555550147'>+1 555 555 0147</a>", denied) == [(2, "test"), (2, "test")]
    assert denied_in_text("555-555-0148", denied) == []


def test_no_denied_number_anywhere_in_repository(denied):
    """No tracked or new file in the repo contains a denied number (it may only be hashed)."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    assert listed, "git listed no files"
    found = []
    for name in listed:
        path = REPO / name
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [(name, line) for line, _ in denied_in_text(text, denied)]
    assert found == []


def test_number_forms_at_edges_and_in_runs():
    """11-digit, spaced and bracketed forms are found at string edges; digit runs are not numbers."""
    assert numbers_in("15555550148") == [(1, "5555550148")]
    assert numbers_in("+1 555 555 0148.") == [(1, "5555550148")]
    assert numbers_in("x(555)555-0148") == [(1, "5555550148")]
    assert numbers_in("1234555501489") == []
    assert numbers_in("v1.5555550148") == []


def test_denied_in_built_page_text_and_links():
    """In a built page, a denied number in the text or only in a tel: link is found."""
    from guide.denylist_check import denied_in_page
    denied = {number_hash("555-555-0147"): "test"}
    in_text = "<html><body><p>Call <b>555</b>-555-0147</p></body></html>"
    in_link = '<html><body><a href="tel:+15555550147">Call us</a></body></html>'
    clean_page = '<html><body><a href="tel:988">Call 988</a><svg><path d="M555 555 0147"/></svg></body></html>'
    assert [p.message for p in denied_in_page(in_text, denied, "x")] == [
        "denied number 'test' in the page; remove it from the source that made it"]
    assert len(denied_in_page(in_link, denied, "x")) == 1
    assert denied_in_page(clean_page, denied, "x") == []


# Extensions: `tel:+15035550142,204` dials the number, pauses, then the extension.

def test_extension_forms_in_links():
    """A pause (one or more commas) or RFC 3966's ;ext= starts the extension; other parameters don't."""
    from guide.phone import dial_parts, dial_string, with_extension
    assert dial_parts("tel:+15035550142,204") == ("5035550142", "204")
    assert dial_parts("tel:+15035550142,,204") == ("5035550142", "204")
    assert dial_parts("tel:+15035550142;ext=204") == ("5035550142", "204")
    assert dial_parts("tel:911;phone-context=example.com") == ("911", "")
    assert dialled_digits("tel:+15035550142,204") == dial_string("(503) 555-0142", "204") == "5035550142,204"
    assert dialled_digits("tel:+15035550142,204") != dialled_digits("tel:+15035550142,205")
    assert with_extension("tel:+15035550142", "204") == "tel:+15035550142,204"
    assert with_extension("tel:+15035550142,204", "204") == "tel:+15035550142,204"  # never twice


def test_shown_text_must_match_number_and_extension():
    from guide.phone import shows
    assert shows("Call the clinic (503) 555-0142 ext. 204", "5035550142,204")
    assert shows("Llamar: 1-800-662-4357", "8006624357")
    assert not shows("Call the clinic (503) 555-0142", "5035550142,204")       # extension not shown
    assert not shows("Call the clinic (503) 555-0142 ext. 204", "5035550142")  # shown, not dialled


def test_denied_number_found_behind_an_extension():
    """The extension is not part of the number: a denied number with one is still denied."""
    denied = {number_hash("555-555-0147"): "test"}
    assert number_hash("tel:+15555550147,204") == number_hash("tel:+15555550147;ext=204") == number_hash("555-555-0147")
    page = "<a href='tel:+15555550147,204'>(555) 555-0147 ext. 204</a>\n<a href='tel:+15555550147;ext=2'>x</a>"
    assert denied_in_text(page, denied) == [(1, "test"), (1, "test"), (2, "test")]
