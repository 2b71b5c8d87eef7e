"""No page may fetch anything from another site; links a reader follows are fine."""
from __future__ import annotations

import pytest

from guidewright.checks.resource_check import check_error_page, check_stylesheets, external_resources


def page(head="", body=""):
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("html, expected", [
    (page(head='<script src="https://cdn.example/x.js"></script>'), "<script src> https://cdn.example/x.js"),
    (page(head='<link rel="stylesheet" href="//fonts.example/css">'), "<link rel=stylesheet> //fonts.example/css"),
    (page(head='<link rel="preload" as="font" href="https://f.example/a.woff2">'), "<link rel=preload> https://f.example/a.woff2"),
    (page(head='<link rel="preconnect" href="https://fonts.gstatic.com">'), "<link rel=preconnect> https://fonts.gstatic.com"),
    (page(body='<img src="http://img.example/a.png" alt="">'), "<img src> http://img.example/a.png"),
    (page(body='<img srcset="a.png 1x, https://img.example/b.png 2x" alt="">'), "<img srcset> https://img.example/b.png"),
    (page(body='<iframe src="https://video.example/embed"></iframe>'), "<iframe src> https://video.example/embed"),
    (page(body='<div style="background:url(https://x.example/bg.png)"></div>'), "CSS url() https://x.example/bg.png"),
    (page(head="<style>@import 'https://x.example/a.css';</style>"), "CSS url() https://x.example/a.css"),
])
def test_external_resources_found(html, expected):
    """Each kind of outside fetch (script, style, font, image, frame, CSS) is found."""
    assert external_resources(html) == [expected]


def test_links_and_local_files_are_fine():
    """Links out, canonical links and local assets are not requests."""
    html = page(head='<link rel="canonical" href="https://site.example/x/"><script src="assets/a.js"></script>'
                     '<link rel="icon" href="assets/favicon.svg">',
                body='<a href="https://samhsa.gov">SAMHSA</a><img src="assets/a.png" alt="">'
                     '<div style="background:url(data:image/png;base64,AA)"></div>')
    assert external_resources(html) == []


def test_stylesheet_importing_outside_font(tmp_path):
    """A built stylesheet that pulls a font from another site fails, naming the file."""
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "x.css").write_text("@font-face{src:url('https://fonts.example/a.woff2')}")
    problems = check_stylesheets(site)
    assert [p.file for p in problems] == ["site/assets/x.css"]
    assert "https://fonts.example/a.woff2" in problems[0].message


def test_image_needs_alt_and_size():
    """An image without alt text or dimensions is named; a decorative, sized one passes."""
    from guidewright.checks.resource_check import check_page_markup
    bad = page(body='<img src="a.png">')
    good = page(body='<img src="a.png" alt="" width="10" height="10">')
    assert [p.message for p in check_page_markup(bad, "x")] == [
        "<img src='a.png'> has no alt, width, height: give alt text (alt=\"\" if decorative) and its size"]
    assert check_page_markup(good, "x") == []


def test_render_blocking_head_script():
    """A script in <head> without defer blocks the first paint, except in the offline copy."""
    from guidewright.checks.resource_check import check_page_markup
    html = page(head='<script src="assets/x.js"></script><script src="assets/y.js" defer></script>')
    assert len(check_page_markup(html, "x")) == 1
    assert "blocks the first paint" in check_page_markup(html, "x")[0].message
    assert check_page_markup(html, "x", render_blocking_allowed=True) == []


def test_error_page_with_root_relative_links_fails():
    """The 404 page's links and files must be relative, or it breaks from file:// and sub-paths."""
    bad = ('<html><head><link rel="stylesheet" href="/guide/assets/main.css"></head><body>'
           '<a href="/guide/get-help-now/">Get help</a><a href="./">Start</a><a href="tel:911">911</a>'
           '<a href="https://988lifeline.org/">988</a></body></html>')
    found = [p.message for p in check_error_page(bad, "site/404.html")]
    assert len(found) == 2 and all("is root-relative" in m for m in found)
    assert "<a href='/guide/get-help-now/'>" in found[0] and "<link href='/guide/assets/main.css'>" in found[1]
    assert check_error_page(bad.replace('"/guide/', '"./'), "site/404.html") == []
