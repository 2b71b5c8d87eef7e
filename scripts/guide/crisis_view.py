"""What the templates show of the crisis lines, computed once in Python from the validated
config: the lines in order (removed ones left out), the footer line for printed sheets, and
where the Get help page is. Templates only loop over it, so they need no sorting, filtering
or method calls (MiniJinja can't make those). MkDocs gets it from a hook (every path: build,
serve, overlays); Zensical from the build's generated overlay (guide.zensical_build)."""
from __future__ import annotations

from dataclasses import asdict

from guide.config import built_path, url_path
from guide.settings import Settings

KEY = "crisis"                 # config.extra.crisis in templates
FOOTER_MAX_CHARS = 100         # about one line at 10 pt on A4; past that, numbers only


def _cell(href: str, name: str, number: str, verb: str) -> dict:
    """kind picks the icon (a phone or a speech bubble); verb starts the link's spoken name."""
    kind = "text" if href.startswith("sms:") else "call"
    return {"href": href, "name": name, "number": number, "verb": verb, "kind": kind,
            # Screen readers hear "Call" first; the name itself stays the visible words.
            "spoken": "" if name.lower().startswith(verb.lower()) else verb}


def line_cells(settings: Settings) -> dict[str, list[dict]]:
    """Line id -> its link cells (the line, then channels marked banner), in order; a hosting
    clinic's line is `clinic`. The help row shows them all; urgency boxes show the ones they name."""
    cells = {}
    call = settings.ui["call"]
    for contact in settings.contacts:
        if contact.id == "clinic":
            continue
        # The spoken verb is the page language's (extra.ui.call): "Call Emergency 911".
        cells[contact.id] = [_cell(contact.href, contact.summary, contact.number, call)]
        cells[contact.id] += [_cell(c.href, c.label, c.number or "", c.label) for c in contact.channels if c.banner]
    if settings.clinic is not None:
        intake = settings.clinic.intake
        cells["clinic"] = [_cell(intake.href, intake.summary, intake.number, call)]
    return cells


def crisis_view(settings: Settings, use_directory_urls: bool) -> dict:
    """Plain data (str, list, dict) so it can travel through YAML to another builder."""
    national = [contact for contact in settings.contacts if contact.id != "clinic"]
    cells = line_cells(settings)
    lines = [{**asdict(contact), "channels": [asdict(c) for c in contact.channels], "cells": cells[contact.id]}
             for contact in national]
    clinic = settings.clinic
    # The help row on every page: one short tappable cell per way in, the clinic's last.
    row = [cell for line_cells_ in cells.values() for cell in line_cells_]
    full = [f"{c.number} {c.summary}" for c in national]
    short = [c.number for c in national]
    if clinic is not None:
        full.append(f"{clinic.name} {clinic.intake.number}")
        short.append(f"{clinic.name} {clinic.intake.number}")
    prefix = f"{settings.ui['free_help']}: "
    footer = prefix + " · ".join(full)
    if len(footer) > FOOTER_MAX_CHARS:  # the first sheet has the full banner
        footer = prefix + " · ".join(short)
    help_page = str(settings.config.extra.get("get_help_page") or "")
    return {
        "lines": lines,
        "row": row,
        "clinic_cells": cells.get("clinic", []),
        # CSS strings can't hold raw quotes or backslashes.
        "print_footer": footer.replace("\\", "\\\\").replace('"', '\\"'),
        "help_url": (url_path(built_path(help_page, use_directory_urls)) or "./") if help_page else "",
    }

