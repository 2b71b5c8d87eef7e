"""A large guide for the scale benchmark, made from copies of this repository's real pages: the
English guide, its Spanish translation and a third language (French labels over copies of the
English pages), each with the same tree of sections > sub-sections > the 20 real pages, as a
big guide would be organised (never a flat list: a page's navigation can stay small).
Every copy keeps its relative links valid and has its review log, so the real pipeline checks
it like any page. Not part of the engine package."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from guidewright.configuration.config import read_config_file

SUBSECTIONS = 10  # sub-sections in each top-level section
THIRD = "fr"      # the third language: the engine ships no words for it, so its overlay gives them
THIRD_LINK = {"lang": THIRD, "label": "Français", "title": "Cette page en français"}
# The one relaxation: the handouts' list page (extra.handouts.list_page, and each copy of it) lists a
# handout for every page in the nav, so past a few hundred pages it is longer than a page may be
# (extra.content_rules.max_words). The limit is raised, not removed: every page is still counted.
LIST_PAGE_WORDS = 1_000_000
SECTION_WORDS = {"en": "Part", "es": "Parte", THIRD: "Partie"}


def generate(root: Path, repo: Path, pages: int) -> tuple[Path, int]:
    """Writes the guide into `root` (about `pages` pages per language, in whole sets of the
    real pages) and returns its main config and the pages each language has."""
    originals = sorted(p.relative_to(repo / "docs").as_posix() for p in (repo / "docs").glob("*.md"))
    sets = max(1, round(pages / len(originals)))
    folders = [f"part-{(n - 1) // SUBSECTIONS + 1:02d}/{(n - 1) % SUBSECTIONS + 1:02d}" for n in range(1, sets)]
    shutil.copytree(repo / "includes", root / "includes")
    shutil.copytree(repo / "overrides", root / "overrides")
    languages = {"en": ("docs", "docs-review"), "es": ("docs-es", "docs-review/es"),
                 THIRD: (f"docs-{THIRD}", f"docs-review/{THIRD}")}
    sources = {"en": ("docs", "docs-review"), "es": ("docs-es", "docs-review/es"),
               THIRD: ("docs", "docs-review/es")}  # English pages, translated "as of" the Spanish logs' dates
    main, _ = read_config_file(repo / "mkdocs.yml")
    drawings = [steps["drawing"]["src"] for steps in (main["extra"].get("steps") or {}).values() if steps.get("drawing")]
    for language, (docs, logs) in languages.items():
        source_docs, source_logs = sources[language]
        shutil.copytree(repo / source_docs, root / docs)
        (root / logs).mkdir(parents=True, exist_ok=True)
        for log in (repo / source_logs).glob("*.yml"):
            shutil.copy(log, root / logs / log.name)
        for folder in folders:
            _copy_set(repo / source_docs, root / docs / folder, originals, drawings)
            (root / logs / folder).mkdir(parents=True)
            for log in (repo / source_logs).glob("*.yml"):
                shutil.copy(log, root / logs / folder / log.name)

    spanish, _ = read_config_file(repo / "mkdocs.es.yml")
    config = root / "mkdocs.yml"
    overlay = {
        "INHERIT": str(repo / "mkdocs.yml"),
        "nav": main["nav"] + _tree(main["nav"], folders, SECTION_WORDS["en"]),
        "extra": {"translations": {"es": "mkdocs.es.yml", THIRD: f"mkdocs.{THIRD}.yml"},
                  # every page links to its pair in each other language
                  "language_link": [main["extra"]["language_link"], {**THIRD_LINK, "base": f"{THIRD}/"}],
                  "content_rules": {"max_words": LIST_PAGE_WORDS}},
    }
    _write(config, overlay)
    spanish["nav"] = spanish["nav"] + _tree(spanish["nav"], folders, SECTION_WORDS["es"])
    spanish["extra"]["content_rules"]["max_words"] = LIST_PAGE_WORDS
    spanish["extra"]["language_link"] = [spanish["extra"]["language_link"], {**THIRD_LINK, "base": f"../{THIRD}/"}]
    _write(root / "mkdocs.es.yml", spanish)  # INHERIT: mkdocs.yml, now this folder's
    _write(root / f"mkdocs.{THIRD}.yml", _third_language(repo, main, folders))
    return config, len(originals) * sets


def _copy_set(source: Path, folder: Path, originals: list[str], drawings: list[str]) -> None:
    """The real pages, two folders deeper: links into the docs' own assets/ climb back up.
    A step list's drawing (extra.steps.*.drawing.src) is put into a page as written, from the docs'
    top, whatever folder the page is in (an engine limitation, reported): each folder gets a copy."""
    folder.mkdir(parents=True)
    up = "../" * len(folder.relative_to(folder.parents[1]).parts)
    for name in originals:
        text = (source / name).read_text(encoding="utf-8")
        text = re.sub(r"\]\(assets/", f"]({up}assets/", text)
        (folder / name).write_text(text, encoding="utf-8")
    for src in drawings:
        (folder / src).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / src, folder / src)


def _tree(nav: list, folders: list[str], word: str) -> list:
    """Sections of SUBSECTIONS sub-sections, each listing a copy of every page of `nav`."""
    pages = _flat(nav)
    sections: dict[str, list] = {}
    for folder in folders:
        section, sub = (int(part.removeprefix("part-")) for part in folder.split("/"))
        sections.setdefault(f"{word} {section}", []).append(
            {f"{word} {section}.{sub}": [{title: f"{folder}/{page}"} for title, page in pages]})
    return [{title: subs} for title, subs in sections.items()]


def _flat(nav: list) -> list[tuple[str, str]]:
    found = []
    for item in nav:
        for title, value in item.items():
            found += _flat(value) if isinstance(value, list) else [(title, value)]
    return found


def _third_language(repo: Path, main: dict, folders: list[str]) -> dict:
    """A translation like mkdocs.es.yml: its folder, its language, the words the engine has no
    file for (all of guidewright/ui/en.yml's keys, in English: the benchmark measures weight,
    not French), and the English nav's titles."""
    words = yaml.safe_load((Path(__import__("guidewright").__file__).parent / "ui" / "en.yml").read_text(encoding="utf-8"))
    return {
        "INHERIT": "mkdocs.yml",
        "site_name": f"{main['site_name']} ({THIRD})",
        "docs_dir": f"docs-{THIRD}",
        "site_dir": f"site/{THIRD}",
        "theme": {"language": THIRD},
        "plugins": {"search": {"lang": THIRD}},
        "nav": main["nav"] + _tree(main["nav"], folders, SECTION_WORDS[THIRD]),
        "extra": {"language_link": [{"lang": "en", "label": "English", "title": "This page in English", "base": "../"},
                                    {**main["extra"]["language_link"], "base": "../es/"}],
                  "ui": {**words, **main["extra"]["ui"]},
                  # English text under a French label: French Flesch would misjudge it, so LIX (any
                  # language) at its loosest; the benchmark measures weight, the real guide its words.
                  "content_rules": {"review_log": f"docs-review/{THIRD}", "reading_measure": "lix", "max_grade": 70}},
    }


def _write(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
