"""The build: validate the whole config, check the sources, build strictly into a staging
folder, check every built file, and publish only when everything passed. Returns a
BuildResult; it prints nothing (guidewright.build.report does)."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from guidewright.boxes.advice_check import check_same_advice
from guidewright.build.asset_names import check_asset_references, hash_asset_names
from guidewright.build.content_first import put_content_first
from guidewright.build.hosting import FOLDER as HOSTING
from guidewright.build.hosting import check_deploy_path, deploy_path, write_host_files
from guidewright.build.mkdocs_messages import mkdocs_problems
from guidewright.build.offline_copy import make_zip, prune, prune_search_languages, write_readme
from guidewright.build.page_styles import lighten_styles
from guidewright.build.precompress import precompress
from guidewright.build.publish import PublishRefused, Staging, write_problem
from guidewright.build.reader_files import write_reader_files
from guidewright.build.result import BAD_CONFIG, CANT_PUBLISH, CHECKS_FAILED, BuildResult, HandoutRun, OfflinePackage
from guidewright.build.save_offline import check_saved_list
from guidewright.build.shared_assets import share_assets
from guidewright.build.site_build import check_built_site, run_builder
from guidewright.checks.content_rules import extension_options
from guidewright.checks.reading_measures import warm_up
from guidewright.checks.review_view import check_overdue_marks, clinic_due, clinic_overdue, overdue_pages
from guidewright.checks.source_check import check_markdown_files, check_translations_current
from guidewright.configuration.config import SiteConfig, defining_file
from guidewright.configuration.overlay_rules import added_lines, blame_added_lines
from guidewright.configuration.settings import Settings, load_settings
from guidewright.configuration.site_address import site_url_warnings
from guidewright.glossary.glossary_terms import check_glossary_page
from guidewright.languages.translations import check_language_links, check_page_pairs, check_same_numbers, remove_generated, translations
from guidewright.lines.contacts import removed_contacts
from guidewright.lines.contacts_card import FILE as CONTACTS_CARD
from guidewright.lines.contacts_card import check_contacts_card
from guidewright.lines.denylist_check import check_files, files_under
from guidewright.printing.card_pages import write_card_pages
from guidewright.printing.handout_list import FOLDER, check_list_page, missing_pdfs
from guidewright.printing.handouts import (
    ADDED_WHEN_PRINTED,
    NO_CHROMIUM,
    address_problems,
    address_warnings,
    chromium,
    find_chromium,
    make_handouts,
)
from guidewright.problems import Problem
from guidewright.search.search_terms import check_built_index


@dataclass
class Layer:
    """One language of the site: its validated config and its folder in the site ('' for the main one)."""
    settings: Settings
    folder: str = ""
    overdue: list[str] = field(default_factory=list)  # a clinic's copy: pages past review, shown as such

    def site(self, root: Path) -> Path:
        return root / self.folder if self.folder else root


def build(config_path: Path, site_dir: Path | None = None, today: dt.date | None = None,
          offline: bool = False, dist_dir: Path | None = None, handouts: bool = False,
          builder: str = "mkdocs", shown=str) -> BuildResult:
    """`shown` turns a path into the name an editor reads in messages."""
    settings, problems = load_settings(config_path)
    if settings is None:
        return BuildResult(BAD_CONFIG, "The config is invalid; nothing was built.", builder, problems)
    found, problems = ([], []) if settings.is_translation else translations(
        settings.config, lambda key: defining_file(settings.config, key))
    try:
        layers = [Layer(settings)]
        for translation in found:
            translated, more = load_settings(translation.config_path)
            problems += more
            if translated is not None:
                translated.config.offline = offline
                layers.append(Layer(translated, translation.folder))
        if handouts:  # paper can't be fixed later: no QR code to a placeholder or to nowhere
            problems += [p for layer in layers for p in address_problems(
                layer.settings.handout_url, layer.settings.handout_url_key,
                lambda key, config=layer.settings.config: defining_file(config, key))]
        if problems:
            return BuildResult(BAD_CONFIG, "The config is invalid; nothing was built.", builder, problems)
        return _build(layers, site_dir, today or dt.date.today(), offline, dist_dir, handouts, builder, shown)
    except PublishRefused as refused:  # not the build's folder, or another build is writing it: nothing touched
        return BuildResult(CANT_PUBLISH, f"Nothing was built or published: {shown(refused.folder)}/ {refused.reason}.",
                           builder, [Problem(shown(refused.folder), refused.message)])
    except OSError as error:  # a full or read-only disk: Staging has put the last good output back
        problem = write_problem(error, shown)
        if problem is None:
            raise
        return BuildResult(CANT_PUBLISH, "Nothing was published: a file could not be written; the last good "
                                         "output is kept.", builder, [problem])
    finally:
        remove_generated(found)


def _build(layers: list[Layer], site_dir: Path | None, today: dt.date, offline: bool, dist_dir: Path | None,
           handouts: bool, builder: str, shown) -> BuildResult:
    settings = layers[0].settings
    config = settings.config
    config.offline = offline
    result = BuildResult(0, builder=builder, contacts=len(settings.contacts))
    for layer in layers:  # each language's reading measure and its limit, for the report's tables
        result.limits.setdefault(layer.settings.rules.reading_measure, layer.settings.rules.reading_limit)
    # Named in the file being built: where the host of this copy sets its own address.
    result.warnings += site_url_warnings(settings.site_url, config.shown(config.path))

    # Sources first, so a broken page is reported even when the builder also fails on it.
    default_dir = "site-offline" if offline else config.raw.get("site_dir", "site")
    staging = Staging((site_dir or config.root / default_dir).resolve())
    problems = []
    for layer in layers:
        found = source_problems(layer.settings, today, result, shown)
        if layer.settings.clinic is not None:  # a clinic can't re-check national pages: built on, marked
            found, overdue = clinic_overdue(found)
            result.warnings += overdue
            layer.overdue = overdue_pages(overdue, layer.settings.config)
        problems += found
    if settings.clinic is not None:  # and what falls due soon won't stop its build either
        result.warnings = clinic_due(result.warnings)
    problems += _pair_problems(layers, shown)

    dist_dir = dist_dir or config.root / "dist"
    # The checks' dictionaries load while the site generator runs in its own process.
    warming = threading.Thread(target=warm_up, daemon=True, args=(
        [(layer.settings.rules.reading_measure, layer.settings.rules.language) for layer in layers],))
    warming.start()
    with staging as staged:
        removed = []
        for layer in layers:  # the main language first: its clean build empties the folder
            run = run_builder(builder, layer.settings, layer.site(staged), offline=offline, handouts=handouts)
            result.build_seconds += run.seconds
            if not run.ok:
                lconfig = layer.settings.config
                found = mkdocs_problems(run.output, shown(lconfig.docs_dir), shown(lconfig.path))
                if not found and "[Errno 28]" in run.output:  # ENOSPC inside the builder's process
                    found = [Problem(shown(staging.final), "can't write: the disk is full; free space and build "
                                                           "again")]
                if not found:  # a crash, not a warning: show what the builder said
                    result.builder_output = builder_messages(run.output)
                    found = [Problem(shown(lconfig.path), f"{builder} build failed: fix the messages above")]
                return _failed(result, problems + found, f"The build failed. {staging.kept()}")
            if offline:
                removed += prune(layer.site(staged), search_languages(layer.settings.config))
        for layer in layers:  # each quick card's own page, checked below like any page
            problems += write_card_pages(layer.site(staged), layer.settings.config, layer.settings.cards, shown)
        for layer in layers[1:]:  # one copy of the assets for all languages (guidewright.build.shared_assets)
            share_assets(staged, layer.site(staged))
        removed += prune_search_languages(staged, *(search_languages(layer.settings.config) for layer in layers))
        # The page before its menus, then one stylesheet of the rules the pages use, the first screen's
        # inline (guidewright.build.content_first, guidewright.build.page_styles).
        put_content_first(staged)
        result.styles = lighten_styles(staged, first_screen_inline=not offline, added_later=(ADDED_WHEN_PRINTED,))
        staging.mark()  # before the checks, so they check what is published
        if offline:
            write_readme(staged, config.raw.get("site_name", "Guide"), contact_lines(settings), str(today),
                         [layer.folder for layer in layers if layer.folder])
        # Before the checks, which then see (and the handouts load) the files as published.
        hash_asset_names(staged)
        for layer in layers:  # then the files readers keep, which list the hashed names (Zensical runs no hooks)
            write_reader_files(layer.settings, layer.site(staged), offline, _other_languages(layer, layers, staged),
                               staged if layer.folder else None)

        warming.join()
        started = time.perf_counter()
        problems += check_asset_references(staged, lambda page: str(page.relative_to(staged.parent)))
        problems += check_deploy_path(deploy_path(config.raw.get("site_url")), defining_file(config, "site_url"))
        for layer in layers:
            problems += _site_problems(layer, staged, [other.site(staged) for other in layers if other.folder], builder,
                                       result)
        problems += _link_problems(layers, staged)
        result.check_seconds = time.perf_counter() - started
        if problems:
            return _failed(result, problems, f"Checked {result.pages} built pages; the site must not ship. "
                                             f"{staging.kept()}")
        # The site links to its PDFs, so they are printed from it and copied in before it is published.
        if handouts and not print_handouts(layers, result, staged, dist_dir / "handouts", staging.kept()):
            return result
        # The zip is made from the checked folder, and published with it or not at all.
        zipped = package(settings, staging, len(removed), dist_dir) if offline else None
        # .br and .gz copies for hosts that send them, only now: the checks read every file and must
        # read what readers get. Not in the offline copy: intranet hosts serve it too, but its zip
        # must stay small enough to mail, and that matters more.
        result.precompressed = None if offline else precompress(staged)
        # Server config for this very site (guidewright.build.hosting): its hashed files, its languages' 404s.
        write_host_files(dist_dir / (f"{HOSTING}-offline" if offline else HOSTING), staged,
                         deploy_path(config.raw.get("site_url")), [layer.folder for layer in layers if layer.folder],
                         add=staging.add_file)
        staging.publish()
    result.site_dir = staging.final
    result.removed_lines = [(contact_id, defining_file(config, f"extra.crisis_contacts.{contact_id}"), why)
                            for contact_id, why in removed_contacts(config.extra)]
    result.offline = zipped
    if result.handouts:
        result.handouts.site_copy = result.site_dir / FOLDER
    return result


def source_problems(settings: Settings, today: dt.date, result: BuildResult, shown) -> list[Problem]:
    """One language's sources: no denied number anywhere, and every page's checks."""
    config, rules = settings.config, settings.rules
    glossary = glossary_files(config)
    pages = sorted(config.docs_dir.rglob("*.md"))
    problems = check_files(files_under(config.docs_dir, config.custom_dir, *config.chain, *glossary,
                                       config.root / rules.review_log),
                           settings.denied, config.root, settings.region)
    found, warnings = check_markdown_files(pages + glossary, config.root, rules, today, config.docs_dir)
    result.warnings += warnings
    problems += found
    glossary_page = config.docs_dir / str(config.extra.get("glossary_page", ""))
    if config.extra.get("glossary_page") and glossary_page.is_file():
        problems += check_glossary_page(glossary_page.read_text(encoding="utf-8", errors="replace"),
                                        shown(glossary_page))
    return problems


def glossary_files(config: SiteConfig) -> list[Path]:
    """The files pymdownx.snippets may append to this language's pages (its base_path folder)."""
    options = extension_options(config.raw, "pymdownx.snippets") or {}
    bases = options.get("base_path") or ["includes"]
    bases = bases if isinstance(bases, list) else [bases]
    return sorted(p for base in bases if (config.root / base).is_dir() for p in (config.root / base).iterdir()
                  if p.is_file())


def _pair_problems(layers: list[Layer], shown) -> list[Problem]:
    """Every page in the nav has its file and its pair, in both directions."""
    def written(config: SiteConfig) -> list[str]:
        return [page for page in config.nav_pages if (config.docs_dir / page).is_file()]
    main = layers[0].settings.config
    problems = [p for layer in layers[1:] for p in check_page_pairs(
        written(main), written(layer.settings.config), shown(main.docs_dir), shown(layer.settings.config.docs_dir))]
    for layer in layers[1:]:  # and each follows its source page's current review
        config = layer.settings.config
        problems += check_translations_current(written(main), main.docs_dir, config.docs_dir,
                                               config.root / layer.settings.rules.review_log, config.root)
    return problems


def _site_problems(layer: Layer, staged: Path, others: list[Path], builder: str, result: BuildResult) -> list[Problem]:
    settings = layer.settings
    config, rules = settings.config, settings.rules
    site = layer.site(staged)
    texts = settings.clinic.texts if settings.clinic else ()
    skip = tuple(other for other in others if other != site)
    report = check_built_site(site, config, settings.contacts, settings.denied, settings.region, rules, texts, skip,
                              settings.advice)
    result.pages += report.pages
    result.grades.update(report.grades)
    problems = report.problems + check_list_page(site, config) + check_overdue_marks(site, config, layer.overdue)
    card = site / CONTACTS_CARD
    problems += check_contacts_card(card.read_bytes().decode("utf-8", "replace") if card.is_file() else None,
                                    settings.contacts, f"{site.name}/{CONTACTS_CARD}", settings.region)
    if not config.offline:  # browsers allow no worker from file://
        problems += check_saved_list(site, skip, staged if layer.folder else None)
    if builder == "mkdocs":  # Zensical's search can't take readers' words (README: Zensical)
        problems += check_built_index(site, config)
    return problems


def _other_languages(layer: Layer, layers: list[Layer], staged: Path) -> tuple[Path, ...]:
    """The other languages' sites inside this layer's (the translations' folders in the main one's)."""
    return tuple(other.site(staged) for other in layers if other.folder and other is not layer)


def _link_problems(layers: list[Layer], staged: Path) -> list[Problem]:
    """Each language links every page to its pair, and both dial the same numbers."""
    main = layers[0]
    problems: list[Problem] = []
    translated = tuple(layer.site(staged) for layer in layers[1:])
    help_page = main.settings.config.built_path(str(main.settings.config.extra.get("get_help_page", "")))
    for layer in layers[1:]:
        site, label = layer.site(staged), f"{staged.name}/{layer.folder}"
        problems += check_language_links(staged, site, staged.name, translated, layer.settings.language)
        problems += check_language_links(site, staged, label, lang=main.settings.language)
        problems += check_same_numbers(staged, site, staged.name, label, help_page, main.settings.region)
        problems += check_same_advice(staged, site, staged.name, label, main.settings.advice.levels)
    return problems


def print_handouts(layers: list[Layer], result: BuildResult, site: Path, out_dir: Path, site_kept: str) -> bool:
    """Print every language's handouts from the checked, not yet published site into out_dir
    (published as a set; a translation's in its folder) and into each site's own handouts/
    folder, which its list page links to. False: nothing may be published."""
    browser_path = find_chromium()
    if browser_path is None:
        _failed(result, [Problem("--handouts", NO_CHROMIUM)], f"Nothing was printed. {site_kept}")
        return False
    started = time.perf_counter()
    result.handouts = run = HandoutRun(out_dir)
    staging = Staging(out_dir)
    with staging as staged, chromium(browser_path) as browser:
        problems: list[Problem] = []
        for layer in layers:
            settings, config = layer.settings, layer.settings.config
            result.warnings += address_warnings(settings.handout_url, settings.handout_url_key,
                                                lambda key, config=config: defining_file(config, key))
            out, layer_site = layer.site(staged), layer.site(site)
            made, found = make_handouts(layer_site, settings.handout_url, config.built_path, settings.handout_pages,
                                        settings.cards, out, browser, settings.ui["read_online"])
            found = blame_added_lines(found, added_lines(config.chain, config.file_yaml, config.shown))
            # Name the files where they are (or would have been) published.
            run.made += [replace(h, path=out_dir / h.path.relative_to(staged)) for h in made]
            if not found:
                shutil.copytree(out, layer_site / FOLDER, ignore=shutil.ignore_patterns(*(
                    other.folder for other in layers if other.folder and other is not layer)))
                found = missing_pdfs(layer_site, config)
            problems += found
        if problems:
            problems = [Problem(p.file.replace(str(staged), str(out_dir)), p.message.replace(str(staged), str(out_dir)),
                                p.key) for p in problems]
            _failed(result, problems, f"Some handouts are not right. {site_kept} {staging.kept()}")
            return False
        staging.publish()
    run.seconds = time.perf_counter() - started
    return True


def package(settings: Settings, staging: Staging, removed: int, dist_dir: Path) -> OfflinePackage:
    name = slug(settings.config.raw.get("site_name", "guide"))
    zip_path = dist_dir / f"{name}-offline.zip"
    size = staging.add_file(zip_path, lambda path: make_zip(staging.path, path, name))
    files = sum(1 for p in staging.path.rglob("*") if p.is_file())
    return OfflinePackage(zip_path, size, files, removed, name)


def _failed(result: BuildResult, problems: list[Problem], headline: str) -> BuildResult:
    result.code, result.headline, result.problems = CHECKS_FAILED, headline, problems
    return result


def search_languages(config: SiteConfig) -> list[str]:
    search = (config.raw.get("plugins") or {}).get("search") or {}
    lang = search.get("lang", ["en"]) if isinstance(search, dict) else ["en"]
    return lang if isinstance(lang, list) else [lang]


def contact_lines(settings: Settings) -> list[str]:
    return [f"{c.number:<16} {c.label if c.id == 'clinic' else c.summary}" for c in settings.contacts]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "guide"


def builder_messages(output: str) -> str:
    """The builder's warnings and errors name the file; INFO chatter is dropped. A crash keeps
    only its last line: the traceback names no page, and the report names the file."""
    lines = output.splitlines()
    if "Traceback (most recent call last):" in lines:  # then the last line is the exception
        start = lines.index("Traceback (most recent call last):")
        lines = [*lines[:start], f"The builder stopped: {lines[-1].strip()}"]
    keep = [line for line in lines if not line.startswith("INFO")]
    return "\n".join(keep).strip()
