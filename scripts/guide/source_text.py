"""Reading what editors write (pages, fact-check logs): the encoding and date rules both share."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from guide.problems import Problem


def read_source(path: Path, where: str) -> tuple[str | None, list[Problem]]:
    """A source file's text. A Notepad byte-order mark is fine (MkDocs reads it too); a file in
    another encoding is named with the line of its first bad byte."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        return None, [Problem(where, f"line {line}: byte 0x{data[error.start]:02x} is not UTF-8 text: "
                                     "save the file as UTF-8")]


def is_date(value: object) -> bool:
    """A plain date (YAML gives datetimes for values with a time; those are not review dates)."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
