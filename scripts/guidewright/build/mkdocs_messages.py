"""MkDocs' strict-mode warnings, turned into problems that name the page to fix (MkDocs names
pages relative to docs/ and mixes them with chatter; the editor wants the file)."""
from __future__ import annotations

import re

from guidewright.problems import Problem

_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but (?P<why>.+?)\.?$")
_ANCHOR = re.compile(r"the doc '(?P<doc>[^']+)' does not contain an anchor '(?P<anchor>[^']+)'")
_UNREADABLE = re.compile(r"(?:Encoding error reading file: |Error reading page ')(?P<page>[^':]+)")
_NOT_IN_NAV = 'exist in the docs directory, but are not included in the "nav" configuration'


def mkdocs_problems(output: str, docs: str, config: str) -> list[Problem]:
    """Problems from MkDocs' output: a page's broken link or anchor names the page; a page left
    out of the nav names the page and mkdocs.yml's nav. docs: the docs folder as shown to the
    editor (e.g. 'docs'); config: the config file. Anything unrecognized names the config."""
    problems: list[Problem] = []
    lines = output.splitlines()
    for index, line in enumerate(lines):
        message = re.sub(r"^(WARNING|ERROR)\s+-\s+", "", line.strip())
        if message == line.strip():
            continue
        if (link := _LINK.search(message)) is not None:
            where = f"{docs}/{link['page']}"
            anchor = _ANCHOR.search(link["why"])
            if anchor:
                problems.append(Problem(where, f"link '{link['link']}': {anchor['doc']} has no heading or id "
                                               f"'{anchor['anchor']}'; fix the link or add the id"))
            else:
                problems.append(Problem(where, f"link '{link['link']}' goes to no page in {docs}/; fix the link "
                                               "(links are relative to this page)"))
        elif (unreadable := _UNREADABLE.search(message)) is not None:
            problems.append(Problem(f"{docs}/{unreadable['page']}", f"MkDocs could not read this page: {message}"))
        elif _NOT_IN_NAV in message:
            for item in lines[index + 1:]:
                if not item.startswith("  - "):
                    break
                problems.append(Problem(f"{docs}/{item[4:].strip()}",
                                        f"this page is not in the nav: add it to nav: in {config} (or delete it)"))
        elif not message.startswith("Aborted with"):
            problems.append(Problem(config, f"MkDocs: {message}"))
    return problems
