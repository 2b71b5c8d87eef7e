"""Build into a hidden folder beside the output and swap it in whole only when everything
passed: a failed run publishes nothing it rejected and never loses the last good output."""
from __future__ import annotations

import os
import shutil
from pathlib import Path


class Staging:
    """`with Staging(site) as path:` build into path; `publish()` replaces `site` with it.
    Whatever was not published is deleted on exit, leaving `site` as it was."""

    def __init__(self, final: Path):
        self.final = final
        self.root = final.parent / f".{final.name}.staging"
        self.path = self.root / final.name  # same folder name, so reports read "site/..."

    def __enter__(self) -> Path:
        shutil.rmtree(self.root, ignore_errors=True)  # a run killed half-way leaves one behind
        self.root.mkdir(parents=True)
        return self.path

    def publish(self) -> None:
        old = self.root / "previous"
        if self.final.exists():
            self.final.rename(old)
        self.path.rename(self.final)

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def kept(self) -> str:
        """What the failure message tells the editor about the last good output."""
        return (f"Nothing was published: {self.final.name}/ still holds the last good build."
                if self.final.exists() else f"Nothing was published to {self.final.name}/.")


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
