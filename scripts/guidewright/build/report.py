"""Print a BuildResult for an editor: every problem at once, grouped by the file to fix."""
from __future__ import annotations

from pathlib import Path

from guidewright.build.result import BuildResult
from guidewright.checks.reading_measures import BESIDE, MEASURES
from guidewright.problems import OPEN_CLAIM, Problem, format_report, shown_path

# The offline zip, both languages: small enough to mail or keep on any USB stick. Back to 1 MiB
# (issue 22): the languages share one copy of the assets, the menu is pruned and the styles
# trimmed. Most of what is left is the pages' own text and the search indexes, which a zip
# compresses file by file.
ZIP_TARGET_BYTES = 1024 * 1024
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
    if result.styles and result.styles.original and result.ok:
        styles = result.styles
        where = (f"{styles.critical / 1024:.1f} KiB for the first screen ride inline in each page" if styles.critical
                 else "it stays in <head>, as files have no round trips to save")
        print(f"Styles: the pages' stylesheets ({styles.original / 1024:.0f} KiB) became one of the rules they use "
              f"({styles.used / 1024:.0f} KiB); {where}.")
    if result.precompressed:
        packed = result.precompressed
        print(f"Precompressed: {packed.files} text files, {packed.size / 1024:.0f} KiB -> gzip "
              f"{packed.gzip_size / 1024:.0f} KiB, brotli {packed.brotli_size / 1024:.0f} KiB "
              f"({packed.written} .gz/.br files beside them, for hosts that send them as they are; {packed.seconds:.1f} s).")
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
    """Every page by its language's reading measure, a table per measure, grades first; with the
    measure reported beside it where there is one (Spanish: Szigriszt-Pazos beside Fernández Huerta)."""
    by_measure: dict[str, dict] = {}
    for label, readability in result.grades.items():
        by_measure.setdefault(readability.measure, {})[label] = readability
    tables = []
    for name in sorted(by_measure, key=lambda n: (not MEASURES[n].lower_is_easier, n)):
        measure, limit = MEASURES[name], result.limits.get(name)
        beside = MEASURES.get(BESIDE.get(name, ""))
        lower = measure.lower_is_easier
        rows = [f"  {'source':<30} {'grade' if lower else 'ease':>5}" + (f" {beside.short:>5}" if beside else "")
                + f" {'words':>6}"]
        for label, page in sorted(by_measure[name].items()):
            hard = limit is not None and (page.score > limit if lower else page.score < limit)
            flag = f"  {'above' if lower else 'below'} limit" if hard else ""
            next_to = f" {page.beside:>5.1f}" if beside else ""
            rows.append(f"  {_source(label):<30} {page.score:>5.1f}{next_to} {page.words:>6}{flag}")
        bound = "" if limit is None else f", limit {limit:g}" if lower else f", at least {limit:g}"
        named = f"; {beside.short}: {beside.label}" if beside else ""
        tables.append(f"{measure.noun.capitalize()} ({measure.label}{bound}{named}):\n" + "\n".join(rows))
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
