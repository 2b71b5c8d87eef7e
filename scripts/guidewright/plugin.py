"""The engine as a MkDocs plugin: a guide's mkdocs.yml says `plugins: {guidewright: {}}` (after
Material's search and offline plugins) and holds content, not wiring.

It layers the engine's templates between the guide's overrides/ and Material, publishes the
engine's CSS and scripts (a guide's own file at the same path wins), and runs the engine's MkDocs
hooks (guidewright.mkdocs_hooks), each at the priority it declares. Zensical runs no plugins:
guidewright.build.zensical_build does the same work for it from the same modules."""
from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from guidewright.mkdocs_hooks import (
    card_pages,
    clinic_logo,
    contacts_config,
    content_policy,
    error_page,
    offline_search,
    reader_files,
    safety_advice,
    search_dialog_name,
    search_terms,
)
from guidewright.package_files import STYLESHEETS, THEME, asset_files

# In the order their events run at equal priority (as the old `hooks:` list ran them).
HOOKS = (contacts_config, offline_search, clinic_logo, search_dialog_name, search_terms, error_page,
         card_pages, content_policy, reader_files, safety_advice)


@event_priority(100)  # before the hooks and other plugins read the theme or the stylesheets
def _add_theme(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    dirs = config.theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    config.extra_css[:0] = [css for css in STYLESHEETS if css not in config.extra_css]
    return config


def _add_assets(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    for uri, path in asset_files():
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


class GuidePlugin(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        events: dict[str, list] = {"on_config": [_add_theme], "on_files": [_add_assets]}
        for hook in HOOKS:
            for name in dir(hook):
                if name.startswith("on_") and callable(getattr(hook, name)):
                    events.setdefault(name, []).append(getattr(hook, name))
        # Instance attributes, so MkDocs registers each function with its own priority.
        for name, functions in events.items():
            setattr(self, name, CombinedEvent(*functions))
