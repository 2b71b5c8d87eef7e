#!/usr/bin/env python3
"""Run the tests, installing what they need first.

  python3 scripts/test.py           every test (installs .venv, Debian's chromium and nginx, the npm tools)
  python3 scripts/test.py --fast    unit + build tests, no browser: for editors (installs .venv only)

Other options go to pytest, e.g. -m unit, -k clinic, -x."""
import os
import sys

import bootstrap  # beside this script; standard library only, installs the rest

FAST = "--fast"

bootstrap.ensure_venv()
args = sys.argv[1:]
if FAST in args:
    args = [a for a in args if a != FAST] + ["-m", "not browser"]
else:
    bootstrap.ensure_chromium()
    bootstrap.ensure_nginx()
    bootstrap.ensure_node_modules()
import pytest  # noqa: E402

os.chdir(bootstrap.REPO)
sys.exit(pytest.main(["tests", *args]))
