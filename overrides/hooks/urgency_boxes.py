"""MkDocs hook: give urgency boxes words for screen readers, not just colour and an icon.

`!!! emergency "Call 911 now if"` renders with a hidden "Emergency advice:" before its
title. The types and their words come from extra.content_rules.boxes; the build checks
that only those types are used and that every prefix was rendered."""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

HIDDEN_CLASS = "pe-visually-hidden"


def on_config(config, **kwargs):
    boxes = (config.extra.get("content_rules") or {}).get("boxes") or {}
    config.markdown_extensions.append(UrgencyExtension({k: v for k, v in boxes.items() if v}))
    return config


class UrgencyExtension(Extension):
    def __init__(self, prefixes: dict[str, str]):
        super().__init__()
        self.prefixes = prefixes

    def extendMarkdown(self, md):
        # After inline processing (priority 20), so the title text is final.
        md.treeprocessors.register(_PrefixTitles(md, self.prefixes), "pe_urgency", 5)


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
