"""Content hashes in asset names, so a host may let browsers keep assets for a year: a changed
file gets a new name, and the pages that name it are themselves always revalidated. The
theme's own files already carry one (main.<hash>.min.css); ours (guide.css, load-on-use.js,
images) get one here, on the built site, before it is checked. HASHED is the one test of
"this name has a hash": the host files (guidewright.build.hosting) make it the long-cache rule."""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from guidewright.problems import Problem

ASSETS = "assets"  # what the pages load lives in this folder (each language's site has its own)
# The file types a hash may be given to and a host may cache for long; never pages.
TYPES = ("css", "js", "svg", "png", "jpg", "jpeg", "webp", "gif", "ico", "woff2", "woff")
SUFFIX = rf"\.[0-9a-f]{{8}}(?:\.min)?\.(?:{'|'.join(TYPES)})"  # as the theme names them too
HASHED = re.compile(SUFFIX + "$")
DIGITS = 8
# href="..." and src="..." anywhere in a page, also inside <template> (load-on-use.js's scripts).
_REFERENCE = re.compile(r"""\b(?P<attr>href|src)=(?P<q>["'])(?P<url>[^"'#?]*)(?P<rest>[^"']*)(?P=q)""")


def hashed_name(path: Path) -> str:
    """'guide.css' -> 'guide.1a2b3c4d.css' (the start of the SHA-256 of its bytes)."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:DIGITS]
    return f"{path.stem}.{digest}{path.suffix}"


def _local_target(page: Path, url: str) -> Path | None:
    """The file a relative href/src in page names, or None for anything else."""
    if not url or url.startswith(("/", "//")) or ":" in url or url.endswith("/"):
        return None
    return Path(os.path.normpath(page.parent / url))


def _hashable(path: Path, site_dir: Path) -> bool:
    rel = path.relative_to(site_dir) if path.is_relative_to(site_dir) else None
    return (rel is not None and ASSETS in rel.parts[:-1] and path.suffix[1:].lower() in TYPES
            and not HASHED.search(path.name) and path.is_file())


def hash_asset_names(site_dir: Path) -> dict[Path, Path]:
    """Rename every asset a page loads or links (under an assets/ folder) that has no hash yet
    to name.<hash>.ext, and rewrite every page's reference to it. Returns old -> new path."""
    renamed: dict[Path, Path] = {}
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")

        def swap(match: re.Match, page: Path = page) -> str:
            target = _local_target(page, match["url"])
            if target is None or not (target in renamed or _hashable(target, site_dir)):
                return match.group()
            new = renamed.setdefault(target, target.with_name(hashed_name(target)))
            url = match["url"][: -len(target.name)] + new.name
            return f"{match['attr']}={match['q']}{url}{match['rest']}{match['q']}"

        changed = _REFERENCE.sub(swap, html)
        if changed != html:
            page.write_text(changed, encoding="utf-8")
    for old, new in renamed.items():
        old.rename(new)
    return renamed


def check_asset_references(site_dir: Path, where) -> list[Problem]:
    """Every href/src in every page that points into an assets/ folder names a file that is
    there: after hashing, a stale name would load nothing. `where` labels a page."""
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        for match in _REFERENCE.finditer(page.read_text(encoding="utf-8")):
            target = _local_target(page, match["url"])
            if target is None or not target.is_relative_to(site_dir) or ASSETS not in \
                    target.relative_to(site_dir).parts[:-1] or target.is_file():
                continue
            problems.append(Problem(where(page), f"{match['attr']}={match['url']!r} names no file in the site: "
                                                 "a template or page names an asset that isn't built, or names it "
                                                 "after the build renamed it (guide/asset_names.py); link the asset "
                                                 "by its source name in docs/assets"))
    return problems
