"""The build command: validate config, build strictly, then check every built page."""
from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from guide.config import load_site_config
from guide.content_rules import parse_content_rules
from guide.contacts import parse_contacts, parse_denied
from guide.denylist_check import check_files, files_under
from guide.phone import number_hash
from guide.problems import Problem, format_report
from guide.site_build import check_built_site, run_mkdocs
from guide.source_check import check_markdown_files

REPO = Path(__file__).resolve().parents[2]
EXIT_CHECKS_FAILED, EXIT_BAD_CONFIG = 1, 2


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/build.py",
        description="Build the guide into a folder and prove every page shows the crisis contacts.")
    parser.add_argument("--config", type=Path, default=REPO / "mkdocs.yml",
                        help="MkDocs config or overlay (INHERIT: mkdocs.yml) to build (default: mkdocs.yml)")
    parser.add_argument("--site-dir", type=Path, default=None,
                        help="where to write the site (default: site/ next to the config)")
    parser.add_argument("--hash-number", metavar="NUMBER",
                        help="print the denylist hash of a phone number and exit")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.hash_number:
        print(number_hash(args.hash_number))
        return 0
    return build(args.config, args.site_dir)


def build(config_path: Path, site_dir: Path | None = None, today: dt.date | None = None) -> int:
    """Validate config, build strictly, check everything; one report for all problems."""
    config, problems = load_site_config(config_path)
    if config is None:
        return _fail(problems, "The config could not be read; nothing was built.", EXIT_BAD_CONFIG)
    where = _display(config.path)
    denied, problems = parse_denied(config.extra, where)
    contacts, contact_problems = parse_contacts(config.extra, where, denied)
    rules, rule_problems = parse_content_rules(config.extra, where)
    problems += contact_problems + rule_problems
    if problems:
        return _fail(problems, "The config is invalid; nothing was built.", EXIT_BAD_CONFIG)

    # Sources first, so a broken page is reported even when MkDocs also fails on it.
    site_dir = (site_dir or config.root / config.raw.get("site_dir", "site")).resolve()
    glossary = files_under(config.root / "includes")
    pages = sorted(config.docs_dir.rglob("*.md"))
    problems = check_files(files_under(config.docs_dir, config.custom_dir, *config.chain, *glossary), denied, REPO)
    found, warnings = check_markdown_files(pages + glossary, config.root, rules, today or dt.date.today())
    problems += found

    run = run_mkdocs(config.path, site_dir)
    if not run.ok:
        print(_mkdocs_messages(run.output))
        problems.append(Problem(where, "mkdocs build failed (strict mode): fix the messages above"))
        return _fail(problems, "The build failed.", EXIT_CHECKS_FAILED, warnings)

    started = time.perf_counter()
    report = check_built_site(site_dir, config, contacts, denied, rules)
    check_seconds = time.perf_counter() - started
    print(_grade_table(report.grades, rules.max_grade))
    problems += report.problems
    if problems:
        return _fail(problems, f"Checked {report.pages} built pages; the site must not ship.",
                     EXIT_CHECKS_FAILED, warnings)
    _warn(warnings)
    print(f"OK: {report.pages} pages in {_display(site_dir)}/ show all {len(contacts)} crisis contacts; "
          f"no denied numbers; content rules met. Build {run.seconds:.1f} s, checks {check_seconds:.2f} s.")
    return 0


def _grade_table(grades: dict, limit: float) -> str:
    rows = [f"  {'source':<28} {'grade':>5} {'words':>6}"]
    for label, result in sorted(grades.items()):
        source = label.split("(", 1)[-1].rstrip(")")  # 'site/x/index.html (docs/x.md)' -> docs/x.md
        flag = "  above limit" if result.grade > limit else ""
        rows.append(f"  {source:<28} {result.grade:>5.1f} {result.words:>6}{flag}")
    return "Reading grade (Flesch-Kincaid, limit {:g}):\n".format(limit) + "\n".join(rows)


def _warn(warnings: list[Problem]) -> None:
    if warnings:
        print("WARNING:\n" + format_report(warnings))


def _fail(problems: list[Problem], headline: str, code: int, warnings: list[Problem] = ()) -> int:
    _warn(list(warnings))
    print(f"FAILED: {headline}\n{format_report(problems)}")
    return code


def _mkdocs_messages(output: str) -> str:
    """MkDocs' warnings and errors name the file; INFO chatter is dropped."""
    keep = [line for line in output.splitlines() if not line.startswith("INFO")]
    return "\n".join(keep).strip()


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)
