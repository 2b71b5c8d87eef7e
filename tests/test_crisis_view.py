"""The crisis lines as the templates get them: computed once, in order, removed lines out."""
from __future__ import annotations

import textwrap

from conftest import ENGINE, REPO
from guidewright.configuration.settings import load_settings
from guidewright.lines.crisis_view import FOOTER_MAX_CHARS, crisis_view


def settings_with(tmp_path, overlay: str):
    path = tmp_path / "clinic.yml"
    path.write_text(f"INHERIT: {ENGINE / 'mkdocs.yml'}\n" + textwrap.dedent(overlay))
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
    national = load_settings(REPO / "mkdocs.yml")[0].contacts
    kept = sorted((c for c in national if c.id != "samhsa"), key=lambda c: c.order)
    assert [line["id"] for line in view["lines"]] == [c.id for c in kept]
    assert [[cell["href"] for cell in line["cells"]] for line in view["lines"]] == \
        [[c.href] + [ch.href for ch in c.channels if ch.banner] for c in kept]  # only channels marked banner
    help_page = settings.config.extra["get_help_page"].removesuffix(".md")
    assert view["help_url"] == f"{help_page}/"
    assert crisis_view(settings, use_directory_urls=False)["help_url"] == f"{help_page}.html"


def test_print_footer_falls_back_to_numbers_when_too_long(tmp_path):
    settings = load_settings(REPO / "mkdocs.yml")[0]
    footer = crisis_view(settings, True)["print_footer"]
    first = settings.contacts[0]
    prefix = f"{settings.ui['free_help']}: "  # the page language's words (extra.ui)
    assert footer.startswith(prefix) and f"{first.number} {first.summary}" in footer
    long_name = "A" * FOOTER_MAX_CHARS
    settings = settings_with(tmp_path, f"""
        extra:
          clinic:
            name: '{long_name[:60]}'
            intake: {{label: Call us, number: (503) 555-0142, href: "tel:+15035550142"}}
    """)
    footer = crisis_view(settings, True)["print_footer"]
    numbers = " · ".join(c.number for c in load_settings(REPO / "mkdocs.yml")[0].contacts)
    assert footer.replace(" ·\\A ", " · ") == f"{prefix}{numbers} · {long_name[:60]} (503) 555-0142"
    # Cut into lines between items only (\A: a CSS line break), so no number is split on paper.
    assert [line.rsplit(" · ", 1)[-1] for line in footer.split("\\A ")] == [f"{numbers.split(' · ')[-1]} ·",
                                                                          f"{long_name[:60]} (503) 555-0142"]


def test_print_footer_is_escaped_for_css(tmp_path):
    settings = settings_with(tmp_path, """
        extra:
          crisis_contacts:
            samhsa: {remove: true, why: A shorter footer.}
            county:
              {order: 4, label: County line, number: (503) 555-0199, href: "tel:+15035550199", action: Call,
               summary: 'Say "help"', when: A crisis., hours: Always, cost: Free, privacy: Confidential,
               languages: English}
    """)
    assert '(503) 555-0199 Say \\"help\\"' in crisis_view(settings, True)["print_footer"]
