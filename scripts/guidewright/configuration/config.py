"""Read mkdocs.yml (and any INHERIT overlay chain) the way MkDocs does, without building."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from guidewright.configuration.source_text import load_yaml, read_source
from guidewright.problems import Problem


@dataclass
class SiteConfig:
    path: Path                                   # the file given to the build
    raw: dict                                    # merged YAML, as MkDocs sees it
    chain: list[Path] = field(default_factory=list)  # the file and every file it INHERITs
    files: dict[Path, dict] = field(default_factory=dict)  # each file of the chain as written, read once
    offline: bool = False                        # built with the offline plugin on

    @property
    def root(self) -> Path:
        # MkDocs resolves docs_dir and custom_dir against the primary file's folder.
        return self.path.parent

    @property
    def extra(self) -> dict:
        extra = self.raw.get("extra") or {}
        return extra if isinstance(extra, dict) else {}

    @property
    def docs_dir(self) -> Path:
        return self.root / self.raw.get("docs_dir", "docs")

    @property
    def custom_dir(self) -> Path | None:
        theme = self.raw.get("theme") or {}
        custom = theme.get("custom_dir") if isinstance(theme, dict) else None
        return self.root / custom if custom else None

    @property
    def use_directory_urls(self) -> bool:
        # The offline plugin forces flat .html URLs.
        return not self.offline and bool(self.raw.get("use_directory_urls", True))

    @property
    def nav_pages(self) -> list[str]:
        """Every page file in the nav, in order: the site's one page list."""
        def walk(items):
            for item in items or []:
                value = next(iter(item.values())) if isinstance(item, dict) else item
                if isinstance(value, list):
                    yield from walk(value)
                elif isinstance(value, str) and value.endswith(".md"):
                    yield value
        return list(walk(self.raw.get("nav")))

    def file_yaml(self, path: Path) -> dict:
        """One file of the INHERIT chain as written (not merged): parsed once, when the config
        was loaded, then looked up by every check that asks which file sets what."""
        if path not in self.files:
            with path.open("rb") as handle:
                node = yaml_load(handle.read().decode()) or {}
            self.files[path] = node if isinstance(node, dict) else {}
        return self.files[path]

    @staticmethod
    def shown(path: Path) -> str:
        return _shown(path)

    def built_path(self, src_uri: str) -> Path:
        """Where MkDocs writes a page, relative to the site folder."""
        return built_path(src_uri, self.use_directory_urls)


def built_path(src_uri: str, use_directory_urls: bool) -> Path:
    """Where a builder writes a page (x.md), relative to the site folder."""
    stem = Path(src_uri).with_suffix("")
    if stem.name in ("index", "README"):
        return stem.parent / "index.html"
    return stem / "index.html" if use_directory_urls else stem.with_suffix(".html")


def url_path(built: Path) -> str:
    """A built page's address relative to the site root: x/index.html -> x/, index.html -> ''."""
    path = built.as_posix()
    return path[: -len("index.html")] if path.endswith("index.html") else path


def defining_file(config: SiteConfig, key: str) -> str:
    """The file in the INHERIT chain (overlay first) that sets a dotted key, for error messages;
    for a key nobody sets, the file given to the build."""
    parts = [p.split("[")[0] for p in key.split(".")]
    for path in config.chain:
        node = config.file_yaml(path)
        for depth, part in enumerate(parts):
            if not isinstance(node, dict) or part not in node:
                break
            node = node[part]
            if depth == len(parts) - 1:
                return _shown(path)
    # Not set as a whole: name the deepest file setting its parent, else the primary file.
    return _shown(config.path) if len(parts) == 1 else defining_file(config, ".".join(parts[:-1]))


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_site_config(path: Path) -> tuple[SiteConfig | None, list[Problem]]:
    """Load a config file; every failure names the file and what to fix."""
    path = path.resolve()
    if not path.is_file():
        return None, [Problem(str(path), "config file not found")]
    chain, files, problems = _inherit_chain(path)
    if problems:
        return None, problems
    try:
        with path.open("rb") as handle:
            raw = yaml_load(handle)
    except ConfigurationError as error:
        return None, [Problem(str(path), str(error))]
    if not isinstance(raw, dict):
        return None, [Problem(str(path), "config must be a YAML mapping")]
    return SiteConfig(path=path, raw=raw, chain=chain, files=files), []


def _inherit_chain(path: Path) -> tuple[list[Path], dict[Path, dict], list[Problem]]:
    """The file and every file it INHERITs, each readable (read_config_file), and each as read.
    A missing parent ends the chain: MkDocs' loader then names it."""
    chain: list[Path] = [path]
    files: dict[Path, dict] = {}
    while True:
        node, problems = read_config_file(chain[-1])
        if node is None:
            return chain, files, problems
        files[chain[-1]] = node
        parent = node.get("INHERIT")
        if not parent or not (chain[-1].parent / str(parent)).is_file():
            return chain, files, []
        chain.append((chain[-1].parent / str(parent)).resolve())
        if chain[-1] in chain[:-1]:  # a loop: MkDocs' loader names it
            return chain[:-1], files, []


def read_config_file(path: Path) -> tuple[dict | None, list[Problem]]:
    """One config file as written (INHERIT not merged). The build reads it as text, so it must be
    UTF-8; a date that isn't on the calendar (2026-02-30) is named, where PyYAML would crash."""
    where = _shown(path)
    text, problems = read_source(path, where)
    if text is None:
        return None, problems
    try:
        node, bad_dates = load_yaml(text, get_yaml_loader())
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        return None, [Problem(where, f"{line}not valid YAML: {getattr(error, 'problem', None) or error}")]
    if bad_dates:
        return None, [Problem(where, f"line {line}: {value} is not a date on the calendar: write a real one, "
                                     "like 2026-11-21") for line, value in bad_dates]
    return (node if isinstance(node, dict) else {}), []
