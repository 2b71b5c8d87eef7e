"""What a page shows of its fact-check log, computed once in Python: who signed it off (or that
no clinician has yet), the date a claim on it stops being true, and since when it is overdue for
review. Keyed by the page's URL as the builder gives it to templates (page.url), so templates
only look it up (no method calls: MiniJinja). MkDocs gets it from the config hook; Zensical
from the generated overlay."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from guidewright.checks.review_log import current_review, load_review_log, nearest_end, signoff_of
from guidewright.checks.source_check import split_front_matter
from guidewright.configuration.config import built_path, url_path
from guidewright.configuration.settings import Settings
from guidewright.configuration.source_text import is_date
from guidewright.problems import DUE, OVERDUE, Problem

KEY = "page_reviews"   # config.extra.page_reviews in templates
MARK = "[data-pe-overdue]"  # the note an overdue page shows under its title


def page_url(name: str, use_directory_urls: bool) -> str:
    """page.url as MkDocs and Zensical give it: '' or 'x/' with directory URLs, 'x.html' without."""
    built = built_path(name, use_directory_urls)
    return url_path(built) if use_directory_urls else built.as_posix()


def page_reviews(settings: Settings, use_directory_urls: bool, today: dt.date | None = None) -> dict[str, dict]:
    config, rules = settings.config, settings.rules
    reviews = {}
    for name in config.nav_pages:
        path = config.docs_dir / name
        try:
            page, _ = split_front_matter(path.read_text(encoding="utf-8"), name)
        except (OSError, UnicodeDecodeError):
            continue  # the source checks name it
        if page is None or "reviewed" not in page.meta:
            continue
        log, _ = load_review_log((config.root / rules.review_log / Path(name)).with_suffix(".yml"), name)
        review = current_review(log, page.meta["reviewed"])
        signoff = signoff_of(review)
        end = nearest_end(review)
        reviews[page_url(name, use_directory_urls)] = {
            "signoff": {**signoff, "date": str(signoff["date"])} if signoff else None,
            "ends": str(end[0]) if end else "",
            "overdue": overdue_since(page.meta.get("next_review"), end, today or dt.date.today()),
        }
    return reviews


def overdue_since(next_review: object, end: tuple[dt.date, str] | None, today: dt.date) -> str:
    """The date the page fell due (its review, or a claim's end), when that has passed. Only a
    clinic's copy builds then (guidewright.build.pipeline); the page says so at its top."""
    passed = [day for day in (next_review if is_date(next_review) else None, end[0] if end else None)
              if day is not None and day < today]
    return str(min(passed)) if passed else ""


def clinic_overdue(problems: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """(the rest, warnings) for a clinic's copy: an overdue national page can't be re-checked by
    the clinic, so it no longer stops the build; the page says so under its title instead."""
    rest = [p for p in problems if p.kind != OVERDUE]
    warnings = [replace(p, message=f"{p.message.split(': re-check')[0]}: this clinic's copy is built anyway and the "
                                   "page says under its title that its review is overdue. Update to the guide's newer "
                                   "release, where its editors have re-checked it")
                for p in problems if p.kind == OVERDUE]
    return rest, warnings


def clinic_due(warnings: list[Problem]) -> list[Problem]:
    """In a clinic's copy a page falling due won't stop the build: say what will happen instead."""
    return [replace(w, message=w.message.replace("after that date the build fails", "after that date this copy "
                                                 "marks the page as overdue for review")
                    .replace("after that the build fails", "after that this copy marks the page as overdue for "
                             "review")) if w.kind == DUE else w for w in warnings]


def check_overdue_marks(site: Path, config, pages: list[str]) -> list[Problem]:
    """Each overdue page of a clinic's copy shows the note (partials/review-overdue.html)."""
    problems = []
    for name in pages:
        built = site / config.built_path(name)
        if built.is_file() and LexborHTMLParser(built.read_text(encoding="utf-8")).css_first(MARK) is None:
            problems.append(Problem(f"{site.name}/{config.built_path(name).as_posix()}", f"{name} is overdue for review "
                                    f"but its page doesn't say so ({MARK} missing): the theme's partials/"
                                    "review-overdue.html must show it"))
    return problems


def overdue_pages(warnings: list[Problem], config) -> list[str]:
    """The pages (relative to docs_dir) the warnings say are overdue."""
    docs = config.docs_dir.relative_to(config.root).as_posix() + "/"
    return sorted({p.file.removeprefix(docs) for p in warnings if p.kind == OVERDUE and p.file.startswith(docs)})
