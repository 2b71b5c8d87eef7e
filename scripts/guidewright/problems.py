"""One problem found by a check, as data, and the single report the CLI prints for all of them."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Review dates, sorted out of the rest: a clinic's copy builds on with an overdue national page
# (marked on it), and the report leads with dates and summarises open claims.
OVERDUE, DUE, OPEN_CLAIM = "overdue", "due", "open-claim"


@dataclass(frozen=True, order=True)
class Problem:
    file: str      # the file to fix: the page, the overlay, the log (never mkdocs.yml for a page's fault)
    message: str   # what is wrong and how to fix it
    key: str = ""  # the config key at fault, when the file is a config file
    kind: str = ""  # OVERDUE, DUE or OPEN_CLAIM: what the build and its report do with it

    def __str__(self) -> str:
        return f"{self.key}: {self.message}" if self.key else self.message


def config_problem(locate: Callable[[str], str] | str, text: str) -> Problem:
    """'extra.x.y: what to fix' -> a Problem in the file that sets extra.x.y (`locate` finds it
    in the INHERIT chain; a plain string names the file directly)."""
    key, _, message = text.partition(": ")
    return Problem(locate(key) if callable(locate) else locate, message, key)


def format_report(problems: list[Problem], noun: str = "problem") -> str:
    """Group problems by file so an editor sees every fix for a file together."""
    by_file: dict[str, list[str]] = defaultdict(list)
    for problem in sorted(set(problems)):
        by_file[problem.file].append(str(problem))
    lines = [f"{len(set(problems))} {noun}(s) in {len(by_file)} file(s):"]
    for file, messages in by_file.items():
        lines.append(f"  {file}")
        lines.extend(f"    - {message}" for message in messages)
    return "\n".join(lines)


def shown_path(path: Path, root: Path) -> str:
    """A path as an editor should read it in a report: relative to root when it is inside."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def page_label(page: Path, site_dir: Path, source: Path | None, docs_dir: Path) -> str:
    """'site/x/index.html (docs/x.md)': the built file and the source an editor should open."""
    rel = page.relative_to(site_dir)
    label = f"{site_dir.name}/{rel}"
    if source is not None:
        label += f" ({source.relative_to(docs_dir.parent)})"
    elif rel.name == "404.html":
        label += " (the theme's 404.html)"
    return label
