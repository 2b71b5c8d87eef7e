"""Checks on Markdown sources: front matter, and stigmatizing words with line numbers."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import yaml

from guidewright.checks.content_rules import ContentRules
from guidewright.checks.review_log import check_review_log, check_translation_current, load_review_log
from guidewright.configuration.source_text import is_date, load_yaml, read_source
from guidewright.problems import DUE, OVERDUE, Problem

REQUIRED = ("title", "description", "reviewed", "next_review", "sources")
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
        meta = load_yaml("\n".join(lines[1:end]))[0] or {}  # a date not on the calendar stays text
    except yaml.YAMLError as error:
        # +2: the file's opening --- line, and 1-based lines. The context mark is where the
        # broken value starts; the problem mark is where the parser gave up.
        marks = [m.line + 2 for m in (getattr(error, "context_mark", None), getattr(error, "problem_mark", None)) if m]
        span = "" if not marks else f"line {marks[0]}: " if len(set(marks)) == 1 else f"lines {min(marks)}-{max(marks)}: "
        return None, [Problem(where, f"{span}front matter is not valid YAML: {getattr(error, 'problem', error)}")]
    if not isinstance(meta, dict):
        return None, [Problem(where, "front matter must be a YAML mapping of field: value")]
    return SourcePage(meta=meta, body="\n".join(lines[end + 1:]), body_line=end + 2), []


def check_front_matter(meta: dict, where: str, today: dt.date, extra_fields: tuple[str, ...] = ()) -> list[Problem]:
    """extra_fields: the fields this guide's pages may add (extra.content_rules.front_matter)."""
    allowed = REQUIRED + OPTIONAL + tuple(extra_fields)
    problems = [Problem(where, f"front matter: unknown field {key!r} (allowed: {', '.join(allowed)}; a guide adds "
                               "its own in extra.content_rules.front_matter)")
                for key in meta if key not in allowed]
    problems += [Problem(where, f"front matter: {key!r} is missing") for key in REQUIRED if key not in meta]
    title, description = meta.get("title"), meta.get("description")
    if "title" in meta and not (isinstance(title, str) and title.strip()):
        problems.append(Problem(where, "front matter: 'title' must be text"))
    if "description" in meta:
        low, high = DESCRIPTION_LENGTH
        if not isinstance(description, str) or not low <= len(description.strip()) <= high:
            problems.append(Problem(where, f"front matter: 'description' must be one sentence of {low}-{high} "
                                           "characters (it is the search result snippet)"))
    for key in ("reviewed", "next_review"):
        value = meta.get(key)
        if key in meta and not is_date(value):
            problems.append(Problem(where, f"front matter: {key!r} must be a date like 2026-11-21 (got {value!r})"))
    reviewed = meta.get("reviewed")
    if is_date(reviewed) and reviewed > today:
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
        elif not (isinstance(source["url"], str) and source["url"].startswith("https://")):
            problems.append(Problem(where, f"front matter: sources item {index} url must start with https://"))
        elif not (isinstance(source["title"], str) and source["title"].strip()):
            problems.append(Problem(where, f"front matter: sources item {index} needs a title"))
    return problems


def check_review_due(meta: dict, where: str, today: dt.date, rules: ContentRules) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings) for the page's next review: it must fall within the review interval,
    warns as it nears, and fails once it has passed: the supply and the rules change."""
    reviewed, due = meta.get("reviewed"), meta.get("next_review")
    if not (is_date(reviewed) and is_date(due)):
        return [], []  # check_front_matter names the bad or missing field
    interval = rules.review_interval_days
    if due <= reviewed:
        return [Problem(where, f"front matter: 'next_review' {due} must be after 'reviewed' {reviewed}")], []
    if (due - reviewed).days > interval:
        latest = reviewed + dt.timedelta(days=interval)
        return [Problem(where, f"front matter: 'next_review' {due} is more than {interval} days after 'reviewed' "
                               f"{reviewed}: set it to {latest} or sooner (content_rules.review_interval_days)")], []
    if today > due:
        return [Problem(where, f"review overdue since {due}: re-check every claim against current sources, log "
                               "them in the review log, then update 'reviewed' and 'next_review'", kind=OVERDUE)], []
    days_left = (due - today).days
    if days_left <= rules.review_warn_days:
        return [], [Problem(where, f"review due {due}, in {days_left} day(s): after that date the build fails",
                            kind=DUE)]
    return [], []


def check_headings(body: str, where: str, first_line: int) -> list[Problem]:
    """The front matter title is the page's only top heading; a '#' heading would be a second one."""
    problems, fenced = [], False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and re.match(r"#(\s|$)", line):
            problems.append(Problem(where, f"line {number}: a '#' heading repeats the page title; "
                                           "start sections with '##' (the title comes from front matter)"))
    return problems


def stigma_messages(line: str, rules: ContentRules) -> list[str]:
    """Each stigmatizing term in one line of text, with a person-first suggestion."""
    terms = sorted(rules.stigma_terms, key=len, reverse=True)  # longest first: "drug users" before "users"
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\b", re.IGNORECASE)
    for phrase in rules.allowed_phrases:  # blank out allowed phrases, keeping positions
        line = re.sub(re.escape(phrase), lambda m: " " * len(m.group()), line, flags=re.IGNORECASE)
    return [f"{m.group(1)!r} stigmatizes; say {rules.stigma_terms[m.group(1).lower()]!r} instead"
            for m in pattern.finditer(line)]


def check_stigma(text: str, where: str, rules: ContentRules, first_line: int = 1) -> list[Problem]:
    """Each stigmatizing term, by line, with a person-first suggestion."""
    return [Problem(where, f"line {number}: {message}")
            for number, line in enumerate(text.split("\n"), start=first_line)
            for message in stigma_messages(line, rules)]


def check_markdown_files(paths: list, root, rules: ContentRules, today: dt.date,
                         docs_dir=None) -> tuple[list[Problem], list[Problem]]:
    """All source checks over the pages: (problems that fail the build, warnings). Paths are
    reported relative to root. With docs_dir, each page there also needs a fact-check log
    entry for its current review, in rules.review_log next to root (guidewright.checks.review_log)."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for path in paths:
        where = str(path.relative_to(root))
        text, found = read_source(path, where)
        problems += found
        if text is None:
            continue
        problems += check_stigma(text, where, rules)
        if path.suffix != ".md" or "includes" in path.relative_to(root).parts:  # glossary files: no front matter
            continue
        page, found = split_front_matter(text, where)
        problems += found
        if page is None:
            continue
        problems += check_front_matter(page.meta, where, today, rules.front_matter)
        problems += check_headings(page.body, where, page.body_line)
        found, warned = check_review_due(page.meta, where, today, rules)
        problems += found
        warnings += warned
        if docs_dir is not None and is_date(page.meta.get("reviewed")):
            log_path = root / rules.review_log / path.relative_to(docs_dir).with_suffix(".yml")
            log_where = str(log_path.relative_to(root))
            log, found = load_review_log(log_path, log_where)
            problems += found
            if log is not None:
                needed = next((f"the page has a {kind!r} box and content_rules.require_signoff lists it"
                               for kind in rules.require_signoff
                               if re.search(rf"^\s*[!?]{{3}}\+?\s+{re.escape(kind)}(\s|$)", page.body, re.MULTILINE)), "")
                found, warned = check_review_log(log, log_where, where, page.meta["reviewed"], today,
                                                 page.meta.get("next_review"), rules.review_warn_days, needed)
                problems += found
                warnings += warned
    return problems, warnings


def _reviewed(path) -> object:
    try:
        page, _ = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError):
        return None  # check_markdown_files names an unreadable page
    return page.meta.get("reviewed") if page is not None else None


def check_translations_current(pages: list[str], docs_dir, translated_dir, log_dir, root) -> list[Problem]:
    """Each translated page follows the current review of its source page (guidewright.checks.review_log)."""
    problems = []
    for name in pages:
        source, page = docs_dir / name, translated_dir / name
        if not (source.is_file() and page.is_file()):
            continue  # the page-pair check names a missing page
        log_path = (log_dir / name).with_suffix(".yml")
        if not log_path.is_file():
            continue  # check_markdown_files names a missing log
        log, found = load_review_log(log_path, str(log_path.relative_to(root)))
        if log is None:
            continue
        problems += check_translation_current(str(source.relative_to(root)), _reviewed(source), log,
                                              str(log_path.relative_to(root)), str(page.relative_to(root)),
                                              _reviewed(page))
    return problems
