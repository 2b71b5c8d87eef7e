"""Clinic overlays: a clinic's block and local lines are shown and checked on every page;
mistakes name the overlay file and key; removing a national line must be explicit."""
from __future__ import annotations

import textwrap

import pytest

from conftest import ENGINE, REPO
from guidewright.checks.config_text import CLINIC_LIMITS
from guidewright.cli import main
from guidewright.configuration.settings import load_settings
from guidewright.lines.clinic import LOGO_MAX_BYTES

CLINIC = """
extra:
  clinic:
    name: Test Clinic
    intake:
      label: Call the clinic
      number: (503) 555-0142
      href: "tel:+15035550142"
    address: 1 Test Road
    hours: Mon-Fri 9-5
    note: Walk-ins welcome.
"""


# The words the tiny sites' fixture config holds to be stigmatizing, with what to say instead.
STIGMA_TERMS = load_settings(ENGINE / "mkdocs.yml")[0].rules.stigma_terms

# A county line an overlay adds beside the national ones.
LOCAL_LINE = """
extra:
  crisis_contacts:
    county:
      order: 4
      label: County crisis team
      number: (503) 555-0199
      href: "tel:+15035550199"
      action: Call
      summary: County crisis
      when: A crisis.
      hours: Always
      cost: Free
      privacy: Confidential
      languages: English
"""


def overlay(tiny_site, text: str):
    """clinic.yml INHERITs the tiny site's mkdocs.yml, which INHERITs the engine tests' fixture."""
    tiny_site.config()
    path = tiny_site.root / "clinic.yml"
    path.write_text("INHERIT: mkdocs.yml\n" + textwrap.dedent(text))
    return path


def build(config, capsys, *args):
    code = main(["--config", str(config), *args])
    return code, capsys.readouterr().out


@pytest.mark.build
def test_example_overlay_is_valid(capsys, tmp_path):
    """The committed clinic.example.yml builds and passes every check."""
    code, out = build(REPO / "clinic.example.yml", capsys, "--site-dir", str(tmp_path / "site"))
    assert code == 0, out
    assert "show all 5 crisis contacts" in out


def test_clinic_block_checked_on_the_help_page(tiny_site, capsys):
    """The clinic's details (address, hours, note) are checked where they are shown, on the Get
    help page: a directory partial that drops the address fails, naming the missing text."""
    partial = tiny_site.overrides / "partials" / "crisis-directory.html"
    partial.write_text(partial.read_text().replace("<dd>{{ clinic.address }}</dd>", "<dd></dd>"))
    code, out = build(overlay(tiny_site, CLINIC), capsys)
    assert code == 1
    assert out.count("'1 Test Road' is not visible in the contacts directory") == 1


def test_clinic_intake_link_checked(tiny_site, capsys):
    """The clinic's phone must be a visible link in the help row on every page, like the
    national lines."""
    partial = tiny_site.overrides / "partials" / "crisis-contacts.html"
    partial.write_text(partial.read_text().replace(
        '{% include "partials/call-link.html" %}',
        '{% if cell.href != "tel:+15035550142" %}{% include "partials/call-link.html" %}{% endif %}'))
    code, out = build(overlay(tiny_site, CLINIC), capsys)
    assert code == 1 and "Test Clinic: Call the clinic ((503) 555-0142): no link in the crisis block" in out


@pytest.mark.parametrize("change, key", [
    ("    name: ''\n", "extra.clinic.name: must be text"),
    ("    colour: blue\n", "extra.clinic.colour: unknown option"),
    ("    logo: missing.png\n", "extra.clinic.logo: file not found:"),
    ("    logo: ''\n", "extra.clinic.logo: must be the path of a .png or .svg file"),
])
def test_malformed_clinic_names_overlay_and_key(tiny_site, capsys, change, key):
    """A malformed clinic block is refused before building, naming clinic.yml and the key."""
    field = change.split(":")[0]  # the change replaces that field (a repeated key is its own mistake)
    text = "".join(line for line in CLINIC.splitlines(keepends=True) if not line.startswith(f"{field}:")) + change
    code, out = build(overlay(tiny_site, text), capsys)
    assert code == 2 and "nothing was built" in out
    assert f"clinic.yml\n    - {key}" in out


def test_clinic_phone_dialling_another_number(tiny_site, capsys):
    """A clinic link that dials another number is refused."""
    code, out = build(overlay(tiny_site, CLINIC.replace("tel:+15035550142", "tel:+15035550143")), capsys)
    assert code == 2 and "extra.clinic.intake.href: 'tel:+15035550143' dials +15035550143" in out


def test_error_in_base_config_names_base_file(tiny_site, capsys):
    """A mistake that lives in the inherited file names that file, not the overlay."""
    tiny_site.config(LOCAL_LINE.replace('"tel:+15035550199"', "'tel:123'"))
    path = tiny_site.root / "clinic.yml"
    path.write_text("INHERIT: mkdocs.yml\n" + textwrap.dedent(CLINIC))
    code, out = build(path, capsys)
    assert code == 2 and "mkdocs.yml\n    - extra.crisis_contacts.county.href" in out
    assert "clinic.yml\n" not in out


def test_local_line_added_and_checked(tiny_site, capsys):
    """A local crisis line merges in beside the national ones and is checked on every page."""
    national = tiny_site.settings().contacts
    code, out = build(overlay(tiny_site, LOCAL_LINE), capsys)
    assert code == 0 and f"show all {len(national) + 1} crisis contacts" in out
    html = (tiny_site.root / "site" / "index.html").read_text()
    assert 'href="tel:+15035550199"' in html and all(f'href="{line.href}"' in html for line in national)


def test_removing_national_line_needs_why(tiny_site, capsys):
    """remove: true without a reason is refused; nulling an entry is refused too."""
    code, out = build(overlay(tiny_site, "extra:\n  crisis_contacts:\n    samhsa:\n      remove: true\n"), capsys)
    assert code == 2 and "extra.crisis_contacts.samhsa.why: say why this line is removed" in out
    code, out = build(overlay(tiny_site, "extra:\n  crisis_contacts:\n    samhsa: null\n"), capsys)
    assert code == 2 and "to remove this line set remove: true and why" in out


def test_removing_national_line_explicitly(tiny_site, capsys):
    """An explicit, explained removal builds without that line."""
    national = tiny_site.settings().contacts
    samhsa = next(line for line in national if line.id == "samhsa")
    text = "extra:\n  crisis_contacts:\n    samhsa:\n      remove: true\n      why: Local referral line instead.\n"
    code, out = build(overlay(tiny_site, text), capsys)
    assert code == 0 and f"show all {len(national) - 1} crisis contacts" in out
    assert samhsa.href not in (tiny_site.root / "site" / "index.html").read_text()
    assert "Removed line: 'samhsa' (" in out and "clinic.yml): Local referral line instead." in out


@pytest.mark.parametrize("removal", [
    "    emergency:\n      remove: true\n      why: x\n",
    "    lifeline:\n      remove: true\n      why: x\n",
    "    emergency:\n      number: '912'\n      href: 'tel:912'\n",
    "".join(f"    {line}:\n      remove: true\n      why: x\n" for line in ("emergency", "lifeline", "samhsa")),
])
def test_overlay_cannot_remove_911_or_988(tiny_site, capsys, removal):
    """Removing or renumbering 911 or 988 is refused, whatever the reason given; nothing is built."""
    code, out = build(overlay(tiny_site, "extra:\n  crisis_contacts:\n" + removal), capsys)
    assert code == 2
    assert "can't be removed or changed: every page must offer it" in out or "every line is removed" in out
    assert not (tiny_site.root / "site").exists()


@pytest.mark.parametrize("rewrite", [
    LOCAL_LINE.replace("    county:", "    samhsa:").split("extra:\n  crisis_contacts:\n")[1],
    "    emergency: {privacy: Confidential, summary: Police}\n",
    "    samhsa:\n      es: {summary: Otra cosa}\n",
    "    samhsa:\n      channels: []\n",
    "    samhsa:\n      remove: true\n      why: x\n      summary: Treatment\n",
])
def test_overlay_cannot_rewrite_a_national_line(tiny_site, capsys, rewrite):
    """An overlay adds lines; it never changes a national line's words, privacy, channels or
    number, nor reuses its id. The refusal names the overlay and the key; nothing is built."""
    code, out = build(overlay(tiny_site, "extra:\n  crisis_contacts:\n" + rewrite), capsys)
    line = rewrite.split(":")[0].strip()
    assert code == 2, out
    assert f"clinic.yml\n    - extra.crisis_contacts.{line}: '{line}' is a national line set in " in out
    assert "an overlay can't change its words, privacy, channels or number, or reuse its id" in out
    assert not (tiny_site.root / "site").exists()


def test_local_line_may_not_dial_a_national_number(tiny_site, capsys):
    """A new id that dials 911 with other words ("Confidential") would contradict the national line."""
    police = LOCAL_LINE.replace("county:", "police:").replace("(503) 555-0199", "911").replace("+15035550199", "911")
    code, out = build(overlay(tiny_site, police), capsys)
    assert code == 2
    assert "extra.crisis_contacts.police: dials 911, which the national line 'emergency' already offers" in out


def test_overlay_cannot_change_which_line_a_box_calls(tiny_site, capsys):
    """The lines each urgency box calls are safety advice: an overlay can't point 911's box elsewhere."""
    text = LOCAL_LINE + "markdown_extensions:\n  guidewright.boxes.urgency_boxes:\n    calls:\n      emergency: [county]\n"
    code, out = build(overlay(tiny_site, text), capsys)
    assert code == 2
    assert "clinic.yml\n    - markdown_extensions.guidewright.boxes.urgency_boxes.calls: which lines each urgency box calls" in out


@pytest.mark.parametrize("text, key, line", [
    (CLINIC + "extra:\n  generator: false\n", "extra", "extra:"),
    (LOCAL_LINE + LOCAL_LINE.split("crisis_contacts:\n")[1], "extra.crisis_contacts.county", "    county:"),
])
def test_duplicate_keys_fail_naming_the_file_and_lines(tiny_site, capsys, text, key, line):
    """YAML keeps the last of two equal keys and drops the first in silence (a second `extra:`
    loses the clinic's whole block): every config file is refused with both line numbers."""
    path = overlay(tiny_site, text)
    first, again = [n for n, written in enumerate(path.read_text().splitlines(), 1) if written == line]
    code, out = build(path, capsys)
    assert code == 2
    assert (f"clinic.yml\n    - {key}: line {again}: {key} is given twice (first on line {first}); YAML keeps "
            "only the last one") in out


@pytest.mark.parametrize("mistake, expected", [
    (CLINIC.replace('"tel:+15035550142"', '"tel:+15035550143"'),
     "dials +15035550143 but the number shown is '(503) 555-0142'"),
    ("extra:\n  content_rules:\n    max_grade: twelve\n", "max_grade: must be a number"),
    ("extra:\n  crisis_contacts:\n    emergency:\n      remove: true\n      why: x\n", "no line dials 911"),
    (CLINIC + "extra:\n  generator: false\n", "extra is given twice"),
])
def test_plain_mkdocs_build_validates_the_whole_config(tiny_site, mistake, expected):
    """`mkdocs build` / `mkdocs serve` with an overlay run the same whole-config validation as
    scripts/build.py, not only the national contacts."""
    import subprocess
    import sys
    path = overlay(tiny_site, mistake)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(path), "-d", str(tiny_site.root / "out")],
                            capture_output=True, text=True, cwd=tiny_site.root)
    assert result.returncode != 0 and expected in result.stdout + result.stderr
    assert "clinic.yml" in result.stdout + result.stderr
    assert not (tiny_site.root / "out" / "index.html").exists()


@pytest.mark.parametrize("old, new, expected", [
    ("Walk-ins welcome.", "Walk-ins welcome. No junkies judged here.",
     f"extra.clinic.note: 'junkies' stigmatizes; say {STIGMA_TERMS['junkies']!r} instead"),
    ("Walk-ins welcome.", "Walk-ins welcome. " + "Really. " * (CLINIC_LIMITS["note"] // 8),
     f"characters; keep it to {CLINIC_LIMITS['note']} or fewer"),
    ("Walk-ins welcome.", "Walk-ins <b>welcome</b>.", "extra.clinic.note: write plain text"),
    ("1 Test Road", "'[1 Test Road](https://maps.example/)'", "extra.clinic.address: write plain text"),
    ("Call the clinic", "Call if your habit is back", "extra.clinic.intake.label: 'habit' stigmatizes"),
])
def test_clinic_text_gets_the_page_rules(tiny_site, capsys, old, new, expected):
    """What a clinic writes is held to the page rules: words, plain text, and a length that
    keeps the crisis lines on the first screen."""
    code, out = build(overlay(tiny_site, CLINIC.replace(old, new)), capsys)
    assert code == 2 and "clinic.yml\n" in out and expected in out


def test_local_line_text_gets_the_page_rules(tiny_site, capsys):
    code, out = build(overlay(tiny_site, LOCAL_LINE.replace("when: A crisis.", "when: Any addict in crisis.")), capsys)
    assert code == 2 and "extra.crisis_contacts.county.when: 'addict' stigmatizes" in out


def test_logo_too_big_is_refused_with_why(tiny_site, capsys):
    logo = tiny_site.root / "big.png"
    header = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (200).to_bytes(4, "big") * 2
    logo.write_bytes(header + b"\x00" * LOGO_MAX_BYTES)
    code, out = build(overlay(tiny_site, CLINIC + "    logo: big.png\n"), capsys)
    assert code == 2 and f"the limit is {LOGO_MAX_BYTES // 1024} KiB" in out and "offline zip" in out


def test_card_too_long_in_a_copy_names_the_overlay_and_its_lines(tiny_site):
    """A quick card pushed onto a second sheet by the lines a clinic added is the clinic's to fix:
    the problem names its overlay and those lines, not the national card."""
    from guidewright.configuration.config import load_site_config
    from guidewright.configuration.overlay_rules import added_lines, blame_added_lines
    from guidewright.problems import Problem
    config = load_site_config(overlay(tiny_site, LOCAL_LINE))[0]
    added = added_lines(config.chain, config.file_yaml, config.shown)
    assert {file.rsplit("/", 1)[-1]: ids for file, ids in added.items()} == {"clinic.yml": ["county"]}
    spilled = Problem("dist/handouts/card-contacts.pdf", "quick card prints on 2 Letter sheets; it must fit one: cut "
                                                        "its parts")
    (problem,) = blame_added_lines([spilled], added)
    assert problem.file.endswith("clinic.yml") and problem.key == "extra.crisis_contacts"
    assert problem.message == ("dist/handouts/card-contacts.pdf: quick card prints on 2 Letter sheets; it must fit "
                               "one, because of the lines this file adds (county): shorten their words (when, hours, "
                               "languages) or remove a line")
    assert blame_added_lines([spilled], {}) == [spilled]  # the national guide's own card: its own to cut
