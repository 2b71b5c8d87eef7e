"""MkDocs hook: build the Glossary page from includes/abbreviations.md.

That one file also gives every page its tap/hover definitions (pymdownx.snippets
auto_append + abbr), so the page and the tooltips can never disagree."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

MARKER = "<!-- glossary-terms -->"


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
