"""One copy of the assets for every language. Each translation is built into its own folder
inside the main site with its own copy of the theme's and the guide's CSS, scripts, search
workers and images: the same files twice in the site, the offline zip and a saved copy. After
the build, a translation's assets move into the main site's assets folder (a file that is
already there, byte for byte, is simply dropped) and the translation's pages name them there.
A file of the same name but other bytes stays where it is: nothing is shared by name alone."""
from __future__ import annotations

import filecmp
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from guidewright.build.asset_names import ASSETS

# Any quoted relative address in a page: href/src attributes, and the theme's JSON config (its
# search worker's address); only those that name a moved file are rewritten.
_QUOTED = re.compile(r"""(?P<q>["'])(?P<url>(?:\.\./|\./)*[\w./-]*""" + ASSETS + r"""/[^"'\s<>?#]+)(?P=q)""")


@dataclass
class Shared:
    moved: list[Path] = field(default_factory=list)    # into the main site's assets (the main site lacked them)
    dropped: list[Path] = field(default_factory=list)  # the main site has the same bytes
    kept: list[Path] = field(default_factory=list)     # same name, other bytes: left in the translation
    bytes_saved: int = 0


def share_assets(main_site: Path, translation: Path) -> Shared:
    """Move the translation's assets/ into main_site/assets/ and rewrite its pages to match."""
    done = Shared()
    source, target = translation / ASSETS, main_site / ASSETS
    if not source.is_dir():
        return done
    relocated: dict[Path, Path] = {}
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        there = target / path.relative_to(source)
        if there.is_file():
            if not filecmp.cmp(path, there, shallow=False):
                done.kept.append(path)
                continue
            done.dropped.append(path)
        else:
            done.moved.append(path)
        relocated[path] = there
    for page in sorted(translation.rglob("*.html")):
        _rewrite(page, relocated)
    for path, there in relocated.items():
        done.bytes_saved += path.stat().st_size if path in done.dropped else 0
        if path in done.moved:
            there.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, there)
        else:
            path.unlink()
    for folder in sorted((p for p in source.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    if not any(source.iterdir()):
        source.rmdir()
    return done


def _rewrite(page: Path, relocated: dict[Path, Path]) -> None:
    html = page.read_text(encoding="utf-8")

    def swap(match: re.Match) -> str:
        target = Path(os.path.normpath(page.parent / match["url"]))
        if target not in relocated:
            return match.group()
        url = Path(os.path.relpath(relocated[target], page.parent)).as_posix()
        return f"{match['q']}{url}{match['q']}"

    changed = _QUOTED.sub(swap, html)
    if changed != html:
        page.write_text(changed, encoding="utf-8")
