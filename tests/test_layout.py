"""The engine's shape: no import cycles, nothing about one guide in its code, templates or assets."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from guidewright.package_files import PACKAGE

pytestmark = pytest.mark.unit

# Words that belong to this repository's guide (its topic, its country's lines), never the engine's.
GUIDE_WORDS = re.compile(r"\b(911|988|heroin|opioids?|naloxone|narcan|samhsa|overdose|lifeline)\b", re.IGNORECASE)


def engine_modules() -> dict[str, Path]:
    return {"guidewright." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__"): p
            for p in PACKAGE.rglob("*.py") if "scaffold" not in p.relative_to(PACKAGE).parts}


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):  # function-level imports too
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("guidewright"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("guidewright")}
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that import one another, however indirectly (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph.get(node, ()):
            if other not in graph:
                continue
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_cycles_are_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_engine_has_no_import_cycles():
    graph = {name: imports(path) for name, path in engine_modules().items()}
    assert len(graph) > 20 and cycles(graph) == []


def code_strings(path: Path) -> list[str]:
    """Every string literal in a module except docstrings (which may give examples)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def guide_words_in_engine() -> list[str]:
    found = [f"{path.name}: {text[:60]!r}" for path in engine_modules().values()
             for text in code_strings(path) if GUIDE_WORDS.search(text)]
    for path in sorted(PACKAGE.rglob("*")):
        parts = path.relative_to(PACKAGE).parts
        if path.suffix in (".html", ".js", ".css", ".yml") and "scaffold" not in parts:
            # Template comments ({# #}) and CSS/JS comments may name examples; the output may not.
            text = re.sub(r"\{#.*?#\}|/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
            text = re.sub(r"(?m)^\s*(//|#).*$", "", text)
            found += [f"{path.relative_to(PACKAGE)}: {match.group()!r}" for match in GUIDE_WORDS.finditer(text)]
    return found


def test_engine_names_nothing_of_one_guide():
    assert guide_words_in_engine() == []


def test_guide_words_are_found():
    assert GUIDE_WORDS.search("call 911 now") and GUIDE_WORDS.search("SAMHSA line")
    assert not GUIDE_WORDS.search("call 1911 or the line 9880")
