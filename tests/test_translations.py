"""The guide in Spanish: one contacts config with language blocks, the checks that pair the
languages (every page both ways, a link to its pair, the same numbers), and the Spanish rules
(reading ease, stigma terms, the template words)."""
from __future__ import annotations

import copy
import re

import yaml
from mkdocs.utils.yaml import yaml_load
from selectolax.lexbor import LexborHTMLParser

from conftest import REPO
from guidewright.checks.page_check import check_grade, readability
from guidewright.checks.source_check import check_stigma
from guidewright.configuration.settings import block_fields, load_settings, localized_extra
from guidewright.languages.localize import language_block_problems, languages, localized, misplaced_blocks
from guidewright.languages.translations import check_language_links, check_page_pairs, check_same_numbers
from guidewright.languages.ui_words import KEYS, default_words, parse_ui
from guidewright.lines.contacts import parse_contacts, parse_denied
from guidewright.package_files import THEME
from test_build_cli import build


def test_spanish_lines_dial_the_same_numbers_in_their_own_words(repo_settings, spanish):
    """The Spanish build shows each line in Spanish, from the same entries: same ids, numbers
    and links, other words."""
    english = {c.id: c for c in repo_settings.contacts}
    assert [c.id for c in spanish.contacts] == list(english)
    for line in spanish.contacts:
        assert line.dial_targets() == english[line.id].dial_targets()
        assert line.when != english[line.id].when
    # In Spanish the help row offers 988's AYUDA text, not the English one.
    lifeline = next(c for c in spanish.contacts if c.number == "988")
    assert [c.href for c in lifeline.channels if c.banner] == ["sms:988?body=AYUDA"]


def test_language_block_may_not_set_a_number(repo_config):
    """A number or phone link in a language block is refused, naming the key: every language
    dials the numbers set once."""
    raw = copy.deepcopy(repo_config.extra["crisis_contacts"])
    raw["samhsa"]["es"]["number"] = "1-800-000-0000"
    raw["lifeline"]["channels"][0]["es"]["href"] = "sms:741741"
    messages = [str(p) for p in language_block_problems(raw, "extra.crisis_contacts", {"en", "es"}, "mkdocs.yml")]
    assert len(messages) == 2
    assert messages[0].startswith("extra.crisis_contacts.lifeline.channels[0].es.href: numbers, links and order "
                                  "are set once for every language")
    assert messages[1].startswith("extra.crisis_contacts.samhsa.es.number: numbers, links and order")


def test_language_block_may_change_a_web_link_and_words(repo_config):
    raw = copy.deepcopy(repo_config.extra["crisis_contacts"])
    chat = raw["lifeline"]["channels"][-1]
    chat["es"] = {"label": "Chat", "href": "https://example.org/es/chat"}
    assert language_block_problems(raw, "extra.crisis_contacts", {"en", "es"}, "mkdocs.yml") == []
    merged = localized(raw, "es", {"en", "es"})
    assert merged["lifeline"]["channels"][-1] == {**{k: v for k, v in chat.items() if k != "es"}, **chat["es"]}
    assert "es" not in localized(raw, "en", {"en", "es"})["lifeline"]


def test_english_block_refused():
    problems = language_block_problems({"x": {"label": "A", "en": {"label": "B"}}}, "extra.clinic", {"en", "es"},
                                       "clinic.yml")
    assert [str(p) for p in problems] == ["extra.clinic.x.en: the fields around it are already the 'en' words; "
                                             "give other languages only"]


def test_unknown_field_in_block_is_named_with_its_language(repo_config):
    """A misspelt field in a language block is named where it is (`.es.sumary`), once: the merged
    line leaves it out, so its own checks don't report it again under another key."""
    extra = copy.deepcopy(repo_config.extra)
    extra["crisis_contacts"]["emergency"]["es"]["sumary"] = "x"
    extra["crisis_contacts"]["samhsa"]["channels"][0]["es"]["lable"] = "x"
    problems = [str(p) for p in language_block_problems(extra["crisis_contacts"], "extra.crisis_contacts",
                                                        languages(extra), "mkdocs.yml", block_fields)]
    assert [p.split(":")[0] for p in problems] == ["extra.crisis_contacts.emergency.es.sumary",
                                                   "extra.crisis_contacts.samhsa.channels[0].es.lable"]
    assert "unknown field (allowed:" in problems[0]
    merged = localized_extra(extra, "es")
    assert parse_contacts(merged, "mkdocs.yml", parse_denied(extra, "mkdocs.yml")[0], extra["region"],
                          extra["required_lines"])[1] == []


def test_language_blocks_only_for_the_guides_languages(repo_config):
    """`sp:` isn't Spanish and `fr:` isn't a language this guide has: neither is dropped in silence."""
    extra = copy.deepcopy(repo_config.extra)
    codes = languages(extra)
    assert codes == {"en", *extra["translations"]}
    extra["crisis_contacts"]["samhsa"]["fr"] = {"summary": "Traitement"}
    extra["crisis_contacts"]["samhsa"]["sp"] = {"summary": "Tratamiento"}
    problems = [str(p) for p in language_block_problems(extra["crisis_contacts"], "extra.crisis_contacts", codes,
                                                        "clinic.yml", block_fields)]
    assert problems == [f"extra.crisis_contacts.samhsa.fr: 'fr' is not a language of this guide (it has "
                        f"{', '.join(sorted(codes))}: extra.translations lists them); put these words under one of "
                        "those codes, or add the language first"]
    # `sp` is no language code at all: the line's own check names it as an unknown field.
    found = parse_contacts(localized_extra(extra, "es"), "clinic.yml", {}, extra["region"], extra["required_lines"])[1]
    assert [p.key for p in found] == ["extra.crisis_contacts.samhsa.sp"]
    assert found[0].message.startswith("unknown field")


def test_language_block_under_extra_is_refused(repo_config):
    """`extra.es.clinic` looks like the place for Spanish words, but nothing reads it."""
    extra = {**repo_config.extra, "es": {"clinic": {"note": "x"}}}
    (problem,) = misplaced_blocks(extra, languages(extra), "clinic.yml")
    assert problem.key == "extra.es" and problem.file == "clinic.yml"
    assert "go inside the block they translate" in problem.message


def test_clinic_words_in_spanish():
    """The example clinic overlay gives its note and row label in Spanish too."""
    raw = yaml_load((REPO / "clinic.example.yml").read_text())
    clinic = localized(raw["extra"]["clinic"], "es", languages({"translations": {"es": "x"}}))
    assert clinic["intake"]["number"] == raw["extra"]["clinic"]["intake"]["number"]
    assert clinic["intake"]["label"] == raw["extra"]["clinic"]["es"]["intake"]["label"]
    assert clinic["note"] == raw["extra"]["clinic"]["es"]["note"]


def test_page_pairs():
    """A page missing in either language is named, with what to do."""
    assert check_page_pairs(["a.md", "b.md"], ["a.md", "b.md"], "docs", "docs-es") == []
    problems = check_page_pairs(["a.md", "b.md"], ["a.md", "c.md"], "docs", "docs-es")
    assert [(p.file, p.message.split(":")[0]) for p in problems] == [("docs-es/b.md", "missing"),
                                                                     ("docs/c.md", "missing")]
    assert "docs/b.md has no translation here" in problems[0].message
    (order,) = check_page_pairs(["a.md", "b.md"], ["b.md", "a.md"], "docs", "docs-es")
    assert order.file == "docs-es" and "another order" in order.message


def _page(path, link: str | None, row: str = '<a href="tel:911">911</a>'):
    path.parent.mkdir(parents=True, exist_ok=True)
    anchor = f'<a data-pe-language-link href="{link}">x</a>' if link is not None else ""
    path.write_text(f'<html><body><nav data-crisis-contacts>{row}</nav>{anchor}</body></html>')


def test_language_links(tmp_path):
    """Each page links to its pair; a missing link, a wrong target or an unbuilt pair is named."""
    site, es = tmp_path / "site", tmp_path / "site" / "es"
    _page(site / "index.html", "es/")
    _page(site / "a" / "index.html", "../es/a/")
    _page(site / "b" / "index.html", None)
    _page(site / "c" / "index.html", "../es/b/")
    _page(site / "d" / "index.html", "../es/d/")
    for name in ("index.html", "a/index.html", "b/index.html", "c/index.html"):
        _page(es / name, "../../" + name.removesuffix("index.html") if name != "index.html" else "../")
    problems = check_language_links(site, es, "site", (es,))
    assert [p.file for p in problems] == ["site/b/index.html", "site/c/index.html", "site/d/index.html"]
    assert "no link to this page in the other language" in problems[0].message
    assert "not to this page's pair" in problems[1].message
    assert "the other language has no built page there" in problems[2].message
    assert check_language_links(es, site, "site/es") == []


def test_same_numbers(tmp_path, repo_settings):
    """The proof both languages dial the same numbers: a pair whose help rows differ fails."""
    site, es = tmp_path / "site", tmp_path / "site" / "es"
    _page(site / "index.html", "es/", '<a href="tel:911">911</a><a href="tel:988">988</a>')
    _page(es / "index.html", "../", '<a href="tel:911">911</a><a href="tel:988">988</a>')
    _page(site / "a.html", "es/a.html", '<a href="tel:911">911</a><a href="tel:988">988</a>')
    _page(es / "a.html", "../a.html", '<a href="tel:911">911</a><a href="tel:989">988</a>')
    (problem,) = check_same_numbers(site, es, "site", "site/es", site / "none.html", repo_settings.region)
    assert problem.file == "site/es/a.html"
    assert "dials ['911', '989'], but site/a.html dials ['911', '988']" in problem.message


def test_spanish_reading_ease(spanish):
    """Spanish pages are measured by Fernández Huerta's ease, with the limit from config."""
    rules = spanish.rules
    easy = readability("<article><p>Llama al 911. No estás solo. Te pueden ayudar hoy.</p></article>", "es")
    assert easy.ease > rules.min_reading_ease and check_grade(easy, rules, "p") == []
    hard = readability("<article><p>La farmacocinética de la buprenorfina sublingual determina concentraciones "
                       "plasmáticas prolongadas, independientemente de la administración concomitante de "
                       "benzodiacepinas.</p></article>", "es")
    (problem,) = check_grade(hard, rules, "docs-es/x.md")
    assert f"is below {rules.min_reading_ease:g}" in problem.message


def test_spanish_stigma_terms(spanish):
    """Spanish stigma terms fail with a person-first suggestion; safe phrases pass."""
    rules = spanish.rules
    problems = check_stigma("Mi hijo es adicto.\nUsa agua limpia.\nYa está limpio.", "docs-es/x.md", rules)
    assert [p.message for p in problems] == [
        f"line 1: 'adicto' stigmatizes; say {rules.stigma_terms['adicto']!r} instead",
        f"line 3: 'limpio' stigmatizes; say {rules.stigma_terms['limpio']!r} instead"]
    for word in ("drogadicto", "toxicómano", "yonqui", "abuso", "sucio", "vicio"):
        assert check_stigma(f"Es {word}.", "x", rules), word


def test_ui_words_checked():
    """For a language the engine ships no words for, every word is needed; the shipped ones
    can be overridden key by key, and their form is checked."""
    words = {key: "x" for key in KEYS if key not in ("help", "months", "date")}
    messages = [str(p) for p in parse_ui({"ui": {**words, "months": ["janv"], "date": "{day}/{month}"}}, "mkdocs.fr.yml", "fr")[1]]
    assert messages == ["extra.ui.help: missing (the templates show it; the engine ships no words for language 'fr')",
                        "extra.ui.months: must list the 12 month names, January first",
                        "extra.ui.date: must contain {day}, {month}, {year} (got '{day}/{month}')"]
    shipped, problems = parse_ui({"ui": {"help": "Aide"}}, "mkdocs.yml", "es")
    assert problems == [] and shipped["help"] == "Aide" and shipped["share"] == default_words("es")["share"]
    assert [str(p) for p in parse_ui({"ui": {"typo": "x"}}, "mkdocs.yml", "en")[1]][0].startswith("extra.ui.typo: unknown key")


def test_translation_may_not_inherit_the_base_languages_words():
    """A word the base config overrides is inherited by a translation unless it gives its own:
    it would show in the base language where the engine has the translation's."""
    base = {"first_aid": "Overdose?"}
    found = [str(p) for p in parse_ui({"ui": dict(base)}, "mkdocs.es.yml", "es", base)[1]]
    assert found == ["extra.ui.first_aid: shows the base language's 'Overdose?' in 'es'; give it in this language "
                     "in the translation's config"]
    assert parse_ui({"ui": {"first_aid": "¿Sobredosis?"}}, "mkdocs.es.yml", "es", base)[1] == []


def test_engine_ships_every_word_in_each_language():
    assert {language: sorted(set(KEYS) - set(default_words(language))) for language in ("en", "es")} == {"en": [], "es": []}


def test_templates_use_only_known_ui_words():
    used = set()
    for template in THEME.rglob("*.html"):
        used |= set(re.findall(r"\bui\.(\w+)", template.read_text()))
    assert used and used <= set(KEYS)


def test_spanish_gives_every_ui_word(repo_config, spanish):
    """Nothing around the Spanish pages is left in English."""
    english, words = load_settings(REPO / "mkdocs.yml")[0].ui, spanish.ui
    assert [key for key in KEYS if words[key] == english[key]] == []


# End to end: the tiny site with its Spanish translation, through the build command.

def spanish_rules(site):
    """The tiny Spanish site's content rules, as its es.yml (written by site.config()) gives them."""
    return load_settings(site.root / "es.yml")[0].rules


def test_tiny_site_builds_in_both_languages(tiny_spanish_site, capsys):
    code, out = build(tiny_spanish_site.config(), capsys)
    assert code == 0, out
    pages = 2 * (len(tiny_spanish_site.nav) + 1)  # each language's pages and its 404 page
    ease = spanish_rules(tiny_spanish_site).min_reading_ease
    assert f"OK: {pages} pages" in out and f"Reading ease (Fernández Huerta, at least {ease:g}" in out
    site = tiny_spanish_site.root / "site"
    assert 'lang="es"' in (site / "es" / "index.html").read_text()


def test_missing_spanish_page_fails_naming_it(tiny_spanish_site, capsys):
    (tiny_spanish_site.docs_es / "glossary.md").unlink()
    code, out = build(tiny_spanish_site.config(), capsys)
    assert code == 1
    assert "docs-es/glossary.md" in out and "docs/glossary.md has no translation here" in out


def test_number_in_a_language_block_stops_thebuild(tiny_spanish_site, capsys):
    config = tiny_spanish_site.config("""
        extra:
          crisis_contacts:
            samhsa:
              es: {number: 1-800-555-0100}
    """)
    code, out = build(config, capsys)
    assert code == 2
    assert "extra.crisis_contacts.samhsa.es.number: numbers, links and order are set once for every language" in out


def test_spanish_stigma_term_and_hard_text_fail(tiny_spanish_site, capsys):
    page = tiny_spanish_site.docs_es / "index.md"
    page.write_text(page.read_text().replace(
        "El gato se sentó en la alfombra. Fue un buen día.",
        "Mi hermano es adicto. La farmacocinética sublingual determina concentraciones plasmáticas "
        "prolongadas independientemente de administraciones concomitantes."))
    code, out = build(tiny_spanish_site.config(), capsys)
    rules = spanish_rules(tiny_spanish_site)
    assert code == 1
    assert f"'adicto' stigmatizes; say {rules.stigma_terms['adicto']!r} instead" in out
    assert "reading ease (Fernández Huerta)" in out and f"is below {rules.min_reading_ease:g}" in out


def test_language_link_removed_fails_on_every_page(tiny_spanish_site, capsys):
    (tiny_spanish_site.overrides / "partials" / "language-link.html").write_text("")
    code, out = build(tiny_spanish_site.config(), capsys)
    pages = len(tiny_spanish_site.nav) + 1  # and the 404 page
    assert code == 1
    assert out.count("no link to this page in language 'es'") == pages
    assert out.count("no link to this page in language 'en'") == pages



def test_a_third_language_links_both_ways_with_the_main_one(tiny_spanish_site, capsys):
    """N languages: extra.language_link may list several; each page links to its pair in every
    language, and the build checks the main language and each translation both ways."""
    site = tiny_spanish_site
    config = site.config()
    (site.root / "docs-fr").mkdir()
    (site.root / "docs-fr" / "assets").symlink_to(site.docs / "assets")
    for name in site.nav:
        site.page(name, (site.docs_es / name).read_text(), "fr")
    links = {"en": "{lang: en, label: English, title: This page in English, base: ../}",
             "es": "{lang: es, label: Español, title: Esta página en español, base: %s}",
             "fr": "{lang: fr, label: Français, title: Cette page en français, base: %s}"}
    both = f"[{links['es'] % 'es/'}, {links['fr'] % 'fr/'}]"
    main = config.read_text().replace("translations: {es: es.yml}",
                                      "translations: {es: es.yml, fr: fr.yml}\n  language_link: " + both)
    config.write_text(main)
    es = site.root / "es.yml"
    es.write_text(es.read_text().replace(links["en"], f"[{links['en']}, {links['fr'] % '../fr/'}]"))
    words = yaml.safe_dump({"ui": {**default_words("es"), "first_aid": "Urgence ?"}}, allow_unicode=True)
    (site.root / "fr.yml").write_text(
        es.read_text().split("extra:")[0].replace("docs-es", "docs-fr").replace("language: es", "language: fr")
        .replace("lang: es", "lang: fr")
        + f"extra:\n  language_link: [{links['en']}, {links['es'] % '../es/'}]\n"
        + "".join(f"  {line}\n" for line in words.splitlines())
        + "  content_rules:\n    review_log: docs-review/fr\n    reading_measure: lix\n    max_grade: 60\n")
    code, out = build(config, capsys)
    assert code == 0, out
    built = site.root / "site"
    home = LexborHTMLParser((built / "index.html").read_text())
    assert [a.attributes["hreflang"] for a in home.css("a[data-pe-language-link]")] == ["es", "fr"]
    (site.root / "fr.yml").write_text((site.root / "fr.yml").read_text().replace(f"  language_link: [{links['en']}, ",
                                                                               "  language_link: ["))
    code, out = build(config, capsys)
    assert code == 1 and out.count("no link to this page in language 'en'") == len(site.nav) + 1  # and the 404 page


def test_language_link_config_is_checked():
    from guidewright.languages.translations import language_link_problems
    assert language_link_problems({}, "mkdocs.yml") == []
    good = {"lang": "es", "label": "Español", "title": "Esta página en español", "base": "es/"}
    assert language_link_problems({"language_link": good}, "mkdocs.yml") == []
    assert language_link_problems({"language_link": [good, {**good, "lang": "fr"}]}, "mkdocs.yml") == []
    found = [str(p) for p in language_link_problems({"language_link": [good, {"lang": "fr", "labl": "x"}]}, "x")]
    assert [m.split(":")[0] for m in found] == [f"extra.language_link[1].{name}" for name in ("label", "title", "base", "labl")]
    assert "must be a mapping" in str(language_link_problems({"language_link": "es/"}, "x")[0])
