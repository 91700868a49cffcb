"""What a reader returns: the cells as text (:class:`RawTable`), what it found out about the
file (:class:`ReadInfo`), and the one-line :class:`ReadError` when it cannot read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


class ReadError(Exception):
    """A file that cannot be read; the message is one line naming the file and the cause."""


@dataclass
class ReadInfo:
    """What the reader found out about a file."""

    file_name: str
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_row: int = 1  # 1-based row of the header, as a spreadsheet numbers rows
    rows: int = 0
    notes: list[str] = field(default_factory=list)
    # rows that cannot be records at all (more fields than the header): row number -> reason
    bad_rows: dict[int, str] = field(default_factory=dict)
    # header names written twice (the second is renamed name.1 so that both are kept)
    duplicate_headers: list[str] = field(default_factory=list)

    # the decimal mark the file's own numbers show (see ``decimal_mark``); None: not shown
    decimal_seen: str | None = None

    @property
    def decimal(self) -> str:
        """Decimal separator to assume for ambiguous numbers (see ``rules.ParseContext``):
        the one the file's unambiguous numbers use, else the semicolon file's comma."""
        if self.decimal_seen:
            return self.decimal_seen
        return "," if self.delimiter == ";" else "."

    def describe(self) -> str:
        parts = [self.format.upper()]
        if self.encoding:
            parts.append(f"encoding {self.encoding}")
        if self.delimiter:
            parts.append(f"{DELIMITER_NAMES[self.delimiter]}-separated")
        if self.sheet:
            parts.append(f"sheet {self.sheet!r}")
        parts.append(f"header on row {self.header_row}")
        parts.append(f"{self.rows:,} data rows")
        return ", ".join(parts)


@dataclass
class RawTable:
    """The cells of a file as text, with the header as column names.

    ``frame.index`` holds each record's row number in the file, counted as a spreadsheet
    counts rows (the header row is ``info.header_row``), so messages can point at it.
    """

    frame: pd.DataFrame
    info: ReadInfo


HeaderScore = Callable[[list[str]], int]
