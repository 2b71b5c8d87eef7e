"""Checks on a built content page: its boxes, and how hard its text is to read."""
from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode  # noqa: F401 (type hints)
from textstat.textstat import textstatistics

from guidewright.checks.content_rules import ContentRules
from guidewright.checks.html_visibility import parsed, visible_text
from guidewright.checks.reading_measures import BESIDE, DEFAULTS, MEASURES, language_root, score
from guidewright.problems import Problem

ARTICLE = "article"
# Boxes a page writes; the engine's own folds (sources, "On this page") carry data-pe-fold and are not boxes.
BOX = ".admonition, details:not([data-pe-fold])"
TEXT_BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, summary, figcaption"
NOT_READ = ".pe-page-meta, .pe-keep, .pe-overdue, .pe-visually-hidden, script, style, pre, code, .headerlink"
# Not part of the page's own text flow: the title, Material's buttons, the skip link's target, and
# the stylesheet the build links right after the first screen (guidewright.build.page_styles).
LEADING = {"h1", "a", "link"}
SKIP_TARGET = "pe-skip-target"
OVERDUE_NOTE = "pe-overdue"   # the engine's note under the title of a page overdue for review
PAGE_MAP = "pe-page-map"      # "On this page", under the title on phones
PATHS = "pe-paths"            # a home page's reader paths: the first choice, before the key points


@dataclass(frozen=True)
class Readability:
    score: float                          # by `measure`
    words: int
    measure: str = "flesch_kincaid_grade"  # a name in guidewright.checks.reading_measures.MEASURES
    beside: float | None = None           # the measure reported beside it (BESIDE), if any

    @property
    def grade(self) -> float | None:
        """The score, when lower is easier."""
        return self.score if MEASURES[self.measure].lower_is_easier else None

    @property
    def ease(self) -> float | None:
        """The score, when higher is easier."""
        return None if MEASURES[self.measure].lower_is_easier else self.score


def check_boxes(html: str | LexborHTMLParser, rules: ContentRules, where: str) -> list[Problem]:
    article = parsed(html).css_first(ARTICLE)
    if article is None:
        return [Problem(where, f"no <{ARTICLE}>: the page was not rendered by the theme")]
    boxes = [(node, box_type(node)) for node in article.css(BOX)]
    problems = [Problem(where, f"box type {kind!r} is not allowed; use one of: {', '.join(rules.boxes)}")
                for _, kind in boxes if kind not in rules.boxes]
    counts = {kind: sum(1 for _, k in boxes if k == kind) for kind in rules.boxes}
    problems += [Problem(where, f"needs exactly one {kind!r} box (found {counts.get(kind, 0)})")
                 for kind in (rules.opening, rules.closing) if kind and counts.get(kind, 0) != 1]
    problems += [Problem(where, f"{counts[kind]} {kind!r} boxes: use urgency boxes sparingly, one of each at most")
                 for kind in rules.levels if counts.get(kind, 0) > 1]
    first = _first_content_block(article)
    if rules.opening and counts.get(rules.opening) == 1 and (first is None or box_type(first) != rules.opening):
        problems.append(Problem(where, f"the {rules.opening!r} box must come first, right under the title"))
    for node, kind in boxes:
        prefix = rules.boxes.get(kind)
        hidden = node.css_first(".pe-visually-hidden")
        if prefix and (hidden is None or hidden.text().strip() != prefix):
            problems.append(Problem(where, f"{kind!r} box has no screen-reader text {prefix!r} "
                                           "(is guidewright.boxes.urgency_boxes listed under markdown_extensions?)"))
    return problems


def readability(html: str | LexborHTMLParser, language: str = "en", measure: str | None = None) -> Readability:
    """How hard what a reader reads in the article is: each heading, list item and cell counts
    as a sentence, as a reader takes it; code and the sources list don't count. By `measure`
    (extra.content_rules.reading_measure), else the language's default (English: the Flesch-Kincaid
    grade; Spanish: Fernández Huerta's ease, with Szigriszt-Pazos' perspicuity beside it).
    Removes those parts from a parsed page it is given."""
    measure = measure or DEFAULTS.get(language_root(language))
    if measure is None:
        raise ValueError(f"no default reading measure for {language!r}: pass one")
    article = parsed(html).css_first(ARTICLE)
    if article is None:
        return Readability(0.0, 0, measure)
    for node in article.css(NOT_READ):
        node.decompose()
    sentences = []
    for block in article.css(TEXT_BLOCKS):
        # A block holding other blocks (a loose list item) gives only its own words.
        nested = any(inner != block for inner in block.css(TEXT_BLOCKS))
        text = " ".join((block.text(deep=not nested) or "").split())
        if text:
            sentences.append(text if text[-1] in ".!?:" else text + ".")
    plain = " ".join(sentences)
    if not plain:
        return Readability(0.0, 0, measure)
    beside = BESIDE.get(measure)
    return Readability(score(plain, measure, language), textstatistics().lexicon_count(plain), measure,
                       score(plain, beside, language) if beside else None)


def check_grade(result: Readability, rules: ContentRules, where: str) -> list[Problem]:
    """The page against the limit of the guide's measure for its language: a grade's maximum or an ease's minimum."""
    if result.measure != rules.reading_measure:
        raise ValueError(f"measured by {result.measure}, but the rules use {rules.reading_measure}")
    measure, limit = MEASURES[rules.reading_measure], rules.reading_limit
    hard = result.score > limit if measure.lower_is_easier else result.score < limit
    if not hard:
        return []
    side = "above" if measure.lower_is_easier else "below"
    return [Problem(where, f"{measure.noun} ({measure.label}) {result.score:.1f} is {side} {limit:g}: use shorter "
                           "sentences and common words, and explain terms")]


def check_length(result: Readability, rules: ContentRules, where: str) -> list[Problem]:
    """A page a phone can read: past the limit, a reader in a hurry scrolls past what they need."""
    if rules.max_words is None or result.words <= rules.max_words:
        return []
    return [Problem(where, f"{result.words} words, over the limit of {rules.max_words} "
                           "(extra.content_rules.max_words): shorten the page, or split it into two pages "
                           "and link them, so a phone reader finds what to do")]


def box_name(box: LexborNode, kind: str, prefixes: dict[str, str]) -> str:
    """How a message names a box: its type and the title a reader sees ("'emergency' box 'Call 911 now if'")."""
    title = box.css_first(".admonition-title, summary")
    words = visible_text(title).removeprefix(prefixes.get(kind, "")).strip() if title is not None else ""
    return f"{kind!r} box {words!r}" if words else f"{kind!r} box"


def box_type(node: LexborNode) -> str:
    classes = [c for c in (node.attributes.get("class") or "").split() if c not in ("admonition", "open")]
    return classes[0] if classes else "(no type)"


def _first_content_block(article: LexborNode) -> LexborNode | None:
    for child in article.iter():
        if child.tag not in LEADING and "data-crisis-directory" not in child.attributes \
                and not {SKIP_TARGET, OVERDUE_NOTE, PAGE_MAP, PATHS} & set((child.attributes.get("class") or "").split()):
            return child
    return None
