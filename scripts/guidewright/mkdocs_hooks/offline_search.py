"""MkDocs hook: in offline builds, give search our own file:// worker shim.

Runs before Material's offline plugin (higher priority): that plugin adds a CDN copy of a
shim unless extra.polyfills already names one containing "iframe-worker", and pages opened
from a USB stick must make no outside request."""
from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

SHIM = "assets/javascripts/iframe-worker.js"


@event_priority(100)
def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [*(config.extra.get("polyfills") or []), SHIM]
    return config
