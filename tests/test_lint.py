"""The build's code and the tests pass the linter configured in pyproject.toml."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO


def test_code_passes_lint():
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff), "check", "scripts", "tests"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
