"""What a page's foot shows of its fact-check log, computed once in Python: who signed it off
(or that no clinician has yet) and the date a claim on it stops being true. Keyed by the page's
URL as the builder gives it to templates (page.url), so templates only look it up (no method
calls: MiniJinja). MkDocs gets it from the config hook; Zensical from the generated overlay."""
from __future__ import annotations

from pathlib import Path

from guide.config import built_path, url_path
from guide.review_log import current_review, load_review_log, nearest_end, signoff_of
from guide.settings import Settings
from guide.source_check import split_front_matter

KEY = "page_reviews"   # config.extra.page_reviews in templates


def page_url(name: str, use_directory_urls: bool) -> str:
    """page.url as MkDocs and Zensical give it: '' or 'x/' with directory URLs, 'x.html' without."""
    built = built_path(name, use_directory_urls)
    return url_path(built) if use_directory_urls else built.as_posix()


def page_reviews(settings: Settings, use_directory_urls: bool) -> dict[str, dict]:
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
        }
    return reviews
