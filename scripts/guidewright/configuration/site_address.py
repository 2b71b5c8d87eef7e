"""The guide's public address, set once: `site_url` in the main config (or the overlay a host
builds) flows to every language. A translation's address is the main one plus its folder
(site/es/ -> <site_url>es/), so canonical links, the sitemap, the 404 page and printed QR codes
of every language follow one setting; a translation's own config may still set its own."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from guidewright.configuration.config import SiteConfig
from guidewright.problems import Problem, config_problem

PUBLIC_URL = ("handouts", "public_url")
PLACEHOLDER_DOMAINS = (".example", ".invalid", ".test", ".localhost")   # RFC 2606 / 6761


def translation_folder(config: SiteConfig) -> str | None:
    """The folder this config's site sits in when it is one of the guide's translations."""
    listed = config.extra.get("translations")
    for folder, name in (listed if isinstance(listed, dict) else {}).items():
        if (config.root / str(name)).resolve() == config.path.resolve():
            return str(folder)
    return None


def in_folder(url: str, folder: str | None) -> str:
    return url.rstrip("/") + f"/{folder}/" if url and folder else url


def site_address(config: SiteConfig) -> str:
    """This config's site_url: its own file's, else the inherited one (plus the folder, for a
    translation that inherits the main site's)."""
    url = str(config.raw.get("site_url") or "")
    if "site_url" in config.file_yaml(config.path):
        return url
    return in_folder(url, translation_folder(config))


def public_address(config: SiteConfig) -> str:
    """extra.handouts.public_url the same way: the QR codes of a translation's handouts lead to
    its own pages."""
    handouts = config.extra.get(PUBLIC_URL[0])
    url = str((handouts or {}).get(PUBLIC_URL[1]) or "") if isinstance(handouts, dict) else ""
    own = (config.file_yaml(config.path).get("extra") or {}).get(PUBLIC_URL[0]) or {}
    if isinstance(own, dict) and own.get(PUBLIC_URL[1]):
        return url
    return in_folder(url, translation_folder(config))


def alternate_address(site_url: str, base: str) -> str:
    """The other language's site, absolute (search engines ignore relative hreflang links)."""
    return urljoin(site_url, base) if site_url else ""


def is_placeholder(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return not host or host.endswith(PLACEHOLDER_DOMAINS) or host == "localhost"


def site_url_warnings(url: str, locate) -> list[Problem]:
    """What the person building can act on: a copy hosted without its real address gives search
    engines, shared links and the 404 page a wrong one."""
    if url and not is_placeholder(url):
        return []
    what = f"{url} is a placeholder" if url else "is not set"
    return [config_problem(locate, f"site_url: {what}; canonical links, the sitemap and the language alternates "
                                   "use it. Set site_url to the address where this copy will be hosted (a clinic: "
                                   "in its overlay) before publishing it")]
