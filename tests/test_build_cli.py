"""The build command end to end: each fault makes it fail, naming the file and the fix."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import ENGINE, NEXT_REVIEW, REPO, REVIEWED
from guidewright.cli import main
from guidewright.configuration.config import load_site_config
from guidewright.lines.phone import number_hash

FAKE_DENIED = "(555) 555-0147"   # a fictional number the tests deny
REGION = load_site_config(ENGINE / "mkdocs.yml")[0].extra["region"]  # how the tiny site reads it
HOME_REGION = load_site_config(REPO / "mkdocs.yml")[0].extra["region"]  # the default config's (./mkdocs.yml)


def build(config, capsys, *args):
    code = main(["--config", str(config), *args])
    return code, capsys.readouterr().out


def test_good_site_builds_and_reports_summary(tiny_site, capsys):
    """A correct site exits 0 and says how many pages were checked."""
    code, out = build(tiny_site.config(), capsys)
    assert code == 0, out
    # Its pages and the 404 page; every line in its config.
    assert f"OK: {len(tiny_site.nav) + 1} pages" in out and f"{len(tiny_site.settings().contacts)} crisis contacts" in out


def test_partial_emptied_fails_on_every_page(tiny_site, capsys):
    """An empty crisis partial fails the build on every page, 404 included."""
    (tiny_site.overrides / "partials" / "crisis-contacts.html").write_text("")
    code, out = build(tiny_site.config(), capsys)
    assert code == 1
    for page in ("site/index.html", "site/404.html", "site/glossary/index.html"):
        assert page in out
    assert "no crisis contacts block" in out


def test_partial_removed_fails(tiny_site, capsys):
    """main.html without the include (the partial's block removed) fails the build."""
    main_html = tiny_site.overrides / "main.html"
    main_html.write_text(main_html.read_text().replace(
        '{% include "partials/crisis-contacts.html" %}', ""))
    code, out = build(tiny_site.config(), capsys)
    assert code == 1 and "no crisis contacts block" in out and "site/404.html" in out


def test_page_with_other_template_fails_naming_source(tiny_site, capsys):
    """A page rendered with a template that skips main.html is caught and named."""
    (tiny_site.overrides / "bare.html").write_text('{% extends "base.html" %}')
    tiny_site.page("bare.md", "---\ntemplate: bare.html\n---\n# Bare\n")
    tiny_site.nav.append("bare.md")
    code, out = build(tiny_site.config(), capsys)
    assert code == 1
    assert "site/bare/index.html (docs/bare.md)" in out
    assert "site/index.html" not in out


def test_contact_hidden_in_partial_fails(tiny_site, capsys):
    """Hiding one contact's link in the partial fails with that contact named."""
    line = tiny_site.settings().contacts[-1]
    partial = tiny_site.overrides / "partials" / "crisis-contacts.html"
    partial.write_text(partial.read_text().replace(
        '<li class="pe-help__item">', f'<li class="pe-help__item" {{% if cell.href == "{line.href}" %}}hidden{{% endif %}}>'))
    code, out = build(tiny_site.config(), capsys)
    assert code == 1
    assert f"{line.label} ({line.number}): its link is hidden by <li hidden>" in out


def test_bad_contacts_config_stops_before_building(tiny_site, capsys):
    """A link that dials another number is a config error: exit 2 and nothing built."""
    config = tiny_site.config("""
        extra:
          crisis_contacts:
            samhsa:
              href: "tel:+18006624358"
        """)
    code, out = build(config, capsys)
    assert code == 2
    assert "nothing was built" in out
    assert "extra.crisis_contacts.samhsa.href: 'tel:+18006624358' dials +18006624358" in out
    assert not (tiny_site.root / "site").exists()


def test_contacts_as_list_is_refused(tiny_site, capsys):
    """A list of contacts (which overlays would replace wholesale) is refused."""
    config = tiny_site.config("""
        extra:
          crisis_contacts:
            - label: "911"
        """)
    code, out = build(config, capsys)
    assert code == 2 and "must be a mapping keyed by id, not a list" in out


def test_contacts_removed_by_overlay_refused(tiny_site, capsys):
    """An overlay that nulls the contacts is refused before building ({} would merge, not remove)."""
    config = tiny_site.config("extra:\n  crisis_contacts: null\n")
    code, out = build(config, capsys)
    assert code == 2 and "extra.crisis_contacts is missing or empty" in out


def denying_fake_number(tiny_site):
    """The tiny site's config with FAKE_DENIED on the denylist."""
    return tiny_site.config(f"""
        extra:
          denied_numbers:
            test-line:
              sha256: {number_hash(FAKE_DENIED, REGION)}
              why: test
        """)


def test_denied_number_in_page_fails_with_file_and_line(tiny_site, capsys):
    """A denied number in a page fails, naming source and built files and the line, never the number."""
    tiny_site.page("index.md", (tiny_site.docs / "index.md").read_text() + f"\nCall {FAKE_DENIED} now.\n")
    config = denying_fake_number(tiny_site)
    code, out = build(config, capsys)
    assert code == 1
    assert "docs/index.md" in out and "site/index.html" in out
    assert "denied number 'test-line'" in out
    assert FAKE_DENIED not in out


def test_denied_number_in_review_log_fails(tiny_site, capsys):
    """The unpublished fact-check log is a source too: a denied number there fails the build."""
    log = tiny_site.root / "docs-review" / "index.yml"
    log.write_text(log.read_text() + f"# sales line seen in a source: {FAKE_DENIED}\n")
    config = denying_fake_number(tiny_site)
    code, out = build(config, capsys)
    assert code == 1 and "docs-review/index.yml" in out and "denied number 'test-line'" in out


def test_denied_number_as_contact_is_refused(tiny_site, capsys):
    """A denied number configured as a crisis contact is a config error."""
    config = tiny_site.config(f"""
        extra:
          crisis_contacts:
            samhsa:
              number: "{FAKE_DENIED}"
              href: "tel:5555550147"
          denied_numbers:
            test-line:
              sha256: {number_hash(FAKE_DENIED, REGION)}
        """)
    code, out = build(config, capsys)
    assert code == 2 and "'test-line' is a denied number" in out


def page_problems(out: str, page: str) -> list[str]:
    """The report's messages under one file's heading."""
    lines = out.splitlines()
    heading = next(i for i, line in enumerate(lines) if line.strip() == page or line.strip().endswith("/" + page))
    return [line.strip()[2:] for line in lines[heading + 1:] if line.startswith("    - ")][:10]


def test_broken_link_fails_naming_the_page(tiny_site, capsys):
    """A link to a missing page fails the strict build under the page's name, not mkdocs.yml's."""
    tiny_site.page("index.md", (tiny_site.docs / "index.md").read_text() + "\n[gone](missing.md)\n")
    code, out = build(tiny_site.config(), capsys)
    assert code == 1 and "mkdocs build failed" not in out
    assert page_problems(out, "docs/index.md")[0].startswith("link 'missing.md' goes to no page")


def test_broken_anchor_fails_naming_the_page(tiny_site, capsys):
    """A link to a missing anchor names the linking page, the target and the anchor."""
    tiny_site.page("index.md", (tiny_site.docs / "index.md").read_text() + "\n[x](get-help-now.md#nope)\n")
    code, out = build(tiny_site.config(), capsys)
    assert code == 1
    assert "link 'get-help-now.md#nope': get-help-now.md has no heading or id '#nope'" in page_problems(
        out, "docs/index.md")[0]


def test_page_left_out_of_nav_names_the_page(tiny_site, capsys):
    """A page missing from the nav is reported under its own name, saying where to add it."""
    tiny_site.page("orphan.md", (tiny_site.docs / "index.md").read_text())
    code, out = build(tiny_site.config(), capsys)
    assert code == 1
    assert page_problems(out, "docs/orphan.md")[0].startswith("this page is not in the nav: add it to nav: in")


def test_missing_config_file_is_reported(tmp_path, capsys):
    """A config path that doesn't exist is named in the error."""
    code, out = build(tmp_path / "nope.yml", capsys)
    assert code == 2 and "nope.yml" in out and "config file not found" in out


def test_malformed_yaml_is_reported(tmp_path, capsys):
    """Broken YAML names the file and where the parser stopped."""
    bad = tmp_path / "bad.yml"
    bad.write_text("site_name: [unclosed\n")
    code, out = build(bad, capsys)
    assert code == 2 and "bad.yml" in out and "line" in out


def test_unknown_option_is_refused(capsys):
    """An unknown command-line option is an error, not silently ignored."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--ofline"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments: --ofline" in capsys.readouterr().err


def test_hash_number_prints_hash(capsys):
    """--hash-number gives the value to paste into denied_numbers."""
    assert main(["--hash-number", FAKE_DENIED]) == 0
    assert capsys.readouterr().out.strip() == number_hash("+1 555 555 0147", HOME_REGION)


def test_hash_number_reads_the_number_in_the_configs_region(tmp_path, capsys):
    """The same written number is the config's country's: 0300 123 1110 in a GB guide is +44 300 123 1110."""
    config = tmp_path / "uk.yml"
    config.write_text(f"INHERIT: {ENGINE / 'mkdocs.yml'}\nextra:\n  region: GB\n")
    assert main(["--config", str(config), "--hash-number", "0300 123 1110"]) == 0
    assert capsys.readouterr().out.strip() == number_hash("+44 300 123 1110", REGION)


def test_hash_number_refuses_a_number_no_scan_would_find(capsys):
    """A number without its area code (or a short code) hashes into an entry that never matches a page: refused."""
    assert main(["--hash-number", "555-0147"]) == 2
    assert capsys.readouterr().out.strip() == (f"'555-0147' is not a full phone number in region {HOME_REGION} "
                                               "(extra.region): write it with its area code, or with + and its "
                                               "country code")


def test_malformed_front_matter_named_and_nothing_lost(tiny_site, capsys):
    """Broken front matter in one page and a stigmatizing word in another: both reported."""
    tiny_site.page("index.md", (tiny_site.docs / "index.md").read_text().replace(
        "title: Start here", "title: [Start here"))
    tiny_site.page("glossary.md", (tiny_site.docs / "glossary.md").read_text() + "\nAn addict.\n")
    code, out = build(tiny_site.config(), capsys)
    assert code == 1
    assert "docs/index.md" in out and "lines 2-3: front matter is not valid YAML" in out
    assert "docs/glossary.md" in out and "'addict' stigmatizes" in out


def test_stigmatizing_term_fails_with_line(tiny_site, capsys):
    """A stigmatizing word fails the build with file, line and suggestion."""
    tiny_site.page("index.md", (tiny_site.docs / "index.md").read_text() + "\nShe stayed clean for a year.\n")
    code, out = build(tiny_site.config(), capsys)
    lines = (tiny_site.docs / "index.md").read_text().count("\n")
    assert code == 1
    assert f"line {lines}: 'clean' stigmatizes; say {tiny_site.settings().rules.stigma_terms['clean']!r} instead" in out


def test_grade_above_limit_fails_and_prints_table(tiny_site, capsys):
    """A page above the configured reading grade fails; the table shows every page."""
    hard = ("\nPharmacological interventions utilizing partial agonist buprenorphine necessitate careful "
            "consideration of precipitated withdrawal phenomenology in individuals demonstrating "
            "substantial physiological opioid dependence characteristics.\n")
    text = (tiny_site.docs / "index.md").read_text()
    tiny_site.page("index.md", text.replace("The cat sat on the mat. It was a good day.", hard))
    code, out = build(tiny_site.config(), capsys)
    assert code == 1
    assert f"Reading grade (Flesch-Kincaid, limit {tiny_site.settings().rules.max_grade:g})" in out and "docs/glossary.md" in out
    assert "docs/index.md" in out and "above limit" in out and "reading grade" in out


def test_grade_limit_comes_from_config(tiny_site, capsys):
    """Lowering max_grade in config makes the same plain page fail."""
    code, out = build(tiny_site.config("extra:\n  content_rules:\n    max_grade: 1\n"), capsys)
    assert code == 1 and "is above 1:" in out


def _set_review(tiny_site, reviewed, due):
    """Give index.md new review dates (its log entry follows them)."""
    text = (tiny_site.docs / "index.md").read_text()
    text = text.replace(f"reviewed: {REVIEWED}", f"reviewed: {reviewed}").replace(
        f"next_review: {NEXT_REVIEW}", f"next_review: {due}")
    tiny_site.page("index.md", text)


def test_review_due_soon_warns_but_builds(tiny_site, capsys):
    """A review falling due within the warning window warns, naming the page; the build passes."""
    warn_days = tiny_site.settings().rules.review_warn_days
    today = dt.date.today()
    _set_review(tiny_site, today - dt.timedelta(days=10), today + dt.timedelta(days=warn_days - 1))
    code, out = build(tiny_site.config(), capsys)
    assert code == 0
    assert "WARNING" in out and "docs/index.md" in out and "after that date the build fails" in out


def test_review_overdue_fails(tiny_site, capsys):
    """A page past its next review date fails the build, naming the page and what to do."""
    today = dt.date.today()
    _set_review(tiny_site, today - dt.timedelta(days=100), today - dt.timedelta(days=1))
    code, out = build(tiny_site.config(), capsys)
    assert code == 1
    assert "docs/index.md" in out and f"review overdue since {today - dt.timedelta(days=1)}" in out


def test_missing_review_log_fails(tiny_site, capsys):
    """A page without its fact-check log fails, naming the log file to write."""
    (tiny_site.root / "docs-review" / "index.yml").unlink()
    code, out = build(tiny_site.config(), capsys)
    assert code == 1 and "docs-review/index.yml" in out and "no fact-check log for this page" in out


def test_review_log_without_current_review_fails(tiny_site, capsys):
    """Updating a page's review date without logging that review fails the build."""
    log = (tiny_site.root / "docs-review" / "index.yml").read_text()
    _set_review(tiny_site, REVIEWED + dt.timedelta(days=1), NEXT_REVIEW)
    tiny_site.log("index.md", log)  # the old entry only
    code, out = build(tiny_site.config(), capsys)
    assert code == 1
    assert "docs-review/index.yml" in out and "no review logged for docs/index.md's 'reviewed' date" in out


def test_unknown_box_type_fails(tiny_site, capsys):
    """A box type outside the configured set fails the build on that page."""
    tiny_site.page("index.md", (tiny_site.docs / "index.md").read_text().replace(
        "The cat sat", '!!! warning "Careful"\n\n    Text.\n\nThe cat sat'))
    code, out = build(tiny_site.config(), capsys)
    assert code == 1 and "box type 'warning' is not allowed" in out


def test_external_image_fails_build(tiny_site, capsys):
    """A page that would fetch an image from another site fails, naming the page and URL."""
    tiny_site.page("index.md", (tiny_site.docs / "index.md").read_text() +
                   '\n<img src="https://images.example/x.png" alt="x" width="1" height="1">\n')
    code, out = build(tiny_site.config(), capsys)
    assert code == 1
    assert "site/index.html (docs/index.md)" in out and "fetches <img src> https://images.example/x.png" in out


def test_offline_build_uses_own_search_shim(tiny_site, capsys, tmp_path):
    """--offline uses our file:// worker shim, never a CDN copy, and writes the zip."""
    code, out = build(tiny_site.config(), capsys, "--offline", "--dist-dir", str(tmp_path / "dist"))
    assert code == 0, out
    html = (tiny_site.root / "site-offline" / "index.html").read_text()
    assert 'src="assets/javascripts/iframe-worker.' in html and "unpkg" not in html  # name.<hash>.js
    assert list((tmp_path / "dist").glob("*-offline.zip"))


def test_bad_card_config_stops_every_build(tiny_site, capsys):
    """A quick card naming a page outside the nav is a config error even without --handouts."""
    config = tiny_site.config("""
        extra:
          handouts:
            cards:
              naloxone:
                title: Naloxone
                from:
                  - {page: staying-safer.md, section: naloxone}
        """)
    code, out = build(config, capsys)
    assert code == 2 and "extra.handouts.cards.naloxone.from[0].page: must be a page in the nav" in out


def test_get_help_page_not_built_fails(tiny_site, capsys):
    """extra.get_help_page naming a page that isn't built is reported."""
    code, out = build(tiny_site.config("extra:\n  get_help_page: nope.md\n"), capsys)
    assert code == 1 and "extra.get_help_page:" in out and "was not built" in out


def test_glossary_page_without_marker_fails(tiny_site, capsys):
    """The Glossary page must say where its terms go; MkDocs stops with the hook's message."""
    tiny_site.page("glossary.md", (tiny_site.docs / "glossary.md").read_text().replace("<!-- glossary-terms -->", ""))
    code, out = build(tiny_site.config(), capsys)
    assert code == 1 and "glossary.md\n    - add the line <!-- glossary-terms --> where the glossary terms go" in out


def test_page_not_utf8_is_named_without_traceback(tiny_site, capsys):
    """A page saved as Latin-1 fails naming the page and line, not with a bare traceback."""
    page = tiny_site.docs / "index.md"
    page.write_bytes(page.read_bytes().replace(b"The cat sat", b"The caf\xe9 cat sat"))
    code, out = build(tiny_site.config(), capsys)
    assert code == 1 and "Traceback" not in out
    assert "docs/index.md" in out and "byte 0xe9 is not UTF-8 text: save the file as UTF-8" in out


def test_top_heading_in_page_fails(tiny_site, capsys):
    """A '#' heading in a page fails the build, naming the page and line."""
    tiny_site.page("index.md", (tiny_site.docs / "index.md").read_text() + "\n# Another title\n")
    code, out = build(tiny_site.config(), capsys)
    assert code == 1 and "docs/index.md" in out and "a '#' heading repeats the page title" in out
