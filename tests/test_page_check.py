"""Built-page content checks: box structure, screen-reader urgency text, reading grade."""
from __future__ import annotations

import pytest
from textstat.textstat import textstatistics

from guidewright.checks.content_rules import parse_content_rules
from guidewright.checks.page_check import check_boxes, check_grade, readability
from guidewright.checks.reading_measures import DEFAULTS, MEASURES

KEY = '<div class="admonition key-points"><p class="admonition-title">Key points</p><ul><li>One.</li></ul></div>'
NEXT = '<div class="admonition next-steps"><p class="admonition-title">Where to go next</p></div>'
EMERGENCY = ('<div class="admonition emergency"><p class="admonition-title">'
             '<span class="pe-visually-hidden">Emergency advice: </span>Call 911 now if</p></div>')


@pytest.fixture(scope="module")
def rules(repo_config):
    return parse_content_rules(repo_config.raw, "mkdocs.yml")[0]


def page(*blocks):
    return f"<html><body><article><h1>T</h1>{''.join(blocks)}</article></body></html>"


def messages(html, rules):
    return [p.message for p in check_boxes(html, rules, "x")]


def test_good_structure(rules):
    """Key points first, one emergency box, next steps last: passes."""
    assert messages(page(KEY, "<p>Text.</p>", EMERGENCY, NEXT), rules) == []


def test_unknown_box_type(rules):
    """A box type outside the closed set fails."""
    html = page(KEY, '<div class="admonition warning"><p class="admonition-title">W</p></div>', NEXT)
    assert messages(html, rules)[0].startswith("box type 'warning' is not allowed")


def test_missing_key_points(rules):
    """A page without key points fails."""
    assert messages(page("<p>Text.</p>", NEXT), rules) == ["needs exactly one 'key-points' box (found 0)"]


def test_key_points_not_first(rules):
    """Key points below other text fail."""
    assert messages(page("<p>Intro.</p>", KEY, NEXT), rules) == [
        "the 'key-points' box must come first, right under the title"]


def test_missing_next_steps(rules):
    """A dead-end page without next steps fails."""
    assert messages(page(KEY), rules) == ["needs exactly one 'next-steps' box (found 0)"]


def test_two_emergency_boxes(rules):
    """Urgency boxes are used sparingly."""
    assert "2 'emergency' boxes" in messages(page(KEY, EMERGENCY, EMERGENCY, NEXT), rules)[0]


def test_missing_screen_reader_text(rules):
    """An urgency box rendered without its hidden prefix (hook missing) fails."""
    bare = EMERGENCY.replace('<span class="pe-visually-hidden">Emergency advice: </span>', "")
    assert "no screen-reader text 'Emergency advice:'" in messages(page(KEY, bare, NEXT), rules)[0]


def test_readability_counts_items_as_sentences():
    """Title and list items count as sentences without full stops; sources don't count."""
    html = page("<ul><li>Drink water</li><li>Rest often</li></ul>",
                '<section class="pe-page-meta"><p>Extraordinarily multisyllabic bibliographic references.</p></section>')
    result = readability(html)
    assert result.words == 5 and result.grade < 3  # "T" + four words


def test_hard_text_fails_grade(rules):
    """Long sentences of long words are above the limit and fail with advice."""
    hard = ("<p>Pharmacological interventions utilizing partial agonist buprenorphine necessitate "
            "careful consideration of precipitated withdrawal phenomenology in individuals "
            "demonstrating substantial physiological opioid dependence characteristics.</p>")
    result = readability(page(hard))
    assert result.grade > 8
    assert check_grade(result, rules, "x")[0].message.startswith(
        f"reading grade (Flesch-Kincaid) {result.grade:.1f} is above {rules.max_grade:g}")


def test_easy_text_passes_grade(rules):
    """Plain text passes."""
    assert check_grade(readability(page("<p>Drink small sips often. Rest when you can.</p>")), rules, "x") == []


def test_box_roles_come_from_config(repo_config):
    """A guide names its own opening and closing boxes (or none); the checks follow."""
    raw = {**repo_config.raw, "markdown_extensions": {**repo_config.raw["markdown_extensions"]}}
    options = dict(raw["markdown_extensions"]["guidewright.boxes.urgency_boxes"])
    raw["markdown_extensions"]["guidewright.boxes.urgency_boxes"] = {**options, "roles": {"opening": "note", "closing": None}}
    rules = parse_content_rules(raw, "mkdocs.yml")[0]
    note = '<div class="admonition note"><p class="admonition-title">Note</p></div>'
    assert messages(page(note, "<p>Text.</p>"), rules) == []
    assert messages(page("<p>Text.</p>", note), rules) == ["the 'note' box must come first, right under the title"]
    assert messages(page(KEY, NEXT), rules) == ["needs exactly one 'note' box (found 0)"]


def test_box_roles_must_name_box_types(repo_config):
    raw = {**repo_config.raw, "markdown_extensions": {**repo_config.raw["markdown_extensions"]}}
    options = dict(raw["markdown_extensions"]["guidewright.boxes.urgency_boxes"])
    for roles, expected in (({"opening": "summary"}, "'summary' is not a box type"), ({"first": "note"}, "must map opening and closing")):
        raw["markdown_extensions"]["guidewright.boxes.urgency_boxes"] = {**options, "roles": roles}
        rules, problems = parse_content_rules(raw, "mkdocs.yml")
        assert rules is None and len(problems) == 1 and expected in str(problems[0]) and "urgency_boxes.roles" in problems[0].key


# Reading measures per language (guidewright.checks.reading_measures).

GERMAN_HARD = ("Die pharmakologische Substitutionsbehandlung mit partiellen Opioidrezeptoragonisten erfordert eine "
               "sorgfältige Berücksichtigung potenzieller Entzugserscheinungen bei körperlich abhängigen Menschen.")
ITALIAN_HARD = ("La somministrazione farmacologica di agonisti parziali dei recettori oppioidi richiede un'attenta "
                "valutazione delle manifestazioni astinenziali precipitate negli individui fisicamente dipendenti.")


def rules_with(repo_config, language, **options):
    """The real content rules, with options changed (None removes one), for pages in `language`."""
    raw = {**repo_config.raw, "extra": {**repo_config.extra, "content_rules": {**repo_config.extra["content_rules"]}}}
    for name, value in options.items():
        raw["extra"]["content_rules"].pop(name, None)
        if value is not None:
            raw["extra"]["content_rules"][name] = value
    return parse_content_rules(raw, "mkdocs.de.yml", language)


def test_every_measure_is_textstats():
    """The engine's table names only measures the pinned textstat has, and each default is made for its language."""
    assert [name for name in MEASURES if not callable(getattr(textstatistics, name, None))] == []
    assert all(language in MEASURES[name].languages for language, name in DEFAULTS.items())


def test_german_text_is_measured_by_the_wiener_sachtextformel(repo_config):
    """A German page gets the German school grade (first Wiener Sachtextformel), not Flesch-Kincaid; the
    grade limit (max_grade) applies to it, and the message names it."""
    rules, problems = rules_with(repo_config, "de")
    assert problems == [] and rules.reading_measure == "wiener_sachtextformel" and rules.reading_limit == rules.max_grade
    hard = readability(page(f"<p>{GERMAN_HARD}</p>"), "de")
    stats = textstatistics()
    stats.set_lang("de")
    assert hard.measure == "wiener_sachtextformel"
    assert hard.score == pytest.approx(stats.wiener_sachtextformel(f"T. {GERMAN_HARD}", 1))
    assert hard.score != pytest.approx(readability(page(f"<p>{GERMAN_HARD}</p>"), "en").score)
    assert [p.message for p in check_grade(hard, rules, "docs-de/x.md")] == [
        f"reading grade (Wiener Sachtextformel) {hard.score:.1f} is above {rules.max_grade:g}: use shorter sentences "
        "and common words, and explain terms"]
    easy = readability(page("<p>Ruf den Notruf an. Du bist nicht allein. Hilfe ist da.</p>"), "de")
    assert check_grade(easy, rules, "docs-de/x.md") == []


def test_italian_text_is_measured_by_gulpease(repo_config):
    """An Italian page gets the Gulpease index, higher for easier text: its limit is min_reading_ease."""
    rules, problems = rules_with(repo_config, "it", min_reading_ease=60)
    assert problems == [] and (rules.reading_measure, rules.reading_limit, rules.min_reading_ease) == ("gulpease_index", 60, 60)
    hard = readability(page(f"<p>{ITALIAN_HARD}</p>"), "it")
    assert hard.measure == "gulpease_index" and hard.ease == hard.score and hard.grade is None
    (problem,) = check_grade(hard, rules, "docs-it/x.md")
    assert problem.message.startswith(f"reading ease (Gulpease) {hard.score:.1f} is below 60: use shorter sentences")
    assert check_grade(readability(page("<p>Chiama il 112. Non sei solo. Bevi acqua.</p>"), "it"), rules, "p") == []


def test_config_chooses_a_measure_made_for_its_language(repo_config):
    """reading_measure picks another measure of the table; a French guide names one (there is no default)."""
    rules, problems = rules_with(repo_config, "fr", reading_measure="flesch_reading_ease", min_reading_ease=50)
    assert problems == [] and (rules.reading_measure, rules.reading_limit) == ("flesch_reading_ease", 50)
    rules, problems = rules_with(repo_config, "pt-BR", reading_measure="lix", max_grade=40)
    assert problems == [] and (rules.reading_measure, rules.reading_limit) == ("lix", 40)
    assert readability(page("<p>Ligue para o 192. Você não está sozinho.</p>"), "pt-BR", "lix").measure == "lix"


@pytest.mark.parametrize("language, options, expected", [
    ("en", {"reading_measure": "kandel_moles"},
     "extra.content_rules.reading_measure: 'kandel_moles' is not a reading measure the engine knows (it is not a measure "
     "textstat 0.7.8 offers): use one of flesch_kincaid_grade, flesch_reading_ease, gunning_fog, lix, smog_index"),
    ("en", {"reading_measure": "lexicon_count"},
     "extra.content_rules.reading_measure: 'lexicon_count' is not a reading measure the engine knows (textstat has it, "
     "but the engine does not list it with its direction and languages): use one of flesch_kincaid_grade, "
     "flesch_reading_ease, gunning_fog, lix, smog_index"),
    ("en", {"reading_measure": ["lix"]}, "extra.content_rules.reading_measure: ['lix'] is not a reading measure"),
    ("en", {"reading_measure": "fernandez_huerta"},
     "extra.content_rules.reading_measure: Fernández Huerta is made for text in es, not 'en': use one of "
     "flesch_kincaid_grade, flesch_reading_ease, gunning_fog, lix, smog_index"),
    ("fr", {},
     "extra.content_rules.reading_measure: the engine has no standard reading measure for pages in 'fr': name the one "
     "to use (flesch_reading_ease, lix) and give its limit"),
    ("en", {"max_grade": None},
     "extra.content_rules.max_grade: must be a number from 1 to 16 (got None): pages in 'en' are measured by reading "
     "grade (Flesch-Kincaid), where lower is easier"),
    ("it", {},  # the grade limit is there (inherited from English), but Gulpease runs the other way
     "extra.content_rules.min_reading_ease: must be a number from 0 to 100 (got None): pages in 'it' are measured by "
     "reading ease (Gulpease), where higher is easier; max_grade is the limit of measures that run the other way"),
    ("en", {"reading_measure": "flesch_reading_ease", "min_reading_ease": 120},
     "extra.content_rules.min_reading_ease: must be a number from 0 to 100 (got 120)"),
    ("es", {"min_reading_ease": 65, "max_grade": "eight"}, "extra.content_rules.max_grade: must be a number (got 'eight')"),
    ("en", {"reading_measure": "lix", "max_grade": 8},
     "extra.content_rules.max_grade: must be a number from 10 to 70 (got 8): pages in 'en' are measured by reading "
     "grade (LIX), where lower is easier"),
])
def test_bad_reading_measure_config(repo_config, language, options, expected):
    """An unknown measure, one textstat lacks, one made for another language, none for a language
    without a default, a missing limit or one of the wrong direction: each named, with the file."""
    rules, problems = rules_with(repo_config, language, **options)
    assert rules is None and len(problems) == 1, problems
    assert problems[0].file == "mkdocs.de.yml" and str(problems[0]).startswith(expected), str(problems[0])
