"""Ready server config for the built site, from the same sources as the pages: the security
policy (guidewright.checks.csp), the long-cache rule (guidewright.build.asset_names.HASHED) and each language's 404.
The build writes them beside its other outputs (dist/hosting/), never into the web root:

  nginx.conf  a `location` block to include in a server block; tested against a real nginx
  _headers    the headers in Netlify / Cloudflare Pages format
  _redirects  each language's 404 for Netlify (Cloudflare Pages finds the nearest 404.html itself)
  README.md   what each file is, how to use it, and what a host that can't send headers loses
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

from guidewright.build.asset_names import HASHED, SUFFIX
from guidewright.build.publish import replace_file
from guidewright.checks.csp import header_policy
from guidewright.problems import Problem

FOLDER = "hosting"
ERROR_PAGE = "404.html"
LONG_CACHE = "public, max-age=31536000, immutable"  # a year: the name changes when the file does
REVALIDATE = "no-cache"  # pages and unhashed files: kept, but checked with the server before each use
# Sent with every response. (Strict-Transport-Security is host-wide and HTTPS only: README.)
SECURITY_HEADERS = {
    "Content-Security-Policy": header_policy(),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
# The build's name.br and name.gz (guidewright.build.precompress), sent as they are to a browser
# that accepts them; Vary tells caches to keep the copies apart. brotli_static is Debian's
# libnginx-mod-http-brotli-static (README).
STATIC_COPIES = ("brotli_static", "gzip_static")
_SAFE_PATH = re.compile(r"^/(?:[A-Za-z0-9._~-]+/)*$")


def deploy_path(site_url: str | None) -> str:
    """'/withdrawal-guide/' from 'https://host.example/withdrawal-guide' ('/' without a site_url)."""
    path = urlparse(site_url or "").path or "/"
    return path if path.endswith("/") else path + "/"


def check_deploy_path(path: str, where: str) -> list[Problem]:
    if _SAFE_PATH.match(path):
        return []
    return [Problem(where, f"site_url: its path {path!r} can't go into a server config safely; use only letters, "
                           "digits and . _ ~ - between the slashes")]


def nginx_config(path: str, folders: list[str], root: str) -> str:
    """An nginx `location` block serving the site at `path`, its files in `root` + `path`.
    folders: the translations' folders ('es'); each gets its own 404 page."""
    languages = "".join(_language_block(f"{path}{folder}/", root="", indent="    ") for folder in folders)
    main = _language_block(path, root, "", languages)
    return (f"# nginx: the guide at {path} (written by scripts/build.py; rebuild rather than edit).\n"
            "# Include it inside your server { } block. Copy the built site folder so that its index.html is at\n"
            f"# {root.rstrip('/')}{path}index.html, or change `root` below (the folder that holds {path.strip('/') or 'it'}).\n"
            "# Serves the offline copy too: a page's folder address (page/, as printed in QR codes) finds page.html.\n"
            "# brotli_static needs Debian's libnginx-mod-http-brotli-static (README.md); without it, delete those lines.\n"
            + main)


def _language_block(path: str, root: str, indent: str, nested: str = "") -> str:
    """One language's site: headers on every response, its own 404 (with a <base> so its relative
    links work at any depth and without JavaScript), hashed files cached for a year."""
    quoted = re.escape(path)
    headers = "".join(f'{indent}    add_header {name} "{value}" always;\n' for name, value in SECURITY_HEADERS.items())
    lines = [f"{indent}location {path} {{\n"]
    if root:
        lines.append(f"{indent}    root {root};\n")
        lines.append(f"{indent}    absolute_redirect off;  # redirects keep the address the reader used\n")
    lines += [
        f"{indent}    error_page 404 {path}{ERROR_PAGE};\n",
        headers,
        f'{indent}    add_header Cache-Control "{REVALIDATE}" always;\n',
        *(f"{indent}    {directive} on;\n" for directive in STATIC_COPIES),
        f"{indent}    gzip_vary on;\n",
        f"{indent}    location = {path}{ERROR_PAGE} {{\n",
        # sub_filter can't edit a compressed file: this page is sent as it is, or compressed on the fly.
        *(f"{indent}        {directive} off;\n" for directive in STATIC_COPIES),
        f"{indent}        sub_filter '<head>' '<head><base href=\"{path}\">';\n",
        f"{indent}        sub_filter_once on;\n",
        f"{indent}    }}\n",
        f'{indent}    location ~ "^{quoted}.+{SUFFIX}$" {{\n',
        headers.replace(f"{indent}    ", f"{indent}        "),
        f'{indent}        add_header Cache-Control "{LONG_CACHE}" always;\n',
        f"{indent}    }}\n",
        f'{indent}    location ~ "^{quoted}(?<guide_page>.+)/$" {{\n',
        f"{indent}        try_files ${{uri}}index.html {path}$guide_page.html =404;\n",
        f"{indent}    }}\n",
        # The contacts file: Debian's mime.types lacks .vcf, and phones offer to import only text/vcard
        # (no add_header here, so the headers above still apply).
        f'{indent}    location ~ "^{quoted}.+\\.vcf$" {{\n',
        f'{indent}        default_type "text/vcard; charset=utf-8";\n',
        f"{indent}    }}\n",
        nested,
        f"{indent}}}\n",
    ]
    return "".join(lines)


def headers_file(path: str, hashed: list[str]) -> str:
    """Netlify / Cloudflare Pages `_headers`: the security headers on everything, the long cache on
    each hashed file by name (these hosts match paths with * only; both already revalidate the rest)."""
    out = ["# Netlify / Cloudflare Pages headers for the guide (written by scripts/build.py).\n",
           f"{path}*\n", *(f"  {name}: {value}\n" for name, value in SECURITY_HEADERS.items())]
    for name in hashed:
        out += [f"{path}{name}\n", f"  Cache-Control: {LONG_CACHE}\n"]
    return "".join(out)


def redirects_file(path: str, folders: list[str]) -> str:
    """Netlify `_redirects`: a missing page shows its language's 404 (most specific first)."""
    lines = [f"{path}{folder}/*  {path}{folder}/{ERROR_PAGE}  404\n" for folder in folders]
    return "# Netlify: each language's 404 page (written by scripts/build.py).\n" + "".join(
        lines) + f"{path}*  {path}{ERROR_PAGE}  404\n"


def hashed_files(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")
                  if p.is_file() and HASHED.search(p.name))


README = """# Serving the guide

Written by `scripts/build.py` with the site, for the address path `{path}` (site_url's path in
the config). Rebuild rather than edit: the pages and these files come from the same sources.

- `nginx.conf`: a `location` block. Put it in `/etc/nginx/snippets/`, add
  `include snippets/nginx.conf;` inside your `server {{ }}` block, copy the site folder so that
  its `index.html` is at `{root}{path}index.html` (or change `root`), then `nginx -t` and reload.
  (At the path `/`, it replaces the server block's own `location /`.)
  It needs nginx's sub_filter and gzip_static modules (in Debian's and the official packages)
  and the brotli static module: on Debian 12 or later, `apt-get install
  libnginx-mod-http-brotli-static`, which loads itself (its `load_module` line is in
  `/etc/nginx/modules-enabled/`, which Debian's `nginx.conf` includes). Elsewhere, add
  `load_module modules/ngx_http_brotli_static_module.so;` at the top of `nginx.conf`, or, with no
  brotli module at all, delete the `brotli_static` lines (readers then get the `.gz` files).
  The project's tests run a real nginx with this file, under another path, and check every page.
  It also serves the offline copy (unzipped): a folder address such as `page/`, as printed in
  QR codes, finds `page.html`.
- `_headers`: the same headers for Netlify and Cloudflare Pages (put it in the published folder's
  root, beside `index.html`). `_redirects`: each language's 404 page on Netlify (Cloudflare Pages
  finds the nearest `404.html` by itself).

What the files set:

- The Content-Security-Policy as a header too (each page also carries its own in a `<meta>`;
  the browser enforces both). Only the header can say `frame-ancestors 'none'`: no other site
  can show the guide inside a frame and trick readers into tapping something.
- `Referrer-Policy`, `X-Content-Type-Options`, `Permissions-Policy`.
- Caching: a file whose name has a content hash (`name.1a2b3c4d.css`; the build gives our own
  assets one) is kept for a year; pages and everything else are checked with the server each
  time (`no-cache`), so an update shows at once and never mixes old and new files.
- Compression: beside each text file (pages, styles, scripts, the search index) the build
  writes `name.br` (brotli) and `name.gz` (gzip), compressed once at the highest levels;
  nginx sends one as it is, with `Content-Encoding`, to a browser that accepts it, and
  `Vary: Accept-Encoding` keeps caches from mixing them up. A page then costs a reader's data
  plan about a fifth of its size. (Browsers ask for brotli only over HTTPS; over plain HTTP they
  get the `.gz`.) Netlify, Cloudflare Pages and GitHub Pages compress by themselves and don't
  need these files: you may leave them out of the upload
  (`find site -name '*.br' -delete -o -name '*.gz' -delete`). The offline copy has none (its
  zip stays small).
- A missing page shows the 404 page of its language, at any depth, with working styles and
  links even without JavaScript (nginx adds a `<base>` to it). On static hosts the 404 page's
  own script does this only when the site sits at site_url's path: keep them the same.

Add yourself, for the whole host: HTTPS, and then `Strict-Transport-Security: max-age=31536000`
(it applies to every page on the host name, so it is not in these files); no `Set-Cookie`; no
access logs kept longer than needed.

A host that can't send headers (GitHub Pages, a plain file share) still serves a safe guide,
as each page's `<meta>` policy blocks outside scripts, styles and fonts. It loses:

- clickjacking protection (`frame-ancestors`): another site could show the guide in a frame;
- cache control: browsers use their own guess (GitHub Pages: 10 minutes), so an update may show
  late; hashed names still keep old and new files from mixing;
- `nosniff`, the referrer header (pages still ask for no referrer in a `<meta>`) and the
  permissions policy;
- the Spanish 404 page, where the host only knows one `404.html`, and the 404 page's styles
  for a missing page more than one folder deep when JavaScript is off.
"""


def write_host_files(out_dir: Path, site_dir: Path, path: str, folders: list[str], root: str = "/var/www",
                     add=replace_file) -> list[Path]:
    """Write the host files for the built site at site_dir into out_dir; returns them. `add`
    writes one (the build's Staging.add_file publishes them with the site, or not at all)."""
    files = {
        "nginx.conf": nginx_config(path, folders, root),
        "_headers": headers_file(path, hashed_files(site_dir)),
        "_redirects": redirects_file(path, folders),
        "README.md": README.format(path=path, root=root),
    }
    written = []
    for name, text in files.items():
        add(out_dir / name, lambda partial, text=text: partial.write_text(text, encoding="utf-8"))
        written.append(out_dir / name)
    return written
