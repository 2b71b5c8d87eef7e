"""What a build run produced, as data: the CLI's reporter prints it, the benchmarks and tests
read it. Nothing here prints."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from guidewright.build.page_styles import PageStyles
from guidewright.build.precompress import Precompressed
from guidewright.checks.page_check import Readability
from guidewright.printing.handouts import Handout
from guidewright.problems import Problem

OK, CHECKS_FAILED, BAD_CONFIG = 0, 1, 2  # exit codes
ERROR_PAGE = "404.html"  # the theme's not-found page, checked like any page
CANT_PUBLISH = 3  # the output folder isn't the build's, another build is writing it, or the disk refused


@dataclass
class BuilderRun:
    """What the site generator did: whether it built, its output, how long it took."""
    ok: bool
    output: str
    seconds: float


@dataclass
class OfflinePackage:
    zip_path: Path
    size: int             # bytes
    files: int            # files in the copy
    removed: int          # unused files left out
    folder: str           # the folder the zip unpacks to


@dataclass
class HandoutRun:
    out_dir: Path
    made: list[Handout] = field(default_factory=list)
    seconds: float = 0.0
    site_copy: Path | None = None   # the same PDFs inside the published site, which links to them


@dataclass
class BuildResult:
    code: int                                    # OK, CHECKS_FAILED, BAD_CONFIG or CANT_PUBLISH
    headline: str = ""                           # why it failed, and what was kept
    builder: str = "mkdocs"
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    site_dir: Path | None = None                 # where the site was published (None: not published)
    pages: int = 0                               # built pages checked
    contacts: int = 0                            # lines every page shows
    grades: dict[str, Readability] = field(default_factory=dict)
    limits: dict[str, float] = field(default_factory=dict)  # reading measure -> its limit (each language's)
    removed_lines: list[tuple[str, str, str]] = field(default_factory=list)  # (id, file, why)
    builder_output: str = ""                     # what the builder said, when it crashed
    build_seconds: float = 0.0
    check_seconds: float = 0.0
    offline: OfflinePackage | None = None
    handouts: HandoutRun | None = None
    precompressed: Precompressed | None = None   # the .br/.gz copies beside the online site's text files
    styles: PageStyles | None = None             # the one stylesheet and the inline first-screen styles

    @property
    def ok(self) -> bool:
        return self.code == OK
