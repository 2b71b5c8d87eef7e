"""Validation of extra.crisis_contacts: every mistake is named by its config key."""
from __future__ import annotations

import copy

import pytest

from guide.contacts import ROW_NAME_MAX, parse_contacts, parse_denied
from guide.phone import number_hash
from guide.settings import localized_extra


@pytest.fixture
def extra(repo_config):
    """The contacts as an English build parses them (language blocks merged: guide.localize)."""
    return localized_extra(copy.deepcopy(repo_config.extra), "en")


def problems_for(extra, denied=None):
    if denied is None:
        denied = parse_denied(extra, "mkdocs.yml")[0]
    return [str(p) for p in parse_contacts(extra, "mkdocs.yml", denied)[1]]


def test_repo_config_is_valid_and_ordered(extra):
    """The shipped config has 911, 988 and SAMHSA in banner order."""
    denied = parse_denied(extra, "mkdocs.yml")[0]
    contacts, problems = parse_contacts(extra, "mkdocs.yml", denied)
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
    assert any("samhsa.channels[0].href" in m and "dials 8004874880" in m for m in problems_for(extra))


def test_channel_dial_link_without_number(extra):
    """A tel:/sms: channel must show its number."""
    del extra["crisis_contacts"]["lifeline"]["channels"][0]["number"]
    assert any("lifeline.channels[0].number: a sms: link must show its number" in m for m in problems_for(extra))


def test_denied_number(extra):
    """A denied number as a contact is refused, by id, without printing it."""
    denied = {number_hash("1-800-662-4357"): "test-denied"}
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
