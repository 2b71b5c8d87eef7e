"""The first screen from the first round trip (guidewright.checks.first_screen), the page before
its menus (guidewright.build.content_first) and one copy of the assets for every language
(guidewright.build.shared_assets): each fed its bad case."""
from __future__ import annotations

import gzip
import json
import random
import string

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import PAGE as PAGE_MD
from guidewright.build.content_first import content_first
from guidewright.build.shared_assets import share_assets
from guidewright.checks.first_screen import (
    CRITICAL_LIMIT,
    GZIP_LEVEL,
    check_first_screen,
    critical_bytes,
    first_screen,
    first_screen_end,
    first_screen_frame,
)
from guidewright.cli import main

PAGE = """<html><head><title>T</title><style>.x{{color:red}}</style></head><body>
<div class="md-container"><main><div class="md-main__inner">
<div class="md-sidebar md-sidebar--primary"><nav>Menu</nav></div>
<div class="md-content"><article><h1>Title</h1>
<div class="admonition key-points"><div><p>Key point</p></div>{extra}</div>
<h2>Later</h2><p>More</p></article></div>
<div class="md-sidebar md-sidebar--secondary"><nav>Contents</nav></div>
</div></main><footer class="md-footer"><p>Foot</p></footer></div></body></html>"""


def noise(size: int) -> str:
    """Text that doesn't compress: the way to make a first screen heavy."""
    rng = random.Random(size)
    return "".join(rng.choice(string.ascii_letters + " ") for _ in range(size))


@pytest.mark.unit
def test_the_first_screen_ends_after_the_block_under_the_title():
    html = PAGE.format(extra="")
    assert first_screen(html).endswith('<div><p>Key point</p></div></div>')  # nested divs counted
    assert first_screen_end("<p>no heading</p>") == len("<p>no heading</p>")
    assert first_screen("<h1>Only a title</h1>") == "<h1>Only a title</h1>"


@pytest.mark.unit
def test_its_size_is_the_compressed_bytes_up_to_there():
    html = PAGE.format(extra="")
    assert critical_bytes(html) == len(gzip.compress(first_screen(html).encode(), GZIP_LEVEL, mtime=0))
    assert critical_bytes(html) < critical_bytes(PAGE.format(extra=noise(500)))


@pytest.mark.unit
def test_a_heavy_first_screen_is_refused_naming_the_page():
    assert check_first_screen(PAGE.format(extra=""), "docs/x.md") == []
    heavy = PAGE.format(extra=noise(2 * CRITICAL_LIMIT))
    problems = check_first_screen(heavy, "site/x/index.html (docs/x.md)")
    assert len(problems) == 1 and problems[0].file == "site/x/index.html (docs/x.md)"
    message = problems[0].message
    assert f"over the {CRITICAL_LIMIT / 1024:g} KB that arrive in the first round trip" in message
    assert "Shorten the title or the block right under it" in message
    # What lies below the first screen costs nothing here.
    assert check_first_screen(PAGE.format(extra="").replace("<p>More</p>", noise(2 * CRITICAL_LIMIT)), "x") == []


@pytest.mark.unit
def test_a_stylesheet_in_the_head_holds_up_the_first_paint():
    blocking = PAGE.format(extra="").replace("<title>T</title>", '<title>T</title><link rel="stylesheet" href="a.css">')
    problems = check_first_screen(blocking, "docs/x.md")
    assert [p.file for p in problems] == ["docs/x.md"]
    assert "its <head> links a stylesheet, so nothing shows until that file has arrived" in problems[0].message
    later = PAGE.format(extra="").replace("<h2>Later</h2>", '<link rel="stylesheet" href="a.css"><h2>Later</h2>')
    assert check_first_screen(later, "docs/x.md") == []


@pytest.mark.unit
def test_the_frame_holds_the_shells_beside_the_first_screen():
    """The first screen's styles also lay out the sidebars and footer, as empty shells placed
    where they are (not inside the article): if the rest never arrives, the frame holds."""
    frame = LexborHTMLParser(first_screen_frame(content_first(PAGE.format(extra=""))))
    assert frame.css_first(".md-content ~ .md-sidebar--primary") is not None
    assert frame.css_first("article .md-sidebar") is None
    assert frame.css_first(".md-sidebar nav") is None and frame.css_first("footer.md-footer") is not None
    assert frame.css_first("h2") is None  # the article's later parts are not the frame


@pytest.mark.unit
def test_the_page_comes_before_its_menus():
    html = PAGE.format(extra="")
    moved = content_first(html)
    assert moved.index("md-content") < moved.index("md-sidebar--primary") < moved.index("md-sidebar--secondary")
    assert sorted(moved) == sorted(html)  # nothing lost or added
    assert content_first("<p>no theme layout</p>") == "<p>no theme layout</p>"


@pytest.mark.unit
def test_a_translation_uses_the_main_sites_copy_of_each_asset(tmp_path):
    main, es = tmp_path / "site", tmp_path / "site" / "es"
    for site, theme in ((main, "same"), (es, "same")):
        (site / "assets/js").mkdir(parents=True)
        (site / "assets/js/theme.js").write_text(theme)
    (main / "assets/js/own.js").write_text("main's")
    (es / "assets/js/own.js").write_text("Spanish, other bytes")
    (es / "assets/js/lunr").mkdir()
    (es / "assets/js/lunr/lunr.es.js").write_text("Spanish search")
    (es / "page").mkdir()
    config = {"search": "../assets/js/lunr/lunr.es.js"}
    (es / "page/index.html").write_text(
        f'<script src="../assets/js/theme.js"></script><script src="../assets/js/own.js"></script>'
        f'<script id="__config" type="application/json">{json.dumps(config)}</script><a href="../other/">x</a>')
    shared = share_assets(main, es)
    html = (es / "page/index.html").read_text()
    assert 'src="../../assets/js/theme.js"' in html and not (es / "assets/js/theme.js").exists()
    assert '"search": "../../assets/js/lunr/lunr.es.js"' in html and (main / "assets/js/lunr/lunr.es.js").is_file()
    # Same name, other bytes: nothing is shared by name alone.
    assert 'src="../assets/js/own.js"' in html and (es / "assets/js/own.js").read_text() == "Spanish, other bytes"
    assert (main / "assets/js/own.js").read_text() == "main's"
    assert 'href="../other/"' in html
    assert [p.name for p in shared.kept] == ["own.js"] and len(shared.moved) == 1 and len(shared.dropped) == 1


def test_the_build_fails_on_a_page_whose_first_screen_is_too_heavy(tiny_site, capsys):
    """A key-points box too long for the first round trip fails the build, naming the page's
    source; the offline copy (read from files) doesn't measure it."""
    heavy = PAGE_MD.replace("    - This is a test page.", "    - " + noise(2 * CRITICAL_LIMIT))
    tiny_site.page("index.md", heavy)
    code = main(["--config", str(tiny_site.config())])
    out = capsys.readouterr().out
    assert code == 1, out
    assert "docs/index.md" in out and "that arrive in the first round trip" in out
    assert "glossary.md" not in out.split("FAILED", 1)[1]  # only the heavy page is named


def test_a_page_lists_its_own_section_and_only_the_first_page_of_others(built_site, repo_config):
    """The menu is pruned (theme/partials/nav.html): a page carries the top level and its own
    section, and another section as one link to its first page, so its size doesn't grow with
    the guide's (the benchmark measures that at 5,000 pages)."""
    sections = [list(item.values())[0] for item in repo_config.raw["nav"] if isinstance(list(item.values())[0], list)]
    pages_of = [[list(entry.values())[0] for entry in section] for section in sections]
    assert len(pages_of) >= 2 and all(len(pages) >= 2 for pages in pages_of[:2])
    own, other = pages_of[0], pages_of[1]
    html = (built_site / repo_config.built_path(own[0])).read_text(encoding="utf-8")
    menu = LexborHTMLParser(html).css_first(".md-nav--primary")
    hrefs = {a.attributes.get("href", "").strip("./").removesuffix("index.html").strip("/")
             for a in menu.css("a[href]")}

    def address(page: str) -> str:
        return repo_config.built_path(page).parent.as_posix()
    assert {address(page) for page in own[1:]} <= hrefs  # its own section, whole
    assert address(other[0]) in hrefs  # another section: its first page ...
    assert not {address(page) for page in other[1:]} & hrefs  # ... and nothing more
