"""Give Material's search dialog an accessible name (axe: aria-dialog-name).

Material's partials/search.html renders <div class="md-search" role="dialog"> with no label.
Rather than copy that partial, a real HTML parser finds the tag's position and the label is
inserted there; nothing else in the page is touched or re-serialized. A page with search but
no dialog to name means Material changed that partial: the caller is told, not left guessing."""
from __future__ import annotations

from html import escape
from html.parser import HTMLParser

LABEL = "Search this guide"  # when a caller has no words of its own (extra.ui.search_dialog gives them)


class _FindDialog(HTMLParser):
    """The first element with role="dialog" and class md-search: where it starts, its tag, and
    whether it has a name."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.position = None  # (line, column) of the dialog's start tag
        self.tag = None
        self.named = None     # None: no search dialog seen

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if self.named is None and values.get("role") == "dialog" and "md-search" in (values.get("class") or "").split():
            self.position, self.tag = self.getpos(), tag
            self.named = bool((values.get("aria-label") or "").strip() or values.get("aria-labelledby"))


def _find_dialog(html: str) -> _FindDialog:
    finder = _FindDialog()
    for start in range(0, len(html), 8192):  # the dialog sits in the header: stop once found
        finder.feed(html[start:start + 8192])
        if finder.named is not None:
            break
    return finder


def label_search_dialog(html: str, label: str = LABEL) -> str:
    finder = _find_dialog(html)
    if finder.named is not False or finder.tag != "div":
        return html
    line, column = finder.position
    offset = sum(len(text) for text in html.splitlines(keepends=True)[: line - 1]) + column
    insert_at = offset + len("<div")
    return f'{html[:insert_at]} aria-label="{escape(label)}"{html[insert_at:]}'


def needs_label(html: str) -> bool:
    """A page with the theme's search box but no named search dialog: the theme changed its
    search partial, and label_search_dialog no longer finds the dialog. (Zensical names it.)"""
    return "md-search__input" in html and not _find_dialog(html).named
