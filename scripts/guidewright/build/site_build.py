"""Run MkDocs and walk what it built. The checks never look inside MkDocs: only at files."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from guidewright.boxes.advice_check import check_advice
from guidewright.boxes.safety_advice import Advice
from guidewright.build.result import ERROR_PAGE, BuilderRun
from guidewright.checks.content_rules import ContentRules
from guidewright.checks.csp import check_policy
from guidewright.checks.first_screen import check_first_screen
from guidewright.checks.page_check import Readability, check_boxes, check_grade, check_length, readability
from guidewright.checks.reader_controls import check_reader_controls, first_aid_url
from guidewright.checks.resource_check import check_error_page, check_page_markup, check_page_resources, check_stylesheets
from guidewright.checks.script_check import check_page_script
from guidewright.configuration.config import SiteConfig
from guidewright.configuration.settings import Settings
from guidewright.lines.box_calls_check import check_box_calls
from guidewright.lines.contacts import Contact
from guidewright.lines.contacts_check import check_directory, check_help_control, check_page_contacts
from guidewright.lines.denylist_check import check_files, denied_in_page, files_under
from guidewright.mkdocs_hooks.safety_advice import ENV as CHECKED_AFTER
from guidewright.printing.handout_list import ENV as HANDOUT_PDFS
from guidewright.problems import Problem, page_label
from guidewright.search.search_dialog import needs_label

BUILDERS = ("mkdocs", "zensical")


def run_builder(builder: str, settings: Settings, site_dir: Path, offline: bool = False,
                handouts: bool = False) -> BuilderRun:
    """Build the site with MkDocs (the default) or Zensical, into site_dir. With handouts, its
    pages link to the PDFs the build will print into it (guidewright.printing.handout_list)."""
    if builder == "zensical":
        from guidewright.build.zensical_build import run_zensical  # only this builder needs it
        return run_zensical(settings, site_dir, offline=offline, handouts=handouts)
    return run_mkdocs(settings.config.path, site_dir, offline=offline, handouts=handouts)


def run_mkdocs(config: Path, site_dir: Path, offline: bool = False, handouts: bool = False) -> BuilderRun:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", OFFLINE="true" if offline else "false")
    env[HANDOUT_PDFS] = "true" if handouts else "false"  # read by mkdocs_hooks/contacts_config.py
    env[CHECKED_AFTER] = "true"  # the build checks the built pages' advice itself (mkdocs_hooks/safety_advice.py)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=config.parent,
    )
    return BuilderRun(result.returncode == 0, result.stdout + result.stderr, time.perf_counter() - started)


def built_pages(site_dir: Path, skip: tuple[Path, ...] = ()) -> list[Path]:
    """Every built page, except those in `skip` (another language's site inside this one)."""
    return sorted(p for p in site_dir.rglob("*.html") if not any(p.is_relative_to(folder) for folder in skip))


@dataclass
class SiteReport:
    problems: list[Problem]
    pages: int
    grades: dict[str, Readability]  # content page label -> reading grade and words


def check_built_site(site_dir: Path, config: SiteConfig, contacts: list[Contact], denied: dict[str, str], region: str,
                     rules: ContentRules | None = None, texts: tuple[str, ...] = (),
                     skip: tuple[Path, ...] = (), advice: Advice | None = None) -> SiteReport:
    """Contacts on every built page, every line (and a clinic's texts) on the Get help page, no
    denied number anywhere;
    with rules, also the boxes and reading grade of every page made from Markdown."""
    pages = built_pages(site_dir, skip)
    problems: list[Problem] = []
    grades: dict[str, Readability] = {}
    if not pages:
        problems.append(Problem(str(site_dir), "the build produced no HTML pages"))
    help_page = site_dir / config.built_path(config.extra.get("get_help_page", ""))
    sources = {site_dir / config.built_path(str(md.relative_to(config.docs_dir))): md
               for md in config.docs_dir.rglob("*.md")}
    first_aid = first_aid_url(config.extra, config.use_directory_urls)  # the same for every page
    quick_exit = str(config.extra.get("quick_exit") or "")
    for page in pages:
        rel = page.relative_to(site_dir).as_posix()
        html = page.read_text(encoding="utf-8")
        tree = LexborHTMLParser(html)  # parsed once for every check
        label = page_label(page, site_dir, sources.get(page), config.docs_dir)
        problems += check_policy(html, label)
        if needs_label(html):
            problems.append(Problem(label, "the search dialog has no name for screen readers: the theme's search "
                                           "partial changed; update guide/search_dialog.py"))
        problems += check_page_contacts(tree, contacts, label, region) + denied_in_page(tree, denied, label, region)
        problems += check_help_control(tree, label)
        problems += check_reader_controls(tree, label, rel, site_dir, first_aid, quick_exit)
        problems += check_page_resources(tree, label) + check_page_markup(tree, label, config.offline)
        problems += check_page_script(tree, label)
        if not config.offline:  # read from files, the offline copy has no round trips to wait for
            problems += check_first_screen(html, label)
        if rel == ERROR_PAGE:
            problems += check_error_page(tree, label)
        if page == help_page:
            problems += check_directory(tree, contacts, label, region, texts)
        if rules is not None and label.endswith(".md)"):
            problems += check_boxes(tree, rules, label) + check_box_calls(tree, rules, contacts, label, region)
            if advice is not None:
                problems += check_advice(tree, advice, rules.boxes, label)
            grades[label] = readability(tree, rules.language, rules.reading_measure)  # last: it removes what readers don't read
            problems += check_grade(grades[label], rules, label) + check_length(grades[label], rules, label)
    if config.extra.get("get_help_page") and not help_page.is_file():
        problems.append(Problem(str(config.path.name), f"extra.get_help_page: {help_page} was not built"))
    others = [path for path in files_under(site_dir) if path.suffix != ".html"  # pages done above
              and not any(path.is_relative_to(folder) for folder in skip)]
    problems += check_files(others, denied, site_dir.parent, region) + check_stylesheets(site_dir)
    return SiteReport(problems, len(pages), grades)


