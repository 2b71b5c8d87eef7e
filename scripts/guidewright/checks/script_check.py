"""Content can't carry script. Raw HTML passes through Markdown, so an edit (or a pasted embed)
could add a <script>, an onclick or a javascript: link to a page; the build hashes only the
engine's own scripts into the page's policy (guidewright.checks.csp), and this check refuses the page."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from guidewright.checks.page_check import ARTICLE
from guidewright.problems import Problem

# What pages (Markdown) put on the built page: the same <article> whose scripts guidewright.checks.csp never
# hashes into the policy.
CONTENT = ARTICLE
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data")


def check_page_script(tree: LexborHTMLParser, where: str) -> list[Problem]:
    """Every script, event handler and javascript: address in the page's content."""
    content = tree.css_first(CONTENT)
    if content is None:
        return []
    problems = [Problem(where, "a <script> in the page's text: pages can't carry script (it would run for every "
                               "reader); remove it, or ask for the feature in the engine")
                for _ in content.css("script")]
    for node in content.traverse():
        for name, value in (node.attributes or {}).items():
            if name.lower().startswith("on"):
                problems.append(Problem(where, f"<{node.tag} {name}=...>: pages can't carry script (event "
                                               f"handlers run code); remove the {name} attribute"))
            elif name.lower() in URL_ATTRIBUTES and "".join((value or "").split()).lower().startswith("javascript:"):
                problems.append(Problem(where, f"<{node.tag} {name}=\"javascript:...\">: pages can't carry script; "
                                               "link to a page or an https:// address instead"))
    return problems
