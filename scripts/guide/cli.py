"""The build command: validate config, build strictly, check every built page, and (with
--offline) package the copy clinics open from a folder or USB stick."""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from pathlib import Path

from guide.config import defining_file
from guide.contacts import removed_contacts
from guide.denylist_check import check_files, files_under
from guide.handouts import make_handouts
from guide.mkdocs_messages import mkdocs_problems
from guide.offline_copy import make_zip, prune, write_readme
from guide.phone import number_hash
from guide.problems import Problem, format_report
from guide.publish import Staging, replace_file
from guide.settings import Settings, load_settings
from guide.site_build import check_built_site, run_mkdocs
from guide.source_check import check_markdown_files

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))  # bootstrap.py, for Debian's chromium
EXIT_CHECKS_FAILED, EXIT_BAD_CONFIG = 1, 2
ZIP_TARGET_BYTES = 1024 * 1024


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/build.py",
        description="Build the guide and prove every page shows the crisis contacts.")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml",
                        help="MkDocs config or clinic overlay (INHERIT: mkdocs.yml) to build (default: mkdocs.yml)")
    parser.add_argument("--offline", action="store_true",
                        help="build the copy that works from files with no network, into site-offline/, "
                             "and zip it into dist/")
    parser.add_argument("--handouts", action="store_true",
                        help="also print a PDF handout of every topic page and the quick cards into "
                             "dist/handouts/ (US Letter) and dist/handouts/a4/")
    parser.add_argument("--site-dir", type=Path, default=None,
                        help="where to write the site (default: site/ or site-offline/ next to the config)")
    parser.add_argument("--dist-dir", type=Path, default=None,
                        help="where --offline writes its zip (default: dist/ next to the config)")
    parser.add_argument("--hash-number", metavar="NUMBER",
                        help="print the denylist hash of a phone number and exit")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.hash_number:
        print(number_hash(args.hash_number))
        return 0
    if args.handouts and args.offline:
        print("--handouts prints from the online build: run it without --offline")
        return EXIT_BAD_CONFIG
    return build(args.config, args.site_dir, offline=args.offline, dist_dir=args.dist_dir,
                 handouts=args.handouts)


def build(config_path: Path, site_dir: Path | None = None, today: dt.date | None = None,
          offline: bool = False, dist_dir: Path | None = None, handouts: bool = False) -> int:
    """Validate config, build strictly, check everything; one report for all problems."""
    settings, problems = load_settings(config_path)
    if settings is None:
        return _fail(problems, "The config is invalid; nothing was built.", EXIT_BAD_CONFIG)
    config, rules = settings.config, settings.rules
    config.offline = offline
    where = _display(config.path)
    today = today or dt.date.today()

    # Sources first, so a broken page is reported even when MkDocs also fails on it.
    default_dir = "site-offline" if offline else config.raw.get("site_dir", "site")
    staging = Staging((site_dir or config.root / default_dir).resolve())
    glossary = files_under(config.root / "includes")
    pages = sorted(config.docs_dir.rglob("*.md"))
    problems = check_files(files_under(config.docs_dir, config.custom_dir, *config.chain, *glossary,
                                       config.root / rules.review_log),
                           settings.denied, REPO)
    found, warnings = check_markdown_files(pages + glossary, config.root, rules, today, config.docs_dir)
    problems += found

    with staging as site_dir:
        run = run_mkdocs(config.path, site_dir, offline=offline)
        if not run.ok:
            found = mkdocs_problems(run.output, _display(config.docs_dir), where)
            if not found:  # a crash, not a warning: show what MkDocs said
                print(_mkdocs_messages(run.output))
                found = [Problem(where, "mkdocs build failed: fix the messages above")]
            problems += found
            return _fail(problems, f"The build failed. {staging.kept()}", EXIT_CHECKS_FAILED, warnings)
        if offline:
            removed = prune(site_dir, _search_languages(config))
            write_readme(site_dir, config.raw.get("site_name", "Guide"), _contact_lines(settings), str(today))

        started = time.perf_counter()
        texts = settings.clinic.texts if settings.clinic else ()
        report = check_built_site(site_dir, config, settings.contacts, settings.denied, rules, texts)
        problems += report.problems
        check_seconds = time.perf_counter() - started
        print(_grade_table(report.grades, rules.max_grade))
        if problems:
            return _fail(problems, f"Checked {report.pages} built pages; the site must not ship. {staging.kept()}",
                         EXIT_CHECKS_FAILED, warnings)
        staging.publish()
    site_dir = staging.final
    _warn(warnings)
    for contact_id, why in removed_contacts(config.extra):
        print(f"Removed line: {contact_id!r} ({defining_file(config, f'extra.crisis_contacts.{contact_id}')}): {why}")
    print(f"OK: {report.pages} pages in {_display(site_dir)}/ show all {len(settings.contacts)} crisis contacts; "
          f"no denied numbers, no outside requests; content rules met. "
          f"Build {run.seconds:.1f} s, checks {check_seconds:.2f} s.")
    dist_dir = dist_dir or settings.config.root / "dist"
    if offline:
        _package(settings, site_dir, removed, dist_dir)
    if handouts:
        return _print_handouts(settings, site_dir, dist_dir / "handouts")
    return 0


def _print_handouts(settings: Settings, site_dir: Path, out_dir: Path) -> int:
    import bootstrap  # the handouts need Debian's chromium; installs it if missing

    config = settings.config
    site_url = config.raw.get("site_url") or "https://example.org/"
    started = time.perf_counter()
    staging = Staging(out_dir)
    with staging as staged:
        made, problems = make_handouts(site_dir, site_url, config.built_path, settings.handout_pages,
                                       settings.cards, staged, bootstrap.ensure_chromium())
        for handout in made:
            shown = out_dir / handout.path.relative_to(staged)
            print(f"  {_display(shown):<48} {handout.sheets:>2} sheet(s) {handout.size / 1024:>6.0f} KiB")
        if problems:  # name the files where they would have been published
            problems = [Problem(p.where.replace(str(staged), str(out_dir)), p.message) for p in problems]
            return _fail(problems, f"Some handouts are not right. {staging.kept()}", EXIT_CHECKS_FAILED)
        staging.publish()
    seconds = time.perf_counter() - started
    print(f"Handouts: {len(made)} PDFs in {_display(out_dir)}/ in {seconds:.1f} s (target <= 30 s).")
    return 0


def _package(settings: Settings, site_dir: Path, removed: list[Path], dist_dir: Path) -> None:
    name = _slug(settings.config.raw.get("site_name", "guide"))
    zip_path = dist_dir / f"{name}-offline.zip"
    size = replace_file(zip_path, lambda path: make_zip(site_dir, path, name))
    files = sum(1 for p in site_dir.rglob("*") if p.is_file())
    verdict = "within" if size <= ZIP_TARGET_BYTES else "OVER"
    print(f"Offline copy: {_display(zip_path)} ({size / 1024:.0f} KiB, {files} files; {verdict} the 1 MiB target; "
          f"left out {len(removed)} unused files). Unzip it and open {name}/index.html.")


def _search_languages(config: SiteConfig) -> list[str]:
    search = (config.raw.get("plugins") or {}).get("search") or {}
    lang = search.get("lang", ["en"]) if isinstance(search, dict) else ["en"]
    return lang if isinstance(lang, list) else [lang]


def _contact_lines(settings: Settings) -> list[str]:
    return [f"{c.number:<16} {c.label if c.id == 'clinic' else c.summary}" for c in settings.contacts]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "guide"


def _grade_table(grades: dict, limit: float) -> str:
    rows = [f"  {'source':<28} {'grade':>5} {'words':>6}"]
    for label, result in sorted(grades.items()):
        source = label.split("(", 1)[-1].rstrip(")")  # 'site/x/index.html (docs/x.md)' -> docs/x.md
        flag = "  above limit" if result.grade > limit else ""
        rows.append(f"  {source:<28} {result.grade:>5.1f} {result.words:>6}{flag}")
    return "Reading grade (Flesch-Kincaid, limit {:g}):\n".format(limit) + "\n".join(rows)


def _warn(warnings: list[Problem]) -> None:
    if warnings:
        print("WARNING:\n" + format_report(warnings, "warning"))


def _fail(problems: list[Problem], headline: str, code: int, warnings: list[Problem] = ()) -> int:
    _warn(list(warnings))
    print(f"FAILED: {headline}\n{format_report(problems)}")
    return code


def _mkdocs_messages(output: str) -> str:
    """MkDocs' warnings and errors name the file; INFO chatter is dropped. A crash keeps only its
    last line: the traceback names no page, and the report below does."""
    lines = output.splitlines()
    if "Traceback (most recent call last):" in lines:  # then the last line is the exception
        start = lines.index("Traceback (most recent call last):")
        lines = [*lines[:start], f"MkDocs stopped: {lines[-1].strip()}"]
    keep = [line for line in lines if not line.startswith("INFO")]
    return "\n".join(keep).strip()


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)
