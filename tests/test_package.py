"""The engine as another organisation gets it: a wheel with everything a guide needs, installed
outside this repository, whose `new` gives a guide that builds and passes every check."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import REPO
from guidewright.package_files import ASSETS, SCAFFOLD, THEME

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The engine's wheel, built from a copy of its sources (building writes build/ beside them)."""
    source = tmp_path_factory.mktemp("source")
    shutil.copy(REPO / "pyproject.toml", source)
    shutil.copytree(REPO / "scripts" / "guidewright", source / "scripts" / "guidewright",
                    ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                             "-w", str(out), str(source)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return next(out.glob("guidewright-*.whl"))


def test_wheel_holds_the_engine_and_declares_its_plugin_command_and_pins(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    package = THEME.parent
    # Every file of the engine: its modules in every subpackage (a folder without __init__.py, or
    # one git ignores, would be left out), templates, assets, hooks, UI words, the starter.
    expected = {f"guidewright/{p.relative_to(package).as_posix()}" for p in package.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    assert {THEME.name, ASSETS.name, SCAFFOLD.name, "mkdocs_hooks", "build", "lines"} <= {n.split("/")[1] for n in expected}
    assert expected <= names, sorted(expected - names)
    assert not any(name.split("/")[0] in ("bootstrap.py", "guide", "tests") for name in names)
    info = next(n for n in names if n.endswith(".dist-info/METADATA")).rsplit("/", 1)[0]
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"{info}/METADATA").decode()
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
    pins = [line.split("#")[0].strip() for line in (package / "requirements.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")]
    assert pins and all(f"Requires-Dist: {pin}" in metadata for pin in pins)
    assert "[mkdocs.plugins]\nguidewright = guidewright.plugin:GuidePlugin" in entry_points
    assert "[console_scripts]\nguidewright = guidewright.cli:main" in entry_points


def test_installed_engine_makes_a_guide_that_builds_outside_the_repository(wheel, tmp_path):
    """Installed from the wheel (its dependencies from this test run's environment), run from a
    folder outside the repository: `new` then `build`, and the engine comes from the install."""
    target = tmp_path / "lib"
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                             str(wheel)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    env = dict(os.environ, PYTHONPATH=f"{target}{os.pathsep}{sysconfig.get_paths()['purelib']}")
    work = tmp_path / "elsewhere"
    work.mkdir()

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "guidewright", *args], capture_output=True, text=True, env=env, cwd=cwd)

    where = subprocess.run([sys.executable, "-c", "import guidewright; print(guidewright.__file__)"],
                           capture_output=True, text=True, env=env, cwd=work).stdout.strip()
    assert Path(where).is_relative_to(target), where
    made = run("new", "my-guide", "--region", "GB", "--emergency", "999", cwd=work)
    assert made.returncode == 0, made.stdout + made.stderr
    built = run("build", cwd=work / "my-guide")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "OK:" in built.stdout and (work / "my-guide" / "site" / "index.html").is_file()
    assert str(REPO) not in built.stdout + built.stderr  # nothing read from this repository
