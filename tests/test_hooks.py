"""Our Markdown extensions and the hooks' pure parts: the search dialog's name, the glossary list."""
from __future__ import annotations

from guidewright.glossary.glossary_terms import GlossaryExtension, definition_list
from guidewright.search.search_dialog import LABEL, label_search_dialog, needs_label

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def test_dialog_gets_a_name_and_nothing_else_changes():
    """Only the dialog's start tag changes, even far into a long page."""
    html = "<html><body>\n" + "<p>filler</p>\n" * 2000 + f"  {DIALOG}\n<p>after</p></body></html>"
    labelled = label_search_dialog(html)
    assert labelled.replace(f' aria-label="{LABEL}"', "", 1) == html
    assert f'<div aria-label="{LABEL}" class="md-search"' in labelled


def test_dialog_already_named_or_absent_is_left_alone():
    """A labelled dialog, or a page without one, comes back unchanged."""
    named = '<div class="md-search" role="dialog" aria-label="Find">'
    assert label_search_dialog(named) == named
    assert label_search_dialog("<p>no search</p>") == "<p>no search</p>"


def test_glossary_definition_list_sorted_and_deduplicated():
    """One entry per term, A to Z regardless of case; other lines are ignored."""
    source = "*[tolerance]: B meaning.\n*[COWS]: A scale.\n*[Tolerance]: duplicate.\nnot a term\n"
    assert definition_list(source) == "COWS\n:   A scale.\n\ntolerance\n:   B meaning."


def test_only_first_use_of_a_term_is_tappable():
    """The first use keeps <abbr tabindex=0>; later uses and uses in links become plain text."""
    import markdown
    md = markdown.Markdown(extensions=["abbr", GlossaryExtension()])
    html = md.convert("[naloxone](x.md) helps. Carry naloxone. Naloxone and naloxone.\n\n"
                      "*[naloxone]: A medicine that reverses an overdose.")
    assert html.count("<abbr") == 1
    assert '<a href="x.md">naloxone</a> helps. Carry <abbr tabindex="0" title=' in html
    assert html.endswith("Naloxone and naloxone.</p>")


def test_search_without_named_dialog_is_found():
    """If the theme renders its search box but no dialog we can name (it changed), say so."""
    page = f'<html><body>{DIALOG}<input class="md-search__input"></div></body></html>'
    assert needs_label(page) and not needs_label(label_search_dialog(page))
    changed = '<html><body><div class="md-search" data-md-component="search"><input class="md-search__input"></div>'
    assert needs_label(changed) and label_search_dialog(changed) == changed
    assert not needs_label("<p>no search</p>")


def test_search_dialog_is_named_in_each_pages_language(built_site, repo_config):
    """The name comes from extra.ui.search_dialog in the page's language (Spanish pages were
    named in English)."""
    from selectolax.lexbor import LexborHTMLParser

    from guidewright.configuration.settings import load_settings
    from guidewright.languages.ui_words import default_words
    assert label_search_dialog("<div class=\"md-search\" role=\"dialog\"></div>", "Buscar <aquí>") == \
        '<div aria-label="Buscar &lt;aquí&gt;" class="md-search" role="dialog"></div>'
    for folder, config in [("", "mkdocs.yml"), *((f"{code}/", name) for code, name in repo_config.extra["translations"].items())]:
        settings = load_settings(repo_config.root / config)[0]
        dialog = LexborHTMLParser((built_site / folder / "index.html").read_text()).css_first("[role=dialog].md-search")
        assert dialog.attributes["aria-label"] == settings.ui["search_dialog"] == default_words(settings.language)["search_dialog"]
