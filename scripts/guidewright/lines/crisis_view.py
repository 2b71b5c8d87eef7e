"""What the templates show of the crisis lines, computed once in Python from the validated
config: the lines in order (removed ones left out), the footer line for printed sheets, and
where the Get help page is. Templates only loop over it, so they need no sorting, filtering
or method calls (MiniJinja can't make those). MkDocs gets it from a hook (every path: build,
serve, overlays); Zensical from the build's generated overlay (guidewright.build.zensical_build)."""
from __future__ import annotations

from dataclasses import asdict

from guidewright.checks.reader_controls import first_aid_url
from guidewright.configuration.config import built_path, url_path
from guidewright.configuration.settings import Settings
from guidewright.lines.call_link import call_link_markup

KEY = "crisis"                 # config.extra.crisis in templates
FOOTER_MAX_CHARS = 100         # about one line at 10 pt on A4; past that, numbers only
# The footer's lines are made here, between its items, never inside a number: a margin box can't
# hold an element to keep a number whole, and Chromium breaks "1-800-487-" / "4889" at a hyphen.
# 80 characters fit the narrower paper (A4 holds 100 digits at 10 pt, 67 capital Ms).
FOOTER_LINE_CHARS = 80
FOOTER_SEPARATOR = " · "


def _cell(href: str, name: str, number: str, verb: str, extension: str = "") -> dict:
    """kind picks the icon (a phone or a speech bubble); verb starts the link's spoken name;
    extension: the words shown after the number ("ext. 204"), or ''."""
    kind = "text" if href.startswith("sms:") else "call"
    cell = {"href": href, "name": name, "number": number, "verb": verb, "kind": kind, "extension": extension,
            # Screen readers hear "Call" first; the name itself stays the visible words.
            "spoken": "" if name.lower().startswith(verb.lower()) else verb}
    return {**cell, "html": call_link_markup(cell)}  # what the templates print


def line_cells(settings: Settings) -> dict[str, list[dict]]:
    """Line id -> its link cells (the line, then channels marked banner), in order; a hosting
    clinic's line is `clinic`. The help row shows them all; urgency boxes show the ones they name."""
    cells = {}
    call = settings.ui["call"]
    def ext(extension: str) -> str:
        return f"{settings.ui['extension']} {extension}" if extension else ""
    for contact in settings.contacts:
        if contact.id == "clinic":
            continue
        # The spoken verb is the page language's (extra.ui.call): "Call Emergency 911".
        cells[contact.id] = [_cell(contact.href, contact.summary, contact.number, call, ext(contact.extension))]
        cells[contact.id] += [_cell(c.href, c.label, c.number or "", c.label, ext(c.extension))
                              for c in contact.channels if c.banner]
    if settings.clinic is not None:
        intake = settings.clinic.intake
        cells["clinic"] = [_cell(intake.href, intake.summary, intake.number, call, ext(intake.extension))]
    return cells


def crisis_view(settings: Settings, use_directory_urls: bool) -> dict:
    """Plain data (str, list, dict) so it can travel through YAML to another builder."""
    national = [contact for contact in settings.contacts if contact.id != "clinic"]
    cells = line_cells(settings)
    lines = [{**asdict(contact), "channels": [asdict(c) for c in contact.channels], "cells": cells[contact.id]}
             for contact in national]
    clinic = settings.clinic
    # The help row on every page: one short tappable cell per way in, the clinic's last; a line
    # with row: false is on the Get help page only (and in the boxes that name it).
    in_row = {c.id for c in settings.contacts if c.row}
    row = [cell for line_id, line_cells_ in cells.items() if line_id in in_row for cell in line_cells_]
    def shown(contact) -> str:
        return f"{contact.number} {settings.ui['extension']} {contact.extension}" if contact.extension else contact.number
    full = [f"{shown(c)} {c.summary}" for c in national if c.row]
    short = [shown(c) for c in national if c.row]
    if clinic is not None:
        full.append(f"{clinic.name} {shown(clinic.intake)}")
        short.append(f"{clinic.name} {shown(clinic.intake)}")
    prefix = f"{settings.ui['free_help']}: "
    footer = prefix + FOOTER_SEPARATOR.join(full)
    if len(footer) > FOOTER_MAX_CHARS:  # the first sheet has the full banner
        footer = prefix + FOOTER_SEPARATOR.join(short)
    help_page = str(settings.config.extra.get("get_help_page") or "")
    return {
        "lines": lines,
        "row": row,
        "clinic_cells": cells.get("clinic", []),
        "print_footer": footer_lines(footer),
        "help_url": (url_path(built_path(help_page, use_directory_urls)) or "./") if help_page else "",
        "first_aid_url": first_aid_url(settings.config.extra, use_directory_urls),
    }



def footer_lines(footer: str) -> str:
    """The footer as a CSS string (print-footer.html shows it with white-space: pre-wrap): items
    packed into lines of FOOTER_LINE_CHARS, each line break (\\A) after a separator."""
    lines = [""]
    for item in footer.split(FOOTER_SEPARATOR):
        if lines[-1] and len(lines[-1]) + len(FOOTER_SEPARATOR) + len(item) > FOOTER_LINE_CHARS:
            lines[-1] += FOOTER_SEPARATOR.rstrip()
            lines.append(item)
        else:
            lines[-1] += (FOOTER_SEPARATOR if lines[-1] else "") + item
    # CSS strings can't hold raw quotes or backslashes.
    return "\\A ".join(line.replace("\\", "\\\\").replace('"', '\\"') for line in lines)
