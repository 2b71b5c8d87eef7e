#!/usr/bin/env python3
"""Benchmark of page weight and scale (issue 22). Prints figures; asserts nothing; not a test.

  scale      generated guides of --sizes pages per language, in three languages, through the real
             build: page bytes, build and check seconds (checks target <= 10 % of the build)
  firstview  every page of this guide (both languages) in Chromium at 360x740 beside the same pages
             built with stock Material: bytes downloaded, and the critical bytes of each page
  lighthouse Lighthouse's mobile performance score for each of our pages (about 20 s a page)
  zip        the offline copy's zip against its target
  handouts   printing every handout: time and sizes

Run: python3 scripts/bench.py [--only scale,firstview,lighthouse,zip,handouts] [--sizes 100,1000,5000]"""
import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bootstrap  # beside this script; standard library only, installs the rest

bootstrap.ensure_venv()
from playwright.sync_api import sync_playwright  # noqa: E402

from guide_bench.first_view import PHONE, blocking_bytes, first_view, launch  # noqa: E402
from guide_bench.generated_guide import THIRD, generate  # noqa: E402
from guide_bench.lighthouse import performance  # noqa: E402
from guide_bench.local_server import GZIP_LEVEL, serve  # noqa: E402
from guide_bench.reach import pages_of  # noqa: E402
from guide_bench.stock_material import build_stock  # noqa: E402
from guidewright.build.pipeline import build  # noqa: E402
from guidewright.build.report import HANDOUT_TARGET_SECONDS, ZIP_TARGET_BYTES  # noqa: E402
from guidewright.configuration.config import load_site_config  # noqa: E402
from guidewright.problems import format_report  # noqa: E402

REPO = bootstrap.REPO
PARTS = ("scale", "firstview", "lighthouse", "zip", "handouts")
CHECK_SHARE_TARGET = 10    # % of the build the checks may take (issue 22)
FIRST_VIEW_RATIO = 0.3     # our first view against stock Material's (issue 22)


def say(text: str = "") -> None:
    print(text, flush=True)  # long runs: each row as soon as it is measured


def failed(result) -> str:
    return f"{result.headline}\n{format_report(result.problems)[:3000]}"


def scale(sizes: list[int]) -> None:
    say(f"Scale: generated guides in 3 languages (en, es, {THIRD}), sections > sub-sections > the real pages; "
        f"gzip level {GZIP_LEVEL}")
    say(f"  {'size':>5} {'pages/lang':>10} {'built':>6} {'avg KiB':>8} {'avg gz':>7} {'max KiB':>8} {'max gz':>7} "
        f"{'build s':>8} {'s/page':>7} {'check s':>8} {'check %':>8} {'other s':>8} {'wall s':>7}  largest page")
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            config, per_language = generate(Path(tmp), REPO, size)
            started = time.perf_counter()
            result = build(config, site_dir=Path(tmp) / "site", dist_dir=Path(tmp) / "dist")
            wall = time.perf_counter() - started
            if not result.ok:
                say(f"  {size:>5} the build failed:\n{failed(result)}")
                continue
            pages = sorted(result.site_dir.rglob("*.html"))
            weights = {page: (len(raw := page.read_bytes()), len(gzip.compress(raw, GZIP_LEVEL))) for page in pages}
            largest = max(weights, key=lambda page: weights[page][0])
            share = 100 * result.check_seconds / result.build_seconds
            say(f"  {size:>5} {per_language:>10} {len(pages):>6} "
                f"{sum(w[0] for w in weights.values()) / len(pages) / 1024:>8.1f} "
                f"{sum(w[1] for w in weights.values()) / len(pages) / 1024:>7.1f} "
                f"{weights[largest][0] / 1024:>8.1f} {weights[largest][1] / 1024:>7.1f} "
                f"{result.build_seconds:>8.1f} {result.build_seconds / len(pages):>7.3f} {result.check_seconds:>8.1f} "
                f"{share:>7.1f}%{' ' if share <= CHECK_SHARE_TARGET else '!'}"
                f"{wall - result.build_seconds - result.check_seconds:>8.0f}{wall:>8.0f}  {largest.relative_to(result.site_dir)}")
    say(f"  built: every HTML file of the three languages, card pages and 404s included; s/page = build s / built; "
        f"check % target <= {CHECK_SHARE_TARGET} %;\n  other s: the rest of build(), mostly the source checks before the builder; "
        "wall s: all of build()")


def critical():
    """guidewright.checks.first_screen's measure, when the engine has it (issue 22 adds it)."""
    try:
        from guidewright.checks.first_screen import CRITICAL_LIMIT, critical_bytes
    except ImportError:
        return None, None
    return critical_bytes, CRITICAL_LIMIT


def languages(config_path: Path) -> list[tuple[str, str]]:
    """(config file, folder in the site) of the guide and each translation (extra.translations)."""
    config, problems = load_site_config(config_path)
    if config is None:
        sys.exit(format_report(problems))
    return [(config_path.name, ""), *((str(name), str(lang)) for lang, name in (config.extra.get("translations") or {}).items())]


def first_views(with_lighthouse: bool) -> None:
    measure, limit = critical()
    with tempfile.TemporaryDirectory() as tmp:
        ours = build(REPO / "mkdocs.yml", site_dir=Path(tmp) / "ours", dist_dir=Path(tmp) / "dist")
        if not ours.ok:
            sys.exit(f"this guide did not build: {failed(ours)}")
        stock = build_stock(REPO, languages(REPO / "mkdocs.yml"), Path(tmp) / "stock")
        paths = sorted(set(pages_of(ours.site_dir)) & set(pages_of(stock)))
        say(f"First view at {PHONE['width']}x{PHONE['height']}, JavaScript on, until the network is idle: every response's "
            f"body, gzip level {GZIP_LEVEL} computed here (KiB).")
        say("  Stock = Material's own theme, same pages, nav and Markdown extensions, search plugin only; fonts off "
            "(stock would also ask Google for Roboto: not counted).")
        say(f"  Critical = guidewright.checks.first_screen.critical_bytes(html) plus the stylesheets <head> links (the "
            f"browser paints nothing before it has them); limit {limit if limit else 'n/a'} bytes.")
        say(f"  {'page':<34} {'ours':>7} {'stock':>7} {'ratio':>6}  {'req':<7} {'critical':>9} {'stock cr.':>9}" +
            (f" {'lighthouse':>10}" if with_lighthouse else ""))
        totals = [0, 0]
        with sync_playwright() as playwright, serve(ours.site_dir) as ours_base, serve(stock) as stock_base:
            browser = launch(playwright)
            for path in paths:
                mine, mine_requests = first_view(browser, ours_base, path)
                theirs, their_requests = first_view(browser, stock_base, path)
                totals[0] += mine
                totals[1] += theirs
                ratio = mine / theirs
                page = ours.site_dir / path / "index.html"
                html = page.read_text(encoding="utf-8")
                size = None if measure is None else measure(html) + blocking_bytes(page, html)
                crit = "n/a" if size is None else f"{size}{'' if size <= limit else '!'}"
                stock_page = stock / path / "index.html"
                stock_html = stock_page.read_text(encoding="utf-8")
                stock_crit = "n/a" if measure is None else measure(stock_html) + blocking_bytes(stock_page, stock_html)
                score = f" {performance(REPO, ours_base + path)!s:>10}" if with_lighthouse else ""
                say(f"  {path or '(home)':<34} {mine / 1024:>7.1f} {theirs / 1024:>7.1f} {ratio:>6.3f}"
                    f"{' ' if ratio <= FIRST_VIEW_RATIO else '!'}{mine_requests:>3}/{their_requests:<3} {crit:>9} "
                    f"{stock_crit!s:>9}{score}")
            browser.close()
        say(f"  {'total, ' + str(len(paths)) + ' pages':<34} {totals[0] / 1024:>7.1f} {totals[1] / 1024:>7.1f} "
            f"{totals[0] / totals[1]:>6.3f}  (ratio target <= {FIRST_VIEW_RATIO}; ! = over a target; req = responses ours/stock)")


def offline_zip() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = build(REPO / "mkdocs.yml", site_dir=Path(tmp) / "site-offline", dist_dir=Path(tmp) / "dist", offline=True)
        if not result.ok:
            sys.exit(f"the offline copy did not build: {failed(result)}")
        package = result.offline
        say(f"Offline zip: {package.size / 1024:.0f} KiB, {package.files} files (target <= {ZIP_TARGET_BYTES / 1024:.0f} KiB: "
            f"{'within' if package.size <= ZIP_TARGET_BYTES else 'OVER'})")


def handouts() -> None:
    """The whole printed set (every topic page and card, Letter and A4): time and sizes."""
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        # Printing refuses a placeholder address in the QR codes: an overlay gives a real-looking one.
        overlay = REPO / f".bench-print-{os.getpid()}.yml"
        overlay.write_text("INHERIT: mkdocs.yml\nextra:\n  handouts:\n    public_url: https://withdrawal-guide.org/\n")
        try:
            result = build(overlay, Path(tmp) / "site", dist_dir=Path(tmp) / "dist", handouts=True)
        finally:
            overlay.unlink(missing_ok=True)
        total = time.perf_counter() - started
        if not result.ok:
            sys.exit(failed(result))
        made = result.handouts.made
        say(f"Handouts: {len(made)} PDFs, build {result.build_seconds:.1f} s + checks {result.check_seconds:.1f} s "
            f"+ printing {result.handouts.seconds:.1f} s = {total:.1f} s (target <= {HANDOUT_TARGET_SECONDS} s)")
        for handout in made:
            paper = "a4" if handout.path.parent.name == "a4" else "letter"
            say(f"    {paper:<6} {handout.path.name:<28} {handout.sheets:>2} sheet(s) {handout.size / 1024:>6.0f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(PARTS), help=f"parts to run, comma-separated (default: all of {','.join(PARTS)})")
    parser.add_argument("--sizes", default="100,1000,5000", help="pages per language of the generated guides (default 100,1000,5000)")
    args = parser.parse_args()
    parts = [part.strip() for part in args.only.split(",") if part.strip()]
    if unknown := [part for part in parts if part not in PARTS]:
        parser.error(f"--only: unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True, cwd=REPO).stdout.strip()
    say(f"bench.py at {commit or 'no git'}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    if "scale" in parts:
        scale([int(size) for size in args.sizes.split(",")])
    if "firstview" in parts or "lighthouse" in parts:
        first_views("lighthouse" in parts)
    if "zip" in parts:
        offline_zip()
    if "handouts" in parts:
        handouts()


if __name__ == "__main__":
    main()
