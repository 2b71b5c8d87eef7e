"""extra.content_rules from config: the limits and word lists the content checks apply."""
from __future__ import annotations

from dataclasses import dataclass, field

from guide.problems import Problem

KEY = "extra.content_rules"
FIELDS = {"max_grade", "review_max_age_days", "boxes", "stigma_terms", "allowed_phrases"}


@dataclass(frozen=True)
class ContentRules:
    max_grade: float
    review_max_age_days: int
    boxes: dict[str, str]                     # admonition type -> screen-reader prefix
    stigma_terms: dict[str, str]              # term -> person-first suggestion
    allowed_phrases: tuple[str, ...] = field(default=())


def parse_content_rules(extra: dict, source: str) -> tuple[ContentRules | None, list[Problem]]:
    raw = extra.get("content_rules")
    if not isinstance(raw, dict):
        return None, [Problem(source, f"{KEY} is missing: it sets the reading grade limit and word lists")]
    problems = [Problem(source, f"{KEY}.{name}: unknown option (allowed: {', '.join(sorted(FIELDS))})")
                for name in raw if name not in FIELDS]
    grade, age = raw.get("max_grade"), raw.get("review_max_age_days")
    if isinstance(grade, bool) or not isinstance(grade, (int, float)) or not 1 <= grade <= 16:
        problems.append(Problem(source, f"{KEY}.max_grade: must be a number from 1 to 16 (got {grade!r})"))
    if isinstance(age, bool) or not isinstance(age, int) or age < 1:
        problems.append(Problem(source, f"{KEY}.review_max_age_days: must be a whole number of days (got {age!r})"))
    for name in ("boxes", "stigma_terms"):
        value = raw.get(name)
        if not isinstance(value, dict) or not value or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            problems.append(Problem(source, f"{KEY}.{name}: must be a non-empty mapping of text to text"))
    phrases = raw.get("allowed_phrases", [])
    if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
        problems.append(Problem(source, f"{KEY}.allowed_phrases: must be a list of phrases"))
    if problems:
        return None, problems
    return ContentRules(max_grade=float(grade), review_max_age_days=age, boxes=dict(raw["boxes"]),
                        stigma_terms={k.lower(): v for k, v in raw["stigma_terms"].items()}, allowed_phrases=tuple(phrases)), []
