"""MkDocs hook: the files readers keep, written into the built site so plain `mkdocs build` and
`mkdocs serve` have them too: the help lines as a contacts file (guide.contacts_card) and the
"Save to this phone" worker (guide.save_offline; not in the offline copy, where browsers allow
no worker). scripts/build.py writes both again after asset names get their hashes, and for
Zensical, which runs no hooks."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from guide.contacts_card import write_contacts_card
from guide.save_offline import write_worker
from guide.settings import Settings, load_settings


def write_reader_files(settings: Settings, site_dir: Path, offline: bool, skip: tuple[Path, ...] = ()) -> None:
    """Both files for one language's built site; `skip`: other languages' folders inside it."""
    clinic_texts = settings.clinic.texts if settings.clinic else ()
    write_contacts_card(site_dir, settings.contacts, settings.ui["help_row_name"], clinic_texts)
    if not offline:  # last: it lists the contacts file too
        write_worker(site_dir, skip)


def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    settings, _ = load_settings(Path(config.config_file_path or "mkdocs.yml"))
    if settings is None:  # contacts_config.py has refused the build already
        return
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    site_dir = Path(config.site_dir)
    skip = tuple(site_dir / str(code) for code in (config.extra.get("translations") or {}))
    write_reader_files(settings, site_dir, bool(offline is not None and offline.config.enabled), skip)
