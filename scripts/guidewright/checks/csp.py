"""A Content-Security-Policy in every built page, so the browser itself refuses anything from
another origin: if an edit ever slips a CDN script, font or tracker in, it does not load, even
where our checks were skipped. Inline scripts are allowed one by one, by the hash of their
text; no other script runs. The policy rides in a <meta> tag (it must work from file:// and on
any host). A host sends the same policy as a header too (guidewright.build.hosting writes its config from
header_policy()), adding what a <meta> can't carry: frame-ancestors (no page of ours inside
another site's frame) is ignored in a <meta>."""
from __future__ import annotations

import base64
import hashlib
import re

from guidewright.problems import Problem

META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
# 'self' only. Styles may be inline (the theme sets style attributes from its scripts); they
# can't fetch anything, as images and fonts are 'self' (plus data: for the theme's icons).
DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self' {hashes}",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self' blob:",
    "frame-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'none'",
}
# Every inline <script>, also those waiting in a <template> (load-on-use.js runs them later).
# JSON data blocks never run, so they need no hash.
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL | re.IGNORECASE)
_EXISTING = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)


# Only in the header: browsers ignore these in a <meta>.
HEADER_ONLY = {"frame-ancestors": "'none'"}
# The header is one policy for every page, so it can't list each page's script hashes. It allows
# inline scripts instead; the browser enforces both policies, so only what each page's <meta>
# allows by hash runs (a header without script-src would block every inline script).
HEADER_SCRIPTS = "'unsafe-inline'"


def header_policy() -> str:
    """The policy a host sends as a Content-Security-Policy header: the same directives, for
    every page, plus those a <meta> can't carry."""
    directives = {**DIRECTIVES, **HEADER_ONLY}
    return "; ".join(f"{name} {value.format(hashes=HEADER_SCRIPTS)}" for name, value in directives.items())


def script_hashes(html: str) -> list[str]:
    """'sha256-…' of each of the engine's inline scripts, in page order, without repeats. A
    script in the page's own text (the <article> Markdown becomes) is never let in: the build
    refuses it (guidewright.checks.script_check), and where no build check ran (a preview) it doesn't run."""
    found = []
    content = [match.span() for match in _ARTICLE.finditer(html)]
    for match in _INLINE_SCRIPT.finditer(html):
        if "json" in match["attrs"].lower() or any(start <= match.start() < end for start, end in content):
            continue
        digest = base64.b64encode(hashlib.sha256(match["body"].encode("utf-8")).digest()).decode()
        if f"'sha256-{digest}'" not in found:
            found.append(f"'sha256-{digest}'")
    return found


def policy(html: str) -> str:
    hashes = " ".join(script_hashes(html))
    return "; ".join(f"{name} {value.format(hashes=hashes)}".strip() for name, value in DIRECTIVES.items())


def add_policy(html: str) -> str:
    """The page with its policy as the first thing in <head> (a policy covers only what follows
    it). Run again, it replaces the old policy."""
    html = _EXISTING.sub("", html, count=1)
    head = _HEAD.search(html)
    if head is None:
        return html
    return f"{html[:head.end()]}\n    {META.format(policy=policy(html))}{html[head.end():]}"


def check_policy(html: str, where: str) -> list[Problem]:
    """The page's policy is first in <head>, is ours, and lets exactly its inline scripts run."""
    head = _HEAD.search(html)
    found = _EXISTING.search(html)
    if found is None or head is None:
        return [Problem(where, "no Content-Security-Policy <meta>: the build adds it (guidewright.checks.csp.add_policy); "
                               "was the page changed after the build?")]
    if html[head.end():found.start()].strip():
        return [Problem(where, "the Content-Security-Policy <meta> must come first in <head>: it covers only what "
                               "follows it")]
    content = re.search(r'content="([^"]*)"', found.group()).group(1)
    if content != policy(html):
        return [Problem(where, "the Content-Security-Policy does not match this page's inline scripts (an inline "
                               "script was changed after the build, or the policy was edited): rebuild")]
    return []
