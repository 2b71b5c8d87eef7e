#!/usr/bin/env python3
"""Run every test, installing what they need first (.venv, Debian's chromium, axe-core).
Run: python3 scripts/test.py [pytest options]"""
import os
import sys

import bootstrap  # beside this script; standard library only, installs the rest

bootstrap.ensure_venv()
bootstrap.ensure_chromium()
bootstrap.ensure_node_modules()
import pytest  # noqa: E402

os.chdir(bootstrap.REPO)
sys.exit(pytest.main(["tests", *sys.argv[1:]]))
