"""MkDocs' strict-mode output becomes problems that name the page to fix."""
from __future__ import annotations

from guidewright.build.mkdocs_messages import mkdocs_problems

OUTPUT = """INFO    -  Cleaning site directory
WARNING -  The following pages exist in the docs directory, but are not included in the "nav" configuration:
  - orphan.md
  - sub/also.md
WARNING -  Doc file 'index.md' contains a link 'missing.md', but the target is not found among documentation files.
WARNING -  Doc file 'index.md' contains a link 'a.md#b', but the doc 'a.md' does not contain an anchor '#b'.
WARNING -  Config value 'theme': something new went wrong.
Aborted with 4 warnings in strict mode!
"""


def test_each_warning_names_its_file():
    found = [(p.file, p.message) for p in mkdocs_problems(OUTPUT, "docs", "clinic.yml")]
    assert [where for where, _ in found] == ["docs/orphan.md", "docs/sub/also.md", "docs/index.md", "docs/index.md",
                                             "clinic.yml"]
    assert found[0][1] == "this page is not in the nav: add it to nav: in clinic.yml (or delete it)"
    assert found[2][1].startswith("link 'missing.md' goes to no page in docs/")
    assert found[3][1].startswith("link 'a.md#b': a.md has no heading or id '#b'")
    assert found[4][1] == "MkDocs: Config value 'theme': something new went wrong."


def test_info_lines_and_crash_output_give_nothing_page_specific():
    """INFO chatter is not a problem; a bare traceback yields nothing, so the CLI shows it whole."""
    assert mkdocs_problems("INFO    -  Building\nTraceback (most recent call last):\n  x\nValueError: y\n",
                           "docs", "mkdocs.yml") == []
