"""The Content-Security-Policy check on built pages: present, first in <head>, and matching the
page's own inline scripts."""
from __future__ import annotations

from guidewright.checks.csp import add_policy, check_policy, header_policy, policy, script_hashes

PAGE = ('<html><head><meta charset="utf-8"><script>var a = 1;</script></head><body>'
        '<template><script>var b = 2;</script></template><script type="application/json">{"c": 3}</script>'
        '<script src="x.js"></script></body></html>')


def test_policy_hashes_each_running_inline_script_once():
    """Inline scripts, also those waiting in a <template>, are hashed; data blocks and files aren't."""
    assert len(script_hashes(PAGE)) == 2 and len(script_hashes(PAGE + "<script>var a = 1;</script>")) == 2
    page = add_policy(PAGE)
    assert check_policy(page, "x") == [] and add_policy(page) == page  # run again: the same page


def test_missing_policy_fails():
    assert "no Content-Security-Policy <meta>" in check_policy(PAGE, "x")[0].message


def test_policy_after_other_head_content_fails():
    page = add_policy(PAGE).replace("<head>", '<head><link rel="stylesheet" href="a.css">')
    assert "must come first in <head>" in check_policy(page, "x")[0].message


def test_script_changed_after_the_build_fails():
    page = add_policy(PAGE).replace("var a = 1;", "var a = 2;")
    assert "does not match this page's inline scripts" in check_policy(page, "x")[0].message


def test_workers_come_from_the_site_only():
    """The "Save to this phone" service worker (sw.js) and Material's search worker may run:
    worker-src allows the site's own, in the <meta> and the header, and none from elsewhere."""
    for text in (policy(PAGE), header_policy()):
        workers = next(d for d in text.split("; ") if d.startswith("worker-src ")).split()[1:]
        assert "'self'" in workers and set(workers) <= {"'self'", "blob:"}
