"""A failed run publishes nothing it rejected and keeps the last good output."""
from __future__ import annotations

import pytest

from guide.cli import main
from guide.publish import Staging, replace_file


def build(config, capsys, *args):
    code = main(["--config", str(config), *args])
    return code, capsys.readouterr().out


def test_staging_publishes_whole_or_not_at_all(tmp_path):
    """Leaving without publish() keeps the old folder as it was; publish() swaps the new one in."""
    final = tmp_path / "site"
    final.mkdir()
    (final / "old.html").write_text("good")
    with Staging(final) as staged:
        staged.mkdir()
        (staged / "new.html").write_text("rejected")
    assert [p.name for p in final.iterdir()] == ["old.html"]
    staging = Staging(final)
    with staging as staged:
        staged.mkdir()
        (staged / "new.html").write_text("accepted")
        staging.publish()
    assert [p.name for p in final.iterdir()] == ["new.html"]
    assert not (tmp_path / ".site.staging").exists()


def test_replace_file_keeps_old_file_when_writing_fails(tmp_path):
    """A zip that fails half-way never replaces the good one, and leaves no partial file."""
    final = tmp_path / "guide.zip"
    final.write_bytes(b"good")

    def broken(path):
        path.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        replace_file(final, broken)
    assert final.read_bytes() == b"good" and [p.name for p in tmp_path.iterdir()] == ["guide.zip"]
    assert replace_file(final, lambda path: path.write_bytes(b"new")) == 3 and final.read_bytes() == b"new"


def test_failed_build_keeps_last_good_site(tiny_site, capsys):
    """A page that fails a check leaves the last good site/ untouched, and the message says so."""
    config = tiny_site.config()
    assert build(config, capsys)[0] == 0
    good = (tiny_site.root / "site" / "index.html").read_text()
    tiny_site.page("index.md", (tiny_site.docs / "index.md").read_text() + "\nShe stayed clean for a year.\n")
    code, out = build(config, capsys)
    assert code == 1 and "Nothing was published: site/ still holds the last good build." in out
    assert (tiny_site.root / "site" / "index.html").read_text() == good
    assert not (tiny_site.root / ".site.staging").exists()


def test_failed_first_build_publishes_nothing(tiny_site, capsys):
    """With no earlier build, a failed one leaves no site/ at all (no rejected pages to open)."""
    tiny_site.page("index.md", (tiny_site.docs / "index.md").read_text() + "\n[gone](missing.md)\n")
    code, out = build(tiny_site.config(), capsys)
    assert code == 1 and "Nothing was published to site/." in out
    assert not (tiny_site.root / "site").exists()


def test_failed_offline_build_keeps_site_and_zip(tiny_site, capsys):
    """A rejected offline build leaves neither a rejected site-offline/ nor a new zip."""
    config = tiny_site.config()
    assert build(config, capsys, "--offline")[0] == 0
    zips = list((tiny_site.root / "dist").glob("*.zip"))
    assert len(zips) == 1
    before = zips[0].read_bytes(), (tiny_site.root / "site-offline" / "index.html").read_text()
    tiny_site.page("index.md", (tiny_site.docs / "index.md").read_text() + "\nAn addict.\n")
    code, out = build(config, capsys, "--offline")
    assert code == 1 and "site-offline/ still holds the last good build" in out
    assert (zips[0].read_bytes(), (tiny_site.root / "site-offline" / "index.html").read_text()) == before


@pytest.mark.browser
def test_failed_handouts_keep_last_good_pdfs(tiny_site):
    """Handouts are swapped in as a set: a run with a broken card changes no PDF, and a good run
    drops PDFs of pages no longer printed. The site, which holds the PDFs too, isn't published
    either. (Its own process: it starts its own browser.)"""
    from test_handouts import run_handouts
    config = tiny_site.config()
    assert run_handouts(tiny_site.root, "--config", str(config)).returncode == 0
    out_dir = tiny_site.root / "dist" / "handouts"
    (out_dir / "left-over.pdf").write_bytes(b"%PDF stale")
    assert run_handouts(tiny_site.root, "--config", str(config)).returncode == 0
    assert not (out_dir / "left-over.pdf").exists()
    good = {p: p.read_bytes() for p in out_dir.rglob("*.pdf")}
    assert {p.relative_to(out_dir) for p in good} == {p.relative_to(tiny_site.root / "site" / "handouts")
                                                      for p in (tiny_site.root / "site" / "handouts").rglob("*.pdf")}
    (tiny_site.root / "site" / "last-good.txt").write_text("a published site would not have this")
    broken = tiny_site.config("""
        extra:
          handouts:
            cards:
              gone:
                title: A card whose part is gone
                from:
                  - {page: index.md, select: ".no-such-thing"}
        """)
    result = run_handouts(tiny_site.root, "--config", str(broken))
    assert result.returncode == 1 and "nothing matches .no-such-thing" in result.stdout
    assert "handouts/ still holds the last good build" in result.stdout
    assert "site/ still holds the last good build" in result.stdout
    assert {p: p.read_bytes() for p in out_dir.rglob("*.pdf")} == good
    assert (tiny_site.root / "site" / "last-good.txt").exists()
