"""The HTML check on one page: every way contacts can go missing or lie is caught."""
from __future__ import annotations

import pytest

from conftest import REPO
from guidewright.configuration.config import load_site_config
from guidewright.lines.contacts_check import check_directory, check_help_control, check_page_contacts
from guidewright.lines.phone import dialled_digits

REGION = load_site_config(REPO / "mkdocs.yml")[0].extra["region"]  # how the guide's numbers are read

GOOD_BLOCK = """
<div class="pe-crisis" data-crisis-contacts>
  <ul>
    <li><a href="tel:911">Call <span>911</span></a></li>
    <li><a href="tel:988">Call 988</a> <a href="sms:988">Text 988</a></li>
    <li><a href="tel:+18006624357">Call 1-800-662-4357</a></li>
  </ul>
</div>"""


def page(block=GOOD_BLOCK, body="<h1>Title</h1><p>Text</p>"):
    return f"<!doctype html><html><head><title>t</title></head><body>{block}<main>{body}</main></body></html>"


def messages(html, contacts):
    return [p.message for p in check_page_contacts(html, contacts, "site/x.html", REGION)]


def test_good_page_passes(contacts):
    """The real shape of the banner passes."""
    assert messages(page(), contacts) == []


def test_block_missing(contacts):
    """No block at all (partial removed, or another template)."""
    assert "no crisis contacts block" in messages(page(block=""), contacts)[0]


def test_block_emptied(contacts):
    """An empty block fails once per contact."""
    found = messages(page(block="<div data-crisis-contacts></div>"), contacts)
    assert len(found) == 3 and all("no link in the crisis block dials" in m for m in found)


@pytest.mark.parametrize("attribute, reason", [
    ("hidden", "<div hidden>"),
    ('aria-hidden="true"', '<div aria-hidden="true">'),
    ('style="display:none"', '<div style="display:none">'),
    ('style="color:red; visibility: hidden !important"', '<div style="visibility:hidden">'),
    ("inert", "<div inert>"),
])
def test_block_hidden(contacts, attribute, reason):
    """The whole block hidden by markup is caught, with the reason."""
    html = page(block=GOOD_BLOCK.replace("data-crisis-contacts", f"data-crisis-contacts {attribute}"))
    assert f"the crisis contacts block is hidden by {reason}" in messages(html, contacts)


@pytest.mark.parametrize("wrapper", [
    '<span hidden>{}</span>', '<span aria-hidden="true">{}</span>',
    '<span style="display: none">{}</span>', '<span style="visibility:hidden">{}</span>',
    '<details><summary>Help</summary>{}</details>',
])
def test_one_contact_hidden(contacts, wrapper):
    """One hidden contact is named; the others still pass."""
    link = '<a href="tel:+18006624357">Call 1-800-662-4357</a>'
    html = page(block=GOOD_BLOCK.replace(link, wrapper.format(link)))
    found = messages(html, contacts)
    assert len(found) == 1 and found[0].startswith("SAMHSA's National Helpline (1-800-662-4357): its link is hidden")


def test_open_details_is_visible(contacts):
    """An open <details> does not hide its content."""
    link = '<a href="tel:+18006624357">Call 1-800-662-4357</a>'
    html = page(block=GOOD_BLOCK.replace(link, f"<details open><summary>Help</summary>{link}</details>"))
    assert messages(html, contacts) == []


MISSING_911 = "911 (911): no link in the crisis block dials tel:911"


@pytest.mark.parametrize("place, expected", [
    ("<!-- {link} -->", MISSING_911),                          # comment only
    ("<script>var s = '{link}';</script>", MISSING_911),       # script only
    ("<span data-x='{link}'></span>", MISSING_911),            # attribute only
    ("<template>{link}</template>", MISSING_911),
    # Parsed as elements (scripting off), but never shown when JavaScript runs.
    ("<noscript>{link}</noscript>", "911 (911): its link is hidden by <noscript>"),
])
def test_contact_only_in_non_visible_places(contacts, place, expected):
    """A contact present only in a comment, script, attribute, template or noscript is missing."""
    link = '<a href="tel:911">Call <span>911</span></a>'
    html = page(block=GOOD_BLOCK.replace(link, place.format(link=link)))
    assert messages(html, contacts) == [expected]


def test_link_number_text_hidden(contacts):
    """A link that dials 911 but whose visible text doesn't show 911 fails."""
    html = page(block=GOOD_BLOCK.replace("Call <span>911</span>", 'Call <span hidden>911</span>'))
    assert messages(html, contacts) == ["911 (911): the link dials it but does not show the number as visible text"]


def test_shown_number_dials_another(contacts):
    """A link showing one number but dialling another is reported."""
    html = page(block=GOOD_BLOCK.replace('<a href="tel:+18006624357">Call 1-800-662-4357</a>',
                                         '<a href="tel:+18006624357">Call 1-800-662-4357</a>'
                                         '<a href="tel:+18445550100">Call 1-800-662-4357</a>'))
    found = messages(html, contacts)
    assert found == ["a link shows 'Call 1-800-662-4357' but dials 'tel:+18445550100'"]


def test_text_link_does_not_count_as_call(contacts):
    """sms:988 alone does not satisfy the tel:988 contact."""
    html = page(block=GOOD_BLOCK.replace('<a href="tel:988">Call 988</a>', ""))
    assert messages(html, contacts) == ["988 Suicide & Crisis Lifeline (988): no link in the crisis block dials tel:988"]


def test_number_outside_block_does_not_count(contacts):
    """Contacts in the page body don't replace the banner."""
    body = '<h1>T</h1><a href="tel:911">911</a><a href="tel:988">988</a><a href="tel:+18006624357">1-800-662-4357</a>'
    assert "no crisis contacts block" in messages(page(block="", body=body), contacts)[0]


def test_block_after_heading(contacts):
    """A block below the page heading is not on the first screen."""
    html = f"<html><body><h1>T</h1>{GOOD_BLOCK}</body></html>"
    assert any("comes after the page's <h1>" in m for m in messages(html, contacts))


def test_two_blocks(contacts):
    """The partial must render once."""
    assert "2 crisis contacts blocks" in messages(page(block=GOOD_BLOCK * 2), contacts)[0]


def directory_links(contacts) -> list[str]:
    """One visible link per line and channel, read from the config."""
    links = []
    for contact in contacts:
        links.append(f'<a href="{contact.href}">{contact.action} {contact.number}</a>')
        links += [f'<a href="{c.href}">{c.label} {c.number or ""}</a>' for c in contact.channels]
    return links


def test_directory_lists_every_channel(contacts):
    """The Get help directory must show every channel (TTY, text, chat) too; each missing one is named."""
    links = directory_links(contacts)
    full = "<div data-crisis-directory>" + "".join(links) + "</div>"
    assert check_directory(page(body=full), contacts, "x", REGION) == []
    # Channels whose link no other link stands in for (text AYUDA to 988 also texts 988).
    targets = [dialled_digits(c.href, REGION) + c.href.split(":")[0] for contact in contacts for c in contact.channels
               if c.number] + [dialled_digits(contact.href, REGION) + contact.href.split(":")[0] for contact in contacts]
    dialable = [(contact, channel) for contact in contacts for channel in contact.channels
                if channel.number and targets.count(dialled_digits(channel.href, REGION) + channel.href.split(":")[0]) == 1]
    assert dialable, "the config has channels to test"
    for contact, channel in dialable:
        link = f'<a href="{channel.href}">{channel.label} {channel.number}</a>'
        found = [p.message for p in check_directory(page(body=full.replace(link, "")), contacts, "x", REGION)]
        assert found == [f"{contact.label}: no visible link shows and dials {channel.number} ({channel.href})"]
    lifeline = next(c for c in contacts if c.number == "988")
    main_link = f'<a href="{lifeline.href}">{lifeline.action} {lifeline.number}</a>'
    found = [p.message for p in check_directory(page(body=full.replace(main_link, "")), contacts, "x", REGION)]
    assert found == [f"{lifeline.label}: no visible link shows and dials 988 ({lifeline.href})"]


def test_directory_missing(contacts):
    """A Get help page without the directory is named."""
    found = check_directory(page(), contacts, "x", REGION)
    assert "no contacts directory" in found[0].message


def test_help_control_in_the_header_passes_and_its_absence_fails():
    """The header's help control is checked on every page: missing or hidden fails."""
    good = '<html><body><header class="md-header"><a data-pe-help-control href="../get-help-now/">Help</a></header></body></html>'
    assert check_help_control(good, "x.md") == []
    missing = check_help_control(good.replace(" data-pe-help-control", ""), "x.md")
    assert len(missing) == 1 and missing[0].message.startswith("no help control in the header")
    hidden = check_help_control(good.replace("<a ", '<a hidden '), "x.md")
    assert len(hidden) == 1 and "hidden by" in hidden[0].message


def with_line(contacts, **fields):
    from dataclasses import replace
    local = replace(contacts[-1], id="local", label="Local line", number="(503) 555-0142",
                    href="tel:+15035550142,204", extension="204", channels=(), **fields)
    return [*contacts, local]


@pytest.mark.parametrize("link, expected", [
    ('<a href="tel:+15035550142,204">Local <span>(503) 555-0142</span> <span>ext. 204</span></a>', []),
    ('<a href="tel:+15035550142,204">Local (503) 555-0142</a>',
     ["a link shows 'Local (503) 555-0142' but dials 'tel:+15035550142,204'",
      "Local line ((503) 555-0142): the link dials it but does not show the number as visible text, "
      "with its extension 204"]),
    ('<a href="tel:+15035550142">Local (503) 555-0142 ext. 204</a>',
     ["a link shows 'Local (503) 555-0142 ext. 204' but dials 'tel:+15035550142'",
      "Local line ((503) 555-0142): no link in the crisis block dials tel:+15035550142,204"]),
])
def test_extension_shown_and_dialled(contacts, link, expected):
    """A line's extension is both dialled and shown, or the help row fails."""
    block = GOOD_BLOCK.replace("</ul>", f"<li>{link}</li></ul>")
    assert messages(page(block), with_line(contacts)) == expected


def test_row_false_line_not_required_in_the_row(contacts):
    """A line with row: false is listed on the Get help page only: the help row may leave it out."""
    assert messages(page(), with_line(contacts, row=False)) == []
    assert messages(page(), with_line(contacts)) != []


@pytest.mark.parametrize("shown", ["0300 123 1110", "+44 300 123 1110"])
def test_region_decides_which_written_forms_show_a_number(contacts, shown):
    """A GB guide's link to tel:+443001231110 may show 0300 123 1110 or +44 300 123 1110; read
    as a US guide, the national form shows another number than the link dials."""
    from dataclasses import replace
    uk = replace(contacts[-1], number=shown, href="tel:+443001231110", channels=())
    block = f'<div data-crisis-contacts><a href="tel:+443001231110">Call {shown}</a></div>'
    assert check_page_contacts(page(block=block), [uk], "x", "GB") == []
    found = [p.message for p in check_page_contacts(page(block=block), [uk], "x", "US")]
    assert found == ([] if shown.startswith("+") else [
        f"a link shows 'Call {shown}' but dials 'tel:+443001231110'",
        f"{uk.label} ({shown}): the link dials it but does not show the number as visible text"])
