"""Duplicate keys in a YAML file. YAML parsers keep the last of two equal keys and drop the
first without a word: a second `extra:` in an overlay loses the clinic's whole block, a copied
line with the same id loses the first line. Every config file is read for them before use."""
from __future__ import annotations

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from guidewright.problems import Problem


def duplicate_keys(text: str) -> list[tuple[str, int, int]]:
    """(dotted key, line of the repeat, line of the first) for every key given twice in one
    mapping. Lines count from 1. Composing (not loading) reads MkDocs' tags (!ENV, !relative)
    without running them."""
    try:
        root = yaml.compose(text, Loader=get_yaml_loader())
    except yaml.YAMLError:
        return []  # not YAML at all: loading the file reports that, with its line
    found: list[tuple[str, int, int]] = []

    def walk(node, path: str) -> None:
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key_node, value in node.value:
                key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
                dotted = f"{path}.{key}" if path else key
                line = key_node.start_mark.line + 1
                if key and key != "<<":
                    if key in first:
                        found.append((dotted, line, first[key]))
                    else:
                        first[key] = line
                walk(value, dotted)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, f"{path}[{index}]")

    walk(root, "")
    return found


def duplicate_key_problems(text: str, where: str) -> list[Problem]:
    return [Problem(where, f"line {line}: {key} is given twice (first on line {first}); YAML keeps only the "
                           "last one and silently drops everything in the first. Merge the two into one", key)
            for key, line, first in duplicate_keys(text)]
