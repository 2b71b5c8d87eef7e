"""One address: site_url set once flows to every language (canonical links, sitemap, absolute
language alternates, the handouts' QR codes); a missing or placeholder address warns on a
build and stops --handouts before anything is built."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from conftest import REPO
from guidewright.configuration.settings import load_settings
from test_build_cli import build

ADDRESS = "https://guide.health-dept.org/withdrawal/"


def links(page) -> dict[str, str]:
    tree = LexborHTMLParser(page.read_text())
    found = {f"alternate {n.attributes['hreflang']}": n.attributes["href"] for n in tree.css("link[rel=alternate]")}
    found["canonical"] = tree.css_first("link[rel=canonical]").attributes["href"]
    return found


def test_site_url_flows_to_every_language(tiny_spanish_site, capsys):
    config = tiny_spanish_site.config(f"site_url: {ADDRESS}\n")
    code, out = build(config, capsys)
    assert code == 0, out
    site = tiny_spanish_site.root / "site"
    assert links(site / "glossary" / "index.html") == {
        "canonical": f"{ADDRESS}glossary/", "alternate en": f"{ADDRESS}glossary/", "alternate es": f"{ADDRESS}es/glossary/"}
    assert links(site / "es" / "glossary" / "index.html") == {
        "canonical": f"{ADDRESS}es/glossary/", "alternate es": f"{ADDRESS}es/glossary/", "alternate en": f"{ADDRESS}glossary/"}
    assert f"<loc>{ADDRESS}es/glossary/</loc>" in (site / "es" / "sitemap.xml").read_text()
    # The Spanish handouts' QR codes lead to the Spanish pages at the same address.
    spanish = load_settings(tiny_spanish_site.root / "es.yml")[0]
    assert (spanish.site_url, spanish.handout_url) == (f"{ADDRESS}es/", f"{ADDRESS}es/")
    assert "site_url:" not in out  # a real address: no warning


def test_translation_without_its_own_address_follows_the_main_one(spanish):
    english = load_settings(REPO / "mkdocs.yml")[0]
    assert "site_url" not in spanish.config.file_yaml(spanish.config.path)
    assert spanish.site_url == english.site_url + "es/"


def test_placeholder_address_warns_on_a_build(tiny_site, capsys):
    code, out = build(tiny_site.config(), capsys)
    assert code == 0
    assert (f"mkdocs.yml\n    - site_url: {tiny_site.settings().site_url} is a placeholder; canonical links, the "
            "sitemap and the language alternates use it. Set site_url to the address where this copy will be hosted") \
        in out


def test_handouts_refused_before_building_without_a_real_address(tiny_site, capsys):
    """No QR code to a placeholder, nor to "/timeline/" when site_url is missing; nothing built."""
    code, out = build(tiny_site.config(), capsys, "--handouts")
    assert code == 2 and "nothing was built" in out
    assert f"site_url: the handouts' QR codes and short links lead to {tiny_site.settings().site_url}, which is a " \
           "placeholder" in out
    code, out = build(tiny_site.config("site_url: null\n"), capsys, "--handouts")
    assert code == 2 and "would lead nowhere: no address is set" in out
    assert not (tiny_site.root / "site").exists()
