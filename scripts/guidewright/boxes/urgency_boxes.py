"""Python-Markdown extension (runs under MkDocs and Zensical): urgency boxes say what they
are in words for screen readers, not just with colour and an icon, and carry the help they
point to as call links.

`!!! emergency "Call 911 now if"` renders with a hidden "Emergency advice:" before its title
and a "Call 911" link at its end. The box types and their words are this extension's `boxes`
option in mkdocs.yml, the one list the build's checks also read (guidewright.checks.content_rules). `calls`
names, per box type, the lines (ids in extra.crisis_contacts; `clinic` for a hosting clinic's
line) whose links it ends with. `lines` is never written by hand: the build computes it from
the contacts config (guidewright.lines.crisis_view.line_cells) and hands it over through a hook (MkDocs)
or the generated overlay (Zensical), so no number is ever typed into a page.

Safety advice comes the same way (guidewright.boxes.safety_advice): a list item `- sign: <id>` becomes that
warning sign's words in the page's language, marked `data-sign`, and a line
`<!-- steps: <id> -->` becomes that step list (with its drawing), marked `data-steps` and each
step `data-step`. The build fills `signs` and `steps` from config; guidewright.boxes.advice_check judges the
built page (a sign in a box of another level, an unknown id, a list item typed by hand).

A line `<!-- signs-check -->` becomes a form listing EVERY warning sign, one checkbox each, in
one urgency box per level, most urgent first: a <fieldset> titled with the level's box title
(`level_words`), ending with its link to more and the box's call links. Without scripts it is a
grouped list to read; with them, signs-check.js shows the most urgent level ticked, in words this
form carries (data-action), so no words live in the script. Nothing is sent: no action, no names."""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from guidewright.lines.call_link import HIDDEN_CLASS, call_link_markup

NAME = "guidewright.boxes.urgency_boxes"  # as listed under markdown_extensions

CALLS_CLASS = "pe-calls"      # the build's check looks for the links inside this
STEPS_CLASS = "pe-steps"
SIGN_ITEM = re.compile(r"^sign:\s*(\S+)\s*$")
STEPS_MARKER = re.compile(r"^(\s*)<!--\s*steps:\s*(\S+)\s*-->\s*$")
SIGNS_CHECK_MARKER = re.compile(r"^<!--\s*signs-check\s*-->\s*$")
SIGNS_CHECK_CLASS = "pe-signs-check"      # the form; signs-check.js and guidewright.boxes.advice_check find it by this
SIGNS_CHECK_PLACEHOLDER = "pe-signs-check-goes-here"


class UrgencyExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "boxes": [{}, "box type -> words a screen reader hears first ('' for none)"],
            "calls": [{}, "box type -> ids of the lines whose call links end the box"],
            "lines": [{}, "computed by the build: line id -> link cells (href, name, number, verb, kind)"],
            "levels": [[], "the urgency box types, most urgent first (each warning sign has one)"],
            "roles": [{}, "opening/closing: the box type every page starts/ends with (checked on built pages)"],
            "signs": [{}, "computed by the build: sign id -> {level, text} in the page's language"],
            "steps": [{}, "computed by the build: list id -> {items: [{id, title, text}], drawing}"],
            "level_words": [{}, "computed by the build: level -> {title, action, next} in the page's language"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        prefixes = {kind: words for kind, words in (self.getConfig("boxes") or {}).items() if words}
        lines = self.getConfig("lines") or {}
        calls = {kind: [cell for line in ids or [] for cell in lines.get(line, [])]
                 for kind, ids in (self.getConfig("calls") or {}).items()}
        # After inline processing (priority 20), so the title text is final.
        md.treeprocessors.register(_Boxes(md, prefixes, calls), "pe_urgency", 5)
        # Before it, so a sign's words get links, emphasis and glossary terms like typed text.
        md.treeprocessors.register(_Signs(md, self.getConfig("signs") or {}), "pe_signs", 25)
        steps = self.getConfig("steps") or {}
        md.preprocessors.register(_StepLists(md, steps), "pe_steps", 25)
        md.treeprocessors.register(_StepIds(md, steps), "pe_step_ids", 24)
        md.preprocessors.register(_SignsCheckMarker(md), "pe_signs_check_marker", 25)
        # Before inline processing, so the signs' words, titles and links are rendered as typed text.
        md.treeprocessors.register(_SignsCheck(md, self.getConfig("signs") or {}, self.getConfig("levels") or [],
                                               self.getConfig("level_words") or {}), "pe_signs_check", 26)


def makeExtension(**kwargs) -> UrgencyExtension:  # noqa: N802 (Python-Markdown's name)
    return UrgencyExtension(**kwargs)


def call_links(cells: list[dict]) -> etree.Element:
    """The same cells as the help row, from the same markup (guidewright.lines.call_link)."""
    row = etree.Element("p", {"class": CALLS_CLASS})
    for cell in cells:
        link = etree.fromstring(call_link_markup(cell))
        link.tail = " "
        row.append(link)
    return row


class _Boxes(Treeprocessor):
    def __init__(self, md, prefixes, calls):
        super().__init__(md)
        self.prefixes = prefixes
        self.calls = calls

    def run(self, root):
        for box in list(root.iter()):
            classes = (box.get("class") or "").split()
            prefix = next((self.prefixes[c] for c in classes if c in self.prefixes), None)
            title = self._title(box) if prefix else None
            if title is not None:
                span = etree.Element("span", {"class": HIDDEN_CLASS})
                span.text, span.tail, title.text = f"{prefix} ", title.text, None
                title.insert(0, span)
            cells = next((self.calls[c] for c in classes if c in self.calls), None) if self._is_box(box) else None
            if cells:
                box.append(call_links(cells))

    @staticmethod
    def _is_box(box) -> bool:
        # A signs check's group is a <fieldset> box (its <legend> the title).
        return box.tag == "details" or (box.tag in ("div", "fieldset")
                                        and "admonition" in (box.get("class") or "").split())

    @staticmethod
    def _title(box):
        if box.tag in ("div", "fieldset") and "admonition" in (box.get("class") or "").split():
            first = box.find("legend" if box.tag == "fieldset" else "p")
            return first if first is not None and "admonition-title" in (first.get("class") or "") else None
        return box.find("summary") if box.tag == "details" else None


def steps_markdown(list_id: str, steps: dict | None, indent: str = "") -> list[str]:
    """A step list as Markdown: its drawing, then the numbered steps, in one marked block."""
    if steps is None:  # unknown id: left visible, and guidewright.boxes.advice_check names it
        return [f"{indent}<div class=\"{STEPS_CLASS}\" data-steps=\"{list_id}\" markdown=\"1\">", "",
                f"{indent}steps: {list_id}", "", f"{indent}</div>"]
    lines = [f"{indent}<div class=\"{STEPS_CLASS}\" data-steps=\"{list_id}\" markdown=\"1\">", ""]
    drawing = steps.get("drawing")
    if drawing:
        lines += [f"{indent}![{drawing['alt']}]({drawing['src']}){{ .pe-drawing width=\"{drawing['width']}\" "
                  f"height=\"{drawing['height']}\" }}", ""]
    lines += [f"{indent}{number}. **{step['title']}** {step['text']}"
              for number, step in enumerate(steps["items"], start=1)]
    return [*lines, "", f"{indent}</div>"]


class _StepLists(Preprocessor):
    def __init__(self, md, steps):
        super().__init__(md)
        self.steps = steps

    def run(self, lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            found = STEPS_MARKER.match(line)
            out += steps_markdown(found.group(2), self.steps.get(found.group(2)), found.group(1)) if found else [line]
        return out


class _StepIds(Treeprocessor):
    """Each rendered step says which it is, so checks compare ids, not words."""
    def __init__(self, md, steps):
        super().__init__(md)
        self.steps = steps

    def run(self, root):
        for block in root.iter("div"):
            steps = self.steps.get(block.get("data-steps") or "")
            items = block.find("ol")
            if steps is None or items is None:
                continue
            for item, step in zip(items.findall("li"), steps["items"], strict=False):
                item.set("data-step", step["id"])


class _Signs(Treeprocessor):
    def __init__(self, md, signs):
        super().__init__(md)
        self.signs = signs

    def run(self, root):
        for item in root.iter("li"):
            holder = item.find("p") if (item.text or "").strip() == "" and item.find("p") is not None else item
            found = SIGN_ITEM.match(holder.text or "")
            if not found:
                continue
            sign_id = found.group(1)
            item.set("data-sign", sign_id)
            sign = self.signs.get(sign_id)
            if sign is not None:  # an unknown id stays visible, and guidewright.boxes.advice_check names it
                holder.text = sign["text"]
                item.set("data-level", sign["level"])


class _SignsCheckMarker(Preprocessor):
    """The marker line becomes a paragraph _SignsCheck replaces (a comment would be stashed away)."""
    def run(self, lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            out += ["", SIGNS_CHECK_PLACEHOLDER, ""] if SIGNS_CHECK_MARKER.match(line) else [line]
        return out


def signs_check_form(signs: dict, levels: list, level_words: dict) -> etree.Element:
    """Every sign, once, in its level's group, most urgent first. Each group is an urgency box
    (the box checks, screen-reader words and call links apply) whose title is the level's box
    title; a sign's words complete it, as in any box. No action and no names: nothing is sent."""
    form = etree.Element("form", {"class": SIGNS_CHECK_CLASS, "autocomplete": "off", "data-signs-check": ""})
    result = etree.SubElement(form, "div", {"class": f"{SIGNS_CHECK_CLASS}__result", "aria-live": "polite",
                                            "data-signs-result": ""})
    result.text = ""
    for level in levels:
        ids = [sign_id for sign_id, sign in signs.items() if sign["level"] == level]
        if not ids:
            continue
        words = level_words.get(level) or {}
        group = etree.SubElement(form, "fieldset", {"class": f"admonition {level}", "data-level": level,
                                                    "data-action": words.get("action", "")})
        legend = etree.SubElement(group, "legend", {"class": "admonition-title"})
        legend.text = words.get("title", level)
        items = etree.SubElement(group, "ul")
        for sign_id in ids:
            item = etree.SubElement(items, "li", {"data-sign": sign_id, "data-level": level})
            label = etree.SubElement(item, "label")
            etree.SubElement(label, "input", {"type": "checkbox", "value": sign_id})
            text = etree.SubElement(label, "span")
            text.text = signs[sign_id]["text"]
        if words.get("next"):
            more = etree.SubElement(group, "p", {"class": f"{SIGNS_CHECK_CLASS}__next"})
            more.text = words["next"]
    return form


class _SignsCheck(Treeprocessor):
    def __init__(self, md, signs, levels, level_words):
        super().__init__(md)
        self.signs, self.levels, self.level_words = signs, levels, level_words

    def run(self, root):
        for index, child in enumerate(list(root)):
            if child.tag == "p" and (child.text or "").strip() == SIGNS_CHECK_PLACEHOLDER and len(child) == 0:
                form = signs_check_form(self.signs, self.levels, self.level_words)
                form.tail = child.tail
                root.remove(child)
                root.insert(index, form)
