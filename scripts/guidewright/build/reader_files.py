"""The files readers keep, written into a built site: the help lines as a contacts file
(guidewright.lines.contacts_card) and the "Save to this phone" worker (guidewright.build.save_offline; not in the offline
copy, where browsers allow no worker). scripts/build.py writes them after asset names get their
hashes (for Zensical too, which runs no hooks); mkdocs_hooks/reader_files.py, for plain
`mkdocs build` and `mkdocs serve`."""
from __future__ import annotations

from pathlib import Path

from guidewright.build.save_offline import write_worker
from guidewright.configuration.settings import Settings
from guidewright.lines.contacts_card import write_contacts_card


def write_reader_files(settings: Settings, site_dir: Path, offline: bool, skip: tuple[Path, ...] = (),
                       shared: Path | None = None) -> None:
    """Both files for one language's built site; `skip`: other languages' folders inside it;
    `shared`: the main site, whose assets a translation's pages load."""
    clinic_texts = settings.clinic.texts if settings.clinic else ()
    write_contacts_card(site_dir, settings.contacts, settings.ui["help_row_name"], clinic_texts)
    if not offline:  # last: it lists the contacts file too
        write_worker(site_dir, skip, shared)
