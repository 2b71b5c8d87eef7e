"""The server config the build writes, on a real nginx (Debian's, installed like Chromium) on the
loopback: the built site under a path that is not site_url's, and the offline copy beside it.
Every page and file answers with the security policy and the right caching; a missing page
gets its language's 404 at any depth, styled and with working links, JavaScript on or off;
the language links lead to their pair; search works with both policies (header and <meta>)."""
from __future__ import annotations

import gzip
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlparse

import brotli
import pytest
from selectolax.lexbor import LexborHTMLParser

import bootstrap
from browser import wait_until
from conftest import language_settings
from guidewright.build.asset_names import HASHED
from guidewright.build.hosting import LONG_CACHE, REVALIDATE, SECURITY_HEADERS, nginx_config
from guidewright.build.precompress import ENCODINGS

pytestmark = pytest.mark.browser  # needs Debian's nginx, installed with the browser tools
SITE_PATH = "/clinic/guide/"    # not site_url's path: the config must work under any path
OFFLINE_PATH = "/clinic/offline/"
MAIN_CONF = """load_module {brotli_static};
daemon off;
worker_processes 1;
{user}
pid {work}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    gzip on;
    gzip_types text/css application/javascript application/json image/svg+xml;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {work}/guide.conf;
        include {work}/offline.conf;
    }}
}}
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def languages(repo_config):
    """Folder ('' for the main language) -> its validated settings."""
    return language_settings(repo_config.path)


@pytest.fixture(scope="module")
def nginx(built_site, offline_copy, languages, tmp_path_factory):
    """Base URL of a real nginx serving the built site at SITE_PATH and the unzipped offline copy at
    OFFLINE_PATH, each with the config guidewright.build.hosting writes for that path."""
    binary = bootstrap.ensure_nginx()
    work = tmp_path_factory.mktemp("nginx")
    www = work / "www"
    (www / "clinic").mkdir(parents=True)
    (www / "clinic" / "guide").symlink_to(built_site)
    (www / "clinic" / "offline").symlink_to(offline_copy[1])
    folders = [folder for folder in languages if folder]
    (work / "guide.conf").write_text(nginx_config(SITE_PATH, folders, str(www)))
    (work / "offline.conf").write_text(nginx_config(OFFLINE_PATH, folders, str(www)))
    port = _free_port()
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read the test's private tmp folder
    (work / "nginx.conf").write_text(MAIN_CONF.format(work=work, port=port, user=user,
                                                      brotli_static=bootstrap.BROTLI_STATIC))
    command = [binary, "-p", str(work), "-e", str(work / "error.log"), "-c", str(work / "nginx.conf")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, (work / "error.log").read_text()
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """Status, headers and body as sent (urllib decompresses nothing)."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _url(path: str, site: Path, rel: Path) -> str:
    """The address a reader uses for a built file: a page's folder for its index.html."""
    name = rel.as_posix()
    return path + (name[: -len("index.html")] if name == "index.html" or name.endswith("/index.html") else name)


def test_every_file_has_the_headers_and_its_caching(nginx, built_site):
    """Every built file answers 200 with the policy header (frame-ancestors included); hashed
    names are cached for a year, pages and everything else revalidated; the contacts file is a vCard."""
    # Not the .br/.gz copies: nginx sends them in their file's place (test_precompressed_copies_...).
    files = sorted(p.relative_to(built_site) for p in built_site.rglob("*")
                   if p.is_file() and p.name[0] != "." and p.suffix not in ENCODINGS)
    wrong = []
    for rel in files:
        status, headers, _ = get(nginx + _url(SITE_PATH, built_site, rel))
        cache = LONG_CACHE if HASHED.search(rel.name) else REVALIDATE
        if status != 200 or headers.get("Cache-Control") != cache or any(
                headers.get(name) != value for name, value in SECURITY_HEADERS.items()) or (
                rel.suffix == ".vcf" and not headers.get("Content-Type", "").startswith("text/vcard")):
            wrong.append(f"{rel}: {status} {headers.get('Cache-Control')!r} {headers.get('Content-Security-Policy')!r} "
                         f"{headers.get('Content-Type')!r}")
    assert not wrong
    assert "frame-ancestors 'none'" in SECURITY_HEADERS["Content-Security-Policy"]


def _loaded_by(html: bytes, url: str) -> list[str]:
    """Every same-site address the page loads or links, resolved as the browser would (its <base>)."""
    tree = LexborHTMLParser(html.decode())
    base = tree.css_first("base[href]")
    start = urljoin(url, base.attributes["href"]) if base else url
    found = [node.attributes.get(attr) or "" for selector, attr in (("link[href]", "href"), ("a[href]", "href"),
                                                                     ("script[src]", "src"), ("img[src]", "src"))
             for node in tree.css(selector)]
    found += re.findall(r'src="([^"]*)"', html.decode())  # also the scripts waiting in a <template>
    resolved = {urljoin(start, href).split("#")[0] for href in found if href and not href.startswith("#")}
    return sorted(u for u in resolved if urlparse(u).netloc == urlparse(url).netloc)


@pytest.mark.parametrize("folder, missing", [("", "a/b/missing"), ("es", "x/y/missing"), ("", "deep/er/still/gone/")])
def test_missing_page_gets_its_languages_404_with_working_links(nginx, languages, folder, missing):
    """A missing page at any depth: status 404, its language's 404 page, and every stylesheet,
    script and link on it answers 200 (without any script running: links are read from the HTML)."""
    prefix = f"{SITE_PATH}{folder}/" if folder else SITE_PATH
    url = nginx + prefix + missing
    status, headers, body = get(url)
    assert status == 404 and headers.get("Content-Security-Policy") == SECURITY_HEADERS["Content-Security-Policy"]
    tree = LexborHTMLParser(body.decode())
    assert tree.css_first("h1").text() == languages[folder].ui["not_found_title"]
    assert tree.css_first("html").attributes["lang"] == languages[folder].config.raw["theme"]["language"]
    loaded = _loaded_by(body, url)
    assert any(u.endswith(".css") for u in loaded) and any("get-help-now" in u for u in loaded)
    assert [(u, get(u)[0]) for u in loaded if get(u)[0] != 200] == []


@pytest.mark.parametrize("folder", ["", "es"])
def test_404_without_javascript_is_styled(browser, nginx, languages, folder):
    """Chromium with JavaScript off, two folders below a missing page: every file the 404 page
    loads answers 200, its stylesheets apply, and its links point inside the site's folder."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    answers: list[tuple[str, int]] = []
    page.on("response", lambda response: answers.append((response.url, response.status)))
    # A stylesheet answered with a 404 page is refused (nosniff) and reported only as failed.
    page.on("requestfailed", lambda request: answers.append((request.url, request.failure)))
    prefix = f"{SITE_PATH}{folder}/" if folder else SITE_PATH
    response = page.goto(nginx + prefix + "one/two/missing")
    assert response.status == 404
    assert [(u, s) for u, s in answers[1:] if s != 200] == []
    # The site's one stylesheet (guidewright.build.page_styles), shared by both languages (shared_assets).
    sheets = page.evaluate("[...document.styleSheets].map(s => s.href).filter(Boolean)")
    assert len(sheets) == 1 and sheets[0].startswith(nginx + SITE_PATH + "assets/stylesheets/")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    links = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => [a.textContent.trim(), a.href])")
    leaves = languages[folder].config.extra.get("quick_exit")  # the one link meant to leave the site
    assert [href for _, href in links if href.startswith("http") and not href.startswith(nginx + SITE_PATH)
            and href != leaves] == []
    assert {href for text, href in links if text == languages[folder].ui["start_here"]} == {nginx + prefix}
    context.close()


def test_language_links_lead_to_their_pair(nginx, built_site, languages):
    """Every page's link to the other language answers 200 with a page in that language."""
    wrong = []
    for rel in sorted(p.relative_to(built_site) for p in built_site.rglob("*.html")):
        url = nginx + _url(SITE_PATH, built_site, rel)
        tree = LexborHTMLParser(get(url)[2].decode())
        link = tree.css_first("[data-pe-language-link]")
        status, _, body = get(urljoin(url, link.attributes["href"]))
        lang = LexborHTMLParser(body.decode()).css_first("html").attributes.get("lang")
        if status != 200 or lang != link.attributes.get("hreflang"):
            wrong.append(f"{rel}: {link.attributes['href']} -> {status} lang={lang}")
    assert not wrong


def test_search_and_scripts_work_under_both_policies(browser, nginx, repo_config):
    """With the header and the page's <meta> both enforced: the page's own inline scripts run,
    search loads and finds a reader's word, and an inline script the page didn't list is refused."""
    page_name, words = next(iter(repo_config.extra["search_terms"].items()))
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
            else None)
    response = page.goto(nginx + SITE_PATH)
    assert response.headers["content-security-policy"] == SECURITY_HEADERS["Content-Security-Policy"]
    assert page.evaluate("document.documentElement.classList.contains('pe-js')")  # an inline, hashed script ran
    page.locator(".md-search__input").click()
    page.keyboard.type(words[0])
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    first = page.locator(".md-search-result__item > a").first.get_attribute("href")
    assert urljoin(page.url, first).startswith(nginx + SITE_PATH + repo_config.built_path(page_name).parent.as_posix())
    assert refused == []
    injected = page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__peInjected = 1'; document.head.appendChild(s); return window.__peInjected; }""")
    assert injected is None
    wait_until(page, "true")
    assert any("Content Security Policy" in text for text in refused)
    page.close()


def test_offline_copy_answers_its_folder_addresses(nginx, offline_copy, languages):
    """The offline copy's pages are page.html; the folder addresses printed in QR codes (page/)
    find them, in every language, and a missing one is a 404."""
    folder = offline_copy[1]
    for lang in languages:
        prefix = f"{OFFLINE_PATH}{lang}/" if lang else OFFLINE_PATH
        flat = sorted(p for p in (folder / lang).glob("*.html") if p.name not in ("index.html", "404.html"))
        assert flat
        for page in flat:
            status, headers, body = get(nginx + prefix + page.stem + "/")
            assert (status, body) == (200, page.read_bytes()), page
            assert headers.get("Cache-Control") == REVALIDATE
        assert get(nginx + prefix)[0] == 200
        status, _, body = get(nginx + prefix + "gone/")
        assert status == 404 and languages[lang].ui["not_found_title"].encode() in body


DECODERS = {"br": (".br", brotli.decompress), "gzip": (".gz", gzip.decompress)}


@pytest.mark.parametrize("encoding", DECODERS)
def test_precompressed_copies_go_to_browsers_that_accept_them(nginx, built_site, encoding):
    """A page (at its folder address, top and below), a hashed stylesheet and the search index:
    a browser that accepts the encoding gets the build's own copy (not one nginx made), which
    decompresses to the file; one that accepts none gets the file. Vary on both; the security
    headers and each file's caching stay."""
    suffix, decompress = DECODERS[encoding]
    sheet = next(p for p in sorted(built_site.glob("assets/stylesheets/*.css")) if HASHED.search(p.name))
    files = [built_site / "index.html", sorted(built_site.glob("*/index.html"))[0], sheet,
             built_site / "search" / "search_index.json"]
    wrong = []
    for file in files:
        rel = file.relative_to(built_site)
        url = nginx + _url(SITE_PATH, built_site, rel)
        cache = LONG_CACHE if HASHED.search(file.name) else REVALIDATE
        for accept, sent in (({"Accept-Encoding": encoding}, file.with_name(file.name + suffix)), ({}, file)):
            status, headers, body = get(url, accept)
            got = (status, headers.get("Content-Encoding"), "Accept-Encoding" in headers.get("Vary", ""),
                   headers.get("Cache-Control"), {name: headers.get(name) for name in SECURITY_HEADERS})
            if got != (200, encoding if accept else None, True, cache, SECURITY_HEADERS) or body != sent.read_bytes() \
                    or (accept and decompress(body) != file.read_bytes()):
                wrong.append(f"{rel} {accept}: {got[:4]}, {len(body)} bytes")
    assert not wrong


def test_missing_page_with_compression_still_gets_its_base(nginx, built_site):
    """The 404 page is edited on its way out (its <base>): never sent from its precompressed copy,
    which nginx can't edit, even to a browser that accepts both encodings."""
    assert (built_site / "404.html.br").is_file()
    status, headers, body = get(nginx + SITE_PATH + "a/b/missing", {"Accept-Encoding": "br, gzip"})
    assert status == 404 and headers.get("Content-Encoding") in (None, "gzip")  # the test's nginx gzips on the fly
    page = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    assert f'<base href="{SITE_PATH}">'.encode() in page
