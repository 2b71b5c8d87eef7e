"""The unused-style pass (guidewright.build.styles): it may keep a rule no page needs, never drop
one a page uses. Its browser proof is tests/test_browser_styles.py; these feed it the cases."""
from __future__ import annotations

import pytest

from guidewright.build.page_styles import FILE, lighten_styles
from guidewright.build.styles import Matcher, drop_unused_keyframes, drop_unused_properties, relax, script_words, used_styles

pytestmark = pytest.mark.unit

PAGE = """<html><body dir="ltr"><header class="top"><label class="menu" for="t">Menu</label></header>
<input class="toggle" type="checkbox" id="t"><main><div class="box note"><p>Text <a href="x.pdf">PDF</a></p></div>
<ul><li>One</li><li>Two</li></ul></main></body></html>"""


def pass_over(css: str, pages=(PAGE,), scripts=()) -> str:
    return used_styles(css, Matcher(len(pages), lambda i: pages[i], script_words(scripts))).css


def test_a_rule_a_page_uses_stays_and_one_none_uses_goes():
    kept = pass_over(".box p{color:red}.warning p{color:blue}main ul li{margin:0}")
    assert ".box p{color:red}" in kept and "main ul li" in kept
    assert ".warning" not in kept


def test_states_and_pseudo_elements_never_drop_a_rule():
    """What the reader does (hover, focus, ticking a box) and ::before can't be seen in built
    HTML: the rule stays if the element is there."""
    kept = pass_over(".box a:hover{color:red}.toggle:checked~main .box{display:none}.box p::before{content:'x'}"
                     "ul li:first-child:focus-within{color:green}.gone:hover{color:blue}")
    for selector in (".box a:hover", ".toggle:checked~main .box", ".box p::before", "ul li:first-child:focus-within"):
        assert selector in kept
    assert ".gone" not in kept


def test_classes_a_script_adds_later_stay():
    """Search results, tooltips and pop-ups are made by scripts: a class a script names in a
    string keeps its rules, even though no built page has it."""
    css = ".result__item{color:red}.box .tip--active{opacity:1}.never{color:blue}"
    kept = pass_over(css, scripts=['el.className = "result__item"; x.classList.add("tip--active")'])
    assert ".result__item" in kept and ".box .tip--active" in kept and ".never" not in kept


def test_a_removed_part_leaves_any_element_not_a_narrower_selector():
    """Relaxing `.a>.b .c` where a script sets .b must give `.a>* .c` (wider), never `.a> .c`
    (a child, narrower): the bug this guards against dropped the theme's menu-icon rule."""
    assert relax(".a>.b .c", {"b"}) == ".a>* .c"
    assert relax(".a :hover", set()) == ".a *"
    assert relax(".b:focus-visible", {"b"}) == "*"
    assert relax(":is(.b, .d) e", {"b"}) == ":is(*, .d) e"
    assert relax("a:not(.b) e", {"b"}) == "a e"  # relaxing inside :not() would narrow it: the :not goes
    assert relax("a:not(:hover)", set()) == "a"
    assert relax("[data-scheme=dark] .x", {"dark"}) == "* .x"
    assert relax("[data-scheme=dark] .x", {"data-scheme"}) == "[data-scheme=dark] .x"  # the value decides


def test_a_child_rule_whose_middle_a_script_sets_stays():
    page = PAGE.replace("<p>Text", '<p><span class="icon"></span>Text')  # .box > p > .icon: no .link
    assert pass_over(".box>.link .icon{display:none}", pages=(page,)) == ""
    # A script may set .link on the box's child: then the rule is kept (with the narrowing bug,
    # `.box> .icon` found no .icon right inside .box and dropped it).
    assert ".box>.link .icon" in pass_over(".box>.link .icon{display:none}", pages=(page,), scripts=['"link"'])


def test_at_first_paint_no_element_is_hovered_or_focused():
    first = Matcher(1, lambda i: PAGE, set(), first_paint=True)
    css = ".box a:hover{color:red}.box a:not(:focus){color:blue}.box a{color:green}"
    kept = used_styles(css, first).css
    assert ".box a:hover" not in kept and ".box a:not(:focus)" in kept and ".box a{color:green}" in kept


def test_dots_in_an_attribute_value_are_no_class():
    assert 'a[href$=".pdf"]' in pass_over('a[href$=".pdf"]{color:red}')


def test_media_blocks_keep_what_is_used_and_go_when_empty():
    kept = pass_over("@media screen and (min-width:60em){.box{padding:0}.gone{padding:1px}}"
                     "@media print{.gone{display:none}}")
    assert kept == "@media screen and (min-width:60em){.box{padding:0}}"
    assert used_styles("@media print{.box{display:none}}.box{color:red}",
                       Matcher(1, lambda i: PAGE, set()), leave_out_media=("print",)).css == ".box{color:red}"


def test_a_selector_the_parser_cannot_read_is_kept():
    result = used_styles(".box:unknown-thing(1){color:red}.box:-moz-focusring{color:blue}",
                         Matcher(1, lambda i: PAGE, set()))
    assert ".box" in result.css


def test_custom_properties_nothing_reads_go_chains_stay():
    sheets = [":root{--used:var(--base);--base:red;--unused:blue;--by-script:1px}.box{color:var(--used)}"]
    kept = drop_unused_properties(sheets, 'el.style.setProperty("--by-script", x)')[0]
    assert "--used:" in kept and "--base:" in kept and "--by-script" in kept
    assert "--unused" not in kept


def test_keyframes_no_rule_animates_with_go():
    kept = drop_unused_keyframes("@keyframes fade{0%{opacity:0}}@keyframes spin{0%{opacity:1}}.box{animation:fade 1s}")
    assert "@keyframes fade" in kept and "spin" not in kept


def test_the_site_gets_one_trimmed_sheet_and_its_first_screen_styles_inline(tmp_path):
    """lighten_styles on a built site: the head's stylesheets become one file of the rules used
    (markup printing adds later included), linked right after the first screen; the first
    screen's rules ride inline; the originals are gone."""
    (tmp_path / "assets/stylesheets").mkdir(parents=True)
    (tmp_path / "assets/stylesheets/theme.css").write_text(
        "h1{color:red}.later{color:blue}.printed{width:1px}.never{color:green}")
    (tmp_path / "page").mkdir()
    (tmp_path / "page/index.html").write_text(
        '<html><head><link rel="stylesheet" href="../assets/stylesheets/theme.css"></head><body><article>'
        '<h1>T</h1><p>First</p><p class="later">Later</p></article></body></html>')
    styles = lighten_styles(tmp_path, added_later=('<div class="printed"></div>',))
    sheet = (tmp_path / FILE).read_text()
    assert "h1{color:red}" in sheet and ".later" in sheet and ".printed" in sheet and ".never" not in sheet
    html = (tmp_path / "page/index.html").read_text()
    assert "<style>h1{color:red}</style>" in html  # the first screen: the title and its first block
    assert html.index("<p>First</p>") < html.index('<link rel="stylesheet" href="../assets/stylesheets/site.css">') \
        < html.index('class="later"')
    assert not (tmp_path / "assets/stylesheets/theme.css").exists()
    assert styles.pages == 1 and styles.critical < styles.used < styles.original


def test_has_is_taken_out_as_scripts_fill_what_it_looks_for():
    """`.results:has(ol > li) .help` hides the help once a script has put results in the empty
    list: no built page has them, yet the rule is used."""
    page = PAGE.replace("<main>", '<main><div class="results"><ol class="list"></ol><p class="help">Help</p></div>')
    assert ".results:has(.list > li) .help" in pass_over(".results:has(.list > li) .help{display:none}", pages=(page,))
