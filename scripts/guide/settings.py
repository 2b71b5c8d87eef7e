"""The whole config, validated once: contacts, clinic, content rules and handouts. The build,
the MkDocs hooks (so `mkdocs serve` and plain `mkdocs build` too) and the tests all use this."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guide.clinic import Clinic, parse_clinic
from guide.config import SiteConfig, defining_file, load_site_config
from guide.config_text import check_config_texts
from guide.contacts import Contact, parse_contacts, parse_denied, removed_contacts
from guide.content_rules import CALLS_KEY, ContentRules, box_call_problems, extension_options, parse_content_rules
from guide.handouts import Card, parse_handouts
from guide.localize import language_block_problems, languages, localized, site_language
from guide.problems import Problem
from guide.safety_advice import Advice, overlay_problems, parse_advice
from guide.search_terms import search_term_problems
from guide.ui_words import parse_ui


@dataclass
class Settings:
    """Everything the checks need from a valid config."""
    config: SiteConfig
    contacts: list[Contact]      # the national and local lines, plus the clinic's intake line
    clinic: Clinic | None
    denied: dict[str, str]
    rules: ContentRules
    handout_pages: list[str]     # nav pages that get a PDF handout
    cards: list[Card]            # one-sheet quick cards
    handout_url: str             # the public address the handouts' QR codes lead to
    handout_url_key: str         # the config key that set it (for warnings)
    language: str                # theme.language: the words the config's language blocks give
    ui: dict                     # extra.ui: the words templates and printed sheets show
    words: dict                  # extra's LOCALIZED blocks as this language's readers see them
    advice: Advice               # warning signs and step lists, in this language


def localized_extra(extra: dict, language: str) -> dict:
    """extra with the crisis lines and the clinic's block in the site's language."""
    codes = languages(extra)
    return {**extra, **{key: localized(extra[key], language, codes) for key in LOCALIZED if key in extra}}


LOCALIZED = ("crisis_contacts", "clinic")


def load_settings(config_path: Path) -> tuple[Settings | None, list[Problem]]:
    """Read and validate the whole config; problems name the file in the INHERIT chain to fix."""
    config, problems = load_site_config(config_path)
    if config is None:
        return None, problems
    def locate(key: str) -> str:
        return defining_file(config, key)

    language = site_language(config.raw)
    codes = languages(config.extra)
    block_problems = [p for key in LOCALIZED
                      for p in language_block_problems(config.extra.get(key), f"extra.{key}", codes, locate)]
    extra = localized_extra(config.extra, language)
    denied, problems = parse_denied(config.extra, locate("extra.denied_numbers"))
    problems += block_problems
    contacts, found = parse_contacts(extra, locate, denied)
    clinic, clinic_problems = parse_clinic(extra, locate, config.root, denied)
    rules, rule_problems = parse_content_rules(config.raw, locate("extra.content_rules"), language)
    handouts, handout_problems = parse_handouts(config.extra, locate, config.nav_pages)
    problems += found + clinic_problems + rule_problems + handout_problems
    problems += search_term_problems(config.extra, locate, config.nav_pages)
    ui, ui_problems = parse_ui(config.extra, locate)
    problems += ui_problems
    levels = (extension_options(config.raw, "guide.urgency_boxes") or {}).get("levels")
    advice, advice_problems = parse_advice(config.raw, locate, language, codes, levels, config.docs_dir)
    problems += advice_problems + overlay_problems(config.chain, config.file_yaml, config.shown)
    if rules is not None:  # what a clinic writes gets the page rules too
        problems += check_config_texts(extra, locate, rules)
        removed = {line for line, _ in removed_contacts(config.extra)}
        problems += box_call_problems(rules, {c.id for c in contacts}, removed, locate(CALLS_KEY))
    if problems:
        return None, problems
    if clinic is not None:
        contacts = [*contacts, clinic.intake]
    pages, cards, public_url = handouts
    url_key = "extra.handouts.public_url" if public_url else "site_url"
    url = public_url or config.raw.get("site_url") or ""
    words = {key: extra[key] for key in LOCALIZED if key in extra}
    return Settings(config, contacts, clinic, denied, rules, pages, cards, url, url_key, language, ui, words,
                    advice), []
