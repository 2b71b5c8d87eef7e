"""The Get help page opens with "which line should I use?": the first box on the page lists
every line with what it is for and its own call (and text) links, from the contacts config."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser


def test_page_opens_with_each_line_and_its_links(built_site, repo_config, contacts):
    page = repo_config.extra["get_help_page"]
    tree = LexborHTMLParser((built_site / repo_config.built_path(page)).read_text(encoding="utf-8"))
    first_box = tree.css_first("article .admonition")
    chooser = first_box.css_first("[data-line-chooser]") if first_box is not None else None
    assert chooser is not None, "the first box must hold the line chooser"
    choices = chooser.css("li")
    national = [c for c in contacts if c.id != "clinic"]
    assert len(choices) == len(national)
    for choice, contact in zip(choices, national, strict=True):
        assert contact.when.split(",")[0] in choice.text()
        hrefs = [a.attributes.get("href") for a in choice.css("a.pe-call")]
        assert hrefs == [contact.href] + [c.href for c in contact.channels if c.banner]


def test_no_phone_number_typed_outside_a_link(built_site, repo_config, contacts):
    """Every number of every line and channel on the Get help page is tappable wherever it
    appears, except in running sentences that name 911 or 988 ("call 988 and press 2")."""
    page = repo_config.extra["get_help_page"]
    tree = LexborHTMLParser((built_site / repo_config.built_path(page)).read_text(encoding="utf-8"))
    article = tree.css_first("article")
    for node in article.css("a, .pe-page-meta"):
        node.decompose()
    text = article.text()
    long_numbers = {n for c in contacts for n, _ in c.dial_targets() if len("".join(ch for ch in n if ch.isdigit())) > 3}
    assert sorted(n for n in long_numbers if n in text) == []
