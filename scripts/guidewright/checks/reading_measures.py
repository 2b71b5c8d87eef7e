"""The reading measures a guide's pages may be held to (textstat's, pinned at 0.7.8), each with its
direction and the languages it was made for; the engine's default per language; and the choice a
config makes: extra.content_rules.reading_measure, with max_grade or min_reading_ease as its limit."""
from __future__ import annotations

from dataclasses import dataclass

from textstat.textstat import textstatistics

KEY = "extra.content_rules"
GRADE_LIMIT, EASE_LIMIT = "max_grade", "min_reading_ease"


@dataclass(frozen=True)
class Measure:
    name: str                        # textstat's function
    label: str                       # how messages and the report name it
    lower_is_easier: bool            # a grade (its limit is max_grade) or an ease (its limit is min_reading_ease)
    limits: tuple[float, float]      # the range a sensible limit lies in
    languages: frozenset[str] | None  # the languages it was made for (None: any)
    short: str = ""                  # a report column's heading, when reported beside another

    @property
    def limit_key(self) -> str:
        return GRADE_LIMIT if self.lower_is_easier else EASE_LIMIT

    @property
    def noun(self) -> str:
        return "reading grade" if self.lower_is_easier else "reading ease"


GRADES = (1, 16)
EASES = (0, 100)
# textstat's flesch_reading_ease uses each of these languages' own adaptation of Flesch's constants
# (Amstad 1978, Fernández Huerta 1959, Kandel & Moles 1958, Flesch-Vacca 1972, Douma 1960, Oborneva 2006);
# any other language would silently get the English ones.
FLESCH_ADAPTED = frozenset({"en", "de", "es", "fr", "it", "nl", "ru"})
MEASURES = {m.name: m for m in (
    # Kincaid et al. 1975 (US Navy); the grade US plain-language and health-literacy guidance uses.
    Measure("flesch_kincaid_grade", "Flesch-Kincaid", True, GRADES, frozenset({"en"})),
    # McLaughlin 1969; recommended for health materials in English (US National Cancer Institute).
    Measure("smog_index", "SMOG", True, GRADES, frozenset({"en"})),
    Measure("gunning_fog", "Gunning fog", True, GRADES, frozenset({"en"})),
    Measure("flesch_reading_ease", "Flesch reading ease", False, EASES, FLESCH_ADAPTED),
    # Fernández Huerta 1959, the Spanish Flesch; Szigriszt-Pazos 1993 (perspicuity, the INFLESZ
    # scale Barrio-Cantalejo et al. 2008 set for Spanish health texts) is reported beside it.
    Measure("fernandez_huerta", "Fernández Huerta", False, EASES, frozenset({"es"})),
    Measure("szigriszt_pazos", "Szigriszt-Pazos", False, EASES, frozenset({"es"}), short="SzP"),
    Measure("gutierrez_polini", "Gutiérrez de Polini", False, EASES, frozenset({"es"})),
    Measure("crawford", "Crawford", True, GRADES, frozenset({"es"})),  # years of schooling, Spanish
    # Bamberger & Vanecek 1984, the first (prose) variant: the German school grade, 4 to 15.
    Measure("wiener_sachtextformel", "Wiener Sachtextformel", True, GRADES, frozenset({"de"})),
    # Lucisano & Piemontese 1988: the Italian index (0-100; below 80 hard at primary school,
    # below 60 at middle school, below 40 at secondary school).
    Measure("gulpease_index", "Gulpease", False, EASES, frozenset({"it"})),
    # Björnsson 1968: word and sentence length only, so usable in any language; the usual measure
    # in Sweden and Scandinavia (below 30 very easy, above 50 hard). Lower is easier.
    Measure("lix", "LIX", True, (10, 70), None),
)}
# The measure a language gets when its config names none: where one formula is the standard for it.
# Other languages have none: their config chooses (reading_measure), or the build stops and says so.
DEFAULTS = {"en": "flesch_kincaid_grade", "es": "fernandez_huerta", "de": "wiener_sachtextformel", "it": "gulpease_index"}
BESIDE = {"fernandez_huerta": "szigriszt_pazos"}  # reported next to the measure, not checked
WIENER_VARIANT = 1  # the first Wiener Sachtextformel, for prose


def language_root(language: str) -> str:
    """'pt-BR', 'de_AT' -> 'pt', 'de'."""
    return language.replace("_", "-").split("-")[0].lower()


def measures_for(language: str) -> list[str]:
    """The measures made for a language (or for any), its default first."""
    root = language_root(language)
    made = [m.name for m in MEASURES.values() if m.languages is None or root in m.languages]
    return sorted(made, key=lambda name: (name != DEFAULTS.get(root), name))


def score(text: str, measure: str, language: str) -> float:
    stats = textstatistics()  # its own instance: set_lang on the shared one would change everyone's
    stats.set_lang(language_root(language))
    function = getattr(stats, measure)
    return float(function(text, WIENER_VARIANT) if measure == "wiener_sachtextformel" else function(text))


def warm_up(measures: list[tuple[str, str]]) -> None:
    """Score a few words with each (measure, language): textstat loads its dictionaries (about
    1.5 s for English's pronouncing dictionary) on first use. The build runs this while the site
    generator works in its own process, so the checks after it don't wait for the loading."""
    for measure, language in measures:
        score("A short text, read once.", measure, language)


def choose_measure(rules: dict, language: str) -> tuple[Measure | None, float | None, list[str]]:
    """rules: extra.content_rules. The measure for pages in `language`, its limit, and what is
    wrong with the choice (messages naming the option to fix)."""
    root = language_root(language)
    name = rules.get("reading_measure", DEFAULTS.get(root))
    options = ", ".join(measures_for(language))
    if name is None:
        return None, None, [f"{KEY}.reading_measure: the engine has no standard reading measure for pages in "
                            f"{language!r}: name the one to use ({options}) and give its limit"]
    if not isinstance(name, str) or name not in MEASURES:
        offered = "textstat has it, but the engine does not list it with its direction and languages" \
            if isinstance(name, str) and not name.startswith("_") and callable(getattr(textstatistics, name, None)) \
            else "it is not a measure textstat 0.7.8 offers"
        return None, None, [f"{KEY}.reading_measure: {name!r} is not a reading measure the engine knows ({offered}): "
                            f"use one of {options}"]
    measure = MEASURES[name]
    if measure.languages is not None and root not in measure.languages:
        return None, None, [f"{KEY}.reading_measure: {measure.label} is made for text in "
                            f"{', '.join(sorted(measure.languages))}, not {language!r}: use one of {options}"]
    limit, (low, high) = rules.get(measure.limit_key), measure.limits
    if isinstance(limit, bool) or not isinstance(limit, (int, float)) or not low <= limit <= high:
        way, other = ("lower", EASE_LIMIT) if measure.lower_is_easier else ("higher", GRADE_LIMIT)
        note = f"; {other} is the limit of measures that run the other way" \
            if limit is None and rules.get(other) is not None else ""
        return measure, None, [f"{KEY}.{measure.limit_key}: must be a number from {low:g} to {high:g} (got {limit!r}): "
                               f"pages in {language!r} are measured by {measure.noun} ({measure.label}), where "
                               f"{way} is easier{note}"]
    return measure, float(limit), []
