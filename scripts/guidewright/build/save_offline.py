"""The guide saved on a reader's phone ("Save to this phone"). Each language's site gets a
service worker (sw.js at its root) that, only when the reader taps the control
(overrides/partials/save-offline.html), stores that language's whole guide in the browser's
cache, so every page and search open without signal.

The worker is written from the BUILT site, after asset names got their hashes: its first line
lists every file a reader's browser loads (SAVED_FILES) and a version, a hash of those files'
names and bytes. A new build changes the version, so the browser installs the new worker on the
next online visit, which stores the new files and drops the old copy. The worker's code is
offline_worker.js beside this file. The offline copy (file://) has no worker: browsers allow
them only over http(s)."""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from guidewright.build.asset_names import ASSETS
from guidewright.problems import Problem

WORKER = "sw.js"
CODE = Path(__file__).with_name("offline_worker.js")
_FIRST_LINE = "self.SAVED_FILES = "
# Never loaded by a reader's browser online: source maps, sitemaps (for search engines), the
# file:// search shim (guidewright.mkdocs_hooks.offline_search), printable PDFs (heavy; for printing),
# the worker itself, and build markers (dot files).
LEFT_OUT = re.compile(r"(^|/)\.|\.map$|(^|/)sitemap\.xml(\.gz)?$|\.pdf$|(^|/)iframe-worker\.js$")
LUNR = "assets/javascripts/lunr/"  # the search worker loads only its language's files from here


@dataclass(frozen=True)
class SavedList:
    files: list[str]     # addresses relative to the language's root, as the pages link them
    version: str
    size: int            # bytes the browser stores


def page_address(path: str) -> str:
    """'x/index.html' -> 'x/' and 'index.html' -> './' (as the pages link them); other files as named."""
    if path == "index.html":
        return "./"
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def search_files(site_dir: Path) -> set[str]:
    """The lunr files Material's search worker imports for this site's search languages (its
    search_index.json says which): a stemmer per language but English, multi for several."""
    index = site_dir / "search" / "search_index.json"
    try:
        languages = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    return {LUNR + name for name in lunr_files(languages)}


def lunr_files(languages: list[str]) -> set[str]:
    """The files under the theme's lunr folder its search worker imports for a site searching in
    these languages: a stemmer per language but English, multi for several. The one list, for
    the saved copy here and for pruning the rest (guidewright.build.offline_copy)."""
    wanted = {f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"}
    wanted |= {"tinyseg.js" for lang in languages if lang == "ja"}
    wanted |= {"wordcut.js" for lang in languages if lang in ("hi", "th")}
    if len(languages) > 1:
        wanted.add("min/lunr.multi.min.js")
    if wanted:
        wanted.add("min/lunr.stemmer.support.min.js")
    return wanted


def saved_files(site_dir: Path, skip: tuple[Path, ...] = (), shared: Path | None = None) -> list[Path]:
    """Every file of this language's site a reader's browser may load (not another language's
    folder in `skip`), sorted; with `shared`, the main site's folder whose assets/ a translation's
    pages load (guidewright.build.shared_assets), those too."""
    lunr = search_files(site_dir)
    found = []
    roots = [site_dir] + ([shared / ASSETS] if shared is not None and (shared / ASSETS).is_dir() else [])
    for root in roots:
        base = site_dir if root == site_dir else shared
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(base).as_posix()
            if (not path.is_file() or any(path.is_relative_to(folder) for folder in skip) or rel == WORKER
                    or LEFT_OUT.search(rel) or (rel.startswith(LUNR) and rel not in lunr)):
                continue
            found.append(path)
    return found


def _address(path: Path, site_dir: Path) -> str:
    return page_address(Path(os.path.relpath(path, site_dir)).as_posix())


def saved_list(site_dir: Path, skip: tuple[Path, ...] = (), shared: Path | None = None) -> SavedList:
    files = saved_files(site_dir, skip, shared)
    digest = hashlib.sha256()
    for path in files:
        digest.update(_address(path, site_dir).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return SavedList([_address(p, site_dir) for p in files], digest.hexdigest()[:16],
                     sum(p.stat().st_size for p in files))


def worker_script(saved: SavedList) -> str:
    data = json.dumps({"version": saved.version, "files": saved.files}, ensure_ascii=False, separators=(",", ":"))
    return f"{_FIRST_LINE}{data};\n{CODE.read_text(encoding='utf-8')}"


def write_worker(site_dir: Path, skip: tuple[Path, ...] = (), shared: Path | None = None) -> SavedList:
    """Write site_dir/sw.js for the site as built now; run it after every change to the files."""
    saved = saved_list(site_dir, skip, shared)
    (site_dir / WORKER).write_text(worker_script(saved), encoding="utf-8")
    return saved


def listed_files(script: str) -> dict | None:
    """The worker's list as written ({version, files}), or None if its first line isn't one."""
    first = script.partition("\n")[0]
    if not (first.startswith(_FIRST_LINE) and first.endswith(";")):
        return None
    try:
        data = json.loads(first[len(_FIRST_LINE):-1])
    except ValueError:
        return None
    return data if isinstance(data, dict) and isinstance(data.get("files"), list) else None


def check_saved_list(site_dir: Path, skip: tuple[Path, ...] = (), shared: Path | None = None) -> list[Problem]:
    """The worker stores exactly what the built site has now: every page, no missing file, and
    nothing from another language's folder."""
    worker = site_dir / WORKER
    label = f"{site_dir.name}/{WORKER}"
    if not worker.is_file():
        return [Problem(label, "no service worker for \"Save to this phone\": the build writes it after the site is "
                               "built (guidewright/build/save_offline.py write_worker); is the guidewright plugin listed under "
                               "plugins: in mkdocs.yml?")]
    listed = listed_files(worker.read_text(encoding="utf-8", errors="replace"))
    if listed is None:
        return [Problem(label, "its first line is not the list of saved files: it was edited or not written by "
                               "guide/save_offline.py; rebuild")]
    expected = saved_list(site_dir, skip, shared)
    files = [str(f) for f in listed["files"]]
    problems = [Problem(label, f"does not save {address}: a reader who saved the guide would miss it offline; "
                               "write the worker after every change to the built files (save_offline.write_worker)")
                for address in expected.files if address not in files]
    problems += [Problem(label, f"saves {address}, which is not a file of this language's site: saving would fail "
                                "for every reader; write the worker after every change to the built files")
                 for address in files if address not in expected.files]
    if not problems and listed.get("version") != expected.version:
        problems.append(Problem(label, "its version is not that of the built files: readers who saved the guide "
                                       "would keep an old copy; write the worker last (save_offline.write_worker)"))
    return problems
