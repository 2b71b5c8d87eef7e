"""Phone number parsing, and the denylist over text and over the whole repository."""
from __future__ import annotations

import subprocess

import pytest

from conftest import REPO
from guidewright.lines.denylist_check import denied_in_text
from guidewright.lines.phone import canonical, dialled_digits, number_hash, numbers_in

# The US forms below are the US's; the GB ones the UK's: each test names the region it reads in.
US, GB = "US", "GB"


def test_canonical_forms():
    """All usual US forms of a number are one E.164 number; short service codes stay their digits."""
    forms = ["1-800-662-4357", "+1 (800) 662-4357", "800.662.4357", "18006624357", "(800) 662 4357"]
    assert {canonical(f, US) for f in forms} == {"+18006624357"}
    assert [canonical(code, region) for code, region in [("911", US), ("988", US), ("999", GB), ("116123", GB)]] == [
        "911", "988", "999", "116123"]
    uk = ["0300 123 1110", "+44 300 123 1110", "+44 (0)300 123 1110", "00 44 300 123 1110", "03001231110"]
    assert {canonical(f, GB) for f in uk} == {"+443001231110"}
    assert canonical("+44 300 123 1110", US) == "+443001231110"  # its own country code, read anywhere


def test_dialled_digits():
    """tel:/sms: links are read; other links are not dial links."""
    assert dialled_digits("tel:+18006624357", US) == "+18006624357"
    assert dialled_digits("tel:+443001231110", GB) == "+443001231110"
    assert dialled_digits("SMS:988", US) == "988"
    assert dialled_digits("sms:988?body=hi", US) == "988"
    assert dialled_digits("https://988lifeline.org", US) is None


def test_numbers_in_text_with_lines():
    """Numbers are found with their line; long digit runs are not numbers."""
    text = "a\ncall (555) 555-0147 today\nid 123455550147999\ntel:+15555550148"
    assert numbers_in(text, US) == [(2, "+15555550147"), (4, "+15555550148")]


def test_denied_in_text():
    """A denied number is found by hash in any format."""
    denied = {number_hash("555-555-0147", US): "test"}
    assert denied_in_text("x\n<a href='tel:+15555550147'>+1 555 555 0147</a>", denied, US) == [(2, "test"), (2, "test")]
    assert denied_in_text("555-555-0148", denied, US) == []


def test_us_forms_found_as_one_number():
    """1-800-..., (800) ..., +1 800 ... and 800.662.4357 in text are the number the hash was made from."""
    denied = {number_hash("(800) 662-4357", US): "test"}
    text = "1-800-662-4357\n(800) 662-4357\n+1 800 662 4357\n800.662.4357\n1 (800) 662-4357"
    assert denied_in_text(text, denied, US) == [(n, "test") for n in range(1, 6)]


@pytest.mark.parametrize("hashed, written", [("+44 300 123 1110", "0300 123 1110"),
                                             ("0300 123 1110", "+44 300 123 1110"),
                                             ("0300 123 1110", "Ring 0300-123-1110 (free)"),
                                             ("+44 300 123 1110", "call 00 44 300 123 1110"),
                                             ("0300 123 1110", "2024 0300 123 1110")])
def test_denied_uk_number_found_in_any_written_form(hashed, written):
    """In a GB guide a denied number is found however it is written: the national form with its
    trunk 0, with +44, with the international prefix, or next to other digits."""
    denied = {number_hash(hashed, GB): "test"}
    assert denied_in_text(f"before\n{written}\n", denied, GB) == [(2, "test")]


def test_region_decides_how_a_national_number_is_read():
    """The same digits are a different number in another country: a US guide doesn't read 0300
    as the UK's, but a number with its country code is the same everywhere."""
    uk = {number_hash("+44 300 123 1110", GB): "test"}
    assert denied_in_text("0300 123 1110", uk, US) == []
    assert denied_in_text("+44 300 123 1110", uk, US) == [(1, "test")]


def test_no_denied_number_anywhere_in_repository(denied, repo_settings):
    """No tracked or new file in the repo contains a denied number (it may only be hashed)."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    assert listed, "git listed no files"
    found = []
    for name in listed:
        path = REPO / name
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [(name, line) for line, _ in denied_in_text(text, denied, repo_settings.region)]
    assert found == []


def test_number_forms_at_edges_and_in_runs():
    """11-digit, spaced and bracketed forms are found at string edges; digit runs are not numbers."""
    assert numbers_in("15555550148", US) == [(1, "+15555550148")]
    assert numbers_in("+1 555 555 0148.", US) == [(1, "+15555550148")]
    assert numbers_in("x(555)555-0148", US) == [(1, "+15555550148")]
    assert numbers_in("1234555501489", US) == []
    assert numbers_in("v1.5555550148", US) == []


def test_denied_in_built_page_text_and_links():
    """In a built page, a denied number in the text or only in a tel: link is found."""
    from guidewright.lines.denylist_check import denied_in_page
    denied = {number_hash("555-555-0147", US): "test"}
    in_text = "<html><body><p>Call <b>555</b>-555-0147</p></body></html>"
    in_link = '<html><body><a href="tel:+15555550147">Call us</a></body></html>'
    clean_page = '<html><body><a href="tel:988">Call 988</a><svg><path d="M555 555 0147"/></svg></body></html>'
    assert [p.message for p in denied_in_page(in_text, denied, "x", US)] == [
        "denied number 'test' in the page; remove it from the source that made it"]
    assert len(denied_in_page(in_link, denied, "x", US)) == 1
    assert denied_in_page(clean_page, denied, "x", US) == []


def test_denied_number_in_a_file_names_the_line_not_the_number(tmp_path):
    from guidewright.lines.denylist_check import check_files
    page = tmp_path / "page.md"
    page.write_text("Fine.\nCall 0300 123 1110 today.\n")
    (problem,) = check_files([page], {number_hash("+44 300 123 1110", GB): "uk-sales"}, tmp_path, GB)
    assert (problem.file, problem.message) == (
        "page.md", "line 2: denied number 'uk-sales'; remove it (list only the lines in extra.crisis_contacts)")


# Extensions: `tel:+15035550142,204` dials the number, pauses, then the extension.

def test_extension_forms_in_links():
    """A pause (one or more commas) or RFC 3966's ;ext= starts the extension; other parameters don't."""
    from guidewright.lines.phone import dial_parts, dial_string, with_extension
    assert dial_parts("tel:+15035550142,204", US) == ("+15035550142", "204")
    assert dial_parts("tel:+15035550142,,204", US) == ("+15035550142", "204")
    assert dial_parts("tel:+15035550142;ext=204", US) == ("+15035550142", "204")
    assert dial_parts("tel:911;phone-context=example.com", US) == ("911", "")
    assert dialled_digits("tel:+15035550142,204", US) == dial_string("(503) 555-0142", US, "204") == "+15035550142,204"
    assert dialled_digits("tel:+15035550142,204", US) != dialled_digits("tel:+15035550142,205", US)
    assert with_extension("tel:+15035550142", "204") == "tel:+15035550142,204"
    assert with_extension("tel:+15035550142,204", "204") == "tel:+15035550142,204"  # never twice


def test_shown_text_must_match_number_and_extension():
    from guidewright.lines.phone import shows
    assert shows("Call the clinic (503) 555-0142 ext. 204", "+15035550142,204", US)
    assert shows("Llamar: 1-800-662-4357", "+18006624357", US)
    assert shows("+1 800 662 4357", "+18006624357", US)
    assert not shows("Call the clinic (503) 555-0142", "+15035550142,204", US)       # extension not shown
    assert not shows("Call the clinic (503) 555-0142 ext. 204", "+15035550142", US)  # shown, not dialled
    assert not shows("Call (503) 555-0143", "+15035550142", US)


def test_uk_number_shown_in_its_written_forms():
    """A GB guide shows tel:+443001231110 as 0300 123 1110 or +44 300 123 1110; a US guide
    shows it with its country code only (0300 isn't dialled from abroad)."""
    from guidewright.lines.phone import shows
    dialled = dialled_digits("tel:+443001231110", GB)
    assert shows("0300 123 1110", dialled, GB) and shows("+44 300 123 1110", dialled, GB)
    assert shows("Call 0300 123 1110 ext. 12", f"{dialled},12", GB)
    assert not shows("0300 123 1111", dialled, GB)
    assert shows("+44 300 123 1110", dialled, US) and not shows("0300 123 1110", dialled, US)
    assert shows("Call 999", dialled_digits("tel:999", GB), GB)


def test_denied_number_found_behind_an_extension():
    """The extension is not part of the number: a denied number with one is still denied."""
    denied = {number_hash("555-555-0147", US): "test"}
    assert number_hash("tel:+15555550147,204", US) == number_hash("tel:+15555550147;ext=204", US) \
        == number_hash("555-555-0147", US)
    page = "<a href='tel:+15555550147,204'>(555) 555-0147 ext. 204</a>\n<a href='tel:+15555550147;ext=2'>x</a>"
    assert denied_in_text(page, denied, US) == [(1, "test"), (1, "test"), (2, "test")]
