#!/usr/bin/env python3
"""Benchmark: printing the handouts, and how much the crisis-contact check costs next to a
bare `mkdocs build` (this site and a generated 1,000-page one). Prints figures; asserts
nothing. Run: python3 scripts/bench.py [--pages 1000]"""
import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import bootstrap  # beside this script; standard library only, installs the rest

bootstrap.ensure_venv()
from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from guidewright.build.pipeline import build  # noqa: E402
from guidewright.build.report import HANDOUT_TARGET_SECONDS  # noqa: E402
from guidewright.build.site_build import built_pages, run_mkdocs  # noqa: E402
from guidewright.checks.content_rules import parse_content_rules  # noqa: E402
from guidewright.checks.page_check import check_boxes, readability  # noqa: E402
from guidewright.configuration.config import load_site_config  # noqa: E402
from guidewright.lines.contacts import parse_contacts, parse_denied  # noqa: E402
from guidewright.lines.contacts_check import check_page_contacts  # noqa: E402
from guidewright.lines.denylist_check import check_files, denied_in_page, files_under  # noqa: E402
from guidewright.problems import format_report  # noqa: E402

REPO = bootstrap.REPO


def generated_site(root: Path, pages: int) -> Path:
    """Copies of the real pages in part-NNN/ folders (relative links stay valid), with a nav
    listing every page, as Material renders the whole nav into every page."""
    docs = root / "docs"
    shutil.copytree(REPO / "docs", docs)
    shutil.copytree(REPO / "includes", root / "includes")
    shutil.copytree(REPO / "overrides", root / "overrides")
    originals = sorted(p.name for p in (REPO / "docs").glob("*.md"))
    nav, count, part = [f"  - {name}" for name in originals], len(originals), 0
    while count < pages:
        part += 1
        folder = docs / f"part-{part:03d}"
        folder.mkdir()
        nav.append(f"  - Part {part}:")
        for name in originals[: pages - count]:
            shutil.copy(REPO / "docs" / name, folder / name)
            nav.append(f"      - part-{part:03d}/{name}")
            count += 1
    config = root / "mkdocs.yml"
    # The last folder may hold only some pages: their links to the rest are not this test's subject.
    relaxed = "validation:\n  links:\n    not_found: info\n    anchors: info\n"
    config.write_text(f"INHERIT: {REPO / 'mkdocs.yml'}\n{relaxed}nav:\n" + "\n".join(nav) + "\n")
    return config


def measure(config_path: Path, label: str) -> None:
    config, _ = load_site_config(config_path)
    denied, _ = parse_denied(config.extra, "config")
    region = config.extra["region"]
    contacts, _ = parse_contacts(config.extra, "config", denied, region, config.extra.get("required_lines") or {})
    rules, _ = parse_content_rules(config.raw, "config")
    site = config_path.parent / "bench-site"
    run = run_mkdocs(config.path, site)
    if not run.ok:
        sys.exit(f"build failed:\n{run.output[-2000:]}")
    pages = built_pages(site)

    # The same work check_built_site does for contacts and denied numbers, files read included.
    started = time.perf_counter()
    problems = []
    for page in pages:
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        problems += check_page_contacts(tree, contacts, str(page), region) + denied_in_page(tree, denied, str(page), region)
    problems += check_files([p for p in files_under(site) if p.suffix != ".html"], denied, site, region)
    contact_seconds = time.perf_counter() - started

    started = time.perf_counter()
    for page in pages:
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        check_boxes(tree, rules, "x")
        readability(tree)
    content_seconds = time.perf_counter() - started

    size = sum(page.stat().st_size for page in pages) / len(pages) / 1024
    print(f"{label}: {len(pages)} pages, average page {size:.0f} KiB, {len(problems)} problems")
    print(f"  mkdocs build (bare)          {run.seconds:8.2f} s")
    print(f"  crisis-contact check         {contact_seconds:8.2f} s  = {100 * contact_seconds / run.seconds:.1f} % of the build"
          "  (target <= 10 % at 1,000 pages)")
    # textstat caches per text, so repeated copies in the generated site grade almost free.
    print(f"  content checks (boxes+grade) {content_seconds:8.2f} s  = {100 * content_seconds / run.seconds:.1f} % of the build"
          + ("  (copies: grades cached)" if len(pages) > 100 else ""))
    shutil.rmtree(site)


def measure_handouts() -> None:
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
            sys.exit(f"{result.headline}\n{format_report(result.problems)}")
        made = result.handouts.made
        print(f"Handouts: {len(made)} PDFs, build {result.build_seconds:.1f} s + checks {result.check_seconds:.1f} s "
              f"+ printing {result.handouts.seconds:.1f} s = {total:.1f} s (target <= {HANDOUT_TARGET_SECONDS} s)")
        for handout in made:
            paper = "a4" if handout.path.parent.name == "a4" else "letter"
            print(f"    {paper:<6} {handout.path.name:<28} {handout.sheets:>2} sheet(s) {handout.size / 1024:>6.0f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=1000, help="pages in the generated site (default 1000)")
    args = parser.parse_args()
    measure(REPO / "mkdocs.yml", "Real site")
    with tempfile.TemporaryDirectory() as tmp:
        measure(generated_site(Path(tmp), args.pages), f"Generated site ({args.pages} pages)")
    measure_handouts()


if __name__ == "__main__":
    main()
