"""The `guidewright` command: thin; each verb calls one module and prints its result.

  guidewright new DIR        write a starter guide that builds and passes every check (--region GB: its country)
  guidewright build          build ./mkdocs.yml into site/, check every page, publish only if all pass
  guidewright check          the same build and checks into a temporary folder; publishes nothing
  guidewright offline        build the copy that works from files, and zip it into dist/
  guidewright handouts       build, then print the PDF handouts and quick cards
  guidewright serve          preview every language at once, rebuilding on every change
  guidewright hash-number N  the denylist hash of a phone number

Without a verb it builds (scripts/build.py's options). The config defaults to mkdocs.yml in the
folder the command runs in."""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from guidewright.build.pipeline import build
from guidewright.build.report import display, print_result
from guidewright.build.result import BAD_CONFIG
from guidewright.build.site_build import BUILDERS
from guidewright.configuration.config import defining_file, load_site_config
from guidewright.lines.contacts import parse_region
from guidewright.lines.phone import canonical, number_hash
from guidewright.problems import format_report

VERBS = ("new", "build", "check", "offline", "handouts", "serve", "hash-number")
DEFAULT_CONFIG = "mkdocs.yml"


def build_parser(prog: str, root: Path) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog, description="Build the guide and prove every page shows the crisis contacts.",
        epilog=f"Verbs (the first argument; build when none): {', '.join(VERBS)}. Each takes --help.")
    parser.add_argument("--config", type=Path, default=root / DEFAULT_CONFIG,
                        help="MkDocs config or clinic overlay (INHERIT: mkdocs.yml) to build (default: mkdocs.yml)")
    parser.add_argument("--offline", action="store_true",
                        help="build the copy that works from files with no network, into site-offline/, "
                             "and zip it into dist/")
    parser.add_argument("--handouts", action="store_true",
                        help="also print a PDF handout of every topic page and the quick cards into "
                             "dist/handouts/ (US Letter) and dist/handouts/a4/, and into the site's handouts/ "
                             "folder, which the For clinics page links to")
    parser.add_argument("--builder", choices=BUILDERS, default="mkdocs",
                        help="the site generator: mkdocs (default) or zensical (Material's successor); "
                             "the same checks run on what either builds")
    parser.add_argument("--site-dir", type=Path, default=None,
                        help="where to write the site (default: site/ or site-offline/ next to the config)")
    parser.add_argument("--dist-dir", type=Path, default=None,
                        help="where --offline writes its zip (default: dist/ next to the config)")
    parser.add_argument("--claims", action="store_true",
                        help="list every open claim in the fact-check logs (by default the build counts them)")
    parser.add_argument("--hash-number", metavar="NUMBER",
                        help="print the denylist hash of a phone number, read as --config's extra.region reads "
                             "it (a number with + and its country code reads the same everywhere), and exit")
    return parser


def main(argv: list[str] | None = None, root: Path | None = None, prog: str = "guidewright") -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    root = root or Path.cwd()
    verb = argv.pop(0) if argv and argv[0] in VERBS else "build"
    if verb == "new":
        from guidewright.scaffold import new_guide
        parser = argparse.ArgumentParser(prog=f"{prog} new", description="Write a starter guide into DIR.")
        parser.add_argument("dir", type=Path)
        parser.add_argument("--name", default=None, help="the guide's title (default: from DIR's name)")
        parser.add_argument("--region", required=True,
                            help="ISO 3166 code of the country the guide serves (e.g. GB): numbers are read as its")
        parser.add_argument("--emergency", default=None,
                            help="the emergency number pages show (default: the region's, if the phone number "
                                 "data lists only one)")
        args = parser.parse_args(argv)
        return new_guide(args.dir, args.name, args.region, args.emergency)
    if verb == "serve":
        from guidewright.build.preview import serve
        parser = argparse.ArgumentParser(prog=f"{prog} serve", description="Preview every language at once.")
        parser.add_argument("--config", type=Path, default=root / DEFAULT_CONFIG)
        parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="host:port (default 127.0.0.1:8000)")
        args = parser.parse_args(argv)
        host, _, port = args.dev_addr.rpartition(":")
        return serve(args.config.resolve(), host or "127.0.0.1", int(port))
    if verb == "hash-number":
        argv = ["--hash-number", *argv]
    args = build_parser(f"{prog} {verb}" if verb != "build" else prog, root).parse_args(argv)
    args.offline = args.offline or verb == "offline"
    args.handouts = args.handouts or verb == "handouts"
    if args.hash_number:
        return _hash_number(args.hash_number, args.config)
    if args.handouts and args.offline:
        print("--handouts prints from the online build: run it without --offline")
        return BAD_CONFIG
    shown = display(root)  # paths as seen from where the command runs
    if verb == "check":
        with tempfile.TemporaryDirectory(prefix="guidewright-check-") as work:
            return _build(args, shown, Path(work) / "site", Path(work) / "dist")
    return _build(args, shown, args.site_dir, args.dist_dir)


def _hash_number(number: str, config: Path) -> int:
    """The hash of the number as the guide's region reads it (extra.region in --config): "(555) 555-0100"
    is a different number in different countries. Only a full number is found in pages (the scan
    skips short codes), so anything else is refused rather than hashed into an entry that never matches."""
    site, problems = load_site_config(config)
    region, problems = parse_region(site.extra, lambda key: defining_file(site, key)) if site else (None, problems)
    if region is None:
        print(format_report(problems))
        return BAD_CONFIG
    if not canonical(number, region).startswith("+"):
        print(f"{number!r} is not a full phone number in region {region} (extra.region): write it with its "
              "area code, or with + and its country code")
        return BAD_CONFIG
    print(number_hash(number, region))
    return 0


def _build(args: argparse.Namespace, shown, site_dir: Path | None, dist_dir: Path | None) -> int:
    result = build(args.config, site_dir, offline=args.offline, dist_dir=dist_dir,
                   handouts=args.handouts, builder=args.builder, shown=shown)
    print_result(result, shown, claims=args.claims)
    return result.code
