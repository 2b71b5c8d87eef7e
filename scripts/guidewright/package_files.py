"""Where the engine's own files live inside the installed package: the theme templates (layered
between a guide's overrides/ and Material), the CSS and scripts every page loads, and the starter
guide `guidewright new` copies. One source for these paths: the plugin, the Zensical build, the
scaffold and the tests all read them from here."""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
THEME = PACKAGE / "theme"            # templates only: Zensical publishes any other file in a theme folder
ASSETS = PACKAGE / "assets"          # published at the site's assets/ unless the guide has a file there
ASSETS_URI = "assets"
SCAFFOLD = PACKAGE / "scaffold"      # the starter guide (guidewright new)
# Stylesheets every page loads, before any a guide adds in extra_css.
STYLESHEETS = ("assets/stylesheets/guide.css",)


def asset_files() -> list[tuple[str, Path]]:
    """(site path, file) for every engine asset."""
    return [(f"{ASSETS_URI}/{path.relative_to(ASSETS).as_posix()}", path)
            for path in sorted(ASSETS.rglob("*")) if path.is_file()]
