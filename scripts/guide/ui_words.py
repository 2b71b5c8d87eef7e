"""extra.ui: the words the templates, the print footer and the handouts show around the
pages' own text (the help row's name, "Sources", dates, the 404 page...). mkdocs.yml gives them in
English; a translation's config gives its own under the same keys (guide.translations checks
none is left in English). Templates read config.extra.ui.<key>: keep KEYS in step with them
(tests/test_ui_words.py reads the templates)."""
from __future__ import annotations

from guide.problems import config_problem

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
    "on_this_page", "sources_show",
)
DATE_FIELDS = ("{day}", "{month}", "{year}")


def parse_ui(extra: dict, locate) -> tuple[dict, list]:
    raw = extra.get("ui")
    if not isinstance(raw, dict):
        return {}, [config_problem(locate, f"{KEY} is missing: it holds the words templates show ({', '.join(KEYS)})")]
    problems = [config_problem(locate, f"{KEY}.{key}: missing (the templates show it)") for key in KEYS if key not in raw]
    problems += [config_problem(locate, f"{KEY}.{key}: unknown key (known: {', '.join(KEYS)})") for key in raw if key not in KEYS]
    for key, value in raw.items():
        if key == "months":
            if not (isinstance(value, list) and len(value) == 12 and all(isinstance(m, str) and m for m in value)):
                problems.append(config_problem(locate, f"{KEY}.months: must list the 12 month names, January first"))
        elif not isinstance(value, str) or not value.strip():
            problems.append(config_problem(locate, f"{KEY}.{key}: must be text"))
    date = raw.get("date")
    if isinstance(date, str) and not all(field in date for field in DATE_FIELDS):
        problems.append(config_problem(locate, f"{KEY}.date: must contain {', '.join(DATE_FIELDS)} "
                                               f"(got {date!r})"))
    return (raw if not problems else {}), problems
