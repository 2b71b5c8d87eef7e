"""Validation of extra.crisis_contacts: every mistake is named by its config key."""
from __future__ import annotations

import copy

import pytest

from conftest import ENGINE
from guidewright.configuration.settings import localized_extra
from guidewright.lines.contacts import ROW_NAME_MAX, parse_contacts, parse_denied, parse_region, parse_required_lines
from guidewright.lines.phone import canonical, number_hash


@pytest.fixture
def extra(repo_config):
    """The contacts as an English build parses them (language blocks merged: guidewright.languages.localize)."""
    return localized_extra(copy.deepcopy(repo_config.extra), "en")


def parsed(extra, denied=None):
    """parse_contacts as the build calls it: the region and the required lines from the same config."""
    if denied is None:
        denied = parse_denied(extra, "mkdocs.yml")[0]
    region = parse_region(extra, "mkdocs.yml")[0]
    return parse_contacts(extra, "mkdocs.yml", denied, region, parse_required_lines(extra, "mkdocs.yml")[0])


def problems_for(extra, denied=None):
    return [str(p) for p in parsed(extra, denied)[1]]


def test_repo_config_is_valid_and_ordered(extra):
    """The shipped config has 911, 988 and SAMHSA in banner order."""
    contacts, problems = parsed(extra)
    assert problems == []
    assert [c.number for c in contacts] == ["911", "988", "1-800-662-4357"]


def test_empty_mapping(extra):
    """No contacts at all is refused."""
    extra["crisis_contacts"] = {}
    assert problems_for(extra) == ["extra.crisis_contacts is missing or empty: every page must show crisis contacts"]


def test_missing_field(extra):
    """A missing field names the entry and the field."""
    del extra["crisis_contacts"]["lifeline"]["when"]
    assert problems_for(extra) == ["extra.crisis_contacts.lifeline.when: missing or empty"]


def test_unknown_field(extra):
    """A typo in a field name is reported, not ignored."""
    extra["crisis_contacts"]["emergency"]["sumary"] = "x"
    assert any(m.startswith("extra.crisis_contacts.emergency.sumary: unknown field") for m in problems_for(extra))


def test_number_with_letters(extra):
    """A vanity number with letters can't be dialled from a link: refused."""
    extra["crisis_contacts"]["samhsa"]["number"] = "1-800-662-HELP"
    messages = problems_for(extra)
    assert any("samhsa.number: '1-800-662-HELP' must be digits" in m for m in messages)


def test_link_dials_other_number(extra):
    """A link that dials something other than the number shown is refused."""
    extra["crisis_contacts"]["emergency"]["href"] = "tel:912"
    assert problems_for(extra) == [
        "extra.crisis_contacts.emergency.href: 'tel:912' dials 912 but the number shown is '911'; "
        "make the link dial the number shown"]


def test_link_with_wrong_scheme(extra):
    """A main link must be tel: or sms:."""
    extra["crisis_contacts"]["emergency"]["href"] = "https://example.org/911"
    assert any("must start with tel: or sms:" in m for m in problems_for(extra))


def test_country_code_forms_match(extra):
    """+1, 1- and bare 10-digit forms of the same number are the same number."""
    extra["crisis_contacts"]["samhsa"]["number"] = "(800) 662-4357"
    extra["crisis_contacts"]["samhsa"]["href"] = "tel:1-800-662-4357"
    assert problems_for(extra) == []


def test_channel_dialling_other_number(extra):
    """A TTY channel that dials the wrong number is refused."""
    extra["crisis_contacts"]["samhsa"]["channels"][0]["href"] = "tel:+18004874880"
    assert any("samhsa.channels[0].href" in m and "dials +18004874880" in m for m in problems_for(extra))


def test_channel_dial_link_without_number(extra):
    """A tel:/sms: channel must show its number."""
    del extra["crisis_contacts"]["lifeline"]["channels"][0]["number"]
    assert any("lifeline.channels[0].number: a sms: link must show its number" in m for m in problems_for(extra))


def test_denied_number(extra):
    """A denied number as a contact is refused, by id, without printing it."""
    denied = {number_hash("1-800-662-4357", extra["region"]): "test-denied"}
    messages = problems_for(extra, denied)
    assert messages == ["extra.crisis_contacts.samhsa: 'test-denied' is a denied number and must never appear"]


def test_entry_not_a_mapping(extra):
    """A contact written as a bare string is refused."""
    extra["crisis_contacts"]["emergency"] = "911"
    assert problems_for(extra)[0].startswith("extra.crisis_contacts.emergency: must be a mapping")


def test_every_problem_reported_at_once(extra):
    """Two broken entries give two problems in one report."""
    del extra["crisis_contacts"]["emergency"]["label"]
    extra["crisis_contacts"]["samhsa"]["href"] = "tel:123"
    assert len(problems_for(extra)) == 2


def test_denylist_entry_without_hash(extra):
    """A denylist entry needs a valid sha256."""
    extra["denied_numbers"] = {"oops": {"sha256": "1234"}}
    _, problems = parse_denied(extra, "mkdocs.yml")
    assert str(problems[0]).startswith("extra.denied_numbers.oops: needs sha256")


def test_seed_marketing_line_is_denied(denied):
    """The repo denies the seed document's sales line (checked by hash only)."""
    assert "seed-000-marketing-line" in denied.values()


def test_long_row_name_refused(extra):
    """A line's name in the help row (summary) longer than the row allows is refused, with why."""
    extra["crisis_contacts"]["samhsa"]["summary"] = "SAMHSA's free national treatment referral line"
    messages = problems_for(extra)
    assert len(messages) == 1 and messages[0].startswith("extra.crisis_contacts.samhsa.summary: ")
    assert f"the limit is {ROW_NAME_MAX}" in messages[0] and "first screen" in messages[0]


def test_long_banner_channel_label_refused(extra):
    """A channel shown in the help row (banner: true) gets the same limit; others don't."""
    channels = extra["crisis_contacts"]["lifeline"]["channels"]
    shown = next(i for i, c in enumerate(channels) if c.get("banner"))
    channels[shown]["label"] = "Send a text message to"
    hidden = next(i for i, c in enumerate(channels) if not c.get("banner"))
    channels[hidden]["label"] = "A label far longer than the row's cells"
    assert problems_for(extra) == [f"extra.crisis_contacts.lifeline.channels[{shown}].label: 'Send a text message to' "
                                   f"is shown in the help row on every page (banner: true), so it may have at most "
                                   f"{ROW_NAME_MAX} characters"]


# Extensions and row: false (a line on the Get help page only).

def local_line(**fields):
    line = {"order": 5, "label": "Example clinic line", "number": "(503) 555-0142", "href": "tel:+15035550142",
            "action": "Call", "summary": "Clinic line", "when": "w", "hours": "h", "cost": "c", "privacy": "p",
            "languages": "l"}
    return {**line, **fields}


def parsed_with(extra, **fields):
    extra["crisis_contacts"]["local"] = local_line(**fields)
    return parsed(extra)


def test_extension_is_dialled_after_a_pause(extra):
    """extension: "204" makes the link dial it after the number (the href gives the number alone)."""
    contacts, problems = parsed_with(extra, extension="204")
    local = next(c for c in contacts if c.id == "local")
    assert problems == [] and local.extension == "204" and local.href == "tel:+15035550142,204"
    contacts, problems = parsed_with(extra, extension="204", href="tel:+15035550142,204")  # given whole: kept
    assert problems == [] and next(c for c in contacts if c.id == "local").href == "tel:+15035550142,204"


@pytest.mark.parametrize("fields, expected", [
    ({"extension": 204}, "extra.crisis_contacts.local.extension: 204 must be up to 8 digits in quotes, like "
                         'extension: "204"; put words like "press 2" in another field'),
    ({"extension": "2a"}, "extra.crisis_contacts.local.extension: '2a' must be up to 8 digits in quotes"),
    ({"href": "tel:+15035550142,204"}, "extra.crisis_contacts.local.href: 'tel:+15035550142,204' dials extension "
                                       "204, which readers can't see; add extension: \"204\""),
    ({"href": "tel:+15035550142;ext=204", "extension": "204"},
     "extra.crisis_contacts.local.href: 'tel:+15035550142;ext=204': phones don't dial ;ext= well"),
    ({"href": "tel:+15035550142,205", "extension": "204"},
     "extra.crisis_contacts.local.href: 'tel:+15035550142,205' dials extension 205, but extension is \"204\""),
    ({"href": "sms:+15035550142", "extension": "204"},
     "extra.crisis_contacts.local.extension: only a tel: link can dial an extension"),
    ({"row": "no"}, "extra.crisis_contacts.local.row: must be true or false"),
    ({"number": "911", "href": "tel:911", "row": False},
     "extra.crisis_contacts.local.row: 911 (emergencies) is in the help row on every page; remove row: false"),
])
def test_extension_and_row_mistakes(extra, fields, expected):
    messages = [str(p) for p in parsed_with(extra, **fields)[1]]
    assert any(m.startswith(expected) for m in messages), messages


def test_channel_extension_checked_and_dialled(extra):
    extra["crisis_contacts"]["samhsa"]["channels"][0]["extension"] = "12"
    contacts, problems = parsed(extra)
    tty = next(c for c in contacts if c.id == "samhsa").channels[0]
    assert problems == [] and tty.href == "tel:+18004874889,12" and tty.extension == "12"
    extra["crisis_contacts"]["samhsa"]["channels"][0]["extension"] = "twelve"
    assert any("samhsa.channels[0].extension: 'twelve' must be up to 8 digits" in m for m in problems_for(extra))


def test_denied_number_behind_an_extension(extra):
    denied = {number_hash("(503) 555-0142", extra["region"]): "test-denied"}
    extra["crisis_contacts"]["local"] = local_line(extension="204")
    assert "extra.crisis_contacts.local: 'test-denied' is a denied number and must never appear" in \
        problems_for(extra, denied)


def test_extension_word_is_in_every_language(repo_settings, spanish):
    """The word before an extension is one of the page's words (extra.ui), in each language."""
    assert repo_settings.ui["extension"] and spanish.ui["extension"] != repo_settings.ui["extension"]


# The help row's size: refused before building, in the file that added the lines.

def overlay_settings(tmp_path, lines: dict, name="clinic.yml"):
    import yaml

    from guidewright.configuration.settings import load_settings
    path = tmp_path / name
    path.write_text(f"INHERIT: {ENGINE / 'mkdocs.yml'}\n" + yaml.safe_dump({"extra": {"crisis_contacts": lines}}))
    return path, load_settings(path)


def three_lines(**fields):
    return {f"local{n}": local_line(order=5 + n, number=f"(503) 555-010{n}", href=f"tel:+1503555010{n}",
                                    summary=f"Local line {'abc'[n]}", **fields) for n in range(3)}


def test_help_row_too_tall_names_the_overlay_and_its_lines(tmp_path):
    from guidewright.lines.help_row import HELP_ROW_MAX_PX, PHONE_WIDTH_PX, ROW_LINES
    path, (settings, problems) = overlay_settings(tmp_path, three_lines())
    assert settings is None and [p.file for p in problems] == [str(path)]
    assert str(problems[0]) == (
        f"extra.crisis_contacts: the help row at the top of every page would have 7 buttons in 3 lines on a "
        f"{PHONE_WIDTH_PX} px phone (about 140 px tall; at most {ROW_LINES} lines, {HELP_ROW_MAX_PX} px, so the "
        "page's title stays on the first screen). The lines this file adds make it too long: local0, local1, local2. "
        "Remove a line, or give a line `row: false` to list it on the Get help page only, or shorten its summary, "
        "or set `banner: false` on a channel")


def test_row_false_lines_stay_off_the_row_but_on_the_help_page(tmp_path):
    from guidewright.lines.crisis_view import crisis_view
    _, (settings, problems) = overlay_settings(tmp_path, three_lines(row=False))
    assert problems == []
    view = crisis_view(settings, True)
    assert [line["id"] for line in view["lines"]][-3:] == ["local0", "local1", "local2"]  # the Get help page
    assert not any(cell["href"].startswith("tel:+1503") for cell in view["row"])        # not the row
    assert "555-0100" not in view["print_footer"]


# The region (extra.region) and the required lines (extra.required_lines) come from config.

def uk_line(**fields):
    return local_line(**{"label": "Example UK line", "number": "0300 123 1110", "href": "tel:+443001231110", **fields})


@pytest.mark.parametrize("shown", ["0300 123 1110", "+44 300 123 1110", "+44 (0)300 123 1110"])
def test_gb_guide_reads_a_uk_number_however_it_is_written(extra, shown):
    """In a GB guide tel:+443001231110 dials the number shown as 0300 123 1110 or +44 300 123 1110."""
    extra["region"] = "GB"
    extra["crisis_contacts"] = {line_id: entry for line_id, entry in extra["crisis_contacts"].items()
                                if line_id != "samhsa"}  # a US number: in a GB guide it must be +1 800 ...
    extra["crisis_contacts"]["local"] = uk_line(number=shown)
    assert problems_for(extra) == []


def test_us_guide_refuses_a_uk_number_shown_without_its_country_code(extra):
    """The same 0300 number means nothing to a US phone: the region decides how it is read."""
    extra["crisis_contacts"]["local"] = uk_line()
    assert problems_for(extra) == [
        "extra.crisis_contacts.local.href: 'tel:+443001231110' dials +443001231110 but the number shown is "
        "'0300 123 1110'; make the link dial the number shown"]


@pytest.mark.parametrize("region, expected", [
    (None, "extra.region: missing; give the two-letter ISO 3166 code of the country the guide serves"),
    ("UK", "extra.region: 'UK' is not a region code the phone number rules know; give a two-letter ISO 3166 code "
           "in capitals (e.g. US, GB; the United Kingdom is GB)"),
    ("us", "extra.region: 'us' is not a region code"),
])
def test_missing_or_unknown_region_refused(extra, region, expected):
    if region is None:
        del extra["region"]
    else:
        extra["region"] = region
    found, problems = parse_region(extra, "mkdocs.yml")
    assert found is None and [p.file for p in problems] == ["mkdocs.yml"] and str(problems[0]).startswith(expected)


def test_required_lines_come_from_config(extra):
    """A guide that requires 999 fails without a line that dials it, with the config's own words."""
    extra["required_lines"] = {**extra["required_lines"], "999": "emergencies in the UK"}
    assert problems_for(extra) == ["extra.crisis_contacts: no line dials 999 (emergencies in the UK); 999 can't be "
                                   "removed or changed: every page must offer it"]
    del extra["required_lines"]
    del extra["crisis_contacts"]["emergency"]  # a guide with no required_lines requires none
    assert problems_for(extra) == []


def test_each_required_line_is_checked(extra):
    """Every line the config requires (not a list typed into the engine) must be dialled."""
    required = extra["required_lines"]
    ids = {c.id for c in parsed(extra)[0] if canonical(c.number, extra["region"]) in
           {canonical(n, extra["region"]) for n in required}}
    for line_id in ids:
        changed = copy.deepcopy(extra)
        del changed["crisis_contacts"][line_id]
        assert any(m.startswith("extra.crisis_contacts: no line dials ") for m in problems_for(changed)), line_id


@pytest.mark.parametrize("lines, expected", [
    (["911"], "extra.required_lines: must be a mapping of number -> what the line is"),
    ({911: "emergencies"}, "extra.required_lines.911: write the number in quotes, digits only"),
    ({"911": ""}, "extra.required_lines.911: say what the line is"),
])
def test_required_lines_mistakes(extra, lines, expected):
    extra["required_lines"] = lines
    required, problems = parse_required_lines(extra, "mkdocs.yml")
    assert required == {} and str(problems[0]).startswith(expected)


def test_overlay_may_not_set_required_lines(tmp_path):
    """Only the base config sets the lines every page offers: an overlay that sets them is refused, by name."""
    import yaml

    from guidewright.configuration.config import SiteConfig
    from guidewright.configuration.settings import load_settings
    path = tmp_path / "clinic.yml"
    path.write_text(f"INHERIT: {ENGINE / 'mkdocs.yml'}\n" + yaml.safe_dump({"extra": {"required_lines": {"911": "x"}}}))
    settings, problems = load_settings(path)
    assert settings is None
    assert [(p.file, str(p)) for p in problems] == [(str(path), (
        "extra.required_lines: the lines every page must offer are the guide's own, set once in "
        f"{SiteConfig.shown(ENGINE / 'mkdocs.yml')}; an overlay can't add, change or drop them: remove required_lines here"))]


def test_overlay_without_region_inherits_it_and_a_wrong_one_is_named(tmp_path):
    """The region comes down the INHERIT chain; an overlay that sets an unknown one is the file named."""
    from guidewright.configuration.settings import load_settings
    path = tmp_path / "clinic.yml"
    path.write_text(f"INHERIT: {ENGINE / 'mkdocs.yml'}\nextra:\n  region: XX\n")
    settings, problems = load_settings(path)
    assert settings is None and [(p.file, p.key) for p in problems] == [(str(path), "extra.region")]
