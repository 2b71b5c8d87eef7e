"""Only the styles the built site can use, and the few its first screen needs.

The theme's stylesheet styles every feature any site might turn on; a guide uses a small part
of it, and a reader on slow data waits for all of it before anything shows. `used_styles`
keeps a rule when one of its selectors matches an element of some built page, or could once
a script has run: a selector is first relaxed (states such as :hover and :checked, pseudo-
elements, and any class, id or attribute value a script of the site names in a string are
taken out), and a rule is kept if the relaxed selector matches. Relaxing only widens a selector, so
the pass may keep a rule no page needs, never drop one a page uses. `critical_styles` is the
same pass over the part of each page a reader sees first (guidewright.checks.first_screen)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import tinycss2
from selectolax.lexbor import LexborHTMLParser

# Pseudo-classes that only look at the document's structure: kept, as a parser can test them.
STRUCTURAL = {"not", "is", "where", "has", "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type",
              "first-child", "last-child", "only-child", "first-of-type", "last-of-type", "only-of-type",
              "empty", "root"}
_LOGICAL = {"is", "where", "has", "not"}
# States no element is in when a page first paints (nothing hovered, focused or visited yet).
NOT_AT_FIRST_PAINT = {"hover", "focus", "focus-visible", "focus-within", "active", "visited", "target",
                      "target-within"}
_STRING = re.compile(r"""(["'`])((?:(?!\1)[^\\\n]|\\.){1,400})\1""")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_GONE = "\0"  # where relax() took something out
_EMPTIED = re.compile(r"(?<![^\s>+~(,])\0+(?![^\s>+~),])")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_PROPERTY = re.compile(r"--[\w-]+")


@dataclass
class StylePass:
    """What a pass kept and dropped, for the report and the tests."""
    css: str
    kept: int = 0
    dropped: int = 0
    unreadable: list[str] = field(default_factory=list)  # selectors the parser can't test: kept


def script_words(scripts: Iterable[str]) -> set[str]:
    """Every word inside a string literal of the site's scripts (files and inline): the class,
    id, attribute and value names a script may set on the page."""
    words: set[str] = set()
    for text in scripts:
        for match in _STRING.finditer(text):
            words.update(_WORD.findall(match.group(2)))
    return words


def markup_words(html: str) -> set[str]:
    """The class and id names and attribute names of markup something other than the site's
    scripts adds to its pages later (the handouts' link block, added when printing)."""
    return {token[1:] for token in _tokens(html)}


def inline_scripts(html: str) -> list[str]:
    return _SCRIPT.findall(html)


def relax(selector: str, words: set[str], first_paint: bool = False) -> str | None:
    """The selector with what a script or the reader may change taken out (see the module's doc).
    first_paint: the page as it first paints, where no element is hovered or focused yet: a
    selector that needs such a state matches nothing (None)."""
    out, i = [], 0
    while i < len(selector):
        char = selector[i]
        if char == "[":
            end = _closing(selector, i, "[", "]")
            part = selector[i:end + 1]
            name, _, value = part.strip("[]").partition("=")
            # [name=value]: a script may set it if it names the value; [name]: if it names the attribute.
            value = value.strip("\"' ")
            out.append(_GONE if (value in words if value else name.strip(" ~|^$*") in words) else part)
            i = end + 1
        elif char in ".#":
            match = _WORD.match(selector, i + 1) or re.compile(r"[\w-]+").match(selector, i + 1)
            name = match.group() if match else ""
            out.append(_GONE if name in words else selector[i:i + 1 + len(name)])
            i += 1 + len(name)
        elif char == ":":
            element = selector.startswith("::", i)
            start = i + (2 if element else 1)
            name = re.compile(r"[\w-]*").match(selector, start).group()
            i = start + len(name)
            arguments = None
            if i < len(selector) and selector[i] == "(":
                end = _closing(selector, i, "(", ")")
                arguments, i = selector[i + 1:end], end + 1
            name = name.lower()
            if first_paint and not element and name in NOT_AT_FIRST_PAINT:
                return None
            if element or name not in STRUCTURAL or name == "has":
                # A state, a pseudo-element or an unknown: taken out (wider). So is :has(), as what
                # it looks for inside may be made by a script (search results in an empty list).
                out.append(_GONE)
                continue
            if name in _LOGICAL and arguments is not None:
                parts = [relax(part, words, first_paint) for part in _split(arguments)]
                inner = ", ".join(part for part in parts if part is not None)
                if name == "not":  # relaxing inside :not() would narrow it: drop the :not instead
                    out.append(f":not({arguments})" if inner.replace(" ", "") == arguments.replace(" ", "") else _GONE)
                    continue
                if not inner:  # :is()/:where()/:has() of states only
                    return None
                out.append(f":{name}({inner})")
            else:
                out.append(f":{name}" + (f"({arguments})" if arguments is not None else ""))
        else:
            out.append(char)
            i += 1
    # A compound left with nothing in it matches any element (*), never narrows to a combinator.
    return _EMPTIED.sub("*", "".join(out).strip()).replace(_GONE, "") or "*"


def _closing(text: str, start: int, opening: str, closing: str) -> int:
    depth, i, quote = 0, start, ""
    while i < len(text):
        char = text[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text) - 1


def _split(selectors: str) -> list[str]:
    """'a, b:is(c, d)' -> ['a', 'b:is(c, d)']: commas at the top level only."""
    parts, depth, current, quote = [], 0, "", ""
    for char in selectors:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += char
    return [*parts, current.strip()] if current.strip() else parts


class Matcher:
    """Whether a relaxed selector matches an element of any of the pages, each answer cached.
    Pages are read one at a time through `load` (a guide may have thousands): a selector is
    tried only on pages that have every class, id and attribute it needs, most often none."""

    def __init__(self, count: int, load: Callable[[int], str], words: set[str], first_paint: bool = False):
        self.load, self.words, self.first_paint = load, words, first_paint
        self.cache: dict[str, bool | None] = {}
        self.pages_with: dict[str, set[int]] = {}
        for index in range(count):
            for token in _tokens(load(index)):
                self.pages_with.setdefault(token, set()).add(index)
        self.count = count

    def matches(self, selector: str) -> bool | None:
        """True or False; None when the parser can't read the selector (the caller keeps the rule)."""
        relaxed = relax(selector, self.words, self.first_paint)
        if relaxed is None:
            return False
        if relaxed not in self.cache:
            self.cache[relaxed] = self._test(relaxed)
        return self.cache[relaxed]

    def resolve(self, selectors: Iterable[str]) -> None:
        """Answer many selectors at once, page by page: each page is parsed once and tried on
        the selectors still unmatched that it could match (selector by selector, a selector no
        page matches would parse every page again)."""
        pending: dict[str, set[int]] = {}
        for selector in selectors:
            relaxed = relax(selector, self.words, self.first_paint)
            if relaxed is None or relaxed in self.cache or relaxed in pending:
                continue
            candidates = self._candidates(relaxed)
            if candidates:
                pending[relaxed] = candidates
            else:
                self.cache[relaxed] = False
        by_page: dict[int, list[str]] = {}
        for selector, candidates in pending.items():
            for index in candidates:
                by_page.setdefault(index, []).append(selector)
        for index in sorted(by_page):
            todo = [selector for selector in by_page[index] if selector not in self.cache]
            if not todo:
                continue
            tree = LexborHTMLParser(self.load(index))
            for selector in todo:
                try:
                    if tree.css_first(selector) is not None:
                        self.cache[selector] = True
                except Exception:  # noqa: BLE001 (selectolax raises a bare error on a selector it can't parse)
                    self.cache[selector] = None
        for selector in pending:
            self.cache.setdefault(selector, False)

    def _candidates(self, selector: str) -> set[int]:
        candidates = set(range(self.count))
        for token in _needed(selector):
            candidates &= self.pages_with.get(token, set())
            if not candidates:
                break
        return candidates

    def _test(self, selector: str) -> bool | None:
        self.resolve([selector])
        return self.cache[selector]


_CLASS_ATTR = re.compile(r"""\bclass=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)
_ID_ATTR = re.compile(r"""\bid=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)
_ATTR_NAME = re.compile(r"""<[a-zA-Z][^\s/>]*|\s([a-zA-Z_:][-\w:.]*)(?=\s*=|\s|/?>)""")
_ARGUMENTS = re.compile(r"\([^()]*\)")
_ATTRIBUTE = re.compile(r"\[\s*([\w-]+)")
_BRACKETS = re.compile(r"\[[^\]]*\]")  # an attribute's value may hold dots: .pdf is no class
_NAMED = re.compile(r"([.#])(-?[_a-zA-Z][\w-]*)")


def _tokens(html: str) -> set[str]:
    """The classes (.x), ids (#x) and attribute names ([x) a page has anywhere."""
    found = {"." + name for match in _CLASS_ATTR.finditer(html) for name in "".join(match.groups("")).split()}
    found |= {"#" + "".join(match.groups("")) for match in _ID_ATTR.finditer(html)}
    found |= {"[" + name.lower() for name in _ATTR_NAME.findall(html) if name}
    return found


def _needed(selector: str) -> set[str]:
    """What every element a selector matches must have somewhere in its page (outside :not(),
    :is() and the like, which may be satisfied otherwise)."""
    while _ARGUMENTS.search(selector):
        selector = _ARGUMENTS.sub("", selector)
    needed = {"[" + name.lower() for name in _ATTRIBUTE.findall(selector)}
    return needed | {kind + name for kind, name in _NAMED.findall(_BRACKETS.sub("", selector))}


def used_styles(css: str, matcher: Matcher, leave_out_media: tuple[str, ...] = ()) -> StylePass:
    """The stylesheet with every rule no page can use taken out (see the module's doc), and
    the @media blocks for the media in leave_out_media (such as print)."""
    result = StylePass("")
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    matcher.resolve(_selectors(rules))
    result.css = "".join(_keep(rules, matcher, result, leave_out_media))
    return result


def _selectors(rules) -> list[str]:
    found = []
    for rule in rules:
        if rule.type == "qualified-rule":
            found += _split(tinycss2.serialize(rule.prelude).strip())
        elif rule.type == "at-rule" and rule.content is not None and \
                rule.lower_at_keyword in ("media", "supports", "layer", "container"):
            found += _selectors(tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True))
    return found


def _keep(rules, matcher: Matcher, result: StylePass, leave_out: tuple[str, ...] = ()) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _split(tinycss2.serialize(rule.prelude).strip())
            answers = [matcher.matches(s) for s in selectors]
            unreadable = [s for s, answer in zip(selectors, answers, strict=True) if answer is None]
            result.unreadable += unreadable
            used = [s for s, answer in zip(selectors, answers, strict=True) if answer is not False]
            if used:
                result.kept += 1
                kept.append(",".join(used) + "{" + tinycss2.serialize(rule.content).strip() + "}")
            else:
                result.dropped += 1
        elif rule.type == "at-rule" and rule.lower_at_keyword == "media" and \
                tinycss2.serialize(rule.prelude).strip().lower() in leave_out:
            continue
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "layer", "container") \
                and rule.content is not None:
            inner = _keep(tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True),
                          matcher, result, leave_out)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":  # @keyframes, @font-face, @page, @charset...: kept whole
            kept.append(tinycss2.serialize([rule]).strip())
    return kept


def drop_unused_properties(sheets: list[str], elsewhere: str) -> list[str]:
    """The sheets without the custom properties (--name: value) nothing reads: the theme defines
    an icon and colours for every kind of box and feature, most of them unused here. A property
    is read by var(--name) in a kept rule, or is named in `elsewhere` (the pages' inline styles
    and the scripts, which may read or set one). Repeated until no more go, as one property's
    value may be the only reader of another."""
    while True:
        read = {name for sheet in sheets for name in _VAR.findall(sheet)} | set(_PROPERTY.findall(elsewhere))
        trimmed = [_without_properties(sheet, read) for sheet in sheets]
        if trimmed == sheets:
            return sheets
        sheets = trimmed


def _without_properties(css: str, read: set[str]) -> str:
    def blocks(rules) -> str:
        out = []
        for rule in rules:
            if rule.type == "qualified-rule":
                body = _declarations(rule.content, read)
                if body:
                    out.append(tinycss2.serialize(rule.prelude).strip() + "{" + body + "}")
            elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "layer", "container") \
                    and rule.content is not None:
                inner = blocks(tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True))
                if inner:
                    out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{inner}}}")
            else:
                out.append(tinycss2.serialize([rule]).strip())
        return "".join(out)
    return blocks(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _declarations(content, read: set[str]) -> str:
    kept = []
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration":
            if item.name.startswith("--") and item.name not in read:
                continue
            important = "!important" if item.important else ""
            kept.append(f"{item.name}:{tinycss2.serialize(item.value).strip()}{important}")
        elif item.type == "qualified-rule":  # nested CSS: kept as written
            kept.append(tinycss2.serialize([item]).strip())
    return ";".join(kept)


def drop_unused_keyframes(css: str) -> str:
    """The sheet without the @keyframes no rule of it animates with."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    names = {tinycss2.serialize(rule.prelude).strip() for rule in rules
             if rule.type == "at-rule" and rule.lower_at_keyword == "keyframes"}
    rest = "".join(tinycss2.serialize([rule]) for rule in rules
                   if not (rule.type == "at-rule" and rule.lower_at_keyword == "keyframes"))
    used = {name for name in names if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", rest)}
    return "".join(tinycss2.serialize([rule]).strip() for rule in rules
                   if not (rule.type == "at-rule" and rule.lower_at_keyword == "keyframes")
                   or tinycss2.serialize(rule.prelude).strip() in used)
