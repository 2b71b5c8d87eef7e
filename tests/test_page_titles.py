"""Each page's heading is its full title (front matter), not its short menu label: a reader
who lands on "Dangers" from search learns it is about dangers during and after withdrawal."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from guidewright.checks.source_check import split_front_matter


def test_every_heading_is_the_full_title(built_site, repo_config):
    wrong = []
    for page in repo_config.nav_pages:
        source = repo_config.docs_dir / page
        meta = split_front_matter(source.read_text(encoding="utf-8"), page)[0].meta
        html = (built_site / repo_config.built_path(page)).read_text(encoding="utf-8")
        heading = LexborHTMLParser(html).css_first("article h1")
        shown = " ".join(heading.text().split()) if heading is not None else None
        if shown != meta["title"]:
            wrong.append(f"{page}: heading {shown!r}, title {meta['title']!r}")
    assert wrong == []


def test_the_menu_keeps_its_short_labels(built_site, repo_config):
    """The nav's short labels still label the menu (the test above isn't passing by accident
    of nav labels equal to titles)."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    menu = [" ".join(a.text().split()) for a in LexborHTMLParser(html).css(".md-sidebar--primary a.md-nav__link")]
    titles = []
    for page in repo_config.nav_pages:
        meta = split_front_matter((repo_config.docs_dir / page).read_text(encoding="utf-8"), page)[0].meta
        titles.append(meta["title"])
    assert any(label not in titles for label in menu)
