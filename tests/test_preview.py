"""`guidewright serve`: every language in one preview, rebuilt when any input changes."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from conftest import REPO
from guidewright.build.preview import language_configs, watched_paths
from guidewright.checks.csp import check_policy
from guidewright.configuration.config import load_site_config
from guidewright.package_files import ASSETS, THEME


def test_preview_watches_every_input_of_every_language(repo_config):
    paths, _, problems = language_configs(repo_config)
    assert problems == [] and [folder for _, folder in paths] == ["", *repo_config.extra["translations"]]
    watched = set(watched_paths([path for path, _ in paths]))
    expected = {REPO / name for name in ("mkdocs.yml", "mkdocs.es.yml", "docs", "docs-es", "includes",
                                         "docs-review", "overrides")} | {THEME, ASSETS}
    assert expected <= watched, expected - watched


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, until, seconds: float = 90) -> str:
    """The page at url once `until(text)` holds (the preview builds, then rebuilds on change)."""
    deadline, text = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            text = urllib.request.urlopen(url, timeout=5).read().decode()
            if until(text):
                return text
        except OSError:  # not up yet, or busy rebuilding (URLError, refused, timed out)
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url}: not as expected after {seconds} s; last: {text[:300]!r}")


def test_preview_serves_both_languages_and_reloads_a_translation_on_a_word_change(tiny_spanish_site):
    config = tiny_spanish_site.config()
    assert load_site_config(config)[0] is not None
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "guidewright", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=tiny_spanish_site.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    try:
        base = f"http://127.0.0.1:{port}/"
        home = fetch(base, lambda text: "data-crisis-contacts" in text)
        # The reload script the server adds runs: the page's policy lists it.
        assert 'lang="en"' in home and "livereload" in home and check_policy(home, "/") == []
        spanish = fetch(base + "es/", lambda text: 'lang="es"' in text)
        assert "data-crisis-contacts" in spanish
        # A word only the Spanish config gives, changed while serving: the Spanish preview follows.
        es = tiny_spanish_site.root / "es.yml"
        es.write_text(es.read_text().replace("  ui:\n", "  ui:\n    help_row_name: Líneas de prueba\n", 1))
        fetch(base + "es/", lambda text: "Líneas de prueba" in text)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode(errors="replace")
    assert "Traceback" not in output, output
