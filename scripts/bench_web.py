#!/usr/bin/env python3
"""Speed and weight benchmark: serve the built site with gzip on loopback, measure every
page's first-view weight in Chromium, and run Lighthouse (mobile) on the home page and the
longest page. Prints figures; asserts nothing. Run: python3 scripts/bench_web.py"""
import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import bootstrap  # beside this script; standard library only, installs the rest

bootstrap.ensure_venv()
from playwright.sync_api import sync_playwright  # noqa: E402
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from guide_bench.local_server import GZIP_LEVEL, serve  # noqa: E402
from guidewright.build.pipeline import build  # noqa: E402

REPO = bootstrap.REPO
LIGHTHOUSE = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"
KINDS = {".html": "html", ".css": "css", ".js": "js", ".woff2": "font", ".woff": "font", ".ttf": "font",
         ".png": "image", ".svg": "image", ".jpg": "image", ".webp": "image", ".ico": "image", ".json": "json"}
WEIGHT_TARGET, CRISIS_TARGET = 60 * 1024, 14 * 1024


def first_view(browser, base: str, path: str, sent: list) -> dict[str, int]:
    """Compressed bytes per kind that a phone downloads to show the page (no clicks)."""
    sent.clear()
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    context.close()
    kinds: dict[str, int] = defaultdict(int)
    for url, size in sent:
        kinds[KINDS.get(Path(url.split("?")[0]).suffix or ".html", "other")] += size
    return kinds


def crisis_offset(html: str) -> int:
    """Compressed size of the HTML up to the end of the crisis block: what must arrive first."""
    block = LexborHTMLParser(html).css_first("[data-crisis-contacts]")
    last_link = block.css("a[href]")[-1].html if block else ""
    end = html.find(last_link) + len(last_link) if last_link and last_link in html else len(html)
    return len(gzip.compress(html[:end].encode(), GZIP_LEVEL))


def lighthouse(url: str) -> dict:
    env = dict(os.environ, CHROME_PATH=bootstrap.ensure_chromium())
    result = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
        capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        sys.exit(f"lighthouse failed:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    audits = report["audits"]
    return {
        "scores": {k: round(v["score"] * 100) for k, v in report["categories"].items()},
        "fcp": audits["first-contentful-paint"]["displayValue"],
        "transfer": audits["total-byte-weight"]["numericValue"],
        "failed": [a for a, v in audits.items() if v.get("score") not in (None, 1) and v.get("scoreDisplayMode") == "binary"],
    }


def main() -> None:
    bootstrap.ensure_node_modules()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        if not build(REPO / "mkdocs.yml", site).ok:
            sys.exit("the site did not build: run python3 scripts/build.py")
        pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
        sent: list = []
        print(f"First view at 360x640, gzip level {GZIP_LEVEL}, no clicks (KiB):")
        print(f"  {'page':<32} {'html':>5} {'css':>5} {'js':>5} {'font':>5} {'img':>5} {'total':>6} "
              f"{'json':>5} {'crisis@':>7}")
        with sync_playwright() as playwright, serve(site, use_gzip=True, sent=sent) as base:
            browser = playwright.chromium.launch(executable_path=bootstrap.ensure_chromium(),
                                                 args=["--no-sandbox", "--disable-background-networking"])
            worst = 0
            for path in pages:
                kinds = first_view(browser, base, path, sent)
                total = sum(kinds[k] for k in ("html", "css", "js", "font", "image"))
                worst = max(worst, total)
                offset = crisis_offset((site / path).read_text(encoding="utf-8"))
                flags = ("" if total <= WEIGHT_TARGET else " over 60 KB") + ("" if offset <= CRISIS_TARGET else " crisis late")
                print(f"  {path:<32} " + " ".join(f"{kinds[k] / 1024:>5.1f}" for k in ("html", "css", "js", "font", "image"))
                      + f" {total / 1024:>6.1f} {kinds['json'] / 1024:>5.1f} {offset / 1024:>6.1f}K{flags}")
            browser.close()
            print(f"  heaviest first view {worst / 1024:.1f} KiB (target <= 60 KB); crisis links must be within "
                  "the first 14 KB of compressed HTML")
            longest = max(pages, key=lambda p: (site / p).stat().st_size if p != "404.html" else 0)
            for path in ("index.html", longest):
                found = lighthouse(base + path)
                scores = " ".join(f"{k} {v}" for k, v in found["scores"].items())
                print(f"Lighthouse (mobile) {path}: {scores}; first contentful paint {found['fcp']}; "
                      f"transfer {found['transfer'] / 1024:.1f} KiB" + (f"; failing: {found['failed']}" if found["failed"] else ""))


if __name__ == "__main__":
    main()
