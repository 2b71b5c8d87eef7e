"""The offline copy for clinics: trim the built site to what readers' browsers load, add a
note for staff, and zip it."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from guidewright.build.save_offline import LUNR, lunr_files

# Never loaded by a reader's browser: source maps, and sitemaps (for search engines). The JSON
# search index stays: file:// uses the .js copy, but an intranet server uses the JSON.
UNUSED_OFFLINE = ["**/*.map", "sitemap.xml", "sitemap.xml.gz"]

README = """{site_name}
{underline}

This folder is a complete copy of the guide. It works with no internet connection.
It collects nothing: no tracking, no cookies, no outside requests.

To open it on this computer
  1. Unzip the file (right-click > Extract All, or double-click on a Mac).
  2. Open the folder and double-click index.html. It opens in your web browser.
  3. Search works too: use the search box at the top of any page.

To put it on a kiosk or shared computer
  Copy the whole folder (not just index.html) to the computer, then open index.html.
  Set the browser's home page to that file if you like.

To host it on your intranet
  Copy the folder to any web server. No database or server code is needed.

Crisis contacts are at the top of every page, and at the foot of every printed sheet:
{contacts}

Built {built} from the guide's sources. To update it, build and unzip a new copy.
{translations}"""
TRANSLATIONS = {"es": "\nLa guía en español: abre la carpeta es y haz doble clic en index.html.\n"}


def prune(site_dir: Path, search_languages: list[str]) -> list[Path]:
    """Delete what an offline copy never loads; returns what was removed."""
    removed = [p for pattern in UNUSED_OFFLINE for p in site_dir.glob(pattern) if p.is_file()]
    for path in removed:
        path.unlink()
    return removed + prune_search_languages(site_dir, search_languages)


def prune_search_languages(site_dir: Path, *search_languages: list[str]) -> list[Path]:
    """Delete the theme's search files for languages the site doesn't search in (it ships some
    thirty); returns what was removed. Online too: no reader's browser ever loads them. Each
    list is one site's languages (a translation may share the main site's assets)."""
    lunr = site_dir / LUNR
    if not lunr.is_dir():
        return []
    wanted = {name for languages in search_languages for name in lunr_files(languages)}
    if not wanted:
        shutil.rmtree(lunr)
        return [lunr]
    unused = [p for p in lunr.rglob("*") if p.is_file() and p.relative_to(lunr).as_posix() not in wanted]
    for path in unused:
        path.unlink()
    return unused


def write_readme(site_dir: Path, site_name: str, contact_lines: list[str], built: str,
                 folders: list[str] = ()) -> Path:
    """folders: the translations' folders; each gets a line in its language on how to open it."""
    path = site_dir / "README.txt"
    extra = "".join(TRANSLATIONS.get(folder, f"\n{folder}: open {folder}/index.html\n") for folder in folders)
    path.write_text(README.format(site_name=site_name, underline="=" * len(site_name),
                                  contacts="\n".join(f"  {line}" for line in contact_lines), built=built,
                                  translations=extra),
                    encoding="utf-8")
    return path


def make_zip(site_dir: Path, zip_path: Path, folder: str) -> int:
    """Zip site_dir as folder/...; returns the zip's size in bytes."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder}/{path.relative_to(site_dir)}")
    return zip_path.stat().st_size
