"""Python-Markdown extension (runs under MkDocs and Zensical): the Glossary page's list, and
tappable first uses of glossary terms on every page.

includes/abbreviations.md gives every page its definitions (pymdownx.snippets auto_append +
abbr), so the page and the definitions can never disagree. On the page with MARKER, the same
file becomes an A-to-Z definition list. Tapping (focusing) or hovering a term shows its
meaning with CSS alone (guide.css), so it works before any script loads."""
from __future__ import annotations

import unicodedata
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from guidewright.problems import Problem

MARKER = "<!-- glossary-terms -->"
NOT_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "label"}  # no tap target inside a link, heading or label


class GlossaryExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before snippets (32) appends the definitions, so the page's own text is what we see.
        md.preprocessors.register(_GlossaryList(md), "pe_glossary_list", 33)
        # After abbr's own tree processor (priority 7) has wrapped the terms.
        md.treeprocessors.register(_FirstUse(md), "pe_first_use_terms", 4)


def makeExtension(**kwargs) -> GlossaryExtension:  # noqa: N802 (Python-Markdown's name)
    return GlossaryExtension(**kwargs)


def glossary_file(md: Markdown) -> Path:
    """The file pymdownx.snippets auto-appends to every page (relative to the build's folder)."""
    snippets = next((ext for ext in md.registeredExtensions if type(ext).__name__ == "SnippetExtension"), None)
    if snippets is None or not snippets.getConfig("auto_append"):
        raise ValueError("pymdownx.snippets with auto_append: [<glossary file>] is needed for the glossary")
    base = snippets.getConfig("base_path")
    return Path(base[0] if isinstance(base, list) else base) / snippets.getConfig("auto_append")[0]


def _sort_key(term: str) -> str:
    """A to Z as a reader expects in any language: accents don't move a word (análisis before antagonista)."""
    return "".join(c for c in unicodedata.normalize("NFKD", term.lower()) if not unicodedata.combining(c))


class _GlossaryList(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if MARKER not in lines:
            return lines
        terms = definition_list(glossary_file(self.md).read_text(encoding="utf-8")).split("\n")
        index = lines.index(MARKER)
        return [*lines[:index], *terms, *lines[index + 1:]]


def definition_list(abbreviations: str) -> str:
    """'*[term]: meaning' lines -> a Markdown definition list, A to Z, one entry per term."""
    entries = {}
    for line in abbreviations.splitlines():
        if line.startswith("*[") and "]:" in line:
            term, _, meaning = line[2:].partition("]:")
            entries.setdefault(term.strip().lower(), (term.strip(), meaning.strip()))
    return "\n\n".join(f"{term}\n:   {meaning}" for term, meaning in sorted(entries.values(), key=lambda e: _sort_key(e[0])))


class FirstUseTerms(Extension):
    def extendMarkdown(self, md):
        # After abbr's own tree processor (priority 7) has wrapped the terms.
        md.treeprocessors.register(_FirstUse(md), "pe_first_use_terms", 4)


class _FirstUse(Treeprocessor):
    """Keep <abbr> (made focusable) on a term's first use on the page; later uses, and uses
    inside links or headings, become plain text: one definition per term, few tab stops."""

    def run(self, root):
        parents = {child: parent for parent in root.iter() for child in parent}
        seen = set()
        for abbr in [e for e in root.iter("abbr")]:
            term = (abbr.text or "").lower()
            if term in seen or _inside(abbr, parents, NOT_INSIDE):
                _unwrap(abbr, parents[abbr])
            else:
                seen.add(term)
                abbr.set("tabindex", "0")


def _inside(element, parents, tags) -> bool:
    while element in parents:
        element = parents[element]
        if element.tag in tags:
            return True
    return False


def _unwrap(element, parent) -> None:
    """Replace <abbr>word</abbr> with plain "word", keeping the text around it."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(element)


def check_glossary_page(text: str, where: str) -> list[Problem]:
    """The page named by extra.glossary_page must say where its list goes."""
    if MARKER in text:
        return []
    return [Problem(where, f"add the line {MARKER} where the glossary terms go")]
