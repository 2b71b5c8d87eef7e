"""A failed run publishes nothing it rejected and keeps the last good output; no run replaces a
folder it did not make, two runs never write one folder, and a full or read-only disk is a
message, not a traceback."""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from guidewright.build.publish import MARKER, MARKER_TEXT, PublishRefused, Staging, replace_file
from guidewright.build.result import CANT_PUBLISH
from guidewright.cli import main


def build(config, capsys, *args):
    code = main(["--config", str(config), *args])
    return code, capsys.readouterr().out


def test_staging_publishes_whole_or_not_at_all(tmp_path):
    """Leaving without publish() keeps the old folder as it was; publish() swaps the new one in."""
    final = old_build(tmp_path / "site")
    with Staging(final) as staged:
        staged.mkdir()
        (staged / "new.html").write_text("rejected")
    assert names(final) == [MARKER, "old.html"]
    staging = Staging(final)
    with staging as staged:
        staged.mkdir()
        (staged / "new.html").write_text("accepted")
        staging.publish()
    assert names(final) == [MARKER, "new.html"] and (final / MARKER).read_text() == MARKER_TEXT
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
    assert run_handouts(tiny_site.root, config=config).returncode == 0
    out_dir = tiny_site.root / "dist" / "handouts"
    (out_dir / "left-over.pdf").write_bytes(b"%PDF stale")
    assert run_handouts(tiny_site.root, config=config).returncode == 0
    assert not (out_dir / "left-over.pdf").exists()
    good = {p: p.read_bytes() for p in out_dir.rglob("*.pdf")}
    assert {p.relative_to(out_dir) for p in good} == {p.relative_to(tiny_site.root / "site" / "handouts")
                                                      for p in (tiny_site.root / "site" / "handouts").rglob("*.pdf")}
    (tiny_site.root / "site" / "last-good.txt").write_text("a published site would not have this")
    broken = tiny_site.config("""
        extra:
          handouts:
            cards:
              long:
                title: A card too long for one sheet (found only when printing)
                from:
                  - {page: get-help-now.md, select: "article > *"}
                  - {page: glossary.md, select: "article > *"}
                  - {page: get-help-now.md, select: "[data-crisis-directory], [data-crisis-directory]"}
                  - {page: get-help-now.md, select: "article"}
        """)
    result = run_handouts(tiny_site.root, config=broken)
    assert result.returncode == 1 and "quick card prints on" in result.stdout
    assert "handouts/ still holds the last good build" in result.stdout
    assert "site/ still holds the last good build" in result.stdout
    assert {p: p.read_bytes() for p in out_dir.rglob("*.pdf")} == good
    assert (tiny_site.root / "site" / "last-good.txt").exists()


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def old_build(folder: Path, files=("old.html",)) -> Path:
    """A folder an earlier build published: its pages and the marker."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in files:
        (folder / name).write_text("good")
    (folder / MARKER).write_text(MARKER_TEXT)
    return folder


def staged_publish(final: Path, files=("new.html",)) -> None:
    staging = Staging(final)
    with staging as staged:
        staged.mkdir()
        for name in files:
            (staged / name).write_text("new")
        staging.publish()


def contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_refuses_a_folder_it_did_not_make(tmp_path):
    """A web root holding the clinic's own home page is never replaced, and nothing is written
    beside it; an empty folder is fine, and then carries the marker."""
    webroot = tmp_path / "www"
    webroot.mkdir()
    (webroot / "index.html").write_text("the clinic's own home page")
    with pytest.raises(PublishRefused) as refused:
        Staging(webroot).__enter__()
    assert refused.value.reason == "holds files this build did not make"
    assert refused.value.message.startswith(f"this folder is not empty and no earlier build made it (it has no "
                                            f"{MARKER} file)")
    assert "Choose an empty or new folder (--site-dir, --dist-dir), or one an earlier build made" in refused.value.message
    assert "delete it yourself and build again" in refused.value.message
    assert contents(webroot) == {"index.html": b"the clinic's own home page"}
    assert names(tmp_path) == [".www.lock", "www"]  # no staging made
    empty = tmp_path / "empty"
    empty.mkdir()
    staged_publish(empty)
    assert names(empty) == [MARKER, "new.html"]


def test_cli_refuses_web_root_and_marks_what_it_builds(tiny_site, capsys):
    """--site-dir at someone's web root: exit 3, the folder named, nothing touched. Into an empty
    folder the site is built with its marker, which the checks don't count as a page."""
    webroot = tiny_site.root / "www"
    webroot.mkdir()
    (webroot / "index.html").write_text("the clinic's own home page")
    code, out = build(tiny_site.config(), capsys, "--site-dir", str(webroot))
    assert code == CANT_PUBLISH
    assert f"FAILED: Nothing was built or published: {webroot}/ holds files this build did not make." in out
    assert f"  {webroot}\n    - this folder is not empty and no earlier build made it" in out
    assert contents(webroot) == {"index.html": b"the clinic's own home page"}
    empty = tiny_site.root / "empty"
    empty.mkdir()
    code, out = build(tiny_site.config(), capsys, "--site-dir", str(empty))
    pages = len(list(empty.rglob("*.html")))
    assert code == 0 and f"OK: {pages} pages in {empty}/" in out
    assert (empty / MARKER).read_text() == MARKER_TEXT


@pytest.fixture
def mount_point(monkeypatch):
    """Make a folder act as a mount point: os.path.ismount says so, and renaming it fails EBUSY."""
    mounted: list[Path] = []
    real_ismount, real_rename = os.path.ismount, Path.rename

    def rename(self, target):
        if self in mounted:
            raise OSError(errno.EBUSY, "Device or resource busy", str(self))
        return real_rename(self, target)
    monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) in mounted or real_ismount(path))
    monkeypatch.setattr(Path, "rename", rename)
    return mounted


def test_mount_point_gets_its_contents_swapped(tmp_path, mount_point):
    """A mount point is built inside itself and its contents are swapped: it stays the same folder."""
    final = old_build(tmp_path / "html")
    mount_point.append(final)
    inode = final.stat().st_ino
    staging = Staging(final)
    assert staging.root.parent == final  # the staging is on the mounted disk
    with staging as staged:
        staged.mkdir()
        (staged / "new.html").write_text("new")
        staging.publish()
    assert names(final) == [MARKER, "new.html"] and final.stat().st_ino == inode
    assert names(tmp_path) == ["html"]  # nothing beside it: its parent may not be writable


def test_busy_rename_falls_back_to_swapping_contents(tmp_path, mount_point):
    """A bind mount os.path.ismount misses: the rename fails EBUSY, and the contents are swapped."""
    final = old_build(tmp_path / "site")
    staging = Staging(final)
    mount_point.append(final)  # after Staging looked: it didn't know
    with staging as staged:
        staged.mkdir()
        (staged / "new.html").write_text("new")
        staging.publish()
    assert names(final) == [MARKER, "new.html"]


def test_swap_failing_half_way_puts_the_old_contents_back(tmp_path, mount_point, monkeypatch):
    """A full disk after one new file moved in: the old contents come back, all of them."""
    final = old_build(tmp_path / "html", ("index.html", "about.html"))
    before = contents(final)
    mount_point.append(final)
    real_move, moved = shutil.move, []

    def move(source, target):
        if moved:
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        moved.append(source)
        return real_move(source, target)
    monkeypatch.setattr(shutil, "move", move)
    with pytest.raises(OSError) as error:
        staged_publish(final, ("a.html", "b.html", "c.html"))
    assert error.value.errno == errno.ENOSPC and moved
    assert contents(final) == before and names(final) == sorted(before)


def test_second_build_is_refused_while_one_writes(tmp_path):
    """While a build holds the folder's lock, another is refused at once, naming the first's
    process, and leaves the first one's staging alone."""
    final = old_build(tmp_path / "site")
    first = Staging(final)
    first_staged = first.__enter__()
    first_staged.mkdir()
    (first_staged / "page.html").write_text("the first build's")
    with pytest.raises(PublishRefused) as refused:
        Staging(final).__enter__()
    assert refused.value.message == (f"another build is writing this folder (pid {os.getpid()}); wait for it to "
                                      "finish, then build again")
    assert (first_staged / "page.html").read_text() == "the first build's"
    first.__exit__(None, None, None)
    staged_publish(final)  # the lock is free again
    assert names(final) == [MARKER, "new.html"]


def test_cli_refuses_second_build(tiny_site, capsys):
    """Another process holds site/'s lock: the build exits 3 at once and names it."""
    import subprocess
    import sys
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time\n"
                               f"fd = os.open({str(tiny_site.root / '.site.lock')!r}, os.O_RDWR | os.O_CREAT)\n"
                               "fcntl.flock(fd, fcntl.LOCK_EX); os.write(fd, str(os.getpid()).encode())\n"
                               "print('held', flush=True); time.sleep(120)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        code, out = build(tiny_site.config(), capsys)
    finally:
        holder.kill()
        holder.wait()
    assert code == CANT_PUBLISH
    assert f"Nothing was built or published: {tiny_site.root / 'site'}/ is being written by another build." in out
    assert f"another build is writing this folder (pid {holder.pid}); wait for it to finish, then build again" in out
    assert not (tiny_site.root / "site").exists()


def test_folder_goes_back_when_its_zip_cant_follow(tmp_path, monkeypatch):
    """The zip is written first; if it can't be moved in, the folder published a moment before
    goes back too: the two stay a pair."""
    final, zip_path = old_build(tmp_path / "site-offline"), tmp_path / "dist" / "guide-offline.zip"
    zip_path.parent.mkdir()
    zip_path.write_bytes(b"old zip")
    real_replace = os.replace

    def replace(source, target):
        if Path(source).name.endswith(".partial"):
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return real_replace(source, target)
    monkeypatch.setattr(os, "replace", replace)
    staging = Staging(final)
    with pytest.raises(OSError), staging as staged:
        staged.mkdir()
        (staged / "new.html").write_text("new")
        assert staging.add_file(zip_path, lambda path: path.write_bytes(b"new zip")) == 7
        staging.publish()
    assert contents(final) == {MARKER: MARKER_TEXT.encode(), "old.html": b"good"} and zip_path.read_bytes() == b"old zip"
    assert names(zip_path.parent) == [zip_path.name] and names(tmp_path) == [".site-offline.lock", "dist",
                                                                           "site-offline"]


def test_full_disk_while_zipping_keeps_folder_and_zip(tiny_site, capsys, monkeypatch):
    """Disk full while zipping: exit 3 with the zip named; the last good site-offline/ and zip stay
    as they were, with no half zip or new folder beside them. Both carry the marker."""
    config = tiny_site.config()
    assert build(config, capsys, "--offline")[0] == 0
    folder, (zip_path,) = tiny_site.root / "site-offline", list((tiny_site.root / "dist").glob("*.zip"))
    import zipfile
    assert (folder / MARKER).is_file() and any(n.endswith(f"/{MARKER}") for n in zipfile.ZipFile(zip_path).namelist())
    before = contents(folder), zip_path.read_bytes()

    def full(site_dir, path, name):
        path.write_bytes(b"half a zip")
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr("guidewright.build.pipeline.make_zip", full)
    code, out = build(config, capsys, "--offline")
    assert code == CANT_PUBLISH
    assert "FAILED: Nothing was published: a file could not be written; the last good output is kept." in out
    assert f"  {zip_path}\n    - can't write: the disk is full; free space and build again" in out
    assert (contents(folder), zip_path.read_bytes()) == before
    assert not list(zip_path.parent.glob(".*.partial"))
    assert not (tiny_site.root / ".site-offline.staging").exists()


def test_read_only_output_is_a_message(tiny_site, capsys, monkeypatch):
    """A read-only disk (simulated: tests run as root) gives exit 3 and what to do; the last good
    site stays."""
    site = old_build(tiny_site.root / "site")
    real_mkdir = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if self.name == ".site.staging":
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_mkdir(self, *args, **kwargs)
    monkeypatch.setattr(Path, "mkdir", mkdir)
    code, out = build(tiny_site.config(), capsys)
    assert code == CANT_PUBLISH and "Traceback" not in out
    assert (f"  {tiny_site.root / '.site.staging'}\n    - can't write: read-only: this disk can't be written; build "
            "into a folder you can write (--site-dir, --dist-dir)") in out
    assert contents(site) == {MARKER: MARKER_TEXT.encode(), "old.html": b"good"}


def test_full_disk_inside_the_builder_is_a_message(tiny_site, capsys, monkeypatch):
    """The builder runs in its own process: a full disk there (its traceback ends in Errno 28) is
    told like one in the build's own writes, naming the output, and the last good site stays."""
    import guidewright.build.pipeline
    from guidewright.build.result import BuilderRun
    site = old_build(tiny_site.root / "site")
    monkeypatch.setattr(guidewright.build.pipeline, "run_builder", lambda *args, **kwargs: BuilderRun(
        False, "Traceback (most recent call last):\nOSError: [Errno 28] No space left on device: 'x.html'", 0.1))
    code, out = build(tiny_site.config(), capsys)
    assert code == 1 and "Traceback" not in out
    assert f"  {tiny_site.root / 'site'}\n    - can't write: the disk is full; free space and build again" in out
    assert contents(site) == {MARKER: MARKER_TEXT.encode(), "old.html": b"good"}
