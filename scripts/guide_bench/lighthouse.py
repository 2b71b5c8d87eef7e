"""Lighthouse's performance score for a page (mobile, its default simulated throttling), from the
npm package pinned in package.json, run on Debian's Chromium (CHROME_PATH: it never downloads
one). Not part of the engine package."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from guidewright.printing.handouts import find_chromium

CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"


def performance(repo: Path, url: str) -> float | str:
    """The score, 0-100, or why there is none (the report says; the benchmark goes on)."""
    cli = repo / "node_modules" / "lighthouse" / "cli" / "index.js"
    chromium = find_chromium()
    if not cli.is_file() or chromium is None:
        return "n/a (no " + ("Chromium" if chromium is None else "node_modules/lighthouse: npm ci") + ")"
    run = subprocess.run(["node", str(cli), url, "--output=json", "--output-path=stdout", "--quiet",
                          "--only-categories=performance", f"--chrome-flags={CHROME_FLAGS}"],
                         capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=chromium), timeout=300)
    if run.returncode != 0:
        return f"failed: {(run.stderr.strip().splitlines() or ['?'])[-1][:80]}"
    score = json.loads(run.stdout)["categories"]["performance"]["score"]
    return "n/a (no score)" if score is None else round(score * 100)
