"""Check one built page: the crisis contacts block is there, visible, near the top, and
every configured contact is shown as text on a link that dials that very number."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from guidewright.checks.html_visibility import hidden_by, parsed, visible_text
from guidewright.lines.contacts import Contact
from guidewright.lines.phone import dialled_digits, shows
from guidewright.problems import Problem

BLOCK = "[data-crisis-contacts]"
PARTIAL = "partials/crisis-contacts.html (the theme)"


def check_page_contacts(html: str | LexborHTMLParser, contacts: list[Contact], where: str, region: str) -> list[Problem]:
    """Every problem with the crisis contacts on one page (empty list = page is fine).
    region: how numbers are read (extra.region, guidewright.lines.phone)."""
    tree = parsed(html)
    blocks = tree.css(BLOCK)
    if not blocks:
        return [Problem(where, f"no crisis contacts block ({BLOCK}): the page was built without "
                               f"{PARTIAL}; pages must use a template that extends main.html")]
    if len(blocks) > 1:
        return [Problem(where, f"{len(blocks)} crisis contacts blocks; the partial must render once")]
    block = blocks[0]
    problems = []
    reason = hidden_by(block)
    if reason:
        problems.append(Problem(where, f"the crisis contacts block is hidden by {reason}"))
    if not _comes_before_heading(tree, block):
        problems.append(Problem(where, "the crisis contacts block comes after the page's <h1>; "
                                       "it must be on the first screen, above the content"))

    links = [(a, a.attributes.get("href") or "") for a in block.css("a[href]")]
    # Every link on the page, not only the help row's: one that shows a number and dials another
    # misleads wherever it is. The Get help page's directory is check_directory's.
    listed = {a.mem_id for directory in tree.css(DIRECTORY) for a in directory.css("a[href]")}
    problems += _mismatched_links([(a, a.attributes.get("href") or "") for a in tree.css("a[href]")
                                   if a.mem_id not in listed], where, region)
    for contact in contacts:
        if contact.row:  # row: false lines are on the Get help page only (check_directory)
            problems += _contact_problems(contact, links, where, region)
    return problems


def same_target(href: str, wanted: str, region: str) -> bool:
    """Same scheme (a text link is not a call link) and the same number and extension."""
    return (href.split(":", 1)[0].lower() == wanted.split(":", 1)[0].lower()
            and dialled_digits(href, region) == dialled_digits(wanted, region))


def _contact_problems(contact: Contact, links: list[tuple[LexborNode, str]], where: str, region: str) -> list[Problem]:
    name = f"{contact.label} ({contact.number})"
    dialling = [a for a, href in links if same_target(href, contact.href, region)]
    if not dialling:
        return [Problem(where, f"{name}: no link in the crisis block dials {contact.href}")]
    shown = [a for a in dialling if hidden_by(a) is None]
    if not shown:
        return [Problem(where, f"{name}: its link is hidden by {hidden_by(dialling[0])}")]
    if not any(shows(visible_text(a), dialled_digits(contact.href, region), region) for a in shown):
        return [Problem(where, f"{name}: the link dials it but does not show the number as visible text"
                               + (f", with its extension {contact.extension}" if contact.extension else ""))]
    return []


def _mismatched_links(links: list[tuple[LexborNode, str]], where: str, region: str) -> list[Problem]:
    """A link that shows one number and dials another is worse than no link (an extension it
    dials and doesn't show, or shows and doesn't dial, too)."""
    problems = []
    for anchor, href in links:
        dialled = dialled_digits(href, region)
        text = visible_text(anchor)
        if dialled is not None and any(ch.isdigit() for ch in text) and not shows(text, dialled, region):
            problems.append(Problem(where, f"a link shows {visible_text(anchor)!r} but dials {href!r}"))
    return problems


def _comes_before_heading(tree: LexborHTMLParser, block: LexborNode) -> bool:
    # Early exit: the banner sits near the start, so this walks only the top of the page.
    for node in tree.body.traverse(include_text=False):
        if node.tag == "h1":
            return False
        if node.mem_id == block.mem_id:
            return True
    return True


HELP_CONTROL = "header [data-pe-help-control][href]"


def check_help_control(html: str | LexborHTMLParser, where: str) -> list[Problem]:
    """Help stays one tap away: the sticky header links to the Get help page on every page."""
    control = parsed(html).css_first(HELP_CONTROL)
    if control is None:
        return [Problem(where, "no help control in the header: the theme's main.html puts it before the theme's "
                               "search button, so the theme's header changed (or search is off); update main.html")]
    reason = hidden_by(control)
    return [Problem(where, f"the header's help control is hidden by {reason}")] if reason else []


DIRECTORY = "[data-crisis-directory]"


def check_directory(html: str | LexborHTMLParser, contacts: list[Contact], where: str, region: str,
                    texts: tuple[str, ...] = ()) -> list[Problem]:
    """The Get help page lists every line and every channel (TTY, text, chat) as a visible link.
    texts: words that must also be visible there (a clinic's name, address, hours, note)."""
    block = parsed(html).css_first(DIRECTORY)
    if block is None:
        return [Problem(where, f"no contacts directory ({DIRECTORY}): the Get help page must use "
                               "template: get-help.html")]
    links = [(a, a.attributes.get("href") or "") for a in block.css("a[href]") if hidden_by(a) is None]
    problems = _mismatched_links(links, where, region)
    for contact in contacts:
        for channel in contact.channels:
            if channel.number is None and not any(href == channel.href for _, href in links):
                problems.append(Problem(where, f"{contact.label}: no visible link to {channel.href}"))
        for number, href in contact.dial_targets():
            if not any(same_target(h, href, region) and shows(visible_text(a), dialled_digits(href, region), region)
                       for a, h in links):
                problems.append(Problem(where, f"{contact.label}: no visible link shows and dials {number} ({href})"))
    shown = visible_text(block)
    problems += [Problem(where, f"{text!r} is not visible in the contacts directory")
                 for text in texts if " ".join(text.split()) not in shown]
    return problems
