"""The offline copy, as a clinic gets it: unzip, open from file:// with the network off.
Every page opens, links resolve, search works, and no request leaves the machine."""
from __future__ import annotations

import zipfile

from selectolax.lexbor import LexborHTMLParser

from browser import FIRST_SCREEN, link_problems
from conftest import REPO, folder_of, help_row_hrefs, language_settings
from guidewright.build.offline_copy import prune
from guidewright.build.report import ZIP_TARGET_BYTES


def pages(folder):
    return sorted(folder.rglob("*.html"))  # 404.html too: its links are relative, like the rest


def test_zip_is_small_and_complete(offline_copy):
    """One folder with index.html and a README for staff; no source maps; within the size target."""
    archive, folder = offline_copy
    names = zipfile.ZipFile(archive).namelist()
    assert archive.stat().st_size <= ZIP_TARGET_BYTES
    assert f"{folder.name}/index.html" in names and f"{folder.name}/README.txt" in names
    assert f"{folder.name}/search/search_index.js" in names
    assert [n for n in names if n.startswith(f"{folder.name}/assets/javascripts/iframe-worker.")]  # name.<hash>.js
    assert not [n for n in names if n.endswith(".map")]
    # Search languages: none for English; only what the Spanish search loads, once, in the shared
    # assets (guidewright.build.shared_assets): the Spanish copy has no assets of its own.
    lunr = sorted(n.rsplit("/", 1)[-1] for n in names if "/lunr/" in n)
    assert lunr == ["lunr.es.min.js", "lunr.stemmer.support.min.js"]
    assert not [n for n in names if n.startswith(f"{folder.name}/es/assets/")]
    assert f"{folder.name}/es/index.html" in names and f"{folder.name}/es/search/search_index.js" in names
    assert "Crisis contacts are at the top of every page, and at the foot of every printed sheet" in (folder / "README.txt").read_text()


def test_internal_links_resolve_to_files(offline_copy):
    """Every link between pages points at a file in the folder (no directory URLs)."""
    _, folder = offline_copy
    broken = []
    for page in pages(folder):
        for anchor in LexborHTMLParser(page.read_text()).css("a[href]"):
            href = anchor.attributes["href"].split("#")[0]
            if href and ":" not in href and not href.startswith("//"):
                if not (page.parent / href).resolve().is_file():
                    broken.append(f"{page.relative_to(folder)} -> {href}")
    assert broken == []


def test_every_page_opens_offline_with_no_outside_request(browser, offline_copy):
    """From file:// with the network off: pages load with titles and contacts, all requests local."""
    _, folder = offline_copy
    context = browser.new_context(offline=True, viewport=FIRST_SCREEN)
    page = context.new_page()
    outside, errors = [], []
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:", "about:")) else outside.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    hrefs = help_row_hrefs(REPO / "mkdocs.yml")
    for path in pages(folder):
        page.goto(path.as_uri())
        assert page.title(), path
        language = folder_of(path.relative_to(folder).as_posix(), hrefs)
        assert link_problems(page, hrefs[language], True) == [], path
    context.close()
    assert outside == [] and errors == []


def test_search_works_offline(browser, offline_copy):
    """Typing "naloxone" in search from file:// with no network returns results."""
    _, folder = offline_copy
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    outside = []
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:", "about:")) else outside.append(r.url))
    page.goto((folder / "index.html").as_uri())
    page.locator(".md-search__input").click()
    page.keyboard.type("naloxone")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.locator(".md-search-result__item").count() >= 3
    assert "matching document" in page.locator(".md-search-result__meta").inner_text()
    context.close()
    assert outside == []


def test_clinic_copy_shows_clinic_on_every_page(browser, clinic_copy):
    """The example clinic's line and all the other lines show on every page of its offline copy
    (its name, address and hours open the Get help page)."""
    _, folder = clinic_copy
    hrefs = help_row_hrefs(REPO / "clinic.example.yml")
    clinics = {key: s.clinic for key, s in language_settings(REPO / "clinic.example.yml").items()}
    context = browser.new_context(offline=True, viewport=FIRST_SCREEN)
    page = context.new_page()
    missing = []
    for path in pages(folder):
        page.goto(path.as_uri())
        language = folder_of(path.relative_to(folder).as_posix(), hrefs)
        clinic = clinics[language]
        banner = page.locator("[data-crisis-contacts]")
        if clinic.intake.summary not in banner.inner_text():
            missing.append(f"{path.name}: the clinic's line")
        directory = page.locator("[data-crisis-directory]")
        if directory.count() and clinic.name not in directory.inner_text():
            missing.append(f"{path.name}: clinic name on the Get help page")
        missing += [f"{path.name}: {p}" for p in link_problems(page, hrefs[language], True)]
    context.close()
    assert missing == []


def test_prune_keeps_what_readers_load(tmp_path):
    """Source maps, sitemaps and unused search languages go; both search indexes stay."""
    for name in ["a.js.map", "assets/javascripts/lunr/wordcut.js", "sitemap.xml", "search/search_index.json",
                 "search/search_index.js", "index.html"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    prune(tmp_path, ["en"])
    left = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert left == ["index.html", "search/search_index.js", "search/search_index.json"]


def test_prune_keeps_languages_other_than_english(tmp_path):
    """A Spanish search keeps the lunr files its worker loads (stemmer support, Spanish, and
    multi for two languages), and no other language's."""
    lunr = tmp_path / "assets/javascripts/lunr/min"
    lunr.mkdir(parents=True)
    names = ["lunr.stemmer.support.min.js", "lunr.es.min.js", "lunr.multi.min.js", "lunr.de.min.js"]
    for name in names:
        (lunr / name).write_text("x")
    prune(tmp_path, ["es"])
    assert sorted(p.name for p in lunr.iterdir()) == ["lunr.es.min.js", "lunr.stemmer.support.min.js"]
    for name in names:
        (lunr / name).write_text("x")
    prune(tmp_path, ["en", "es"])
    assert sorted(p.name for p in lunr.iterdir()) == ["lunr.es.min.js", "lunr.multi.min.js",
                                                      "lunr.stemmer.support.min.js"]


STYLED = "getComputedStyle(document.querySelector('.md-header')).position === 'sticky'"


def test_error_page_works_from_files_and_under_another_path(browser, offline_copy, built_site):
    """404.html is styled and its links lead to real pages when opened from file:// and when the
    site is hosted under a path other than site_url's."""
    from browser import serve
    _, folder = offline_copy
    page = browser.new_page()
    page.goto((folder / "404.html").as_uri())
    assert page.evaluate(STYLED), "404.html from file:// has no styles"
    with serve(built_site.parent) as base:  # the site at /<folder>/, not at site_url's path
        page.goto(f"{base}{built_site.name}/404.html")
        assert page.evaluate(STYLED), "404.html under another path has no styles"
        links = page.eval_on_selector_all("article a[href]", "links => links.map(a => a.href)")
        # Start here, Get help now, and the same page in the other language.
        assert len(links) == 3 and all(link.startswith(f"{base}{built_site.name}/") for link in links)
        for link in links:
            assert page.request.get(link).ok, link
    # A server showing it for a missing page deep under site_url's path (here "/").
    with serve(built_site, error_page=built_site / "404.html") as base:
        response = page.goto(f"{base}old/deep/page/")
        assert response.status == 404 and page.evaluate(STYLED), "404 for a deep missing page has no styles"
        links = page.eval_on_selector_all("article a[href]", "links => links.map(a => a.href)")
        assert all(page.request.get(link).ok for link in links) and len(links) == 3
    page.close()
