"""Print a BuildResult for an editor: every problem at once, grouped by the file to fix."""
from __future__ import annotations

from pathlib import Path

from guidewright.problems import OPEN_CLAIM, Problem, format_report, shown_path
from guidewright.build.result import BuildResult

# The offline zip, both languages: small enough to mail or keep on any USB stick. Raised from
# 1 MiB when the guide grew to 20 pages a language (issue 20): every page carries the whole menu,
# so the cost grows with pages times pages (issue 22 is to make it flat).
ZIP_TARGET_BYTES = 1280 * 1024
HANDOUT_TARGET_SECONDS = 30


def lines(count: int) -> str:
    return "the crisis contact" if count == 1 else f"all {count} crisis contacts"


def print_result(result: BuildResult, shown=str, claims: bool = False) -> None:
    """`shown` turns a path into what the editor should read (relative to the repo); `claims`
    lists every open claim instead of counting them."""
    if result.builder_output:
        print(result.builder_output)
    if result.grades:
        print(grade_table(result))
    _warn(result.warnings, claims)
    if result.pages and result.site_dir is not None:
        for contact_id, file, why in result.removed_lines:
            print(f"Removed line: {contact_id!r} ({file}): {why}")
        print(f"OK: {result.pages} pages in {shown(result.site_dir)}/ show {lines(result.contacts)}; "
              f"no denied numbers, no outside requests; content rules met. Built by {result.builder} in "
              f"{result.build_seconds:.1f} s, checks {result.check_seconds:.2f} s.")
    if result.offline:
        package = result.offline
        verdict = "within" if package.size <= ZIP_TARGET_BYTES else "OVER"
        print(f"Offline copy: {shown(package.zip_path)} ({package.size / 1024:.0f} KiB, {package.files} files; "
              f"{verdict} the {ZIP_TARGET_BYTES / 1024 / 1024:g} MiB target; left out {package.removed} unused files). "
              f"Unzip it and open {package.folder}/index.html.")
    if result.handouts:
        run = result.handouts
        for handout in run.made:
            print(f"  {shown(handout.path):<48} {handout.sheets:>2} sheet(s) {handout.size / 1024:>6.0f} KiB")
        if result.ok:
            copy = f" and {shown(run.site_copy)}/" if run.site_copy else ""
            print(f"Handouts: {len(run.made)} PDFs in {shown(run.out_dir)}/{copy} in {run.seconds:.1f} s "
                  f"(target <= {HANDOUT_TARGET_SECONDS} s).")
    if not result.ok:
        print(f"FAILED: {result.headline}\n{format_report(result.problems)}")


def grade_table(result: BuildResult) -> str:
    """English pages by Flesch-Kincaid grade; pages in a language measured by reading ease
    (Spanish: Fernández Huerta, with Szigriszt-Pazos beside it) in their own table."""
    graded = {label: r for label, r in result.grades.items() if r.ease is None}
    eased = {label: r for label, r in result.grades.items() if r.ease is not None}
    tables = []
    if graded:
        rows = [f"  {'source':<30} {'grade':>5} {'words':>6}"]
        for label, grade in sorted(graded.items()):
            flag = "  above limit" if grade.grade > result.max_grade else ""
            rows.append(f"  {_source(label):<30} {grade.grade:>5.1f} {grade.words:>6}{flag}")
        tables.append(f"Reading grade (Flesch-Kincaid, limit {result.max_grade:g}):\n" + "\n".join(rows))
    if eased:
        rows = [f"  {'source':<30} {'ease':>5} {'SzP':>5} {'words':>6}"]
        for label, grade in sorted(eased.items()):
            flag = "  below limit" if grade.ease < result.min_ease else ""
            rows.append(f"  {_source(label):<30} {grade.ease:>5.1f} {grade.perspicuity:>5.1f} {grade.words:>6}{flag}")
        tables.append(f"Reading ease (Fernández Huerta, at least {result.min_ease:g}; SzP: Szigriszt-Pazos):\n"
                      + "\n".join(rows))
    return "\n".join(tables)


def _source(label: str) -> str:
    return label.split("(", 1)[-1].rstrip(")")  # 'site/x/index.html (docs/x.md)' -> docs/x.md


def _warn(warnings: list[Problem], claims: bool) -> None:
    """What the person building can act on first (dates, addresses); the open claims, which wait
    for a clinician, as one line unless asked for (--claims)."""
    actionable = [w for w in warnings if w.kind != OPEN_CLAIM]
    open_claims = [w for w in warnings if w.kind == OPEN_CLAIM]
    if actionable:
        print("WARNING:\n" + format_report(actionable, "warning"))
    if open_claims and claims:
        print("Open claims (for the guide's clinical reviewers):\n" + format_report(open_claims, "open claim"))
    elif open_claims:
        logs = len({w.file for w in open_claims})
        print(f"Note: {len(open_claims)} claim(s) in {logs} fact-check log(s) are open, waiting for a clinician to "
              "confirm them (nothing to do for this build; list them with --claims).")


def display(repo: Path):
    return lambda path: shown_path(path, repo)
