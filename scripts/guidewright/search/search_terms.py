"""Words readers type that a page doesn't use (brand names, street words, misspellings, everyday
questions), from extra.search_terms, put into the search index so the page comes first for them.

Material's search worker indexes every field its index's `config.fields` names, with that
boost, but its results show only title, text and tags. So the terms go into a field of their
own (not `tags`, which would show as chips under each result), on the page's own entry (not its
sections). They weigh like a word in a title, not like tags (1e6): search matches the start of
each word typed, so "in" finds "insurance", and at 1e6 such chance matches outranked the pages'
own titles ("withdrawal in pregnancy" led to the no-clinic page).
Zensical's search has fixed fields and no hidden one, so only MkDocs builds get them (README)."""
from __future__ import annotations

import json
from pathlib import Path

from guidewright.configuration.config import SiteConfig, built_path, defining_file, url_path
from guidewright.problems import Problem, config_problem

KEY = "extra.search_terms"
FIELD = "keywords"
BOOST = 1e3                                  # Material's title boost; text is 1
INDEX = "search/search_index.json"           # Material's search plugin writes it
OFFLINE_INDEX = "search/search_index.js"     # its offline plugin's copy, which loads from file://
OFFLINE_PREFIX = "var __index = "
HOOK = "the guidewright plugin"  # its search_terms hook adds the field


def search_term_problems(extra: dict, locate, nav: list[str]) -> list[Problem]:
    """Every mistake in extra.search_terms: a page not in the nav, a list that isn't one, a term
    that isn't a word, a term listed twice (a term leads to one page)."""
    raw = extra.get("search_terms")
    if raw is None:
        return []
    if not isinstance(raw, dict):
        return [config_problem(locate, f"{KEY}: must map each page file to the words readers type for it, "
                                       f"like medications.md: [suboxone] (got {type(raw).__name__})")]
    messages = []
    seen: dict[str, str] = {}  # folded term -> the page that lists it
    for page, terms in raw.items():
        key = f"{KEY}.{page}"
        if page not in nav:
            messages.append(f"{key}: {page!r} is not a page in the nav")
        if not isinstance(terms, list):
            messages.append(f"{key}: must be a list of words or phrases (got {terms!r})")
            continue
        for index, term in enumerate(terms):
            if not isinstance(term, str) or not term.strip():
                # YAML 1.1 reads a bare yes/no/on/off as true/false, and 988 as a number.
                hint = ": put it in quotes" if isinstance(term, bool | int | float) else ""
                messages.append(f"{key}[{index}]: must be a word or phrase (got {term!r}){hint}")
                continue
            folded = _fold(term)
            if folded in seen:
                where = "twice on this page" if seen[folded] == page else f"also under {KEY}.{seen[folded]}"
                messages.append(f"{key}[{index}]: {term!r} is listed {where}; a term can lead to one page only")
            else:
                seen[folded] = page
    return [config_problem(locate, message) for message in messages]


def terms_by_page(extra: dict) -> dict[str, list[str]]:
    """The terms of a validated config, page file -> terms, spaces tidied."""
    raw = extra.get("search_terms") or {}
    return {page: [" ".join(term.split()) for term in terms] for page, terms in raw.items() if terms}


def index_location(page: str, use_directory_urls: bool) -> str:
    """A page's `location` in the search index: MkDocs' page URL ('' for the home page online,
    index.html offline)."""
    built = built_path(page, use_directory_urls)
    return url_path(built) if use_directory_urls else built.as_posix()


def terms_by_url(extra: dict, use_directory_urls: bool) -> dict[str, list[str]]:
    return {index_location(page, use_directory_urls): terms for page, terms in terms_by_page(extra).items()}


def add_terms(index: dict, terms_by_url: dict[str, list[str]]) -> dict:
    """A copy of a Material search index with the terms in FIELD, on each page's own entry (the
    one whose location has no '#'), and FIELD declared with its boost."""
    config = dict(index.get("config") or {})
    config["fields"] = {**(config.get("fields") or {}), FIELD: {"boost": BOOST}}
    docs = [{**doc, FIELD: list(terms_by_url[doc["location"]])} if doc.get("location") in terms_by_url else doc
            for doc in index.get("docs") or []]
    return {**index, "config": config, "docs": docs}


def index_problems(index: dict, terms: dict[str, list[str]], use_directory_urls: bool, locate,
                   name: str = INDEX) -> list[Problem]:
    """Every configured term must be in the built index, on its page's entry, in a declared field.
    Fails when the hook is gone or a theme upgrade changes how the index is written."""
    if FIELD not in ((index.get("config") or {}).get("fields") or {}):
        return [config_problem(locate, f"{KEY}: {name} has no {FIELD!r} search field, so search can't find "
                                       f"pages by these words. Is {HOOK} listed under plugins: in mkdocs.yml, "
                                       "and does the theme's search still take its fields from the index?")]
    docs = {doc.get("location"): doc for doc in index.get("docs") or [] if isinstance(doc, dict)}
    messages = []
    for page, wanted in terms.items():
        location = index_location(page, use_directory_urls)
        if location not in docs:
            messages.append(f"{KEY}.{page}: {name} has no entry for the page ({location!r}); "
                            "is it excluded from search?")
            continue
        missing = [term for term in wanted if term not in (docs[location].get(FIELD) or [])]
        if missing:
            messages.append(f"{KEY}.{page}: not in {name} for this page: {', '.join(map(repr, missing))}")
    return [config_problem(locate, message) for message in messages]


def check_built_index(site_dir: Path, config: SiteConfig) -> list[Problem]:
    """index_problems on what MkDocs built: the JSON index, and offline also its file:// copy."""
    terms = terms_by_page(config.extra)
    if not terms:
        return []
    def locate(key: str) -> str:
        return defining_file(config, key)

    problems = []
    for name in (INDEX, OFFLINE_INDEX) if config.offline else (INDEX,):
        path = site_dir / name
        try:
            index = read_index(path)
        except (OSError, ValueError) as error:
            problems.append(config_problem(locate, f"{KEY}: can't read the built {name} ({error}), so these "
                                                   "words can't be checked: did the theme's search change?"))
            continue
        problems += index_problems(index, terms, config.use_directory_urls, locate, name)
    return problems


def read_index(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(text.removeprefix(OFFLINE_PREFIX) if path.suffix == ".js" else text)


def _fold(term: str) -> str:
    return " ".join(term.casefold().split())
