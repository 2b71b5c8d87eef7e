"""Serve a built site on 127.0.0.1 for the browser tests and the speed benchmark, optionally
gzip-compressed like a real web server, logging the bytes sent for each request."""
from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import re
import threading
import time
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
GZIP_LEVEL = 6  # what common servers use by default


class _Handler(http.server.SimpleHTTPRequestHandler):
    use_gzip = False
    sent: list = []
    error_page: Path | None = None  # shown for a missing path, as web servers are set up to
    slow: tuple[re.Pattern, float] | None = None  # (paths, seconds): answered that much later, as on bad data

    def log_message(self, *args):  # quiet: the tests print their own findings
        pass

    def send_head(self):
        if self.slow is not None and self.slow[0].search(self.path):
            time.sleep(self.slow[1])
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if self.error_page is not None and not path.exists():
            body = self.error_page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Body(body)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.use_gzip and wants_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), GZIP_LEVEL)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.sent.append((self.path, len(body)))
        return _Body(body)

    def copyfile(self, source, outputfile):
        if isinstance(source, _Body):
            outputfile.write(source.data)
        else:
            data = source.read()
            self.sent.append((self.path, len(data)))
            outputfile.write(data)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def close(self):
        pass


@contextlib.contextmanager
def serve(site_dir: Path, use_gzip: bool = False, sent: list | None = None, error_page: Path | None = None,
          slow: tuple[str, float] | None = None):
    """Yields the base URL; `sent` (if given) collects (path, bytes on the wire) per request;
    `error_page` (if given) answers any missing path with status 404; `slow` (a regular
    expression for paths, seconds) holds those answers back."""
    handler = type("Handler", (_Handler,), {"use_gzip": use_gzip, "sent": sent if sent is not None else [],
                                            "error_page": error_page,
                                            "slow": (re.compile(slow[0]), slow[1]) if slow else None})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
