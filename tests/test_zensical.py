"""The same tree built by Zensical (Material for MkDocs' successor): the build's checks run on
what it built, and fail on it the same way. MkDocs stays the default builder."""
from __future__ import annotations

import pytest

from conftest import REPO
from guidewright.cli import main
from guidewright.configuration.settings import load_settings

pytestmark = pytest.mark.build


def test_real_site_builds_with_zensical_and_passes_every_check(tmp_path, capsys):
    code = main(["--builder", "zensical", "--site-dir", str(tmp_path / "site")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Built by zensical" in out
    settings = load_settings(REPO / "mkdocs.yml")[0]
    config = settings.config
    languages = 1 + len(config.extra["translations"])
    # Each language's nav pages, its 404.html and its quick cards' pages (guidewright.printing.card_pages).
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
