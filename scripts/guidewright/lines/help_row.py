"""How tall the help row at the top of every page will be on a phone, worked out from its cells'
words before anything is built, so the build refuses a config whose row would push the page's
title off the first screen, and names the file that added the lines.

The row wraps its cells (partials/crisis-contacts.html, guide.css): each cell is at least
TAP_MIN_PX tall, so the row may take ROW_LINES lines. How many cells share a line depends on
their words: a cell is as wide as its name, its number (with an icon) or its extension line.
The widths below are the font's, a little over (tests/test_browser_contacts.py builds rows this
module accepts at its limit, with the longest names allowed, and measures them in Chromium)."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from guidewright.problems import Problem

# The limits the browser tests hold the built pages to. Design targets (issue 11): the row may
# take about a sixth of a 640 px phone screen; WCAG 2.5.5 (AAA) asks 44 px targets, for shaky hands.
HELP_ROW_MAX_PX = 100
TAP_MIN_PX = 44
PHONE_WIDTH_PX = 360
# guide.css at that width: the cells' line (the banner's padding taken off), the gap between
# cells, a cell's padding and border, its icon; names and extensions at 11.05 px, numbers 13 px bold.
ROW_LINE_PX = PHONE_WIDTH_PX - 8
CELL_GAP_PX = 4
CELL_EDGES_PX = 12
ICON_PX = 15.6
NAME_PX, NUMBER_PX = 11.05, 13.0
ROW_LINES = (HELP_ROW_MAX_PX + CELL_GAP_PX) // (TAP_MIN_PX + CELL_GAP_PX)
# Character widths in thousandths of the text size: Helvetica's (Arial and Liberation Sans share
# them; phones' Roboto is narrower), ASCII space to ~, and bold for what a number may hold.
# A letter with an accent is as wide as its letter; anything else counts as a full em.
_REGULAR = dict(zip((chr(c) for c in range(32, 127)), map(int, """
278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556
278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667
611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 556 222 222 500 222 833
556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584""".split()), strict=True))
_BOLD_NUMBER = {**dict.fromkeys("0123456789", 556), " ": 278, "-": 333, "(": 333, ")": 333, ".": 278, "+": 584}
FONT_MARGIN = 1.03   # for fonts a little wider than Helvetica


def text_px(text: str, size: float, widths: dict[str, int] = _REGULAR) -> float:
    def width(ch: str) -> int:
        base = unicodedata.normalize("NFD", ch)[0]
        return widths.get(ch, widths.get(base, 1000))
    return sum(width(ch) for ch in text) / 1000 * size * FONT_MARGIN


@dataclass(frozen=True)
class Cell:
    line: str          # the line's id (`clinic` for a hosting clinic's line)
    name: str
    number: str
    extension: str = ""  # as shown: "ext. 204"


def cell_width(cell: Cell) -> float:
    """A cell's width in px: its widest line (name, icon and number, extension) and its edges."""
    return CELL_EDGES_PX + max(text_px(cell.name, NAME_PX), ICON_PX + text_px(cell.number, NUMBER_PX, _BOLD_NUMBER),
                               text_px(cell.extension, NAME_PX))


def row_lines(cells: list[Cell], width: float = ROW_LINE_PX) -> int:
    """Lines the row wraps into: cells fill a line in order, as CSS flex-wrap places them."""
    lines, used = 0, 0.0
    for cell in cells:
        needed = cell_width(cell)
        if lines and used + CELL_GAP_PX + needed <= width:
            used += CELL_GAP_PX + needed
        else:
            lines, used = lines + 1, needed
    return lines


def row_cells(contacts, extension_word: str) -> list[Cell]:
    """The help row's cells, as guidewright.lines.crisis_view makes them: each line in the row (row: true),
    then its channels marked banner; contacts in display order, a clinic's line last."""
    def shown(extension: str) -> str:
        return f"{extension_word} {extension}" if extension else ""
    cells = []
    for contact in contacts:
        if not contact.row:
            continue
        cells.append(Cell(contact.id, contact.summary, contact.number, shown(contact.extension)))
        cells += [Cell(contact.id, c.label, c.number or "", shown(c.extension)) for c in contact.channels if c.banner]
    return cells


def help_row_problems(contacts, extension_word: str, locate, chain: list[str], language: str = "") -> list[Problem]:
    """The row's lines at PHONE_WIDTH_PX, or a problem in the file that added the last lines.
    locate(key) names the file that sets a key; chain: the config files, overlay first."""
    cells = row_cells(contacts, extension_word)
    lines = row_lines(cells)
    if lines <= ROW_LINES:
        return []
    files = {cell.line: locate("extra.clinic.intake" if cell.line == "clinic" else f"extra.crisis_contacts.{cell.line}")
             for cell in cells}
    blamed = min(files.values(), key=lambda name: chain.index(name) if name in chain else len(chain))
    added = [line for line, name in files.items() if name == blamed]
    named = ", ".join("the clinic's line (extra.clinic.intake)" if line == "clinic" else line for line in added)
    where = f" (in the {language!r} pages)" if language else ""
    tall = lines * TAP_MIN_PX + (lines - 1) * CELL_GAP_PX
    return [Problem(blamed, f"the help row at the top of every page{where} would have {len(cells)} buttons in {lines} "
                            f"lines on a {PHONE_WIDTH_PX} px phone (about {tall} px tall; at most {ROW_LINES} lines, "
                            f"{HELP_ROW_MAX_PX} px, so the page's title stays on the first screen). The lines this file "
                            f"adds make it too long: {named}. Remove a line, or give a line `row: false` to list it "
                            "on the Get help page only, or shorten its summary, or set `banner: false` on a channel",
                    "extra.crisis_contacts")]
