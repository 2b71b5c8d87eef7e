"""Build into a hidden folder beside the output and swap it in whole only when everything
passed: a failed run publishes nothing it rejected and never loses the last good output.

The build replaces only folders it made: each one it publishes holds a marker file, and a
folder that is neither empty nor marked (a web root with the clinic's own pages) is refused
before anything is touched. One build at a time writes a folder (a lock beside it). A mount
point (a web root, a container volume) can't be renamed, so its contents are swapped instead."""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from guidewright.problems import Problem

MARKER = ".guide-build"
MARKER_TEXT = ("This folder was made by the guide's build (scripts/build.py). Each build replaces it whole,\n"
               "so keep nothing else here.\n")
# A mount point's own working folders, inside it: the staged build, and the old contents while
# the new ones move in.
INSIDE_STAGING, INSIDE_PREVIOUS = ".guide-staging", ".guide-previous"
SWAP_ERRNOS = {errno.EBUSY, errno.EXDEV, errno.EPERM}  # renaming a mount point fails with one of these
WHERE = "(--site-dir, --dist-dir)"
WRITE_ERRORS = {
    errno.ENOSPC: "the disk is full; free space and build again",
    errno.EDQUOT: "the disk quota is used up; free space and build again",
    errno.EROFS: f"read-only: this disk can't be written; build into a folder you can write {WHERE}",
    errno.EACCES: f"permission denied; build into a folder you may write {WHERE}, or change its permissions",
    errno.EPERM: f"permission denied; build into a folder you may write {WHERE}, or change its permissions",
}


class PublishRefused(Exception):
    """The output folder can't be used: nothing was built into it or touched."""

    def __init__(self, folder: Path, reason: str, message: str):
        super().__init__(message)
        self.folder, self.reason, self.message = folder, reason, message


def write_problem(error: OSError, shown=str) -> Problem | None:
    """A failed write the editor can fix (a full or read-only disk, no permission), naming the
    path; None for any other error, which stays a bug to see."""
    message = WRITE_ERRORS.get(error.errno)
    if message is None:
        return None
    return Problem(shown(Path(error.filename)) if error.filename else "the output folder", f"can't write: {message}")


def check_ours(final: Path) -> None:
    """Refuse a folder the build would destroy: one that holds something and no marker."""
    if not final.exists():
        return
    if not final.is_dir():
        raise PublishRefused(final, "is a file", "this is a file, not a folder: choose a folder for the output "
                                                 f"{WHERE}")
    found = [entry for entry in final.iterdir() if entry.name not in (INSIDE_STAGING, INSIDE_PREVIOUS)]
    if found and not (final / MARKER).is_file():
        raise PublishRefused(
            final, "holds files this build did not make",
            f"this folder is not empty and no earlier build made it (it has no {MARKER} file); the build replaces "
            f"its output folder whole, so it would delete what is here. Choose an empty or new folder {WHERE}, or "
            "one an earlier build made. If it is an old build (from before builds were marked), delete it "
            "yourself and build again")


class Staging:
    """`with Staging(site) as path:` build into path; `publish()` replaces `site` with it.
    Whatever was not published is deleted on exit, leaving `site` as it was. Entering takes
    the folder's lock and refuses a folder the build did not make (PublishRefused)."""

    def __init__(self, final: Path):
        self.final = final
        self.inside = os.path.ismount(final)  # then everything happens inside it: it can't be renamed
        self.root = final / INSIDE_STAGING if self.inside else final.parent / f".{final.name}.staging"
        self.path = self.root / final.name  # same folder name, so reports read "site/..."
        # A mount point is locked itself (it is never replaced); any other folder by a file beside it.
        self.lock_path = final if self.inside else final.parent / f".{final.name}.lock"
        self._lock: int | None = None
        self._files: list[tuple[Path, Path]] = []  # (written now, where it is published)

    def __enter__(self) -> Path:
        self._take_lock()
        try:
            check_ours(self.final)
            shutil.rmtree(self.root, ignore_errors=True)  # a run killed half-way leaves one behind
            self.root.mkdir(parents=True)
        except BaseException:
            self._release()
            raise
        return self.path

    def _take_lock(self) -> None:
        if not self.inside:
            self.final.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDONLY if self.inside else os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = "" if self.inside else os.read(fd, 20).decode(errors="replace").strip()
            os.close(fd)
            pid = f" (pid {holder})" if holder else ""
            raise PublishRefused(self.final, "is being written by another build",
                                 f"another build is writing this folder{pid}; wait for it to finish, "
                                 "then build again") from None
        if not self.inside:  # who holds it, for the message another build shows
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        self._lock = fd

    def _release(self) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing drops the lock; the file stays, so no two builds lock two files
            self._lock = None

    def mark(self) -> None:
        """Write the marker that lets a later build replace this folder (and nothing else)."""
        (self.path / MARKER).write_text(MARKER_TEXT, encoding="utf-8")

    def add_file(self, final: Path, write: Callable[[Path], object]) -> int:
        """Write a file that belongs with the folder (its zip) now, beside `final`; publish()
        moves it into place with the folder, or neither. Returns its size in bytes."""
        final.parent.mkdir(parents=True, exist_ok=True)
        partial = final.with_name(f".{final.name}.partial")
        self._files.append((partial, final))
        try:
            write(partial)
        except OSError as error:  # a full disk while zipping says no file name: name the zip
            error.filename = error.filename or str(final)
            raise
        return partial.stat().st_size

    def publish(self) -> None:
        """Swap the staged folder in, then each added file; if a file can't follow, the old
        folder goes back, so the folder and its files are published together or not at all."""
        if not (self.path / MARKER).is_file():
            self.mark()
        undo, done = self._swap_in()
        moved: list[tuple[Path, Path | None]] = []  # (published file, its old version set aside)
        try:
            for partial, final in self._files:
                old = final.with_name(f".{final.name}.previous") if final.exists() else None
                if old is not None:
                    os.replace(final, old)
                moved.append((final, old))
                os.replace(partial, final)
        except OSError:
            try:
                for final, old in reversed(moved):
                    if old is not None:
                        os.replace(old, final)
                    else:
                        final.unlink(missing_ok=True)
            finally:
                undo()
            raise
        for _, old in moved:
            if old is not None:
                old.unlink()
        self._files = []
        done()

    def _swap_in(self) -> tuple[Callable[[], None], Callable[[], None]]:
        """Put the staged folder in place; returns (undo, finish)."""
        if self.inside:
            return self._swap_contents()
        old = self.root / "previous"
        if self.final.exists():
            try:
                self.final.rename(old)
            except OSError as error:
                if error.errno not in SWAP_ERRNOS:
                    raise
                return self._swap_contents()  # a mount point os.path.ismount missed (a bind mount)
        try:
            self.path.rename(self.final)
        except OSError:
            if old.exists():
                old.rename(self.final)
            raise

        def undo() -> None:
            self.final.rename(self.path)
            if old.exists():
                old.rename(self.final)
        return undo, lambda: None  # the old folder is deleted with the staging root

    def _swap_contents(self) -> tuple[Callable[[], None], Callable[[], None]]:
        """Move the old contents aside inside the folder, then the new ones in; on failure, put
        the old ones back. Moves copy when the staged folder is on another disk."""
        aside = self.final / INSIDE_PREVIOUS
        shutil.rmtree(aside, ignore_errors=True)
        aside.mkdir()
        working = (INSIDE_STAGING, INSIDE_PREVIOUS)

        def undo() -> None:
            for entry in list(self.final.iterdir()):
                if entry.name not in working:
                    _remove(entry)
            for entry in list(aside.iterdir()):
                os.rename(entry, self.final / entry.name)
            aside.rmdir()
        try:
            for entry in list(self.final.iterdir()):
                if entry.name not in working:
                    os.rename(entry, aside / entry.name)
            for entry in list(self.path.iterdir()):
                shutil.move(entry, self.final / entry.name)
        except OSError:
            undo()
            raise
        return undo, lambda: shutil.rmtree(aside)

    def __exit__(self, *exc) -> None:
        try:
            for partial, _ in self._files:
                partial.unlink(missing_ok=True)
            shutil.rmtree(self.root, ignore_errors=True)
        finally:
            self._release()

    def kept(self) -> str:
        """What the failure message tells the editor about the last good output."""
        return (f"Nothing was published: {self.final.name}/ still holds the last good build."
                if self.final.exists() else f"Nothing was published to {self.final.name}/.")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def replace_file(final: Path, write) -> int:
    """Write a file beside `final` with write(path), then move it into place in one step."""
    final.parent.mkdir(parents=True, exist_ok=True)
    partial = final.with_name(f".{final.name}.partial")
    try:
        write(partial)
        size = partial.stat().st_size
        os.replace(partial, final)
        return size
    finally:
        partial.unlink(missing_ok=True)
