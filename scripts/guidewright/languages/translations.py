"""The guide in other languages (extra.translations: language -> its config, e.g. mkdocs.es.yml).

Each translation is a config that INHERITs mkdocs.yml and changes words only; the build puts its
site in a folder of the main one (site/es/) and checks the two together: every page has its
pair, every page links to its pair, and each pair dials the same numbers. A clinic overlay gets
every language: the translation's layer is put on top of the overlay in a generated config
beside it (the overlay's own `es:` blocks give its Spanish words)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml
from selectolax.lexbor import LexborHTMLParser

from guidewright.configuration.config import SiteConfig, read_config_file
from guidewright.configuration.site_address import in_folder
from guidewright.lines.phone import dialled_digits
from guidewright.problems import Problem, config_problem

KEY = "extra.translations"
LINK = "a[data-pe-language-link]"
HELP_ROW = "nav[data-crisis-contacts]"
DIRECTORY = "[data-crisis-directory]"


@dataclass(frozen=True)
class Translation:
    language: str
    config_path: Path     # the file MkDocs builds (the translation itself, or one generated for an overlay)
    folder: str           # where its site sits inside the main one
    generated: bool = False


def translations(config: SiteConfig, locate) -> tuple[list[Translation], list[Problem]]:
    """The translations of this config, in its folder. An overlay (clinic.yml) gets a generated
    config per language: INHERIT the overlay, then the translation's own settings."""
    raw = config.extra.get("translations") or {}
    if not isinstance(raw, dict):
        return [], [config_problem(locate, f"{KEY}: must map a language code to its config file")]
    found, problems = [], []
    for language, name in raw.items():
        path = config.root / str(name)
        if not path.is_file():
            problems.append(config_problem(locate, f"{KEY}.{language}: {name} not found next to {config.path.name}"))
            continue
        layer, unreadable = read_config_file(path)
        if layer is None:
            problems += unreadable
            continue
        if (config.root / str(layer.get("INHERIT", ""))).resolve() == config.path.resolve():
            found.append(Translation(str(language), path, str(language)))
        else:
            found.append(Translation(str(language), _generated(config, str(language), layer), str(language), True))
    return found, problems


def _generated(config: SiteConfig, language: str, layer: dict) -> Path:
    """The translation's layer over an overlay. Its address is the overlay's, plus the folder;
    its name the clinic's, plus the translation's."""
    layer = {key: value for key, value in layer.items() if key != "INHERIT"}
    site_url = str(config.raw.get("site_url") or "")
    if site_url:
        layer["site_url"] = in_folder(site_url, language)
    clinic = config.extra.get("clinic")
    if isinstance(clinic, dict) and clinic.get("name"):
        layer["site_name"] = f"{clinic['name']} - {layer.get('site_name', config.raw.get('site_name'))}"
    public = (config.extra.get("handouts") or {}).get("public_url")
    if public:
        layer.setdefault("extra", {}).setdefault("handouts", {})["public_url"] = in_folder(str(public), language)
    # Named per run: two builds of one overlay at once must not share (and delete) each other's.
    path = config.root / f".{config.path.stem}.{language}.{os.getpid()}.gen.yml"
    path.write_text(yaml.safe_dump({"INHERIT": config.path.name, **layer}, sort_keys=False, allow_unicode=True),
                    encoding="utf-8")
    return path


def remove_generated(found: list[Translation]) -> None:
    for translation in found:
        if translation.generated:
            translation.config_path.unlink(missing_ok=True)


def check_page_pairs(pages: list[str], translated: list[str], docs: str, translated_docs: str) -> list[Problem]:
    """Every page has its translation and back, in the same place in the menu."""
    problems = [Problem(f"{translated_docs}/{page}", f"missing: {docs}/{page} has no translation here; write it "
                                                     "(same file name) and add it to the translation's nav")
                for page in pages if page not in translated]
    problems += [Problem(f"{docs}/{page}", f"missing: {translated_docs}/{page} has no page here; add it, or remove "
                                           "the translation") for page in translated if page not in pages]
    if not problems and pages != translated:
        problems.append(Problem(translated_docs, "the nav lists the pages in another order than the main nav: keep "
                                                 "the same order, so readers find the same things in the same place"))
    return problems


LINK_KEY = "extra.language_link"
LINK_FIELDS = ("lang", "label", "title", "base")


def language_links(extra: dict) -> list[dict]:
    """extra.language_link as a list: one mapping (a guide in two languages) or a list of them."""
    raw = extra.get("language_link")
    if isinstance(raw, dict):
        return [raw]
    return [link for link in raw if isinstance(link, dict)] if isinstance(raw, list) else []


def language_link_problems(extra: dict, locate) -> list[Problem]:
    """Each link names its language, its words and where that language's site is from this one's root."""
    raw = extra.get("language_link")
    if raw is None:
        return []
    if not isinstance(raw, dict | list) or (isinstance(raw, list) and not all(isinstance(x, dict) for x in raw)):
        return [config_problem(locate, f"{LINK_KEY}: must be a mapping ({', '.join(LINK_FIELDS)}), or a list of them "
                                       "for a guide in more than two languages")]
    problems = []
    for index, link in enumerate(language_links(extra)):
        key = LINK_KEY if isinstance(raw, dict) else f"{LINK_KEY}[{index}]"
        problems += [config_problem(locate, f"{key}.{name}: missing or not text") for name in LINK_FIELDS
                     if not isinstance(link.get(name), str) or (name != "base" and not link[name].strip())]
        problems += [config_problem(locate, f"{key}.{name}: unknown field (allowed: {', '.join(LINK_FIELDS)})")
                     for name in link if name not in LINK_FIELDS]
    return problems


def check_language_links(site: Path, other: Path, label: str, skip: tuple[Path, ...] = (),
                         lang: str | None = None) -> list[Problem]:
    """Every built page links to the same page in the other language (`lang`, when a page links to
    several), and that page was built."""
    problems = []
    selector = f'{LINK}[hreflang="{lang}"]' if lang else LINK
    for page in sorted(site.rglob("*.html")):
        if any(page.is_relative_to(folder) for folder in skip):
            continue
        rel = page.relative_to(site)
        link = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first(selector)
        where = f"{label}/{rel.as_posix()}"
        if link is None:
            problems.append(Problem(where, f"no link to this page in {('language ' + repr(lang)) if lang else 'the other language'} "
                                           f"(partials/language-link.html; {LINK_KEY} in the config names it)"))
            continue
        href = str(link.attributes.get("href") or "")
        target = (page.parent / href.split("#")[0]).resolve()
        if href.endswith("/") or target.is_dir():
            target = target / "index.html"
        expected = (other / rel).resolve()
        if target != expected:
            problems.append(Problem(where, f"language link {href!r} leads to {target}, not to this page's pair "
                                           f"{expected} (extra.language_link.base)"))
        elif not expected.is_file():
            problems.append(Problem(where, f"language link {href!r}: the other language has no built page there"))
    return problems


def dialled(tree: LexborHTMLParser, selector: str, region: str) -> list[str]:
    """The numbers a block's phone and text links dial, in order (canonical: guidewright.lines.phone)."""
    node = tree.css_first(selector)
    if node is None:
        return []
    return [digits for a in node.css("a[href]")
            if (digits := dialled_digits(str(a.attributes.get("href")), region)) is not None]


def check_same_numbers(site: Path, other: Path, label: str, other_label: str, help_page: Path,
                       region: str) -> list[Problem]:
    """The proof that both languages dial the same numbers: each page's help row, and the Get help
    page's directory, against its pair's. region: how numbers are read (extra.region)."""
    problems = []
    for page in sorted(other.rglob("*.html")):
        rel = page.relative_to(other)
        pair = site / rel
        if not pair.is_file():
            continue  # check_language_links names it
        blocks = [HELP_ROW] + ([DIRECTORY] if rel == help_page else [])
        pair_tree = LexborHTMLParser(pair.read_text(encoding="utf-8"))
        page_tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        for selector in blocks:
            mine, theirs = dialled(pair_tree, selector, region), dialled(page_tree, selector, region)
            if mine != theirs:
                problems.append(Problem(f"{other_label}/{rel.as_posix()}", f"{selector} dials {theirs}, but "
                                        f"{label}/{rel.as_posix()} dials {mine}: every language must offer the same "
                                        "numbers (set numbers once, outside the language blocks)"))
    return problems
