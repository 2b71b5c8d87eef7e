#!/usr/bin/env python3
"""How far a reader on a phone is from help: for every page of a built site (both languages), at
360x640 with scripts on and off, print the page's length in screens, how many screens down its
911 box starts, and taps + screens to the step-by-step lists (`[data-steps]`). Prints figures;
asserts nothing (tests/test_browser_reach.py holds the limits).
Run: python3 scripts/bench_reach.py [built-site-folder]   (default: build into a temporary folder)"""
import sys
import tempfile
from pathlib import Path

import bootstrap  # beside this script; standard library only, installs the rest

bootstrap.ensure_venv()
from playwright.sync_api import sync_playwright  # noqa: E402

from guide_bench.local_server import serve  # noqa: E402
from guide_bench.reach import VIEWPORT, landing_screens, measure_page, pages_of, steps_pages  # noqa: E402
from guidewright.build.pipeline import build  # noqa: E402
from guidewright.checks.content_rules import extension_options  # noqa: E402
from guidewright.configuration.config import load_site_config  # noqa: E402

REPO = bootstrap.REPO


def report(site: Path) -> None:
    levels = extension_options(load_site_config(REPO / "mkdocs.yml")[0].raw, "guidewright.boxes.urgency_boxes")["levels"]
    pages = pages_of(site)
    steps = steps_pages(site)
    print(f"{len(pages)} pages; step lists on: {', '.join(steps) or 'none'}")
    print(f"viewport {VIEWPORT['width']}x{VIEWPORT['height']}; screens = distance / viewport height")
    print(f"{'page':38} {'js':3} {'length':>7} {'911 box':>8} {'to steps':>14}")
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=bootstrap.ensure_chromium(),
                                             args=["--no-sandbox", "--disable-gpu"])
        for js in (False, True):
            context = browser.new_context(viewport=VIEWPORT, java_script_enabled=js)
            page = context.new_page()
            landing = landing_screens(page, base, steps)
            for path in pages:
                reach = measure_page(page, base, path, landing, levels[0])
                box = f"{reach.box_screens:.1f}" if reach.box_screens is not None else "-"
                to_steps = "-" if reach.step_taps is None else f"{reach.step_taps} tap(s), {reach.step_screens:.1f}"
                print(f"{path or '/':38} {'on' if js else 'off':3} {reach.screens:7.1f} {box:>8} {to_steps:>14}")
            context.close()
        browser.close()


def main() -> None:
    if len(sys.argv) > 1:
        report(Path(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        if not build(REPO / "mkdocs.yml", site_dir=site).ok:
            sys.exit("the build failed; fix it first")
        report(site)


if __name__ == "__main__":
    main()
