"""The build command: parse arguments, run guide.pipeline.build, print its result."""
from __future__ import annotations

import argparse
from pathlib import Path

from guide.phone import number_hash
from guide.pipeline import build
from guide.report import display, print_result
from guide.result import BAD_CONFIG
from guide.site_build import BUILDERS

REPO = Path(__file__).resolve().parents[2]


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
                        help="print the denylist hash of a phone number and exit")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.hash_number:
        print(number_hash(args.hash_number))
        return 0
    if args.handouts and args.offline:
        print("--handouts prints from the online build: run it without --offline")
        return BAD_CONFIG
    shown = display(REPO)
    result = build(args.config, args.site_dir, offline=args.offline, dist_dir=args.dist_dir,
                   handouts=args.handouts, builder=args.builder, shown=shown)
    print_result(result, shown, claims=args.claims)
    return result.code
