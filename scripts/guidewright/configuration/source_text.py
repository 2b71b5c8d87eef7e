"""Reading what editors write (pages, fact-check logs): the encoding and date rules both share."""
from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import yaml

from guidewright.problems import Problem


def read_source(path: Path, where: str) -> tuple[str | None, list[Problem]]:
    """A source file's text. A Notepad byte-order mark is fine (MkDocs reads it too); a file in
    another encoding is named with the line of its first bad byte."""
    data = path.read_bytes()
    if looks_like_utf16(data):  # Windows' "Unicode": zero bytes throughout (valid UTF-8 without a mark)
        return None, [Problem(where, "not UTF-8 text (it looks like UTF-16): save it as UTF-8")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        return None, [Problem(where, f"line {line}: byte 0x{data[error.start]:02x} is not UTF-8 text: "
                                     "save the file as UTF-8")]


def looks_like_utf16(data: bytes) -> bool:
    """A UTF-16 byte-order mark, or text whose every other byte is zero."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    sample = data[:400]
    return len(sample) >= 4 and max(sample[0::2].count(0), sample[1::2].count(0)) > len(sample) // 4


# PyYAML's C parser (libyaml, in its wheels) where it is there: the same results, some ten times
# faster; a guide of thousands of pages has as many fact-check logs and front matters to read.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, base: type = FAST_LOADER) -> tuple[object, list[tuple[int, str]]]:
    """(data, [(line, text)] of dates not on the calendar). PyYAML raises on 2026-02-30; here it
    stays the text typed, so the field's check names it, and the caller learns where it was."""
    class Loader(base):
        bad_dates: list[tuple[int, str]]

    def timestamp(loader, node):
        try:
            return base.construct_yaml_timestamp(loader, node)
        except ValueError:
            loader.bad_dates.append((node.start_mark.line + 1, node.value))
            return node.value
    Loader.add_constructor("tag:yaml.org,2002:timestamp", timestamp)
    loader = Loader(text)
    loader.bad_dates = []
    try:
        return loader.get_single_data(), loader.bad_dates
    finally:
        loader.dispose()


def is_date(value: object) -> bool:
    """A plain date (YAML gives datetimes for values with a time; those are not review dates)."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
