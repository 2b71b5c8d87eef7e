"""Saving the guide on a phone (guidewright.build.save_offline): each language's worker lists every file of its own
site a reader's browser loads, and nothing else; the build checks the list against the files."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from guidewright.build.asset_names import HASHED
from guidewright.build.page_styles import FILE as STYLES_FILE
from guidewright.build.pipeline import build
from guidewright.build.save_offline import WORKER, check_saved_list, listed_files, saved_list, write_worker
from guidewright.build.site_build import built_pages


def fake_site(root, search_language="en"):
    """A built site's shape: pages, assets, files no reader loads, and a translation inside."""
    files = {
        "index.html": "home", "404.html": "missing", "about/index.html": "about",
        "assets/stylesheets/main.1a2b3c4d.min.css": "css", "assets/stylesheets/main.1a2b3c4d.min.css.map": "map",
        "assets/javascripts/lunr/min/lunr.es.min.js": "es", "assets/javascripts/lunr/min/lunr.de.min.js": "de",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "stem",
        "assets/javascripts/iframe-worker.js": "file:// only", "sitemap.xml": "<xml/>", "sitemap.xml.gz": "gz",
        "handouts/about.pdf": "pdf", ".guide-build": "", "contacts.vcf": "BEGIN:VCARD",
        "search/search_index.json": json.dumps({"config": {"lang": [search_language]}, "docs": []}),
        "es/index.html": "inicio", "es/assets/stylesheets/main.1a2b3c4d.min.css": "css",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_list_has_every_page_and_asset_of_its_language_only(tmp_path):
    site = fake_site(tmp_path / "site")
    saved = saved_list(site, skip=(site / "es",))
    assert saved.files == ["404.html", "about/", "assets/stylesheets/main.1a2b3c4d.min.css", "contacts.vcf",
                           "./", "search/search_index.json"]
    assert saved.size == sum((site / name).stat().st_size for name in (
        "404.html", "about/index.html", "assets/stylesheets/main.1a2b3c4d.min.css", "contacts.vcf", "index.html",
        "search/search_index.json"))


def test_search_files_of_the_language_are_saved(tmp_path):
    """Spanish search loads lunr's Spanish stemmer; no other language's."""
    site = fake_site(tmp_path / "site", "es")
    files = saved_list(site, skip=(site / "es",)).files
    assert {"assets/javascripts/lunr/min/lunr.es.min.js",
            "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"} <= set(files)
    assert "assets/javascripts/lunr/min/lunr.de.min.js" not in files


def test_version_changes_with_any_file(tmp_path):
    site = fake_site(tmp_path / "site")
    before = saved_list(site).version
    (site / "about" / "index.html").write_text("about, changed")
    assert saved_list(site).version != before


def test_check_finds_a_stale_or_missing_worker(tmp_path):
    site = fake_site(tmp_path / "site")
    skip = (site / "es",)
    assert "no service worker for \"Save to this phone\"" in check_saved_list(site, skip)[0].message
    write_worker(site, skip)
    assert check_saved_list(site, skip) == []
    (site / "new" / "index.html").parent.mkdir()
    (site / "new" / "index.html").write_text("new page")
    (site / "about" / "index.html").unlink()
    messages = [p.message for p in check_saved_list(site, skip)]
    assert messages == [
        "does not save new/: a reader who saved the guide would miss it offline; write the worker after every change "
        "to the built files (save_offline.write_worker)",
        "saves about/, which is not a file of this language's site: saving would fail for every reader; write the "
        "worker after every change to the built files"]
    write_worker(site, skip)
    (site / "index.html").write_text("home, changed")
    assert "its version is not that of the built files" in check_saved_list(site, skip)[0].message
    (site / WORKER).write_text("// edited by hand\n")
    assert "its first line is not the list of saved files" in check_saved_list(site, skip)[0].message


def test_built_workers_list_every_page_of_their_language(tiny_spanish_site):
    """The real build writes one worker per language, after asset names got their hashes: each
    lists every built page of its language and no page of the other; the translation's list
    names the main site's assets its pages load (one copy for both: guidewright.build.shared_assets)."""
    site = tiny_spanish_site.root / "site"
    assert build(tiny_spanish_site.config(), site, dist_dir=tiny_spanish_site.root / "dist").ok
    for root, skip, assets in ((site, (site / "es",), "assets/"), (site / "es", (), "../assets/")):
        files = listed_files((root / WORKER).read_text(encoding="utf-8"))["files"]
        pages = [p.relative_to(root).as_posix() for p in built_pages(root, skip)]
        assert {p.removesuffix("index.html") or "./" for p in pages} <= set(files)
        assert all((root / name).is_file() or (root / name / "index.html").is_file() or name == "./" for name in files)
        assert not any(name.startswith("es/") for name in files)
        stylesheet = f"{assets}{Path(STYLES_FILE).parent.relative_to('assets').as_posix()}/{Path(STYLES_FILE).stem}."
        assert any(name.startswith(stylesheet) and HASHED.search(name) for name in files), files  # hashed
        loaded = {Path(os.path.normpath(root / p.parent / url)) for p in built_pages(root, skip)
                  for url in re.findall(r'(?:href|src)="([^"]*assets/[^"]+)"', p.read_text(encoding="utf-8"))}
        listed = {Path(os.path.normpath(root / name)) for name in files}
        assert loaded <= listed  # every asset a page loads is saved with it
        assert "contacts.vcf" in files and "sw.js" not in files
