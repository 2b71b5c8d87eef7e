"""extra.ui: the words the templates, the print footer and the handouts show around the
pages' own text (the help row's name, "Sources", dates, the 404 page...). The engine ships them for
each language it knows (guidewright/ui/<language>.yml, as Material ships its partials/languages/);
a guide's config overrides any of them key by key, and gives them all for a language with none.
Templates read config.extra.ui.<key> (the plugin puts the merged words there): keep KEYS in step
with them (tests/test_translations.py reads the templates)."""
from __future__ import annotations

from functools import cache

import yaml

from guidewright.package_files import PACKAGE
from guidewright.problems import config_problem

DEFAULTS = PACKAGE / "ui"   # <language>.yml

KEY = "extra.ui"
KEYS = (
    "help", "help_row_name", "help_row_title", "skip", "call", "free_help", "search_help_title",
    "search_topics", "not_found_title", "not_found_text", "start_here", "get_help_now", "address",
    "hours", "note", "cost", "privacy", "languages", "our_clinic", "sources", "last_reviewed",
    "next_review", "months", "date", "handouts_pages", "handouts_cards", "handouts_ready",
    "handouts_none", "handouts_print", "letter", "or", "read_online", "signed_off", "no_signoff",
    "print_card",
    "clinic_reviewed", "rule_ends", "rule_ends_then", "extension", "review_overdue", "review_overdue_then",
    "save_offline", "save_offline_note", "saving_offline", "saved_offline", "remove_saved", "save_failed", "share",
    "share_text", "share_email", "add_contacts", "first_aid", "first_aid_title", "quick_exit", "quick_exit_title",
    "on_this_page", "sources_show", "search_dialog",
)
DATE_FIELDS = ("{day}", "{month}", "{year}")


@cache
def default_words(language: str) -> dict:
    """The engine's words for a language ({} for a language it doesn't ship)."""
    path = DEFAULTS / f"{language}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}


def parse_ui(extra: dict, locate, language: str = "en", base_words: dict | None = None) -> tuple[dict, list]:
    """The words in this language: the engine's defaults, then the config's own, key by key.
    base_words: the ui words the guide's base config sets, when this is a translation in another
    language; a translation that inherits one of those (and so would show it in the base language
    where the engine has its own words) must give its own."""
    raw = extra.get("ui", {})
    if not isinstance(raw, dict):
        return {}, [config_problem(locate, f"{KEY} must map word keys to text ({', '.join(KEYS)})")]
    defaults = default_words(language)
    shipped = "" if defaults else f"; the engine ships no words for language {language!r}"
    words = {**defaults, **raw}
    problems = [config_problem(locate, f"{KEY}.{key}: missing (the templates show it{shipped})") for key in KEYS
                if key not in words]
    problems += [config_problem(locate, f"{KEY}.{key}: unknown key (known: {', '.join(KEYS)})") for key in raw if key not in KEYS]
    problems += [config_problem(locate, f"{KEY}.{key}: shows the base language's {value!r} in {language!r}; give it "
                                        "in this language in the translation's config")
                 for key, value in (base_words or {}).items() if key in defaults and raw.get(key) == value]
    for key, value in words.items():
        if key == "months":
            if not (isinstance(value, list) and len(value) == 12 and all(isinstance(m, str) and m for m in value)):
                problems.append(config_problem(locate, f"{KEY}.months: must list the 12 month names, January first"))
        elif not isinstance(value, str) or not value.strip():
            problems.append(config_problem(locate, f"{KEY}.{key}: must be text"))
    date = words.get("date")
    if isinstance(date, str) and not all(field in date for field in DATE_FIELDS):
        problems.append(config_problem(locate, f"{KEY}.date: must contain {', '.join(DATE_FIELDS)} "
                                               f"(got {date!r})"))
    return (words if not problems else {}), problems
