"""Server config from the same sources as the pages (guidewright.build.hosting), and content hashes in asset
names (guidewright.build.asset_names). The real nginx runs in test_browser_nginx.py."""
from __future__ import annotations

import gzip
import random
import re
import zipfile

import brotli
import pytest

from guidewright.build import pipeline
from guidewright.build.asset_names import HASHED, SUFFIX, check_asset_references, hash_asset_names, hashed_name
from guidewright.build.hosting import (
    LONG_CACHE,
    REVALIDATE,
    SECURITY_HEADERS,
    STATIC_COPIES,
    check_deploy_path,
    deploy_path,
    hashed_files,
    headers_file,
    nginx_config,
    redirects_file,
)
from guidewright.build.precompress import ENCODINGS, TEXT_TYPES, Precompressed, is_text, precompress
from guidewright.build.report import print_result
from guidewright.build.result import BuildResult
from guidewright.checks.csp import DIRECTIVES, header_policy, policy

PAGE = """<html><head><link rel="stylesheet" href="{up}assets/stylesheets/guide.css">
<link rel="stylesheet" href="{up}assets/stylesheets/main.57a0d79d.min.css"><link rel="icon" href="{up}assets/favicon.svg">
</head><body><a href="{up}other/">other</a><a href="https://samhsa.gov/x.css">out</a><img src="/abs/assets/a.svg" alt="">
<template id="pe-deferred-scripts"><script src="{up}assets/javascripts/load-on-use.js"></script></template></body></html>"""


@pytest.mark.parametrize("site_url, path", [("https://withdrawal-guide.example/", "/"),
                                            ("https://intranet.example/withdrawal-guide", "/withdrawal-guide/"),
                                            ("https://x.example/clinic/guide/", "/clinic/guide/"), (None, "/")])
def test_deploy_path_is_site_urls_path(site_url, path):
    assert deploy_path(site_url) == path


def test_unsafe_deploy_path_is_refused():
    """A path nginx would read as syntax (a quote, a space, a brace) is refused, naming the file."""
    problems = check_deploy_path(deploy_path("https://x.example/a guide{x}/"), "clinic.yml")
    assert [p.file for p in problems] == ["clinic.yml"]
    assert "site_url: its path '/a guide{x}/' can't go into a server config safely" in problems[0].message
    assert check_deploy_path("/withdrawal-guide/", "x") == []


@pytest.mark.parametrize("name, hashed", [("guide.1a2b3c4d.css", True), ("main.57a0d79d.min.css", True),
                                          ("search.a7633da7.min.js", True), ("favicon.87cbef22.svg", True),
                                          ("guide.css", False), ("load-on-use.js", False),
                                          ("main.57a0d79d.min.css.map", False), ("page.1a2b3c4d.html", False),
                                          ("lunr.stemmer.support.min.js", False), ("search_index.json", False)])
def test_hashed_means_a_content_hash_and_never_a_page(name, hashed):
    assert bool(HASHED.search(name)) is hashed


def test_assets_get_hashed_names_and_every_reference_follows(tmp_path):
    """Each asset a page loads gets name.<hash>.ext; every page's reference (in a <template> too)
    follows it; the theme's hashed files, outside links and root-relative URLs stay as they are."""
    site = tmp_path / "site"
    for name in ("stylesheets/guide.css", "stylesheets/main.57a0d79d.min.css", "favicon.svg",
                 "javascripts/load-on-use.js", "javascripts/unused.js"):
        (site / "assets" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "assets" / name).write_text(f"/* {name} */")
    (site / "x").mkdir()
    (site / "index.html").write_text(PAGE.format(up=""))
    (site / "x" / "index.html").write_text(PAGE.format(up="../"))
    expected = {name: hashed_name(site / "assets" / name) for name in ("stylesheets/guide.css", "favicon.svg",
                                                                       "javascripts/load-on-use.js")}

    renamed = hash_asset_names(site)

    assert sorted(old.relative_to(site).as_posix() for old in renamed) == [f"assets/{n}" for n in sorted(expected)]
    for name, new in expected.items():
        assert re.fullmatch(r"[a-z-]+\.[0-9a-f]{8}\.(css|js|svg)", new) and HASHED.search(new)
        assert (site / "assets" / name).with_name(new).is_file() and not (site / "assets" / name).exists()
    inner = (site / "x" / "index.html").read_text()
    assert f'href="../assets/stylesheets/{expected["stylesheets/guide.css"]}"' in inner
    assert f'<template id="pe-deferred-scripts"><script src="../assets/javascripts/{expected["javascripts/load-on-use.js"]}"' in inner
    assert 'href="../assets/stylesheets/main.57a0d79d.min.css"' in inner and 'src="/abs/assets/a.svg"' in inner
    assert 'href="https://samhsa.gov/x.css"' in inner and (site / "assets/javascripts/unused.js").is_file()
    assert check_asset_references(site, str) == []
    assert hash_asset_names(site) == {}  # run again: nothing left to rename


def test_a_stale_asset_name_fails(tmp_path):
    """A page naming an asset that isn't in the site (an old name after hashing) is reported."""
    page = tmp_path / "site" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text('<link rel="stylesheet" href="../assets/stylesheets/guide.css"><a href="../y/">y</a>')
    problems = check_asset_references(tmp_path / "site", lambda p: "site/x/index.html")
    assert [p.file for p in problems] == ["site/x/index.html"]
    assert problems[0].message.startswith("href='../assets/stylesheets/guide.css' names no file in the site")


def test_header_policy_is_the_page_policy_plus_frame_ancestors():
    """Same directives as each page's <meta>, with frame-ancestors (a <meta> can't carry it) and no
    per-page hashes: inline scripts are allowed there, and the <meta> narrows them to its hashes."""
    header = dict(d.split(" ", 1) for d in header_policy().split("; "))
    page = dict(d.split(" ", 1) for d in policy("<script>a()</script>").split("; "))
    assert header.pop("frame-ancestors") == "'none'" and set(header) == set(page) == set(DIRECTIVES)
    assert header.pop("script-src") == "'self' 'unsafe-inline'" and "'sha256-" in page.pop("script-src")
    assert header == page


def test_nginx_config_has_each_languages_404_caching_and_headers():
    config = nginx_config("/clinic/guide/", ["es"], "/srv/www")
    assert "location /clinic/guide/ {" in config and "root /srv/www;" in config
    for prefix in ("/clinic/guide/", "/clinic/guide/es/"):
        assert f"error_page 404 {prefix}404.html;" in config
        assert f"location = {prefix}404.html {{\n" in config
        assert f"""sub_filter '<head>' '<head><base href="{prefix}">';""" in config
        assert f'location ~ "^{re.escape(prefix)}.+{SUFFIX}$"' in config  # the one hash rule
        assert f"try_files ${{uri}}index.html {prefix}$guide_page.html =404;" in config  # offline copy: page/ -> page.html
    assert config.count(f'add_header Cache-Control "{LONG_CACHE}" always;') == 2
    assert config.count(f'add_header Cache-Control "{REVALIDATE}" always;') == 2
    for name, value in SECURITY_HEADERS.items():  # nested blocks with their own Cache-Control repeat them
        assert config.count(f'add_header {name} "{value}" always;') == 4
    assert config.count("{") == config.count("}")


def test_static_host_files_name_each_hashed_file_and_404():
    headers = headers_file("/g/", ["assets/a.1a2b3c4d.css", "es/assets/b.1a2b3c4d.min.js"])
    assert headers.startswith("# ") and "\n/g/*\n" in headers
    assert f"  Content-Security-Policy: {header_policy()}\n" in headers
    assert f"/g/assets/a.1a2b3c4d.css\n  Cache-Control: {LONG_CACHE}\n" in headers
    assert f"/g/es/assets/b.1a2b3c4d.min.js\n  Cache-Control: {LONG_CACHE}\n" in headers
    assert redirects_file("/g/", ["es"]).splitlines()[1:] == ["/g/es/*  /g/es/404.html  404", "/g/*  /g/404.html  404"]


def test_build_writes_host_files_and_hashes_every_asset_pages_load(built_site, repo_config):
    """The real build: dist/hosting holds the four files for site_url's path, and every asset a page
    loads from its assets folder has a hashed name (so the long-cache rule covers all of them)."""
    hosting = built_site.parent / "dist" / "hosting"
    assert sorted(p.name for p in hosting.iterdir()) == ["README.md", "_headers", "_redirects", "nginx.conf"]
    path = deploy_path(repo_config.raw.get("site_url"))
    assert f"location {path} {{" in (hosting / "nginx.conf").read_text()
    unhashed = sorted({m for page in built_site.rglob("*.html")
                       for m in re.findall(r'(?:href|src)="((?:\.\./|\./)*assets/[^"]+)"', page.read_text())
                       if not HASHED.search(m)})
    assert unhashed == []
    assert check_asset_references(built_site, str) == []
    headers = (hosting / "_headers").read_text()
    for hashed in (p for p in built_site.rglob("*") if HASHED.search(p.name)):
        assert f"{path}{hashed.relative_to(built_site).as_posix()}\n  Cache-Control: {LONG_CACHE}" in headers


def test_nginx_config_sends_the_precompressed_copies():
    """Each language's block sends name.br / name.gz as they are and says Vary; its 404 page,
    which sub_filter edits (it can't edit a compressed file), never is sent from a copy."""
    config = nginx_config("/g/", ["es"], "/srv/www")
    for directive in STATIC_COPIES:
        assert config.count(f"    {directive} on;\n") == 2 and config.count(f"    {directive} off;\n") == 2
    assert config.count("gzip_vary on;") == 2
    for prefix in ("/g/", "/g/es/"):
        error_block = config.split(f"location = {prefix}404.html {{\n", 1)[1].split("}", 1)[0]
        assert all(f"{directive} off;" in error_block for directive in STATIC_COPIES)
        assert "sub_filter '<head>'" in error_block


def _text_site(root):
    """A site with text files worth compressing, a tiny one, binary ones and a hidden one."""
    page = "<html><body>" + "<p>The cat sat on the mat, and the dog sat by the door.</p>" * 200 + "</body></html>"
    files = {f"page{suffix}": page.encode() for suffix in TEXT_TYPES}
    files |= {"es/index.html": page.encode(), "tiny.txt": b"a",
              "noise.txt": random.Random(1).randbytes(4000),  # random bytes don't compress
              "assets/images/photo.png": page.encode(), "assets/fonts/a.woff2": page.encode(),
              "handouts/a.pdf": page.encode(), ".guide-build": page.encode()}
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return files


def test_precompress_writes_copies_that_decompress_to_the_file(tmp_path):
    """Every text type gets a .gz and a .br that decompress to its bytes; binary types, hidden
    files and files that compression makes no smaller get none; the same input, the same bytes."""
    files = _text_site(tmp_path)
    stats = precompress(tmp_path)
    texts = [name for name in files if is_text(tmp_path / name)]
    copied = sorted(name for name in texts if name not in ("tiny.txt", "noise.txt"))
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.suffix in ENCODINGS)
    assert written == sorted(f"{name}{suffix}" for name in copied for suffix in (".br", ".gz"))
    for name in copied:
        assert gzip.decompress((tmp_path / f"{name}.gz").read_bytes()) == files[name]
        assert brotli.decompress((tmp_path / f"{name}.br").read_bytes()) == files[name]
        assert (tmp_path / f"{name}.gz").read_bytes()[4:8] == bytes(4)  # no time stamp: reproducible
    assert len(texts) == len(TEXT_TYPES) + 3 and stats.files == len(texts) and stats.written == len(written)
    assert stats.size == sum(len(files[name]) for name in texts)
    for suffix, size in ((".gz", stats.gzip_size), (".br", stats.brotli_size)):
        assert size == sum((tmp_path / f"{n}{suffix}").stat().st_size for n in copied) + sum(
            len(files[n]) for n in texts if n not in copied)
    before = {name: (tmp_path / name).read_bytes() for name in written}
    precompress(tmp_path)
    assert {name: (tmp_path / name).read_bytes() for name in written} == before


def test_copies_are_never_hashed_or_listed_for_long_caching(tmp_path):
    """A hashed file's copies are not themselves hashed names: the host files list the file once."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.1a2b3c4d.css").write_text("body { color: black; }\n" * 50)
    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="assets/a.1a2b3c4d.css">' * 50)
    precompress(tmp_path)
    assert (tmp_path / "assets" / "a.1a2b3c4d.css.br").is_file()
    assert hashed_files(tmp_path) == ["assets/a.1a2b3c4d.css"]
    assert hash_asset_names(tmp_path) == {} and check_asset_references(tmp_path, str) == []


def test_copies_are_made_after_the_checks_and_never_zipped(tiny_site, tmp_path, monkeypatch):
    """The online build writes the copies only after every check passed (the checks never read
    one), lists none in the host files and reports their figures; the offline copy has none."""
    at_check = []
    check_built_site = pipeline.check_built_site

    def spy(site, *args):
        at_check.extend(p.name for p in site.rglob("*") if p.suffix in ENCODINGS)
        return check_built_site(site, *args)

    monkeypatch.setattr(pipeline, "check_built_site", spy)
    config = tiny_site.config()
    result = pipeline.build(config, tmp_path / "site", dist_dir=tmp_path / "dist")
    assert result.ok, result.problems
    assert at_check in ([], ["sitemap.xml.gz"])  # MkDocs' own sitemap copy, for search engines
    site = tmp_path / "site"
    texts = [p for p in site.rglob("*") if p.is_file() and is_text(p)]
    assert result.precompressed.files == len(texts) and result.precompressed.written > len(texts)
    assert (site / "index.html.br").is_file() and (site / "index.html.gz").is_file()
    for name in ("_headers", "_redirects"):
        assert not any(ending in (tmp_path / "dist" / "hosting" / name).read_text() for ending in (".br\n", ".gz\n"))
    offline = pipeline.build(config, tmp_path / "site-offline", offline=True, dist_dir=tmp_path / "dist")
    assert offline.ok and offline.precompressed is None
    with zipfile.ZipFile(offline.offline.zip_path) as bundle:
        assert [name for name in bundle.namelist() if name.endswith(ENCODINGS)] == []


def test_report_gives_the_precompressed_figures(capsys):
    print_result(BuildResult(0, precompressed=Precompressed(files=3, size=300 * 1024, gzip_size=60 * 1024,
                                                            brotli_size=50 * 1024, written=6, seconds=1.25)))
    out = capsys.readouterr().out
    assert "Precompressed: 3 text files, 300 KiB -> gzip 60 KiB, brotli 50 KiB (6 .gz/.br files" in out
    assert "as they are; 1.2 s)." in out
