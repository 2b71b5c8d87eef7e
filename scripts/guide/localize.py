"""One config, every language: a block of text in the config (a crisis line, a channel, the
clinic's block) may carry its wording in another language under that language's code, e.g.
`es: {summary: Línea de crisis}`. A build in that language (theme.language) shows those
words; numbers and phone links can't be given there, so every language dials the same
numbers by construction (and the build still compares the built pages: guide.translations)."""
from __future__ import annotations

from guide.problems import Problem, config_problem

BASE_LANGUAGE = "en"
ISO_639_1 = {a + b for a in "abcdefghijklmnopqrstuvwxyz" for b in "abcdefghijklmnopqrstuvwxyz"}
# Fields a language block may not set: the numbers, links and order every language shares.
SHARED = {"number", "href", "order", "remove", "why", "channels", "logo"}


def site_language(raw_config: dict) -> str:
    theme = raw_config.get("theme") or {}
    language = theme.get("language") if isinstance(theme, dict) else None
    return str(language or BASE_LANGUAGE)


def languages(extra: dict) -> set[str]:
    """The codes that may key a language block: the base language, every translation, and any
    ISO 639-1 code (two lower-case letters; no config field is that short), so a config without
    its translations still reads its language blocks as such."""
    translations = extra.get("translations")
    return {BASE_LANGUAGE, *(translations if isinstance(translations, dict) else {}), *ISO_639_1}


def localized(value: object, language: str, codes: set[str]) -> object:
    """The value as a reader in `language` sees it: each mapping's block for that language
    merged over it (deeply), every language block dropped."""
    if isinstance(value, list):
        return [localized(item, language, codes) for item in value]
    if not isinstance(value, dict):
        return value
    merged = {key: localized(item, language, codes) for key, item in value.items() if key not in codes}
    block = value.get(language)
    if isinstance(block, dict) and language != BASE_LANGUAGE:
        for key, item in localized(block, language, codes).items():
            if isinstance(item, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **item}
            else:
                merged[key] = item
    return merged


def language_block_problems(value: object, key: str, codes: set[str], locate) -> list[Problem]:
    """A language block gives words only: never a number or link a reader would dial, so the
    same line can't dial different numbers in two languages. Web links (a chat page in the
    reader's language) may differ."""
    problems: list[Problem] = []
    if isinstance(value, list):
        for index, item in enumerate(value):
            problems += language_block_problems(item, f"{key}[{index}]", codes, locate)
        return problems
    if not isinstance(value, dict):
        return problems
    for name, item in value.items():
        if name in codes:
            problems += _block_problems(item, f"{key}.{name}", value, codes, locate)
        else:
            problems += language_block_problems(item, f"{key}.{name}", codes, locate)
    return problems


def _block_problems(block: object, key: str, parent: dict, codes: set[str], locate) -> list[Problem]:
    if key.rsplit(".", 1)[-1] == BASE_LANGUAGE:
        return [config_problem(locate, f"{key}: the fields around it are already the {BASE_LANGUAGE!r} words; "
                                       "give other languages only")]
    if not isinstance(block, dict):
        return [config_problem(locate, f"{key}: must be a mapping of field: words in that language")]
    problems = []
    for name, item in block.items():
        web = name == "href" and str(item).startswith("https://") and str(parent.get("href", "")).startswith("https://")
        if name in SHARED and not web:
            problems.append(config_problem(locate, f"{key}.{name}: numbers, links and order are set once for every "
                                                   f"language; remove it here and change {key.rsplit('.', 1)[0]}.{name}"))
        elif isinstance(item, dict):
            # Unknown leaf fields are caught once merged, by the block's own checks.
            inner = parent.get(name)
            problems += _block_problems(item, f"{key}.{name}", inner, codes, locate) if isinstance(inner, dict) \
                else [config_problem(locate, f"{key}.{name}: not a group of fields here; give its words only")]
    return problems
