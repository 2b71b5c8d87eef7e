"""The same tree built by Zensical (Material for MkDocs' successor): the build's checks run on
what it built, and fail on it the same way. MkDocs stays the default builder."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from guide.cli import main
from guide.contacts import REQUIRED_NUMBERS
from guide.contacts_check import check_page_contacts
from guide.settings import load_settings

pytestmark = pytest.mark.build


def test_real_site_builds_with_zensical_and_passes_every_check(tmp_path, capsys):
    code = main(["--builder", "zensical", "--site-dir", str(tmp_path / "site")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Built by zensical" in out
    settings = load_settings(REPO / "mkdocs.yml")[0]
    config = settings.config
    languages = 1 + len(config.extra["translations"])
    # Each language's nav pages, its 404.html and its quick cards' pages (guide.card_pages).
    pages = (len(config.nav_pages) + 1 + len(settings.cards)) * languages
    assert f"OK: {pages} pages" in out
    assert 'lang="es"' in (tmp_path / "site" / "es" / "index.html").read_text()
    assert not (REPO / ".zensical-build").exists() and not (REPO / ".zensical-build.yml").exists()


def test_zensical_output_fails_the_same_checks(tiny_site, capsys):
    """A template that drops the crisis lines fails under Zensical as under MkDocs."""
    (tiny_site.overrides / "partials" / "crisis-contacts.html").write_text("")
    code = main(["--config", str(tiny_site.config()), "--builder", "zensical"])
    out = capsys.readouterr().out
    assert code == 1 and "no crisis contacts block" in out and "404.html" in out
    assert not (tiny_site.root / "site").exists()


def test_plain_zensical_build_still_shows_911_and_988(tmp_path):
    """Run without our build (no computed lines), every page still offers the two lines no
    config can remove, straight from config."""
    for folder in ("docs", "overrides", "includes"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    zensical = Path(sys.executable).with_name("zensical")
    result = subprocess.run([str(zensical), "build", "--clean", "-f", str(tmp_path / "mkdocs.yml")],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    settings = load_settings(REPO / "mkdocs.yml")[0]
    required = [c for c in settings.contacts if c.number in REQUIRED_NUMBERS]
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert len(pages) == len(settings.config.nav_pages) + 1
    for page in pages:
        assert check_page_contacts(page.read_text(encoding="utf-8"), required, str(page)) == []
