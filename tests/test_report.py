"""The build's report leads with what the person building can act on (dates, addresses) and
counts the open claims, which wait for a clinician, unless asked to list them (--claims)."""
from __future__ import annotations

from guidewright.build.report import print_result
from guidewright.build.result import BuildResult
from guidewright.problems import DUE, OPEN_CLAIM, Problem

WARNINGS = [
    Problem("docs-review/a.yml", "open claim on docs/a.md: Tolerance drops fast.", kind=OPEN_CLAIM),
    Problem("docs-review/b.yml", "open claim on docs/b.md: A line still runs.", kind=OPEN_CLAIM),
    Problem("docs-review/b.yml", "open claim on docs/b.md: Another.", kind=OPEN_CLAIM),
    Problem("docs/c.md", "review due 2027-01-01, in 3 day(s): after that date the build fails", kind=DUE),
    Problem("clinic.yml", "https://x.example/ is a placeholder", "site_url"),
]


def test_open_claims_are_counted_after_what_can_be_acted_on(capsys):
    print_result(BuildResult(0, warnings=WARNINGS))
    out = capsys.readouterr().out
    assert "2 warning(s) in 2 file(s):" in out and "review due 2027-01-01" in out and "site_url:" in out
    assert "Tolerance drops fast" not in out
    assert "Note: 3 claim(s) in 2 fact-check log(s) are open, waiting for a clinician" in out
    assert out.index("review due") < out.index("Note: 3 claim(s)")


def test_claims_lists_every_open_claim(capsys):
    print_result(BuildResult(0, warnings=WARNINGS), claims=True)
    out = capsys.readouterr().out
    assert "3 open claim(s) in 2 file(s):" in out and "Tolerance drops fast." in out and "Another." in out
