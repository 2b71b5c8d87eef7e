"""What a reader can see in static HTML, judged from markup alone (stylesheets are the
browser tests' job). Works on selectolax (Lexbor) nodes: a real parser, never regex."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Elements whose text a reader never sees as page text.
NEVER_SHOWN = {"script", "style", "template", "noscript", "head", "title", "-comment"}
_HIDING_STYLES = {
    "display": {"none"},
    "visibility": {"hidden", "collapse"},
    "content-visibility": {"hidden"},
    "opacity": {"0", "0.0"},
}


def parsed(html: str | LexborHTMLParser) -> LexborHTMLParser:
    """Checks take HTML text or an already parsed page, so the build parses each page once."""
    return html if isinstance(html, LexborHTMLParser) else LexborHTMLParser(html)


def hidden_reason(node: LexborNode) -> str | None:
    """Why this element (not its ancestors) hides its content, or None."""
    if node.tag in NEVER_SHOWN:
        return f"<{node.tag}>"
    attrs = node.attributes
    if "hidden" in attrs:
        return f"<{node.tag} hidden>"
    if (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return f'<{node.tag} aria-hidden="true">'
    if "inert" in attrs:
        return f"<{node.tag} inert>"
    for declaration in (attrs.get("style") or "").split(";"):
        prop, _, value = declaration.partition(":")
        value = value.replace("!important", "").strip().lower()
        if value in _HIDING_STYLES.get(prop.strip().lower(), ()):
            return f'<{node.tag} style="{prop.strip()}:{value}">'
    return None


def hidden_by(node: LexborNode) -> str | None:
    """The first reason the node or an ancestor hides it; a closed <details> hides all but its summary."""
    child = None
    while node is not None and node.tag not in ("html", "-document"):
        reason = hidden_reason(node)
        if reason:
            return reason
        if node.tag == "details" and "open" not in node.attributes and (child is None or child.tag != "summary"):
            return "<details> that is closed"
        child, node = node, node.parent
    return None


def visible_text(node: LexborNode) -> str:
    """Text a reader sees inside node: skips comments, scripts and hidden descendants."""
    parts: list[str] = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag == "details" and "open" not in child.attributes:
            summary = child.css_first("summary")
            if summary is not None and hidden_reason(summary) is None:
                parts.append(visible_text(summary))
        elif hidden_reason(child) is None:
            parts.append(visible_text(child))
    return " ".join(" ".join(parts).split())
