#!/usr/bin/env python3
"""Build the guide into site/ and check every built page. Run: python3 scripts/build.py --help
(the engine's `guidewright build`, on this repository's mkdocs.yml, from any folder)."""
import sys

import bootstrap  # beside this script; standard library only, installs the rest

bootstrap.ensure_venv()
if "--handouts" in sys.argv or sys.argv[1:2] == ["handouts"]:
    bootstrap.ensure_chromium()  # Debian's, installed if missing; the engine finds it on PATH
from guidewright.cli import main  # noqa: E402

sys.exit(main(root=bootstrap.REPO, prog="scripts/build.py"))
