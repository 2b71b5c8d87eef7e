"""Checks on Markdown sources: front matter, and stigmatizing words with line numbers."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import yaml

from guide.content_rules import ContentRules
from guide.problems import Problem

REQUIRED = ("title", "description", "reviewed", "sources")
OPTIONAL = ("template", "hide", "search")
DESCRIPTION_LENGTH = (50, 160)  # search engines cut meta descriptions near 160 characters


@dataclass
class SourcePage:
    meta: dict
    body: str
    body_line: int  # 1-based line where the body starts, so reports match the editor


def split_front_matter(text: str, where: str) -> tuple[SourcePage | None, list[Problem]]:
    """YAML front matter between --- lines; a parse error names the line to fix."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, [Problem(where, "line 1: the page must start with YAML front matter between --- lines "
                                     f"({', '.join(REQUIRED)})")]
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "...")), None)
    if end is None:
        return None, [Problem(where, "front matter has no closing --- line")]
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        # +2: the file's opening --- line, and 1-based lines. The context mark is where the
        # broken value starts; the problem mark is where the parser gave up.
        marks = [m.line + 2 for m in (getattr(error, "context_mark", None), getattr(error, "problem_mark", None)) if m]
        span = "" if not marks else f"line {marks[0]}: " if len(set(marks)) == 1 else f"lines {min(marks)}-{max(marks)}: "
        return None, [Problem(where, f"{span}front matter is not valid YAML: {getattr(error, 'problem', error)}")]
    if not isinstance(meta, dict):
        return None, [Problem(where, "front matter must be a YAML mapping of field: value")]
    return SourcePage(meta=meta, body="\n".join(lines[end + 1:]), body_line=end + 2), []


def check_front_matter(meta: dict, where: str, today: dt.date) -> list[Problem]:
    problems = [Problem(where, f"front matter: unknown field {key!r} (allowed: {', '.join(REQUIRED + OPTIONAL)})")
                for key in meta if key not in REQUIRED + OPTIONAL]
    problems += [Problem(where, f"front matter: {key!r} is missing") for key in REQUIRED if key not in meta]
    title, description = meta.get("title"), meta.get("description")
    if "title" in meta and not (isinstance(title, str) and title.strip()):
        problems.append(Problem(where, "front matter: 'title' must be text"))
    if "description" in meta:
        low, high = DESCRIPTION_LENGTH
        if not isinstance(description, str) or not low <= len(description.strip()) <= high:
            problems.append(Problem(where, f"front matter: 'description' must be one sentence of {low}-{high} "
                                           "characters (it is the search result snippet)"))
    reviewed = meta.get("reviewed")
    if "reviewed" in meta:
        if not isinstance(reviewed, dt.date) or isinstance(reviewed, dt.datetime):
            problems.append(Problem(where, f"front matter: 'reviewed' must be a date like 2026-11-21 (got {reviewed!r})"))
        elif reviewed > today:
            problems.append(Problem(where, f"front matter: 'reviewed' {reviewed} is in the future"))
    if "sources" in meta:
        problems += _source_problems(meta["sources"], where)
    return problems


def _source_problems(sources: object, where: str) -> list[Problem]:
    if not isinstance(sources, list) or not sources:
        return [Problem(where, "front matter: 'sources' must list at least one {title, url}")]
    problems = []
    for index, source in enumerate(sources, start=1):
        if not isinstance(source, dict) or set(source) != {"title", "url"}:
            problems.append(Problem(where, f"front matter: sources item {index} must have exactly title and url"))
        elif not (isinstance(source["url"], str) and source["url"].startswith(("https://", "http://"))):
            problems.append(Problem(where, f"front matter: sources item {index} url must start with https://"))
        elif not (isinstance(source["title"], str) and source["title"].strip()):
            problems.append(Problem(where, f"front matter: sources item {index} needs a title"))
    return problems


def review_warnings(meta: dict, where: str, today: dt.date, max_age_days: int) -> list[Problem]:
    """Old review dates warn rather than fail: the page is still the best we have."""
    reviewed = meta.get("reviewed")
    if isinstance(reviewed, dt.date) and (today - reviewed).days > max_age_days:
        return [Problem(where, f"last reviewed {reviewed}, more than {max_age_days} days ago: "
                               "ask a clinician to review it and update 'reviewed'")]
    return []


def check_stigma(text: str, where: str, rules: ContentRules, first_line: int = 1) -> list[Problem]:
    """Each stigmatizing term, by line, with a person-first suggestion."""
    terms = sorted(rules.stigma_terms, key=len, reverse=True)  # longest first: "drug users" before "users"
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\b", re.IGNORECASE)
    allowed = [re.compile(re.escape(p), re.IGNORECASE) for p in rules.allowed_phrases]
    problems = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        for phrase in allowed:  # blank out allowed phrases, keeping positions
            line = phrase.sub(lambda m: " " * len(m.group()), line)
        for match in pattern.finditer(line):
            term = match.group(1)
            problems.append(Problem(where, f"line {number}: {term!r} stigmatizes; say "
                                           f"{rules.stigma_terms[term.lower()]!r} instead"))
    return problems


def check_markdown_files(paths: list, docs_root, rules: ContentRules, today: dt.date) -> tuple[list[Problem], list[Problem]]:
    """All source checks over the pages: (problems that fail the build, warnings)."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for path in paths:
        where = str(path.relative_to(docs_root))
        text = path.read_text(encoding="utf-8")
        problems += check_stigma(text, where, rules)
        if path.suffix != ".md" or path.parent.name == "includes":
            continue
        page, found = split_front_matter(text, where)
        problems += found
        if page is not None:
            problems += check_front_matter(page.meta, where, today)
            warnings += review_warnings(page.meta, where, today, rules.review_max_age_days)
    return problems, warnings
