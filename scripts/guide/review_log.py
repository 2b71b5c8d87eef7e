"""The fact-check log (docs-review/<page>.yml): every page has a logged review for its current
`reviewed` date, naming each claim, its source, when it was checked and the verdict."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from guide.problems import Problem
from guide.source_text import is_date, read_source

VERDICTS = ("confirmed", "corrected", "added", "removed", "open")
CLAIM_FIELDS = {"claim", "source", "checked", "verdict", "note"}
REVIEW_FIELDS = {"reviewed", "by", "claims"}
HOW = "see docs-review/README.md for the format"


def load_review_log(path: Path, where: str) -> tuple[object | None, list[Problem]]:
    """Parse one log file; a missing file or broken YAML names the file and what to do."""
    if not path.is_file():
        return None, [Problem(where, f"no fact-check log for this page: write it ({HOW})")]
    text, problems = read_source(path, where)
    if text is None:
        return None, problems
    try:
        return yaml.safe_load(text), []
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        return None, [Problem(where, f"{line}not valid YAML: {getattr(error, 'problem', error)}")]


def check_review_log(log: object, where: str, page: str, reviewed: dt.date,
                     today: dt.date) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings): the log must hold a complete entry for the page's `reviewed` date;
    claims left `open` are warnings, so an editor follows them up."""
    if not isinstance(log, dict) or not isinstance(log.get("reviews"), list):
        return [Problem(where, f"must be a mapping with 'page' and a list of 'reviews' ({HOW})")], []
    problems = []
    if Path(str(log.get("page", ""))).name != Path(page).name:
        problems.append(Problem(where, f"'page' is {log.get('page')!r} but this log belongs to {page}"))
    current = [r for r in log["reviews"] if isinstance(r, dict) and r.get("reviewed") == reviewed]
    if not current:
        problems.append(Problem(where, f"no review logged for {page}'s 'reviewed' date {reviewed}: add one "
                                       f"with every claim checked ({HOW})"))
        return problems, []
    review = current[0]
    problems += [Problem(where, f"review {reviewed}: unknown field {key!r} (allowed: {', '.join(sorted(REVIEW_FIELDS))})")
                 for key in review if key not in REVIEW_FIELDS]
    if not (isinstance(review.get("by"), str) and review["by"].strip()):
        problems.append(Problem(where, f"review {reviewed}: 'by' must say who checked the page"))
    claims = review.get("claims")
    if not isinstance(claims, list) or not claims:
        problems.append(Problem(where, f"review {reviewed}: 'claims' must list the claims checked"))
        return problems, []
    warnings = []
    for number, claim in enumerate(claims, start=1):
        found = _claim_problems(claim, today)
        problems += [Problem(where, f"review {reviewed}, claim {number}: {message}") for message in found]
        if not found and claim["verdict"] == "open":
            warnings.append(Problem(where, f"open claim on {page}: {claim['claim']} ({claim.get('note', 'no note')})"))
    return problems, warnings


def _claim_problems(claim: object, today: dt.date) -> list[str]:
    if not isinstance(claim, dict):
        return ["must be a mapping of claim, source, checked, verdict (and note)"]
    found = [f"unknown field {key!r} (allowed: {', '.join(sorted(CLAIM_FIELDS))})"
             for key in claim if key not in CLAIM_FIELDS]
    found += [f"{key!r} is missing" for key in ("claim", "source", "checked", "verdict") if key not in claim]
    if "claim" in claim and not (isinstance(claim["claim"], str) and claim["claim"].strip()):
        found.append("'claim' must say what the page claims")
    source = claim.get("source")
    if "source" in claim and not (isinstance(source, str) and source.startswith("https://")):
        found.append(f"'source' must be an https:// address (got {source!r})")
    checked = claim.get("checked")
    if "checked" in claim:
        if not is_date(checked):
            found.append(f"'checked' must be a date like 2026-11-21 (got {checked!r})")
        elif checked > today:
            found.append(f"'checked' {checked} is in the future")
    if "verdict" in claim and claim["verdict"] not in VERDICTS:
        found.append(f"'verdict' must be one of {', '.join(VERDICTS)} (got {claim['verdict']!r})")
    if claim.get("verdict") == "open" and not (isinstance(claim.get("note"), str) and claim["note"].strip()):
        found.append("an 'open' claim needs a 'note' saying what could not be confirmed")
    return found
