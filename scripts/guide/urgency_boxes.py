"""Python-Markdown extension (runs under MkDocs and Zensical): urgency boxes say what they
are in words for screen readers, not just with colour and an icon.

`!!! emergency "Call 911 now if"` renders with a hidden "Emergency advice:" before its title.
The box types and their words are this extension's `boxes` option in mkdocs.yml, the one
list the build's checks also read (guide.content_rules)."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

NAME = "guide.urgency_boxes"  # as listed under markdown_extensions
HIDDEN_CLASS = "pe-visually-hidden"


class UrgencyExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"boxes": [{}, "box type -> words a screen reader hears first ('' for none)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        prefixes = {kind: words for kind, words in (self.getConfig("boxes") or {}).items() if words}
        # After inline processing (priority 20), so the title text is final.
        md.treeprocessors.register(_PrefixTitles(md, prefixes), "pe_urgency", 5)


def makeExtension(**kwargs) -> UrgencyExtension:  # noqa: N802 (Python-Markdown's name)
    return UrgencyExtension(**kwargs)


class _PrefixTitles(Treeprocessor):
    def __init__(self, md, prefixes):
        super().__init__(md)
        self.prefixes = prefixes

    def run(self, root):
        for box in root.iter():
            classes = (box.get("class") or "").split()
            prefix = next((self.prefixes[c] for c in classes if c in self.prefixes), None)
            title = self._title(box) if prefix else None
            if title is not None:
                span = etree.Element("span", {"class": HIDDEN_CLASS})
                span.text, span.tail, title.text = f"{prefix} ", title.text, None
                title.insert(0, span)

    @staticmethod
    def _title(box):
        if box.tag == "div" and "admonition" in (box.get("class") or "").split():
            first = box.find("p")
            return first if first is not None and "admonition-title" in (first.get("class") or "") else None
        return box.find("summary") if box.tag == "details" else None
