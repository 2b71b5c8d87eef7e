"""`guidewright serve`: preview every language of a guide at once, as it will be published (the
translations in their folders, so the language link works), rebuilding on any input: every config
file in each language's INHERIT chain, the pages, includes/, the fact-check logs, the guide's
overrides/ and the engine's own templates and assets. MkDocs' own `serve` knows one config only."""
from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer, _serve_url

from guidewright.checks.csp import add_policy
from guidewright.configuration.config import SiteConfig, defining_file, load_site_config
from guidewright.languages.translations import Translation, remove_generated, translations
from guidewright.package_files import ASSETS, THEME
from guidewright.problems import Problem, format_report

log = logging.getLogger("mkdocs")


class PreviewServer(LiveReloadServer):
    """MkDocs' server adds its reload script inline to each page it serves; the page's security
    policy lets only the inline scripts it was built with run, so it is recomputed with this one
    (in the preview only: built sites never carry it)."""

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        return add_policy(super()._inject_js_into_html(content, epoch).decode("utf-8")).encode("utf-8")


REVIEW_FOLDER = "docs-review"   # fact-check logs: a change to one changes the page's sign-off


def language_configs(config: SiteConfig) -> tuple[list[tuple[Path, str]], list[Translation], list[Problem]]:
    """(config file, folder in the site) for the main language and each translation."""
    found, problems = translations(config, lambda key: defining_file(config, key))
    return [(config.path, ""), *((t.config_path, t.folder) for t in found)], found, problems


def watched_paths(paths: list[Path]) -> list[Path]:
    """Every input of every language's build that exists: each config in the INHERIT chains and
    the folders beside them that pages, snippets and templates come from."""
    found: set[Path] = {THEME, ASSETS}
    for path in paths:
        config, _ = load_site_config(path)
        if config is None:
            continue
        found.update(config.chain)
        found.add(config.docs_dir)
        if config.custom_dir is not None:
            found.add(config.custom_dir)
        for name in ("includes", REVIEW_FOLDER):
            found.add(config.root / name)
    return sorted(p for p in found if p.exists())


def serve(config_path: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    config, problems = load_site_config(config_path)
    if config is None:
        print(format_report(problems))
        return 1
    languages, found, problems = language_configs(config)
    if problems:
        print(format_report(problems))
        return 1
    site = Path(tempfile.mkdtemp(prefix="guidewright-preview-"))
    mount_path = urlsplit(str(config.raw.get("site_url") or "/")).path or "/"
    serve_url = _serve_url(host, port, mount_path)

    def rebuild() -> None:
        log.info("Building every language ...")
        for path, folder in languages:
            language = load_config(str(path), site_dir=str(site / folder))
            language.site_url = serve_url + (f"{folder}/" if folder else "")
            language.plugins.on_startup(command="serve", dirty=False)
            try:
                build(language, serve_url=serve_url)
            except MkDocsException as error:  # shown in the terminal; the last good preview stays up
                log.error(f"{path.name}: {error}")
            finally:
                language.plugins.on_shutdown()

    server = PreviewServer(builder=rebuild, host=host, port=port, root=str(site), mount_path=mount_path)
    server.error_handler = lambda code: (site / "404.html").read_bytes() if code == 404 and (site / "404.html").is_file() else None
    try:
        rebuild()
        for path in watched_paths([p for p, _ in languages]):
            server.watch(str(path))
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down ...")
        finally:
            server.shutdown()
    finally:
        remove_generated(found)
        shutil.rmtree(site, ignore_errors=True)
    return 0
