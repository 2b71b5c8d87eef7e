"""The whole config, validated once: contacts, clinic, content rules and handouts. The build,
the MkDocs hooks (so `mkdocs serve` and plain `mkdocs build` too) and the tests all use this."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from guidewright.boxes.safety_advice import Advice, overlay_problems, parse_advice
from guidewright.checks.config_text import check_config_texts
from guidewright.checks.content_rules import CALLS_KEY, ContentRules, box_call_problems, extension_options, parse_content_rules
from guidewright.checks.reader_controls import parse_reader_controls
from guidewright.configuration.config import SiteConfig, defining_file, load_site_config
from guidewright.configuration.overlay_rules import overlay_line_problems
from guidewright.configuration.site_address import alternate_address, public_address, site_address
from guidewright.configuration.yaml_keys import duplicate_key_problems
from guidewright.languages.localize import (
    DEFAULT_LANGUAGE,
    Languages,
    language_block_problems,
    languages,
    localized,
    misplaced_blocks,
    site_language,
)
from guidewright.languages.translations import language_link_problems, language_links
from guidewright.languages.ui_words import parse_ui
from guidewright.lines.clinic import FIELDS as CLINIC_FIELDS
from guidewright.lines.clinic import INTAKE_FIELDS, Clinic, parse_clinic
from guidewright.lines.contacts import (
    CHANNEL_FIELDS,
    CONTACT_FIELDS,
    Contact,
    parse_contacts,
    parse_denied,
    parse_region,
    parse_required_lines,
    removed_contacts,
)
from guidewright.lines.help_row import help_row_problems
from guidewright.printing.handouts import Card, parse_handouts
from guidewright.problems import Problem
from guidewright.search.search_terms import search_term_problems


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
    words: dict                  # extra's LOCALIZED blocks as this language's readers see them, and the
                                 # language link with its absolute address
    advice: Advice               # warning signs and step lists, in this language
    site_url: str = ""           # this language's public address (guidewright.configuration.site_address)
    region: str = ""             # extra.region: how numbers without a country code are read (guidewright.lines.phone)
    required_lines: dict = field(default_factory=dict)  # extra.required_lines: number -> what it is
    base_language: str = DEFAULT_LANGUAGE  # the guide's main language (its base config's theme.language)

    @property
    def is_translation(self) -> bool:
        return self.language != self.base_language


def localized_extra(extra: dict, language: str, codes: set[str] | None = None) -> dict:
    """extra with the crisis lines and the clinic's block in the site's language."""
    codes = codes or languages(extra)
    return {**extra, **{key: localized(extra[key], language, codes, block_fields, f"extra.{key}")
                        for key in LOCALIZED if key in extra}}


LOCALIZED = ("crisis_contacts", "clinic")


def block_fields(key: str) -> set[str] | None:
    """The fields a language block at this key may give (the block's own fields), so a typo in
    `es:` is named there; None where blocks aren't checked by field."""
    parts = re.sub(r"\[\d+\]", "[]", key).split(".")
    if parts[:2] == ["extra", "crisis_contacts"]:
        return {3: CONTACT_FIELDS, 4: CHANNEL_FIELDS if parts[-1] == "channels[]" else None}.get(len(parts))
    if parts == ["extra", "clinic"]:
        return CLINIC_FIELDS
    return INTAKE_FIELDS if parts == ["extra", "clinic", "intake"] else None


def load_settings(config_path: Path) -> tuple[Settings | None, list[Problem]]:
    """Read and validate the whole config; problems name the file in the INHERIT chain to fix."""
    config, problems = load_site_config(config_path)
    if config is None:
        return None, problems
    def locate(key: str) -> str:
        return defining_file(config, key)

    language = site_language(config.raw)
    # The guide's languages are its base config's: a one-language build of it keeps them.
    base_config = config.file_yaml(config.chain[-1])
    base = site_language(base_config)  # the guide's main language: any, not only English
    codes = Languages({*languages(config.extra, base), *languages(base_config.get("extra") or {}, base)}, base)
    block_problems = [p for key in LOCALIZED for p in language_block_problems(
        config.extra.get(key), f"extra.{key}", codes, locate, block_fields)]
    block_problems += misplaced_blocks(config.extra, codes, locate)
    for path in config.chain:  # a repeated key silently drops data: in every file of the chain
        block_problems += duplicate_key_problems(path.read_text(encoding="utf-8", errors="replace"), config.shown(path))
    extra = localized_extra(config.extra, language, codes)
    denied, problems = parse_denied(config.extra, locate("extra.denied_numbers"))
    problems += block_problems
    region, region_problems = parse_region(config.extra, locate)
    required, required_problems = parse_required_lines(config.extra, locate)
    problems += required_problems + overlay_line_problems(config.chain, config.file_yaml, config.shown, region or "ZZ",
                                                          required)
    if region is None:  # every number below is read in the region: checked without it, all would be wrong
        return None, problems + region_problems
    contacts, found = parse_contacts(extra, locate, denied, region, required)
    clinic, clinic_problems = parse_clinic(extra, locate, config.root, denied, region)
    rules, rule_problems = parse_content_rules(config.raw, locate("extra.content_rules"), language)
    handouts, handout_problems = parse_handouts(config.extra, locate, config.nav_pages)
    problems += found + clinic_problems + rule_problems + handout_problems
    problems += search_term_problems(config.extra, locate, config.nav_pages)
    problems += parse_reader_controls(config.extra, locate, config.docs_dir)
    problems += language_link_problems(config.extra, locate)
    base_words = (base_config.get("extra") or {}).get("ui") if language != base else None
    ui, ui_problems = parse_ui(config.extra, locate, language, base_words if isinstance(base_words, dict) else None)
    problems += ui_problems
    levels = (extension_options(config.raw, "guidewright.boxes.urgency_boxes") or {}).get("levels")
    advice, advice_problems = parse_advice(config.raw, locate, language, codes, levels, config.docs_dir, region=region)
    problems += advice_problems + overlay_problems(config.chain, config.file_yaml, config.shown)
    if rules is not None:  # what a clinic writes gets the page rules too
        problems += check_config_texts(extra, locate, rules)
        removed = {line for line, _ in removed_contacts(config.extra)}
        problems += box_call_problems(rules, {c.id for c in contacts}, removed, locate(CALLS_KEY))
    if clinic is not None:
        contacts = [*contacts, clinic.intake]
    if not problems:  # the help row's size, from the valid lines' words in this language
        problems += help_row_problems(contacts, ui["extension"], locate, [config.shown(p) for p in config.chain],
                                      "" if language == base else language)
    if problems:
        return None, problems
    pages, cards, public_url = handouts
    site_url = site_address(config)
    url_key = "extra.handouts.public_url" if public_url else "site_url"
    url = (public_address(config) if public_url else site_url) or ""
    words = {key: extra[key] for key in LOCALIZED if key in extra}
    # The links to the same page in each other language; absolute too, where the address is known:
    # search engines ignore relative alternates.
    words["language_links"] = [{**link, **({"url": alternate_address(site_url, str(link["base"]))} if site_url else {})}
                               for link in language_links(config.extra)]
    return Settings(config, contacts, clinic, denied, rules, pages, cards, url, url_key, language, ui, words,
                    advice, site_url, region, required, base), []
