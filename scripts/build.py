#!/usr/bin/env python3
"""Build the guide into site/ and check every built page. Run: python3 scripts/build.py --help"""
import sys

import bootstrap  # beside this script; standard library only, installs the rest

bootstrap.ensure_venv()
from guide.cli import main  # noqa: E402

sys.exit(main())
