"""The one markup of a call or text link, wherever a line is offered: the help row, the Get help
page, the empty search, and the end of every urgency box. The templates print a cell's `html`
(guidewright.lines.crisis_view puts it there); the urgency boxes' Markdown extension parses the same
string into its tree. Numbers never break across lines (guide.css)."""
from __future__ import annotations

from html import escape

HIDDEN_CLASS = "pe-visually-hidden"


def call_link_markup(cell: dict) -> str:
    """The line's short name over its number, then its extension ("ext. 204"); an icon (CSS) says
    call or text, and screen readers hear the verb first (`spoken`)."""
    spoken = f'<span class="{HIDDEN_CLASS}">{escape(cell["spoken"])} </span>' if cell.get("spoken") else ""
    extension = f' <span class="pe-call__ext">{escape(cell["extension"])}</span>' if cell.get("extension") else ""
    return (f'<a class="pe-call" data-kind="{escape(cell.get("kind") or "call")}" href="{escape(cell["href"])}">'
            f'<span class="pe-call__name">{spoken}{escape(cell["name"])}</span> '
            f'<span class="pe-call__number">{escape(cell["number"])}</span>{extension}</a>')
