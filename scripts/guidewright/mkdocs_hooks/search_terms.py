"""MkDocs hook: put the words readers type (extra.search_terms) into the search index
(guidewright.search.search_terms), for `mkdocs build`, `mkdocs serve`, overlays and the offline copy alike.

It rewrites search/search_index.json after Material's search plugin writes it (priority 0) and
before the offline plugin copies it into search/search_index.js (-100), so both carry the terms.
The build checks the result (guidewright.search.search_terms.check_built_index)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from guidewright.search.search_terms import INDEX, add_terms, terms_by_url


@event_priority(-50)
def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    path = Path(config.site_dir) / INDEX
    terms = terms_by_url(config.extra, config.use_directory_urls)
    if terms and path.is_file():  # no index: search is off, or the theme changed (the build says so)
        index = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(add_terms(index, terms), separators=(",", ":")), encoding="utf-8")
