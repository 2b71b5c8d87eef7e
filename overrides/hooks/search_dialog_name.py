"""MkDocs hook: give Material's search dialog an accessible name (axe: aria-dialog-name).

Material's partials/search.html renders <div class="md-search" role="dialog"> with no label.
Rather than copy that partial, a real HTML parser finds the tag's position and the label is
inserted there; nothing else in the page is touched or re-serialized."""
from __future__ import annotations

from html.parser import HTMLParser

LABEL = "Search this guide"


class _FindDialog(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.position = None  # (line, column) of the dialog's start tag

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if self.position is None and tag == "div" and values.get("role") == "dialog" \
                and "md-search" in (values.get("class") or "").split() and "aria-label" not in values:
            self.position = self.getpos()


def label_search_dialog(html: str) -> str:
    finder = _FindDialog()
    for start in range(0, len(html), 8192):  # the dialog sits in the header: stop once found
        finder.feed(html[start:start + 8192])
        if finder.position:
            break
    if not finder.position:
        return html
    line, column = finder.position
    offset = sum(len(text) for text in html.splitlines(keepends=True)[: line - 1]) + column
    insert_at = offset + len("<div")
    return f'{html[:insert_at]} aria-label="{LABEL}"{html[insert_at:]}'


def on_post_page(output, page, config, **kwargs):
    return label_search_dialog(output)


def on_post_template(output_content, template_name, config, **kwargs):
    # The 404 page is a theme template, not a page: it comes through here.
    return label_search_dialog(output_content) if template_name.endswith(".html") else output_content
