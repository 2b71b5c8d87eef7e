"""MkDocs hook: build the Glossary page from includes/abbreviations.md, and make the first
use of each glossary term on a page tappable.

That one file also gives every page its definitions (pymdownx.snippets auto_append + abbr),
so the page and the definitions can never disagree. Tapping (focusing) or hovering a term
shows its meaning with CSS alone (guide.css), so it works before any script loads."""
from __future__ import annotations

from pathlib import Path

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError

MARKER = "<!-- glossary-terms -->"
NOT_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6"}  # no tap target inside a link or heading


def on_config(config, **kwargs):
    config.markdown_extensions.append(FirstUseTerms())
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    if page.file.src_uri != config.extra.get("glossary_page"):
        return markdown
    if MARKER not in markdown:
        raise PluginError(f"{page.file.src_uri}: add the line {MARKER} where the glossary terms go")
    return markdown.replace(MARKER, definition_list(_glossary_file(config).read_text(encoding="utf-8")))


def _glossary_file(config) -> Path:
    # The file snippets auto-appends for tooltips; snippets resolves paths from the build's cwd,
    # which scripts/build.py sets to the config's folder.
    snippets = config.mdx_configs.get("pymdownx.snippets", {})
    base, appended = snippets.get("base_path", ["."]), snippets.get("auto_append", [])
    if not appended:
        raise PluginError("pymdownx.snippets.auto_append must name the glossary file")
    root = Path(config.config_file_path).parent
    return root / (base[0] if isinstance(base, list) else base) / appended[0]


def definition_list(abbreviations: str) -> str:
    """'*[term]: meaning' lines -> a Markdown definition list, A to Z, one entry per term."""
    entries = {}
    for line in abbreviations.splitlines():
        if line.startswith("*[") and "]:" in line:
            term, _, meaning = line[2:].partition("]:")
            entries.setdefault(term.strip().lower(), (term.strip(), meaning.strip()))
    return "\n\n".join(f"{term}\n:   {meaning}" for term, meaning in sorted(entries.values(), key=lambda e: e[0].lower()))


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
