"""The build command: validate config, build strictly, then check every built page."""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from guide.config import load_site_config
from guide.contacts import parse_contacts, parse_denied
from guide.denylist_check import check_files, files_under
from guide.phone import number_hash
from guide.problems import Problem, format_report
from guide.site_build import check_built_site, run_mkdocs

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


def build(config_path: Path, site_dir: Path | None = None) -> int:
    config, problems = load_site_config(config_path)
    if config is None:
        return _fail(problems, "The config could not be read; nothing was built.", EXIT_BAD_CONFIG)
    where = _display(config.path)
    denied, problems = parse_denied(config.extra, where)
    contacts, contact_problems = parse_contacts(config.extra, where, denied)
    problems += contact_problems
    if problems:
        return _fail(problems, "The crisis contacts config is invalid; nothing was built.", EXIT_BAD_CONFIG)

    site_dir = (site_dir or config.root / config.raw.get("site_dir", "site")).resolve()
    sources = files_under(config.docs_dir, config.custom_dir, *config.chain)
    problems = check_files(sources, denied, REPO)

    run = run_mkdocs(config.path, site_dir)
    if not run.ok:
        print(_mkdocs_messages(run.output))
        return _fail(problems + [Problem(where, "mkdocs build failed (strict mode): fix the messages above")],
                     "The build failed.", EXIT_CHECKS_FAILED)

    started = time.perf_counter()
    site_problems, page_count = check_built_site(site_dir, config, contacts, denied)
    check_seconds = time.perf_counter() - started
    problems += site_problems
    if problems:
        return _fail(problems, f"Checked {page_count} built pages; the site must not ship.", EXIT_CHECKS_FAILED)
    print(f"OK: {page_count} pages in {_display(site_dir)}/ show all {len(contacts)} crisis contacts; "
          f"no denied numbers. Build {run.seconds:.1f} s, checks {check_seconds:.2f} s.")
    return 0


def _fail(problems: list[Problem], headline: str, code: int) -> int:
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
