"""The help lines as a contacts file (guidewright.lines.contacts_card): a vCard phones read, made from the
contacts config in each language, and a build check that it dials exactly the config's numbers."""
from __future__ import annotations

from dataclasses import replace

from guidewright.build.pipeline import build
from guidewright.configuration.settings import load_settings
from guidewright.lines.contacts_card import (
    CRLF,
    FILE,
    LINE_OCTETS,
    card_numbers,
    check_contacts_card,
    contacts_card,
    escape,
    fold,
    unfold,
)
from guidewright.lines.phone import dialled_digits
from test_clinic_overlay import CLINIC, LOCAL_LINE, overlay


def config_numbers(contacts, region) -> list[list[str]]:
    """What each line dials, from the config: the line, then each channel with a number."""
    return [[dialled_digits(contact.href, region)] + [dialled_digits(c.href, region) for c in contact.channels if c.number]
            for contact in contacts]


def test_text_is_escaped_and_long_lines_folded():
    assert escape("A, B; C\\D\nE") == "A\\, B\\; C\\\\D\\nE"
    line = "NOTE:" + escape("Línea de Prevención del Suicidio y Crisis, las 24 horas; " * 4)
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= LINE_OCTETS for part in folded.split(CRLF))
    assert unfold(folded + CRLF) == [line]  # no letter split between lines


def test_national_lines_in_both_languages(repo_settings, spanish):
    """One card per line the pages show, dialling the config's numbers, with CRLF line endings,
    in each language's words."""
    for settings in (repo_settings, spanish):
        text = contacts_card(settings.contacts, settings.ui["help_row_name"])
        assert card_numbers(text, settings.region) == config_numbers(settings.contacts, settings.region)
        assert check_contacts_card(text, settings.contacts, FILE, settings.region) == []
        assert text.count(CRLF) == text.count("\n")
        assert all(f"FN:{escape(contact.label)}" in unfold(text) for contact in settings.contacts)
    spanish_lifeline = next(c for c in spanish.contacts if c.id == "lifeline")
    assert f"FN:{escape(spanish_lifeline.label)}" in unfold(contacts_card(spanish.contacts, "x"))


def test_check_names_a_wrong_number(repo_settings):
    """A card that dials another number than the config fails, naming the line and both numbers."""
    contacts = repo_settings.contacts
    lifeline = next(c for c in contacts if c.id == "lifeline")
    changed = [replace(c, href="tel:+15555550123") if c is lifeline else c for c in contacts]
    problems = check_contacts_card(contacts_card(changed, "x"), contacts, FILE, repo_settings.region)
    assert len(problems) == 1
    assert problems[0].message.startswith(f"the card for {lifeline.label!r} dials +15555550123, ")
    assert f"but the contacts config gives {', '.join(config_numbers([lifeline], repo_settings.region)[0])}: a reader would save " \
           "wrong numbers; rebuild" in problems[0].message


def test_check_finds_a_removed_line_missing_file_and_bare_newlines(repo_settings):
    contacts, region = repo_settings.contacts, repo_settings.region
    text = contacts_card(contacts, "x")
    assert "a removed line is still in it" in check_contacts_card(text, contacts[:-1], FILE, region)[0].message
    assert check_contacts_card(None, contacts, FILE, region)[0].message.startswith("missing: the build writes it")
    assert "lines must end with CRLF" in check_contacts_card(text.replace(CRLF, "\n"), contacts, FILE, region)[0].message


def test_clinic_overlay_card_has_the_clinic_and_local_lines(tiny_site):
    """Built with a clinic overlay: the file in the site dials the clinic's line and the county
    line too, exactly as the overlay's config gives them, and the Get help page links it."""
    path = overlay(tiny_site, CLINIC + LOCAL_LINE.replace("extra:\n", "", 1))
    site = tiny_site.root / "site"
    assert build(path, site, dist_dir=tiny_site.root / "dist").ok
    settings, _ = load_settings(path)
    text = (site / FILE).read_bytes().decode("utf-8")
    assert card_numbers(text, settings.region) == config_numbers(settings.contacts, settings.region)
    assert {"clinic", "county"} <= {c.id for c in settings.contacts}
    assert "1 Test Road" in "".join(unfold(text))
    page = (site / "get-help-now" / "index.html").read_text(encoding="utf-8")  # linked at its root
    assert f'href="../{FILE}"' in page and settings.ui["add_contacts"] in page

