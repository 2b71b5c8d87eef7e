"""Precompressed copies of the published site's text files, for readers on slow, costly data:
name.gz and name.br beside each file, which a host that can (nginx's gzip_static and
brotli_static, in guidewright.build.hosting) sends as they are to a browser that accepts them.
Compressed once, at the highest levels, instead of on every request at a server's quick ones.
Made after every check passed (the checks read what readers get, never these) and only for
the online site: the offline copy's zip would grow (guidewright.build.pipeline)."""
from __future__ import annotations

import gzip
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

# The text files a browser fetches: the one list of what gets a .gz and a .br. Images other
# than SVG, fonts and PDFs are compressed already.
TEXT_TYPES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".vcf", ".webmanifest")
ENCODINGS = (".gz", ".br")  # the suffixes written, so other code can tell a copy from a file
GZIP_LEVEL = 9
# Brotli's top quality (11) is some five times slower than 9 for a few per cent fewer bytes
# (measured on this guide: 8.3 s against 1.8 s, 1,132 against 1,243 KiB). Assets are few, shared
# by every page and kept by browsers: they get 11. Pages are most of a big guide's bytes to
# compress and each is fetched once: 9 keeps a 3,000-page build from spending minutes here.
BROTLI_QUALITY = 11
BROTLI_PAGE_QUALITY = 9


@dataclass
class Precompressed:
    """What precompress() did. The sizes are what browsers download for the text files: the
    compressed copy where there is one, else the file itself."""
    files: int = 0          # text files in the site
    size: int = 0           # their bytes
    gzip_size: int = 0      # bytes for a browser that accepts gzip
    brotli_size: int = 0    # bytes for one that accepts brotli
    written: int = 0        # .gz and .br files written
    seconds: float = 0.0    # brotli's highest quality is slow: the report shows what it costs


def gzipped(data: bytes) -> bytes:
    # mtime 0 and no file name: the same input always gives the same bytes (reproducible builds).
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def brotli_compressed(data: bytes, page: bool = False) -> bytes:
    return brotli.compress(data, quality=BROTLI_PAGE_QUALITY if page else BROTLI_QUALITY)


def is_text(path: Path) -> bool:
    return path.suffix.lower() in TEXT_TYPES and not path.name.startswith(".")


def _compressed(path: Path) -> tuple[Path, int, bytes, bytes]:
    data = path.read_bytes()
    return path, len(data), gzipped(data), brotli_compressed(data, page=path.suffix.lower() == ".html")


def precompress(site_dir: Path) -> Precompressed:
    """Write name.gz and name.br beside each text file under site_dir; returns the figures."""
    stats, started = Precompressed(), time.perf_counter()
    texts = sorted(p for p in site_dir.rglob("*") if p.is_file() and is_text(p))
    # zlib and brotli let go of the GIL while they work: threads use every core.
    with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
        for path, size, gz, br in pool.map(_compressed, texts):
            stats.files += 1
            stats.size += size
            for suffix, packed in zip(ENCODINGS, (gz, br), strict=True):
                # Only when it is smaller: a tiny file's copy can be bigger than the file itself,
                # and the host would send the bigger one.
                if len(packed) < size:
                    path.with_name(path.name + suffix).write_bytes(packed)
                    stats.written += 1
            stats.gzip_size += min(len(gz), size)
            stats.brotli_size += min(len(br), size)
    stats.seconds = time.perf_counter() - started
    return stats
