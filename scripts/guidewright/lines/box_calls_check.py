"""Check one built page: every urgency box that points to help carries that help as links
("Call 911 now if" ends with a link that calls 911), made from the contacts config by
guidewright.boxes.urgency_boxes. A reader in danger shouldn't have to scroll back up for the number."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from guidewright.boxes.urgency_boxes import CALLS_CLASS
from guidewright.checks.content_rules import ContentRules
from guidewright.checks.html_visibility import hidden_by, parsed, visible_text
from guidewright.checks.page_check import ARTICLE, BOX, box_name, box_type
from guidewright.lines.contacts import Contact
from guidewright.lines.contacts_check import same_target
from guidewright.lines.phone import canonical, written_forms
from guidewright.problems import Problem


def check_box_calls(html: str | LexborHTMLParser, rules: ContentRules, contacts: list[Contact],
                    where: str, region: str) -> list[Problem]:
    """region: how numbers are read (extra.region, guidewright.lines.phone)."""
    article = parsed(html).css_first(ARTICLE)
    if article is None:
        return []  # check_boxes reports it
    lines = {contact.id: contact for contact in contacts}
    problems = []
    for box in article.css(BOX):
        kind = box_type(box)
        named = box_name(box, kind, rules.boxes)
        links = [a for a in box.css(f".{CALLS_CLASS} a[href]") if hidden_by(a) is None]
        for line in rules.box_calls.get(kind, ()):
            contact = lines.get(line)
            if contact is None:
                continue  # removed by an overlay, or no clinic in this build
            for number, href in contact.row_targets():
                forms = written_forms(canonical(number, region), region)
                if not any(same_target(a.attributes.get("href") or "", href, region)
                           and any(form in _digits(visible_text(a)) for form in forms) for a in links):
                    problems.append(Problem(where, f"{named}: no visible link that shows and dials {number} "
                                                   f"({contact.label}); boxes get their links from "
                                                   "guidewright.boxes.urgency_boxes (is its `lines` option filled in by "
                                                   "the build?)"))
    return problems


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
