"""What a phone downloads to show a page, measured in Debian's Chromium: every response the
page (and any worker it starts) receives until the network is idle, each body gzip-compressed
here at the local server's level, so both sites are weighed alike whatever the server sends.
Not part of the engine package."""
from __future__ import annotations

import gzip
import os
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

from guide_bench.local_server import GZIP_LEVEL
from guidewright.printing.handouts import find_chromium

PHONE = {"width": 360, "height": 740}
# As tests/browser.py launches it: without these, Chromium phones home at start-up and its own
# requests would be weighed with the page's.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def launch(playwright):
    executable = find_chromium()
    if executable is None:
        sys.exit("No Chromium found: python3 scripts/bootstrap.py installs Debian's (nothing downloads one).")
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


def first_view(browser, base: str, path: str) -> tuple[int, int]:
    """(gzip bytes of everything loaded, number of responses) for one page, JavaScript on, no clicks.
    A fresh context each time: nothing cached from the page before."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=True)
    responses = []
    context.on("response", lambda response: responses.append(response))  # the context's: a worker's fetches count too
    page = context.new_page()
    page.goto(urljoin(base, path), wait_until="networkidle")
    total = 0
    for response in responses:
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 a redirect or an aborted request has no body
            continue
        total += len(gzip.compress(body, GZIP_LEVEL))
    context.close()
    return total, len(responses)


_HEAD = re.compile(r"<head\b.*?</head\s*>", re.IGNORECASE | re.DOTALL)
_STYLESHEET = re.compile(r"""<link\b[^>]*\brel=["']?stylesheet["']?[^>]*\bhref=["']?([^"'\s>]+)""", re.IGNORECASE)


def blocking_bytes(page: Path, html: str) -> int:
    """gzip bytes of the stylesheets a page's <head> links, which the browser must have before it
    paints anything: a stock page's first screen needs its HTML up to there and all of these."""
    head = _HEAD.search(html)
    total = 0
    for href in _STYLESHEET.findall(head.group() if head else ""):
        target = Path(os.path.normpath(page.parent / href))
        if target.is_file():
            total += len(gzip.compress(target.read_bytes(), GZIP_LEVEL))
    return total
