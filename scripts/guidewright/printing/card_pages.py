"""Quick cards as web pages, in every build and language: each card (extra.handouts.cards) gets
its own page, cut from the built pages like its PDF, that prints on one sheet from a browser
with the same print rules as the PDFs (guide.css: `.pe-card`). The --handouts PDFs are printed
from these pages (guidewright.printing.handouts).

A card page is a copy of its first part's built page (so the help row, header, language link,
styles and scripts come with it) whose article holds only the card. It is written beside that
page, at the same depth (card-<id>/ next to x/, or card-<id>.html next to x.html), so the theme's
depth-dependent inline scripts stay right and their CSP hashes hold. Written into the staged site
before the checks, which then check it like any page. Not in the nav, the search or the sitemap."""
from __future__ import annotations

import html as html_escape
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser

from guidewright.checks.csp import add_policy
from guidewright.checks.review_view import page_url
from guidewright.configuration.config import SiteConfig, built_path, defining_file, url_path
from guidewright.printing.handout_list import relative_url
from guidewright.printing.handouts import KEY as HANDOUTS
from guidewright.printing.handouts import Card, card_source, fragment
from guidewright.problems import Problem

KEY = "card_links"          # config.extra.card_links: a page's URL -> the cards cut from it
CARD_CLASS = "pe-card"      # on <body>: guide.css prints the page as a one-sheet card
BODY_CLASS = "pe-card__body"  # the card's parts, in two columns on paper
KEEP = "#pe-content, [data-pe-language-link]"  # what stays of the copied article: skip target, language link
LANGUAGE_LINK = "[data-pe-language-link]"
ALTERNATES = 'link[rel="canonical"], link[rel="alternate"][hreflang]'
# The copied page's neighbours and its table of contents (beside it, and in the phone menu).
DROP = 'link[rel="prev"], link[rel="next"], .md-sidebar--secondary, .md-nav--secondary'
HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


def card_built(card: Card, use_directory_urls: bool) -> Path:
    """Where a card's page is written, relative to the site folder."""
    return built_path(card_source(card), use_directory_urls)


def card_links(cards: list[Card], use_directory_urls: bool) -> dict[str, list[dict]]:
    """For the templates (partials/card-links.html): each page's URL (page.url) -> the cards cut
    from it, with links relative to that page. Plain data, so it travels to Zensical too."""
    links: dict[str, list[dict]] = {}
    for card in cards:
        target = card_built(card, use_directory_urls).as_posix()
        for page in dict.fromkeys(part.page for part in card.parts):
            here = posixpath.dirname(built_path(page, use_directory_urls).as_posix())
            entry = {"title": card.title, "href": relative_url(target, here, use_directory_urls)}
            links.setdefault(page_url(page, use_directory_urls), []).append(entry)
    return links


def rebase(url: str, old_dir: str, new_dir: str) -> str:
    """A relative URL written in a page in old_dir, as seen from a page in new_dir."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/") or not parts.path:
        return url  # absolute, or only a fragment or query: rebased by the caller if at all
    new = posixpath.relpath(posixpath.normpath(posixpath.join(old_dir or ".", parts.path)), new_dir or ".")
    if parts.path.endswith("/") and not new.endswith("/"):
        new += "/"
    return urlunsplit(("", "", new, parts.query, parts.fragment))


def _rebase_all(root, old_dir: str, new_dir: str) -> None:
    for node in root.css("[href], [src]"):
        for name in ("href", "src"):
            value = node.attributes.get(name)
            if value:
                node.attrs[name] = rebase(value, old_dir, new_dir)


def _retarget(url: str, old_tail: str, new_tail: str) -> str:
    """The same address for another page: .../x/ -> .../card-id/ (links and alternates)."""
    parts = urlsplit(url)
    if not (parts.path == old_tail or parts.path.endswith("/" + old_tail)):
        return url
    return urlunsplit(parts._replace(path=parts.path[: len(parts.path) - len(old_tail)] + new_tail, fragment=""))


def card_part(page_html: str, card: Card, index: int, page_dir: str, page_link: str, card_dir: str) -> str | None:
    """One part of a card, or None when its page no longer has it, with its links rebased to
    the card's page: a link to a spot the card lacks leads to the page it was cut from
    (page_link: that page, from the card)."""
    found = fragment(page_html, card.parts[index], card.title)
    if found is None:
        return None
    tree = LexborHTMLParser(f"<div>{lift_headings(found)}</div>")
    holder = tree.css_first("body > div")
    _rebase_all(holder, page_dir, card_dir)
    ids = {node.attributes.get("id") for node in holder.css("[id]")}
    for node in holder.css('a[href^="#"]'):
        if node.attributes["href"][1:] not in ids:
            node.attrs["href"] = page_link + node.attributes["href"]
    return holder.inner_html


def lift_headings(part: str) -> str:
    """A part's headings moved so its top one is an h2, right under the card's title, keeping
    their order: screen readers move by heading levels, and a skipped level loses the reader."""
    levels = [int(match.group(2)) for match in HEADING.finditer(part)]
    shift = min(levels, default=2) - 2
    return HEADING.sub(lambda match: f"<{match.group(1)}h{int(match.group(2)) - shift}", part)


def card_page(shell_html: str, shell_built: str, card_path: str, title: str, body: str, page_title: str,
              shell_link: str) -> str:
    """The page shell_html (built at shell_built) made into a card's page at card_path (same
    depth): its article is the card, its title, canonical and language links the card's.
    shell_link: the shell page, from the card, for links to spots only it has."""
    tree = LexborHTMLParser(shell_html)
    old_dir, new_dir = posixpath.dirname(shell_built), posixpath.dirname(card_path)
    _rebase_all(tree.root, old_dir, new_dir)
    old_tail, new_tail = url_path(Path(shell_built)), url_path(Path(card_path))
    for node in tree.css(f"{ALTERNATES}, {LANGUAGE_LINK}"):
        node.attrs["href"] = _retarget(node.attributes.get("href") or "", old_tail, new_tail)
    for node in tree.css(DROP):
        node.decompose()
    if (head_title := tree.css_first("title")) is not None:
        head_title.inner_html = html_escape.escape(page_title)
    if (description := tree.css_first('meta[name="description"]')) is not None:
        description.attrs["content"] = title
    body_node = tree.css_first("body")
    body_node.attrs["class"] = " ".join(filter(None, [body_node.attributes.get("class"), CARD_CLASS]))
    article = tree.css_first("article")
    kept = "".join(node.html for node in article.css(KEEP))
    article.inner_html = (f"{kept}<h1>{html_escape.escape(title)}</h1>"
                          f'<div class="{BODY_CLASS}">{body}</div>')
    ids = {node.attributes.get("id") for node in tree.css("[id]")}
    for node in tree.css('a[href^="#"]'):
        if node.attributes["href"][1:] and node.attributes["href"][1:] not in ids:
            node.attrs["href"] = shell_link + node.attributes["href"]
    return add_policy(tree.html)  # its inline scripts are the shell's; the policy is written afresh


def write_card_pages(site_dir: Path, config: SiteConfig, cards: list[Card], shown=str) -> list[Problem]:
    """Write every card's page into a built site (one language's folder); every card whose part
    is gone from its page, or whose page can't be placed, is named."""
    problems: list[Problem] = []
    site_name = str(config.raw.get("site_name") or "")
    for card in cards:
        key = f"{HANDOUTS}.cards.{card.id}"
        where = defining_file(config, key)  # the overlay that sets the card, if one does
        shell_built = config.built_path(card.parts[0].page).as_posix()
        target = config.built_path(card_source(card)).as_posix()
        if (config.docs_dir / card_source(card)).exists():
            problems.append(Problem(shown(config.docs_dir / card_source(card)),
                                    f"this page has the name quick card {card.id!r} takes for its page: rename it, "
                                    f"or give the card another id in {where}", key))
            continue
        if target.count("/") != shell_built.count("/"):
            problems.append(Problem(where, f"quick card {card.id!r}: its page can't sit beside "
                                           f"{card.parts[0].page} (a folder's index page): start the card "
                                           "with a part from another page", key))
            continue
        pieces, complete = [], True
        for index, part in enumerate(card.parts):
            built = config.built_path(part.page).as_posix()
            page = site_dir / built
            text = page.read_text(encoding="utf-8") if page.is_file() else ""
            found = card_part(text, card, index, posixpath.dirname(built), relative_url(
                built, posixpath.dirname(target), config.use_directory_urls), posixpath.dirname(target))
            if found is None:
                what = part.select or f"#{part.section}"
                problems.append(Problem(where, f"quick card {card.id!r} ({card.title}): nothing on {part.page} "
                                               f"({shown(config.docs_dir / part.page)}) matches {what}. Put that "
                                               "part back on the page, or change the card's `from`", key))
            complete = complete and found is not None
            pieces.append(found or "")
        if not complete:
            continue
        page_title = f"{card.title} - {site_name}" if site_name else card.title
        html = card_page((site_dir / shell_built).read_text(encoding="utf-8"), shell_built, target, card.title,
                         "".join(pieces), page_title,
                         relative_url(shell_built, posixpath.dirname(target), config.use_directory_urls))
        (site_dir / target).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / target).write_text(html, encoding="utf-8")
    return problems
