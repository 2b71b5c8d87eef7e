"""Content can't carry script: a page with a <script>, an event handler or a javascript: link
fails the build, and the page's policy never lets such a script run (a preview included)."""
from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import PAGE
from guidewright.checks.csp import script_hashes
from guidewright.checks.script_check import check_page_script
from test_build_cli import build

ENGINE = "<script>document.documentElement.classList.add('pe-js')</script>"


def page(content: str) -> LexborHTMLParser:
    return LexborHTMLParser(f"<html><head>{ENGINE}</head><body><div class='md-content'><article>{content}</article>"
                            f"</div>{ENGINE}</body></html>")


@pytest.mark.parametrize("content, expected", [
    ("<script>alert(1)</script>", "a <script> in the page's text: pages can't carry script"),
    ("<script src='assets/x.js'></script>", "a <script> in the page's text"),
    ("<img src='a.png' onerror='alert(1)'>", "<img onerror=...>: pages can't carry script (event handlers run code)"),
    ("<a href=' JavaScript:alert(1)'>x</a>", "<a href=\"javascript:...\">: pages can't carry script"),
    ("<form action='javascript:void(0)'></form>", "<form action=\"javascript:...\">"),
])
def test_script_in_page_text_is_refused(content, expected):
    (problem,) = check_page_script(page(content), "site/x/index.html (docs/x.md)")
    assert problem.file == "site/x/index.html (docs/x.md)" and problem.message.startswith(expected)


def test_engine_scripts_and_plain_links_pass():
    assert check_page_script(page("<p><a href='https://example.org/'>x</a> <img src='a.png' alt=''></p>"), "x") == []


def test_policy_hashes_only_the_engines_scripts():
    """A script in the article gets no hash, so even unchecked (mkdocs serve) it doesn't run."""
    html = page("<script>alert(1)</script>").html
    assert len(script_hashes(html)) == 1
    assert script_hashes(html) == script_hashes(page("").html)


def test_page_with_script_fails_the_build(tiny_site, capsys):
    tiny_site.page("index.md", PAGE.format(title="Start here").replace(
        "It was a good day.", "It was a good day.\n\n<script>fetch('https://tracker.example/')</script>\n\n"
                              "<a href=\"javascript:alert(1)\">Tap</a> <img src=\"x.png\" alt=\"\" onload=\"go()\">"))
    code, out = build(tiny_site.config(), capsys)
    assert code == 1, out
    section = out.split("site/index.html (docs/index.md)")[1]
    assert "a <script> in the page's text" in section
    assert '<a href="javascript:...">' in section and "<img onload=...>" in section
