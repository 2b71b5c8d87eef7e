"""One problem found by a check, and the single report the CLI prints for all of them."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    where: str    # the file (or config key) to fix
    message: str  # what is wrong and how to fix it


def format_report(problems: list[Problem], noun: str = "problem") -> str:
    """Group problems by file so an editor sees every fix for a file together."""
    by_file: dict[str, list[str]] = defaultdict(list)
    for problem in sorted(set(problems)):
        by_file[problem.where].append(problem.message)
    lines = [f"{len(set(problems))} {noun}(s) in {len(by_file)} file(s):"]
    for where, messages in by_file.items():
        lines.append(f"  {where}")
        lines.extend(f"    - {message}" for message in messages)
    return "\n".join(lines)
