"""The fact-check log (docs-review/<page>.yml): every page has a logged review for its current
`reviewed` date, naming each claim, its source, when it was checked and the verdict.

A claim may carry `expires`, the date it stops being true (a rule's end): the build warns before
it and fails after it, and the page's next review can't fall after it. A review may carry a
clinician's `signoff` ({name, role, date}): shown on the page, never invented. A translation's
review says which review of its source page it was brought up to date with (`source_reviewed`)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from guidewright.configuration.source_text import is_date, load_yaml, read_source
from guidewright.problems import DUE, OPEN_CLAIM, OVERDUE, Problem

VERDICTS = ("confirmed", "corrected", "added", "removed", "open")
CLAIM_FIELDS = {"claim", "source", "checked", "verdict", "note", "expires"}
REVIEW_FIELDS = {"reviewed", "by", "claims", "signoff", "source_reviewed"}
SIGNOFF_FIELDS = ("name", "role", "date")
HOW = "see docs-review/README.md for the format"


def load_review_log(path: Path, where: str) -> tuple[object | None, list[Problem]]:
    """Parse one log file; a missing file or broken YAML names the file and what to do."""
    if not path.is_file():
        return None, [Problem(where, f"no fact-check log for this page: write it ({HOW})")]
    text, problems = read_source(path, where)
    if text is None:
        return None, problems
    try:
        return load_yaml(text)[0], []  # a date not on the calendar stays text: the checks name it
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        return None, [Problem(where, f"{line}not valid YAML: {getattr(error, 'problem', error)}")]


def current_review(log: object, reviewed: object) -> dict | None:
    """The log's entry for the page's current `reviewed` date."""
    if not isinstance(log, dict) or not isinstance(log.get("reviews"), list):
        return None
    return next((r for r in log["reviews"] if isinstance(r, dict) and r.get("reviewed") == reviewed), None)


def nearest_end(review: dict | None) -> tuple[dt.date, str] | None:
    """(date, claim) of the claim on the page that stops being true first, if any."""
    ends = [(claim["expires"], str(claim.get("claim", ""))) for claim in (review or {}).get("claims") or []
            if isinstance(claim, dict) and is_date(claim.get("expires")) and claim.get("verdict") != "removed"]
    return min(ends) if ends else None


def signoff_of(review: dict | None) -> dict | None:
    signoff = (review or {}).get("signoff")
    return signoff if isinstance(signoff, dict) and not signoff_problems(signoff, dt.date.max) else None


def check_review_log(log: object, where: str, page: str, reviewed: dt.date, today: dt.date,
                     next_review: object = None, warn_days: int = 30,
                     signoff_needed: str = "") -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings): the log must hold a complete entry for the page's `reviewed` date;
    claims left `open` are warnings, so an editor follows them up. A claim's end date warns
    `warn_days` before and fails after, and `next_review` may not fall after it. With
    signoff_needed (why), the review must carry a clinician's sign-off."""
    if not isinstance(log, dict) or not isinstance(log.get("reviews"), list):
        return [Problem(where, f"must be a mapping with 'page' and a list of 'reviews' ({HOW})")], []
    problems = [Problem(where, f"review {number}: 'reviewed' must be a date like 2026-11-21 (got {entry.get('reviewed')!r})")
                for number, entry in enumerate(log["reviews"], start=1)
                if isinstance(entry, dict) and not is_date(entry.get("reviewed"))]
    if Path(str(log.get("page", ""))).name != Path(page).name:
        problems.append(Problem(where, f"'page' is {log.get('page')!r} but this log belongs to {page}"))
    review = current_review(log, reviewed)
    if review is None:
        problems.append(Problem(where, f"no review logged for {page}'s 'reviewed' date {reviewed}: add one "
                                       f"with every claim checked ({HOW})"))
        return problems, []
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
            warnings.append(Problem(where, f"open claim on {page}: {claim['claim']} ({claim.get('note', 'no note')})",
                                    kind=OPEN_CLAIM))
        if found or not is_date(claim.get("expires")) or claim["verdict"] == "removed":
            continue
        ends, what = claim["expires"], _short(claim["claim"])
        if today > ends:
            problems.append(Problem(page, f"a claim stopped being true on {ends} ({where}, claim {number}: {what!r}): "
                                          "re-check it, fix the page, and log a new review", kind=OVERDUE))
        elif (ends - today).days <= warn_days:
            warnings.append(Problem(page, f"a claim stops being true on {ends}, in {(ends - today).days} day(s) "
                                          f"({where}, claim {number}: {what!r}): after that the build fails",
                                    kind=DUE))
    end = nearest_end(review)
    if end is not None and is_date(next_review) and next_review > end[0]:
        problems.append(Problem(page, f"front matter: 'next_review' {next_review} falls after {end[0]}, when a claim "
                                      f"stops being true ({where}: {_short(end[1])!r}): set it to {end[0]} or sooner"))
    signoff = review.get("signoff")
    if signoff is not None:
        problems += [Problem(where, f"review {reviewed}, signoff: {message}") for message in signoff_problems(signoff, today)]
    elif signoff_needed:
        problems.append(Problem(where, f"review {reviewed}: {signoff_needed}, so a clinician must sign it off: add "
                                       "signoff: {name, role, date} once one has (never before)"))
    return problems, warnings


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def signoff_problems(signoff: object, today: dt.date) -> list[str]:
    if not isinstance(signoff, dict):
        return ["must be a mapping of name, role and date (the clinician who signed the page off)"]
    found = [f"unknown field {key!r} (allowed: {', '.join(SIGNOFF_FIELDS)})" for key in signoff
             if key not in SIGNOFF_FIELDS]
    found += [f"{key!r} is missing" for key in ("name", "role") if not str(signoff.get(key) or "").strip()]
    date = signoff.get("date")
    if not is_date(date):
        found.append(f"'date' must be a date like 2026-11-21 (got {date!r})")
    elif date > today:
        found.append(f"'date' {date} is in the future")
    return found


def check_translation_current(source_page: str, source_reviewed: object, log: object, log_where: str,
                              page: str, reviewed: object) -> list[Problem]:
    """A translated page's current review names the review of its source page it was brought up to
    date with; when the source page's review moves on, the translation must follow."""
    review = current_review(log, reviewed)
    if review is None or not is_date(source_reviewed):
        return []  # the log and front matter checks name what is missing
    made_from = review.get("source_reviewed")
    if not is_date(made_from):
        return [Problem(log_where, f"review {reviewed}: add source_reviewed: <date>, the 'reviewed' date of "
                                   f"{source_page} that {page} was brought up to date with")]
    if made_from != source_reviewed:
        return [Problem(page, f"out of date: {source_page} was reviewed on {source_reviewed}, but this translation "
                              f"follows its review of {made_from} ({log_where}: source_reviewed). Bring it up to "
                              f"date with {source_page}, then log a new review with source_reviewed: {source_reviewed}")]
    return []


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
    if "expires" in claim and not is_date(claim["expires"]):
        found.append(f"'expires' must be the date the claim stops being true, like 2026-12-31 (got {claim['expires']!r})")
    if claim.get("verdict") == "open" and not (isinstance(claim.get("note"), str) and claim["note"].strip()):
        found.append("an 'open' claim needs a 'note' saying what could not be confirmed")
    return found
