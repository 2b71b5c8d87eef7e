"""This guide's expectations as data (expectations.yml), read by the generic tests: the words
readers type and the page each must find first. The engine's own tests never read them."""
from __future__ import annotations

from pathlib import Path

import yaml

DATA = yaml.safe_load((Path(__file__).with_name("expectations.yml")).read_text(encoding="utf-8"))
SEARCH_FIRST: dict[str, dict[str, str]] = DATA["search_first"]  # language -> query -> page (docs path)
