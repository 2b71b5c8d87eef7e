"""A quick card's own page printed from the browser (Chromium's print, at 100%, as a reader's
Ctrl+P) fits one sheet of US Letter and of A4, in every language, with the help lines on it."""
from __future__ import annotations

import io

from pypdf import PdfReader

from browser import serve
from conftest import REPO, language_settings
from guidewright.configuration.config import url_path
from guidewright.printing.handouts import PAPERS, card_source

LANGUAGES = language_settings(REPO / "mkdocs.yml")  # folder in the site -> that language's settings


def test_card_pages_print_on_one_sheet_with_the_help_lines(browser, built_site):
    page = browser.new_page()
    printed, problems = 0, []
    with serve(built_site) as base:
        for folder, settings in LANGUAGES.items():
            numbers = [contact.number for contact in settings.contacts]
            for card in settings.cards:
                address = url_path(settings.config.built_path(card_source(card)))
                page.goto(base + (f"{folder}/" if folder else "") + address)
                for size, paper in PAPERS.items():
                    sheets = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True))).pages
                    printed += 1
                    where = f"{folder or 'en'}/{address} ({size})"
                    if len(sheets) != 1:
                        problems.append(f"{where}: prints on {len(sheets)} sheets")
                    text = sheets[0].extract_text()
                    problems += [f"{where}: no {number} on the sheet" for number in numbers if number not in text]
    page.close()
    assert printed == 2 * sum(len(settings.cards) for settings in LANGUAGES.values()) and printed
    assert problems == []
