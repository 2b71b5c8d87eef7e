"""Build the same tree with Zensical, Material for MkDocs' successor (`--builder zensical`).

Zensical reads mkdocs.yml and our templates and runs our Markdown extensions, but runs no
MkDocs hooks. What the hooks do for MkDocs, the build does here, from the same code:
  - the validated config's computed crisis lines (guidewright.lines.crisis_view) and list of handouts
    (guidewright.printing.handout_list), the offline search shim and the clinic logo's size go in through
    a generated overlay that INHERITs the config;
  - the engine's templates, with the guide's overrides/ on top, go in as one theme folder (Zensical
    takes one), and its stylesheets as extra_css;
  - after the build: the engine's CSS and scripts and the clinic logo are copied in, the 404 page's links made relative, and
    every page gets its Content-Security-Policy (guidewright.checks.csp).
Zensical writes only inside the config's folder (site_dir and a .cache/ there), so the site is
built in a hidden folder there and moved to the staging folder. The same checks then run on
what it built (guidewright.build.site_build)."""
from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

from guidewright.boxes.urgency_boxes import NAME as BOXES
from guidewright.build.result import ERROR_PAGE, BuilderRun
from guidewright.checks.csp import add_policy
from guidewright.checks.review_view import KEY as PAGE_REVIEWS
from guidewright.checks.review_view import page_reviews
from guidewright.configuration.settings import Settings
from guidewright.lines.clinic import LOGO_FOLDER, logo_size
from guidewright.lines.crisis_view import KEY, crisis_view, line_cells
from guidewright.mkdocs_hooks.offline_search import SHIM
from guidewright.package_files import STYLESHEETS, THEME, asset_files
from guidewright.printing.card_pages import KEY as CARD_LINKS
from guidewright.printing.card_pages import card_links
from guidewright.printing.handout_list import KEY as HANDOUT_LIST
from guidewright.printing.handout_list import handout_list

WORK = ".zensical-build"            # hidden folder beside the config, removed afterwards
_ANSI = re.compile(r"\x1b\[[0-9;]*m")  # Zensical colours its output whatever NO_COLOR says


def run_zensical(settings: Settings, site_dir: Path, offline: bool = False, handouts: bool = False) -> BuilderRun:
    config = settings.config
    work = config.root / WORK
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    layered_theme(config.custom_dir, work / "theme")
    overlay = config.root / f"{WORK}.yml"  # INHERIT paths resolve from here: keep it beside the config
    overlay.write_text(yaml.safe_dump(generated_overlay(settings, offline, f"{WORK}/site", handouts), sort_keys=False),
                       encoding="utf-8")
    zensical = Path(sys.executable).with_name("zensical")
    env = dict(os.environ, OFFLINE="true" if offline else "false", NO_COLOR="1")
    started = time.perf_counter()
    try:
        result = subprocess.run([str(zensical), "build", "--clean", "-f", str(overlay)], capture_output=True,
                                text=True, env=env, cwd=config.root)
        output = _ANSI.sub("", result.stdout + result.stderr)
        ok = result.returncode == 0 and (work / "site" / "index.html").is_file()
        if ok:
            finish_site(settings, work / "site")
            shutil.rmtree(site_dir, ignore_errors=True)
            shutil.move(str(work / "site"), site_dir)
    finally:
        overlay.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    return BuilderRun(ok, output, time.perf_counter() - started)


def generated_overlay(settings: Settings, offline: bool, site_dir: str, handouts: bool = False) -> dict:
    """What MkDocs' hooks add to config (guide/mkdocs_hooks), as data Zensical reads. Only keys
    the config doesn't set as lists: Zensical appends lists under INHERIT."""
    extra: dict = {KEY: crisis_view(settings, use_directory_urls=not offline),
                   HANDOUT_LIST: handout_list(settings, use_directory_urls=not offline, pdfs=handouts),
                   PAGE_REVIEWS: page_reviews(settings, use_directory_urls=not offline),
                   CARD_LINKS: card_links(settings.cards, use_directory_urls=not offline),
                   "ui": settings.ui}  # the engine's words with the guide's own over them
    if offline:
        extra["polyfills"] = [SHIM]  # else Zensical's offline plugin adds a CDN shim
    clinic = settings.clinic
    if clinic is not None and clinic.logo is not None:
        width, height = logo_size(clinic.logo)
        extra["clinic"] = {"logo_src": f"{LOGO_FOLDER}/{clinic.logo.name}", "logo_width": width,
                           "logo_height": height}
    extra["language_links"] = settings.words["language_links"]
    if settings.is_translation:
        return _flattened(settings, offline, site_dir, extra)
    return {"INHERIT": settings.config.path.name, "site_dir": site_dir, "theme": theme_options(),
            "extra": extra, "extra_css": list(STYLESHEETS), "markdown_extensions": {BOXES: box_options(settings)},
            **({"site_url": settings.site_url} if settings.site_url else {})}


def theme_options() -> dict:
    # Zensical's default look is its own ("modern"); guide.css is made for Material's.
    return {"variant": "classic", "custom_dir": f"{WORK}/theme"}


def layered_theme(overrides: Path | None, target: Path) -> None:
    """The engine's templates with the guide's own (its custom_dir) on top, as MkDocs layers them
    through the plugin: Zensical reads one custom_dir. Templates only: it publishes other files."""
    shutil.copytree(THEME, target)
    if overrides is not None and overrides.is_dir():
        for template in overrides.rglob("*.html"):
            (target / template.relative_to(overrides)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(template, target / template.relative_to(overrides))


def box_options(settings: Settings) -> dict:
    """What the boxes render that the build computes: call links, warning signs, step lists."""
    return {"lines": line_cells(settings), **settings.advice.as_options()}


def _flattened(settings: Settings, offline: bool, site_dir: str, computed: dict) -> dict:
    """A translation's whole config, merged as MkDocs merges it: Zensical appends lists under
    INHERIT, and a translation replaces lists (nav, palette, the glossary's folder)."""
    raw = copy.deepcopy(settings.config.raw)
    raw.pop("INHERIT", None)
    extra = {**(raw.get("extra") or {}), **settings.words}
    clinic = {**(extra.get("clinic") or {}), **computed.pop("clinic", {})}
    raw["extra"] = {**extra, **computed, **({"clinic": clinic} if clinic else {})}
    raw["site_dir"] = site_dir
    if settings.site_url:
        raw["site_url"] = settings.site_url
    raw["theme"] = {**raw.get("theme", {}), **theme_options()}
    raw["extra_css"] = [*STYLESHEETS, *(css for css in raw.get("extra_css") or [] if css not in STYLESHEETS)]
    raw.setdefault("plugins", {}).setdefault("offline", {})["enabled"] = offline  # !ENV was read at load
    extensions = raw.setdefault("markdown_extensions", {})
    extensions[BOXES] = {**(extensions.get(BOXES) or {}), **box_options(settings)}
    return raw


def finish_site(settings: Settings, site: Path) -> None:
    """The hooks' work on output: the clinic logo, a relative 404 page, the security policy;
    and the files MkDocs copies from a symlinked folder in docs_dir (a translation's assets/
    shares the main one's) that Zensical leaves out."""
    copy_linked_files(settings.config.docs_dir, site)
    for uri, path in asset_files():  # the engine's CSS and scripts, where the guide has none of its own
        if not (site / uri).exists():
            (site / uri).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, site / uri)
    clinic = settings.clinic
    if clinic is not None and clinic.logo is not None:
        (site / LOGO_FOLDER).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(clinic.logo, site / LOGO_FOLDER / clinic.logo.name)
    site_url = settings.site_url or "/"
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if page.relative_to(site).as_posix() == ERROR_PAGE:
            html = relative_error_page(html, site_url)
        page.write_text(add_policy(html), encoding="utf-8")


def copy_linked_files(docs_dir: Path, site: Path) -> None:
    """Every file under a symlinked folder of docs_dir (not a page), where the site lacks it."""
    for folder, _, names in os.walk(docs_dir, followlinks=True):
        if not any(part.is_symlink() for part in [Path(folder), *Path(folder).parents] if part.is_relative_to(docs_dir)):
            continue
        for name in names:
            source = Path(folder) / name
            target = site / source.relative_to(docs_dir)
            if source.suffix != ".md" and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)


def relative_error_page(html: str, site_url: str) -> str:
    """Root-relative href/src (from site_url's path) -> relative to the site's root, where
    404.html sits."""
    path = "/" + site_url.split("://", 1)[-1].partition("/")[2]
    path = path if path.endswith("/") else path + "/"
    return re.sub(r'((?:href|src)=")' + re.escape(path), r"\1./", html)
