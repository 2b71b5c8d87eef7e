"""The crisis lines as the templates get them: computed once, in order, removed lines out."""
from __future__ import annotations

import textwrap

from conftest import REPO
from guide.crisis_view import FOOTER_MAX_CHARS, FOOTER_PREFIX, crisis_view
from guide.settings import load_settings


def settings_with(tmp_path, overlay: str):
    path = tmp_path / "clinic.yml"
    path.write_text(f"INHERIT: {REPO / 'mkdocs.yml'}\n" + textwrap.dedent(overlay))
    settings, problems = load_settings(path)
    assert problems == []
    return settings


def test_lines_in_order_without_removed_ones(tmp_path):
    settings = settings_with(tmp_path, """
        extra:
          crisis_contacts:
            samhsa: {remove: true, why: Our county runs its own referral line.}
    """)
    view = crisis_view(settings, use_directory_urls=True)
    assert [line["number"] for line in view["lines"]] == ["911", "988"]
    assert [c["number"] for c in view["lines"][1]["banner_channels"]] == ["988"]  # only channels marked banner
    assert view["help_url"] == "get-help-now/"
    assert crisis_view(settings, use_directory_urls=False)["help_url"] == "get-help-now.html"


def test_print_footer_falls_back_to_numbers_when_too_long(tmp_path):
    settings = load_settings(REPO / "mkdocs.yml")[0]
    footer = crisis_view(settings, True)["print_footer"]
    assert footer.startswith(FOOTER_PREFIX) and "911 Overdose or any emergency" in footer
    long_name = "A" * FOOTER_MAX_CHARS
    settings = settings_with(tmp_path, f"""
        extra:
          clinic:
            name: '{long_name[:60]}'
            intake: {{label: Call us, number: (503) 555-0142, href: "tel:+15035550142"}}
    """)
    footer = crisis_view(settings, True)["print_footer"]
    assert footer == f"{FOOTER_PREFIX}911 · 988 · 1-800-662-4357 · {long_name[:60]} (503) 555-0142"


def test_print_footer_is_escaped_for_css(tmp_path):
    settings = settings_with(tmp_path, """
        extra:
          crisis_contacts:
            emergency: {summary: 'Say "help"'}
    """)
    assert '911 Say \\"help\\"' in crisis_view(settings, True)["print_footer"]
