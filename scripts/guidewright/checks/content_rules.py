"""extra.content_rules from config: the limits and word lists the content checks apply; and the
box types pages may use, from the guidewright.boxes.urgency_boxes extension's options (one list for the
Markdown that renders boxes and the checks that judge them)."""
from __future__ import annotations

from dataclasses import dataclass, field

from guidewright.checks.reading_measures import EASE_LIMIT, GRADE_LIMIT, KEY, choose_measure
from guidewright.problems import Problem, config_problem

FIELDS = {"reading_measure", "max_grade", "min_reading_ease", "review_interval_days", "review_warn_days", "review_log", "stigma_terms",
          "allowed_phrases", "require_signoff", "max_words", "front_matter"}
BOXES_KEY = "markdown_extensions.guidewright.boxes.urgency_boxes.boxes"
CALLS_KEY = "markdown_extensions.guidewright.boxes.urgency_boxes.calls"
LEVELS_KEY = "markdown_extensions.guidewright.boxes.urgency_boxes.levels"
ROLES_KEY = "markdown_extensions.guidewright.boxes.urgency_boxes.roles"
# The box every page opens with (right under its title) and the one it ends with, one of each;
# a guide names its own types under `roles`, or null for no such box.
DEFAULT_ROLES = {"opening": "key-points", "closing": "next-steps"}
CLINIC_LINE = "clinic"  # a hosting clinic's line, when there is one


def extension_options(raw_config: dict, name: str) -> dict | None:
    """A Markdown extension's options from config (a mapping, or MkDocs' list form)."""
    extensions = raw_config.get("markdown_extensions") or {}
    items = extensions.items() if isinstance(extensions, dict) else (
        next(iter(e.items())) if isinstance(e, dict) else (e, {}) for e in extensions)
    return next(((options or {}) for key, options in items if key == name), None)


@dataclass(frozen=True)
class ContentRules:
    max_grade: float | None                   # the limit of a measure where lower is easier, if set
    reading_measure: str                      # the textstat measure pages are held to (guidewright.checks.reading_measures)
    reading_limit: float                      # its limit: a maximum for grades, a minimum for eases
    review_interval_days: int                 # next_review may be at most this long after reviewed
    review_warn_days: int                     # warn this many days before a review falls due
    review_log: str                           # folder of fact-check logs, next to the config
    boxes: dict[str, str]                     # admonition type -> screen-reader prefix
    box_calls: dict[str, tuple[str, ...]]     # admonition type -> ids of the lines it links
    levels: tuple[str, ...]                   # urgency box types, most urgent first
    stigma_terms: dict[str, str]              # term -> person-first suggestion
    allowed_phrases: tuple[str, ...] = field(default=())
    language: str = "en"                      # the pages' language (theme.language)
    min_reading_ease: float | None = None     # the limit of a measure where higher is easier, if it is the one used
    require_signoff: tuple[str, ...] = ()     # box types whose pages need a clinician's sign-off
    max_words: int | None = None              # a page's length limit, in words a reader reads
    front_matter: tuple[str, ...] = ()        # fields a guide's pages may add to the engine's own
    opening: str | None = DEFAULT_ROLES["opening"]  # the box type each page opens with, once
    closing: str | None = DEFAULT_ROLES["closing"]  # the box type each page has once, to end with


def parse_content_rules(raw_config: dict, source: str, language: str = "en") -> tuple[ContentRules | None, list[Problem]]:
    """raw_config: the merged config; source: the file to name in problems; language: the pages'."""
    extra = raw_config.get("extra") or {}
    raw = extra.get("content_rules")
    if not isinstance(raw, dict):
        return None, [config_problem(source, f"{KEY} is missing: it sets the reading grade limit and word lists")]
    problems = [config_problem(source, f"{KEY}.{name}: unknown option (allowed: {', '.join(sorted(FIELDS))})")
                for name in raw if name not in FIELDS]
    measure, limit, measure_problems = choose_measure(raw, language)
    problems += [config_problem(source, message) for message in measure_problems]
    problems += [config_problem(source, f"{KEY}.{name}: must be a number (got {raw[name]!r})")  # set, not the one used
                 for name in (GRADE_LIMIT, EASE_LIMIT) if measure is not None and name != measure.limit_key
                 and raw.get(name) is not None and (isinstance(raw[name], bool) or not isinstance(raw[name], (int, float)))]
    grade = raw.get(GRADE_LIMIT)
    for name in ("review_interval_days", "review_warn_days"):
        days = raw.get(name)
        if isinstance(days, bool) or not isinstance(days, int) or days < 1:
            problems.append(config_problem(source, f"{KEY}.{name}: must be a whole number of days (got {days!r})"))
    log = raw.get("review_log")
    if not isinstance(log, str) or not log.strip() or log.startswith("/"):
        problems.append(config_problem(source, f"{KEY}.review_log: must name the fact-check log folder, relative to "
                                        f"the config (got {log!r})"))
    options = extension_options(raw_config, "guidewright.boxes.urgency_boxes") or {}
    boxes, calls = options.get("boxes"), options.get("calls") or {}
    levels = options.get("levels") or []
    if isinstance(boxes, dict) and isinstance(levels, list):
        problems += [Problem(source, f"{level!r} is not a box type in {BOXES_KEY}", LEVELS_KEY)
                     for level in levels if level not in boxes]
    if not isinstance(calls, dict) or not all(isinstance(v, list) and all(isinstance(i, str) for i in v)
                                              for v in calls.values()):
        problems.append(Problem(source, "must map a box type to a list of line ids, e.g. emergency: [emergency]",
                                CALLS_KEY))
    elif isinstance(boxes, dict):
        problems += [Problem(source, f"{kind!r} is not a box type in {BOXES_KEY}", f"{CALLS_KEY}.{kind}")
                     for kind in calls if kind not in boxes]
    roles = options.get("roles") or {}
    if not isinstance(roles, dict) or any(role not in DEFAULT_ROLES for role in roles):
        problems.append(Problem(source, f"must map {' and '.join(DEFAULT_ROLES)} to a box type (or null)", ROLES_KEY))
        roles = {}
    roles = {**DEFAULT_ROLES, **roles}
    if isinstance(boxes, dict):
        problems += [Problem(source, f"{kind!r} is not a box type in {BOXES_KEY}", f"{ROLES_KEY}.{role}")
                     for role, kind in roles.items() if kind is not None and kind not in boxes]
    for key, value in ((f"{KEY}.stigma_terms", raw.get("stigma_terms")), (BOXES_KEY, boxes)):
        if not isinstance(value, dict) or not value or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            problems.append(Problem(source, "must be a non-empty mapping of text to text", key))
    signoff = raw.get("require_signoff", [])
    if not isinstance(signoff, list) or not all(isinstance(kind, str) for kind in signoff):
        problems.append(config_problem(source, f"{KEY}.require_signoff: must list box types, e.g. [emergency]"))
    elif isinstance(boxes, dict):
        problems += [config_problem(source, f"{KEY}.require_signoff: {kind!r} is not a box type in {BOXES_KEY}")
                     for kind in signoff if kind not in boxes]
    max_words = raw.get("max_words")
    if max_words is not None and (isinstance(max_words, bool) or not isinstance(max_words, int) or max_words < 100):
        problems.append(config_problem(source, f"{KEY}.max_words: must be a whole number of words, 100 or more "
                                               f"(got {max_words!r})"))
    front_matter = raw.get("front_matter", [])
    if not isinstance(front_matter, list) or not all(isinstance(name, str) and name.isidentifier() for name in front_matter):
        problems.append(config_problem(source, f"{KEY}.front_matter: must list the extra field names pages may use, "
                                               "e.g. [audience, tags]"))
    phrases = raw.get("allowed_phrases", {})
    phrases = list(phrases) if isinstance(phrases, dict) else phrases  # phrase -> why, or a plain list
    if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
        problems.append(config_problem(source, f"{KEY}.allowed_phrases: must map each phrase to why it is allowed"))
    if problems:
        return None, problems
    return ContentRules(max_grade=float(grade) if isinstance(grade, (int, float)) else None,
                        reading_measure=measure.name, reading_limit=limit, review_interval_days=raw["review_interval_days"],
                        review_warn_days=raw["review_warn_days"], review_log=log, boxes=dict(boxes),
                        box_calls={kind: tuple(ids) for kind, ids in calls.items()},
                        levels=tuple(levels) if isinstance(levels, list) else (),
                        stigma_terms={k.lower(): v for k, v in raw["stigma_terms"].items()}, allowed_phrases=tuple(phrases),
                        language=language, require_signoff=tuple(signoff), max_words=max_words,
                        min_reading_ease=None if measure.lower_is_easier else limit,
                        opening=roles["opening"], closing=roles["closing"], front_matter=tuple(front_matter)), []


def box_call_problems(rules: ContentRules, lines: set[str], removed: set[str], source: str) -> list[Problem]:
    """Every line a box links must exist (or have been removed on purpose by an overlay)."""
    known = lines | removed | {CLINIC_LINE}
    return [Problem(source, f"{line!r} is not a line in extra.crisis_contacts (known: {', '.join(sorted(lines))})",
                    f"{CALLS_KEY}.{kind}") for kind, ids in rules.box_calls.items() for line in ids if line not in known]
