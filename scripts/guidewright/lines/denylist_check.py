"""Find denied phone numbers (stored only as hashes) in any text file, source or built."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from guidewright.checks.html_visibility import parsed
from guidewright.lines.phone import digest, numbers_in
from guidewright.problems import Problem, shown_path

TEXT_SUFFIXES = {".html", ".htm", ".md", ".yml", ".yaml", ".js", ".json", ".xml", ".txt",
                 ".css", ".svg", ".py", ".cfg", ".toml"}


def denied_in_text(text: str, denied: dict[str, str], region: str) -> list[tuple[int, str]]:
    """(line, denylist id) for each denied number in text, read in the guide's region (extra.region);
    pure, so tests feed it strings."""
    return [(line, denied[digest(form)]) for line, form in numbers_in(text, region) if digest(form) in denied]


def denied_in_page(html: str | LexborHTMLParser, denied: dict[str, str], where: str, region: str) -> list[Problem]:
    """A built page's text (scripts included) and its tel:/sms: links. Markup such as inline
    SVG path data is skipped: it is full of digits but cannot carry a number to a reader, and
    the sources it was built from are scanned raw, line by line."""
    tree = parsed(html)
    # Collapsed: Material's indentation makes most of a page's text nodes blank.
    text = " ".join(tree.root.text(separator="\n").split()) if tree.root else ""
    links = "\n".join(a.attributes.get("href") or "" for a in tree.css('a[href^="tel:"], a[href^="sms:"]'))
    return [Problem(where, f"denied number {entry!r} in the page; remove it from the source that made it")
            for _, entry in denied_in_text(text + "\n" + links, denied, region)]


def check_files(paths: Iterable[Path], denied: dict[str, str], relative_to: Path, region: str) -> list[Problem]:
    problems = []
    for path in paths:
        if path.suffix.lower() not in TEXT_SUFFIXES or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for line, entry_id in denied_in_text(text, denied, region):
            problems.append(Problem(shown_path(path, relative_to),
                                    f"line {line}: denied number {entry_id!r}; remove it "
                                    "(list only the lines in extra.crisis_contacts)"))
    return problems


def files_under(*roots: Path | None) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        if root is None or not root.exists():
            continue
        found += [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    return found
