"""Shared fixtures: the repo's real config, and tiny throwaway sites built on the engine tests' own
fixture guide (tests/guides/engine), never on the real one."""
from __future__ import annotations

import datetime as dt
import shutil
import textwrap
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from browser import launch  # tests/ is on sys.path: pytest puts a conftest's folder there
from guidewright.build.pipeline import build
from guidewright.configuration.settings import load_settings
from guidewright.languages.translations import remove_generated, translations
from guidewright.package_files import THEME

REPO = Path(__file__).resolve().parents[1]
# The engine tests' fixture config (and its Spanish layer and includes): what a tiny site INHERITs.
ENGINE = Path(__file__).resolve().parent / "guides" / "engine"

# Test pages are reviewed relative to the day the tests run, so they never fall overdue.
REVIEWED = dt.date.today() - dt.timedelta(days=20)
NEXT_REVIEW = REVIEWED + dt.timedelta(days=150)
PAGE = """---
title: {title}
description: A short test page used by the build tests, long enough to pass the checks.
reviewed: {REVIEWED}
next_review: {NEXT_REVIEW}
sources:
  - title: "MedlinePlus: Opiate and opioid withdrawal"
    url: https://medlineplus.gov/ency/article/000949.htm
---

!!! key-points "Key points"

    - This is a test page.

The cat sat on the mat. It was a good day.

!!! next-steps "Where to go next"

    - [Get help now](get-help-now.md)
""".replace("{REVIEWED}", str(REVIEWED)).replace("{NEXT_REVIEW}", str(NEXT_REVIEW))

REVIEW_LOG = """page: {page}
reviews:
  - reviewed: {reviewed}
    by: test suite
    claims:
      - claim: The cat sat on the mat.
        source: https://medlineplus.gov/ency/article/000949.htm
        checked: {reviewed}
        verdict: confirmed
"""


def language_settings(config_path: Path) -> dict:
    """Folder in the site ('' for the main language, 'es') -> that language's validated settings,
    as the build makes them (an overlay's Spanish layer is generated, then removed)."""
    settings = load_settings(config_path)[0]
    found, _ = translations(settings.config, str)
    try:
        return {"": settings, **{t.folder: load_settings(t.config_path)[0] for t in found}}
    finally:
        remove_generated(found)


def help_row_hrefs(config_path: Path) -> dict[str, list[str]]:
    """Language folder -> every link the help row must offer there: each line in the row and its
    banner channels (in Spanish, 988's AYUDA text), from config."""
    return {folder: [c.href for c in s.contacts if c.row]
            + [ch.href for c in s.contacts if c.row for ch in c.channels if ch.banner]
            for folder, s in language_settings(config_path).items()}


def folder_of(path: str, languages: dict) -> str:
    """Which language's site a page (relative to the site root) belongs to."""
    first = path.split("/")[0]
    return first if first in languages and first else ""


@pytest.fixture(scope="session")
def repo_settings():
    """The real config, validated the way the build and the hooks validate it."""
    settings, problems = load_settings(REPO / "mkdocs.yml")
    assert settings is not None and not problems
    return settings


@pytest.fixture(scope="session")
def spanish():
    """The Spanish layer of the real config, validated."""
    settings, problems = load_settings(REPO / "mkdocs.es.yml")
    assert problems == []
    return settings


@pytest.fixture(scope="session")
def repo_config(repo_settings):
    return repo_settings.config


@pytest.fixture(scope="session")
def contacts(repo_settings):
    return repo_settings.contacts


@pytest.fixture(scope="session")
def denied(repo_settings):
    return repo_settings.denied


class TinySite:
    """A three-page site that INHERITs the engine tests' fixture config (tests/guides/engine), with
    the engine's templates copied so a test can break one thing (a partial, a page, the config)
    and see the build fail."""

    def __init__(self, root: Path):
        self.root = root
        self.docs = root / "docs"
        self.overrides = root / "overrides"
        # The engine's templates, copied where the guide's own go (they win), so a test can break one.
        shutil.copytree(THEME, self.overrides)
        (self.docs / "assets").mkdir(parents=True)
        shutil.copytree(ENGINE / "includes", root / "includes")
        self.page("get-help-now.md", PAGE.format(title="Get help now").replace(
            "title: Get help now", "title: Get help now\ntemplate: get-help.html"))
        self.page("index.md", PAGE.format(title="Start here"))
        self.page("glossary.md", PAGE.format(title="Glossary").replace(
            "The cat sat", "<!-- glossary-terms -->\n\nThe cat sat"))
        self.nav = ["index.md", "get-help-now.md", "glossary.md"]

    def page(self, name: str, text: str, language: str = "") -> None:
        """Write a page, and its fact-check log for the date it says it was reviewed; with a
        language, the translation's (docs-<language>/, docs-review/<language>/)."""
        docs = self.root / f"docs-{language}" if language else self.docs
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text)
        reviewed = next((line.split(":", 1)[1].strip() for line in text.split("\n")
                         if line.startswith("reviewed:")), None)
        if reviewed:
            log = REVIEW_LOG.format(page=name, reviewed=reviewed)
            if language:  # a translation follows its source page's review of the same date
                log = log.replace("    by: test suite\n", f"    by: test suite\n    source_reviewed: {reviewed}\n")
            self.log(f"{language}/{name}" if language else name, log)

    def log(self, name: str, text: str) -> None:
        path = (self.root / "docs-review" / name).with_suffix(".yml")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    def settings(self):
        """The validated settings a build of this site reads (its config as last written, else the
        fixture's as is): tests read the values they expect from here, never type them."""
        path = self.root / "mkdocs.yml"
        settings, problems = load_settings(path if path.exists() else self.config())
        assert settings is not None, problems
        return settings

    def config(self, extra_yaml: str = "") -> Path:
        # Paths in the inherited files (docs_dir, custom_dir, includes) resolve against this file.
        # base.yml keeps the fixture's languages (its es: blocks) but builds one unless a test adds it.
        (self.root / "base.yml").write_text(f"INHERIT: {ENGINE / 'mkdocs.yml'}\nextra:\n  translations: null\n")
        nav = "".join(f"\n  - {name}" for name in self.nav)
        path = self.root / "mkdocs.yml"
        path.write_text(f"INHERIT: base.yml\nnav:{nav}\n" + textwrap.dedent(extra_yaml))
        return path


PAGE_ES = """---
title: {title}
description: Una página corta de prueba para las pruebas del sitio, con el largo justo.
reviewed: {REVIEWED}
next_review: {NEXT_REVIEW}
sources:
  - title: "MedlinePlus: Opiáceos y abstinencia de opioides"
    url: https://medlineplus.gov/spanish/ency/article/000949.htm
---

!!! key-points "Puntos clave"

    - Esta es una página de prueba.

El gato se sentó en la alfombra. Fue un buen día.

!!! next-steps "Adónde ir después"

    - [Ayuda ahora](get-help-now.md)
""".replace("{REVIEWED}", str(REVIEWED)).replace("{NEXT_REVIEW}", str(NEXT_REVIEW))


class TinySpanishSite(TinySite):
    """The tiny site with its Spanish translation (es.yml over its mkdocs.yml: the fixture's
    Spanish layer, pages in docs-es/), built together like the real guide."""

    def __init__(self, root: Path):
        super().__init__(root)
        self.docs_es = root / "docs-es"
        self.docs_es.mkdir()
        (self.docs_es / "assets").symlink_to(self.docs / "assets")
        for name, title in (("index.md", "Empieza aquí"), ("get-help-now.md", "Ayuda ahora"),
                            ("glossary.md", "Glosario")):
            text = PAGE_ES.format(title=title)
            if name == "get-help-now.md":
                text = text.replace("title: Ayuda ahora", "title: Ayuda ahora\ntemplate: get-help.html")
            if name == "glossary.md":
                text = text.replace("El gato", "<!-- glossary-terms -->\n\nEl gato")
            self.page(name, text, "es")

    def config(self, extra_yaml: str = "", spanish_yaml: str = "") -> Path:
        nav = "".join(f"\n  - {name}" for name in self.nav)
        # The fixture's layer says INHERIT: mkdocs.yml, here this site's; the nav goes before its extra.
        layer = (ENGINE / "mkdocs.es.yml").read_text(encoding="utf-8").replace("\nextra:\n", f"\nnav:{nav}\n\nextra:\n", 1)
        (self.root / "es.yml").write_text(layer + textwrap.dedent(spanish_yaml), encoding="utf-8")
        return super().config("extra:\n  translations: {es: es.yml}\n" + textwrap.dedent(extra_yaml))


@pytest.fixture
def tiny_spanish_site(tmp_path) -> TinySpanishSite:
    return TinySpanishSite(tmp_path)


@pytest.fixture
def tiny_site(tmp_path) -> TinySite:
    return TinySite(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built once through the real build command (which must pass)."""
    site = tmp_path_factory.mktemp("site") / "site"
    # Its server config (dist/hosting) goes beside it, not into the repo's dist/.
    assert build(REPO / "mkdocs.yml", site, dist_dir=site.parent / "dist").ok, "the real site must build and pass"
    return site


@pytest.fixture(scope="session")
def clinic_site(tmp_path_factory):
    """The example clinic overlay's online site (a clinic line and a local line added)."""
    site = tmp_path_factory.mktemp("clinic-site") / "site"
    assert build(REPO / "clinic.example.yml", site, dist_dir=site.parent / "dist").ok, \
        "the example clinic overlay must build and pass"
    return site


def unzip_build(config, tmp_path_factory, name):
    root = tmp_path_factory.mktemp(name)
    assert build(config, root / "site", offline=True, dist_dir=root / "dist").ok
    (archive,) = (root / "dist").glob("*-offline.zip")
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(root / "unzipped")
    (folder,) = (root / "unzipped").iterdir()
    return archive, folder


# Shared: the offline tests and the search tests use one offline build.
@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory):
    return unzip_build(REPO / "mkdocs.yml", tmp_path_factory, "offline")


@pytest.fixture(scope="session")
def clinic_copy(tmp_path_factory):
    return unzip_build(REPO / "clinic.example.yml", tmp_path_factory, "clinic")


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


# Test layers (pyproject.toml defines the markers): each test gets one from what it uses, so a
# new test lands in the right layer without anyone remembering to mark it. A test that builds
# or prints through a subprocess says so with an explicit mark.
BROWSER_FIXTURES = {"browser", "handouts", "axe_script"}
BUILD_FIXTURES = {"tiny_site", "tiny_spanish_site", "built_site", "offline_copy", "clinic_copy", "clinic_site"}


def pytest_collection_modifyitems(items):
    for item in items:
        used = set(item.fixturenames)
        if item.get_closest_marker("browser") or used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        elif item.get_closest_marker("build") or used & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)
        else:
            item.add_marker(pytest.mark.unit)
