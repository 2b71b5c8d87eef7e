"""The same guide built with stock Material for MkDocs, for the first-view comparison: the same
pages, nav and Markdown extensions, stock theme templates, no guidewright plugin, search only.
Not part of the engine package."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from guidewright.configuration.config import load_site_config


def build_stock(repo: Path, config_names: list[tuple[str, str]], root: Path) -> Path:
    """config_names: (config file, folder in the site: "" for the main language). Returns the
    built site. Fonts off as in the guide; stock Material would otherwise also ask Google for
    Roboto, which the comparison does not count."""
    site = root / "site"
    shutil.copytree(repo / "includes", root / "includes")
    for name, folder in config_names:
        config, problems = load_site_config(repo / name)
        if config is None:
            sys.exit(f"{name}: {problems}")
        raw = config.raw
        docs = root / config.docs_dir.name
        if not docs.exists():
            shutil.copytree(config.docs_dir, docs)
            # A page may name one of the guide's own templates; stock Material has only main.html.
            for page in docs.rglob("*.md"):
                page.write_text(re.sub(r"(?m)^template: .*\n", "", page.read_text(encoding="utf-8"), count=1),
                                encoding="utf-8")
        search = (raw.get("plugins") or {}).get("search") or {}
        stock = {
            "site_name": raw["site_name"],
            "docs_dir": docs.name,
            "theme": {"name": "material", "language": raw["theme"]["language"], "font": False},
            "plugins": [{"search": search}],
            "nav": raw["nav"],
            # The guide's own (guidewright.*) extensions run without the plugin: kept, so both
            # builds render the same content.
            "markdown_extensions": [{key: value} for key, value in raw["markdown_extensions"].items()],
        }
        stock_config = root / f"stock-{folder or 'main'}.yml"
        stock_config.write_text(yaml.safe_dump(stock, sort_keys=False, allow_unicode=True), encoding="utf-8")
        out = site / folder if folder else site
        run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(stock_config), "-d", str(out)],
                             capture_output=True, text=True, cwd=root, env={"NO_MKDOCS_2_WARNING": "1",
                                                                            "PATH": "/usr/bin:/bin"})
        if run.returncode != 0:
            sys.exit(f"stock Material build of {name} failed:\n{run.stderr[-2000:]}")
    return site
