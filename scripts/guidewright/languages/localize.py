"""One config, every language: a block of text in the config (a crisis line, a channel, the
clinic's block) may carry its wording in another language under that language's code, e.g.
`es: {summary: Línea de crisis}`. A build in that language (theme.language) shows those
words; numbers and phone links can't be given there, so every language dials the same
numbers by construction (and the build still compares the built pages: guidewright.languages.translations)."""
from __future__ import annotations

from guidewright.problems import Problem, config_problem

DEFAULT_LANGUAGE = "en"  # MkDocs' own default for theme.language
# ISO 639-1: a key like these over a mapping is a language block to an editor's eye.
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee
el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io
is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn
mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se
sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo
wa wo xh yi yo za zh zu
""".split())
# Fields a language block may not set: the numbers, links and order every language shares.
# An extension is dialled; row says whether a line is in the help row (which both languages compare).
SHARED = {"number", "href", "order", "remove", "why", "channels", "logo", "extension", "row"}


class Languages(frozenset):
    """A guide's language codes, and which is its base: the main config's theme.language, any
    language. The base's words are the config's fields themselves, never a block."""

    def __new__(cls, codes=(), base: str = DEFAULT_LANGUAGE):
        self = super().__new__(cls, {base, *codes})
        self.base = base
        return self


def base_of(codes) -> str:
    return getattr(codes, "base", DEFAULT_LANGUAGE)


def site_language(raw_config: dict) -> str:
    theme = raw_config.get("theme") or {}
    language = theme.get("language") if isinstance(theme, dict) else None
    return str(language or DEFAULT_LANGUAGE)


def languages(extra: dict, base: str = DEFAULT_LANGUAGE) -> Languages:
    """The codes that may key a language block: the base language and the guide's translations
    (extra.translations). Only those: `sp:` for Spanish must fail, not vanish."""
    translations = extra.get("translations")
    return Languages((str(code) for code in (translations if isinstance(translations, dict) else {})), base)


def looks_like_language(name: object, value: object) -> bool:
    """A language code over a mapping reads as a language block to an editor: one for a language
    the guide doesn't have is refused, never silently dropped. Other keys are fields, checked
    (and refused when unknown) by the block's own checks."""
    return name in ISO_639_1 and isinstance(value, dict)


def localized(value: object, language: str, codes: set[str], fields_of=None, key: str = "") -> object:
    """The value as a reader in `language` sees it: each mapping's block for that language
    merged over it (deeply), every language block dropped. fields_of(key) gives the fields a
    block at that key may set; other fields of a block are left out (language_block_problems
    names them with their language in the key path)."""
    if isinstance(value, list):
        return [localized(item, language, codes, fields_of, f"{key}[{i}]") for i, item in enumerate(value)]
    if not isinstance(value, dict):
        return value
    merged = {name: localized(item, language, codes, fields_of, f"{key}.{name}") for name, item in value.items()
              if name not in codes and not looks_like_language(name, item)}
    block = value.get(language)
    if isinstance(block, dict) and language != base_of(codes):
        allowed = fields_of(key) if fields_of else None
        for name, item in localized(block, language, codes, fields_of, key).items():
            if allowed is not None and name not in allowed:
                continue
            if isinstance(item, dict) and isinstance(merged.get(name), dict):
                merged[name] = {**merged[name], **item}
            else:
                merged[name] = item
    return merged


def language_block_problems(value: object, key: str, codes: set[str], locate, fields_of=None) -> list[Problem]:
    """A language block gives words only: never a number or link a reader would dial, so the
    same line can't dial different numbers in two languages. Web links (a chat page in the
    reader's language) may differ. Blocks only for the guide's languages; fields_of(key), when
    given, is what a block there may set, so a typo is named with its language (`...es.hourz`)."""
    problems: list[Problem] = []
    if isinstance(value, list):
        for index, item in enumerate(value):
            problems += language_block_problems(item, f"{key}[{index}]", codes, locate, fields_of)
        return problems
    if not isinstance(value, dict):
        return problems
    for name, item in value.items():
        if name in codes:
            problems += _block_problems(item, f"{key}.{name}", key, value, locate, fields_of, base_of(codes))
        elif looks_like_language(name, item):
            problems.append(config_problem(locate, f"{key}.{name}: {name!r} is not a language of this guide (it has "
                                                   f"{', '.join(sorted(codes))}: extra.translations lists them); put "
                                                   "these words under one of those codes, or add the language first"))
        else:
            problems += language_block_problems(item, f"{key}.{name}", codes, locate, fields_of)
    return problems


def _block_problems(block: object, key: str, parent_key: str, parent: dict, locate, fields_of,
                    base: str = DEFAULT_LANGUAGE) -> list[Problem]:
    if key.rsplit(".", 1)[-1] == base:
        return [config_problem(locate, f"{key}: the fields around it are already the {base!r} words; "
                                       "give other languages only")]
    if not isinstance(block, dict):
        return [config_problem(locate, f"{key}: must be a mapping of field: words in that language")]
    problems = []
    allowed = fields_of(parent_key) if fields_of else None
    for name, item in block.items():
        web = name == "href" and str(item).startswith("https://") and str(parent.get("href", "")).startswith("https://")
        if allowed is not None and name not in allowed:
            problems.append(config_problem(locate, f"{key}.{name}: unknown field (allowed: {', '.join(sorted(allowed))})"))
        elif name in SHARED and not web:
            problems.append(config_problem(locate, f"{key}.{name}: numbers, links and order are set once for every "
                                                   f"language; remove it here and change {parent_key}.{name}"))
        elif isinstance(item, dict):
            inner = parent.get(name)
            problems += _block_problems(item, f"{key}.{name}", f"{parent_key}.{name}", inner, locate, fields_of, base) \
                if isinstance(inner, dict) \
                else [config_problem(locate, f"{key}.{name}: not a group of fields here; give its words only")]
    return problems


def misplaced_blocks(extra: dict, codes: set[str], locate) -> list[Problem]:
    """`extra.es: {clinic: ...}` looks like a place for the Spanish words but nothing reads it."""
    return [config_problem(locate, f"extra.{name}: language blocks go inside the block they translate (for example "
                                   f"extra.clinic.{name} or extra.crisis_contacts.<id>.{name}), not under extra; move "
                                   "these words there")
            for name, item in extra.items() if name in codes or looks_like_language(name, item)]
