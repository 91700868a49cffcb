"""A CSV (or other delimited text) file as text cells.

The bytes are decoded (``pipelines.ingest.encodings``), the delimiter sniffed from the first
lines, the header found below any title row; then the file is parsed whole. A row with more
fields than the header is set aside and reported rather than blocking the import, and the
decimal mark the file's numbers show is recorded for the contract rules.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from pipelines.ingest import encodings
from pipelines.ingest.readers.header import (
    HEADER_SEARCH_ROWS,
    _frame_from_rows,
    duplicate_names,
    find_header_row,
)
from pipelines.ingest.readers.limits import LIMITS, MB, Limits, _check_cells
from pipelines.ingest.readers.table import HeaderScore, RawTable, ReadError, ReadInfo
from pipelines.ingest.readers.text import (
    SAMPLE_CHARS,
    _longest_line,
    _repair_mojibake,
    _sample_lines,
)

DELIMITERS = (",", ";", "\t", "|")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the sample into the most columns, consistently.

    For each candidate, rows are parsed with a real CSV parser (quotes respected) and the
    candidate scores the number of fields in the most common row width, provided at least
    half the rows share it. A title row above the header does not disturb this.
    """
    sample = "".join(_sample_lines(text))
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        rows = list(csv.reader(io.StringIO(sample), delimiter=delimiter))
        widths = [len(r) for r in rows if any(c.strip() for c in r)]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        if common > 1 and widths.count(common) * 2 >= len(widths) and common > best_score:
            best, best_score = delimiter, common
    return best


def _unclosed_quote(text: str, delimiter: str) -> int | None:
    """Line on which a quoted value starts that is never closed, or None.

    Only called when the file has an odd number of quotes; Python's csv module in strict mode
    stops at the end of the file inside the quoted value, and the record it was reading
    started on the line after the last complete one.
    """
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    start = 1
    try:
        for _ in reader:
            start = reader.line_num + 1
    except csv.Error as exc:
        if "end of data" in str(exc) or "unexpected end" in str(exc) or "EOF" in str(exc):
            return start
        return None
    return None


def read_csv(path: Path, score: HeaderScore | None = None, limits: Limits = LIMITS) -> RawTable:
    return read_csv_bytes(path.name, path.read_bytes(), score, limits)


def read_csv_bytes(
    name: str, data: bytes, score: HeaderScore | None = None, limits: Limits = LIMITS
) -> RawTable:
    """A CSV file's bytes as a table (``name`` for messages); the streaming reader
    (``stream``) reads the head of a large file this way to learn its layout."""
    path = Path(name)
    if not data.strip():
        raise ReadError(f"{path.name}: the file is empty")
    if (
        b"\x00" in data[:4096]
        and not data.startswith((b"\xff\xfe", b"\xfe\xff"))
        and not encodings.looks_utf16(data)
    ):
        raise ReadError(f"{path.name}: not a text file (binary content); expected CSV")
    try:
        text, encoding, notes = encodings.decode(data)
    except UnicodeError as exc:
        raise ReadError(f"{path.name}: cannot be read as text ({exc})") from None
    if "\n" not in text[:SAMPLE_CHARS] and "\r" in text[:SAMPLE_CHARS]:
        text = text.replace("\r", "\n")
        notes.append("line breaks are carriage returns only (old Mac Excel); read as lines")
    line, length = _longest_line(text, data, encoding)
    if length > limits.line_bytes:
        raise ReadError(
            f"{path.name}: line {line:,} is {length / MB:,.1f} MB long; no record of a table "
            f"here is longer than {limits.line_bytes // MB} MB (is the file a table with line "
            "breaks?)"
        )
    if not text.strip().strip("\ufeff"):
        raise ReadError(f"{path.name}: the file is empty")
    delimiter = sniff_delimiter(text)
    head = list(
        csv.reader(
            io.StringIO("".join(_sample_lines(text, HEADER_SEARCH_ROWS))), delimiter=delimiter
        )
    )
    if not head:
        raise ReadError(f"{path.name}: the file is empty")
    header_index = find_header_row(head, score)
    if len(head[header_index]) > limits.columns:
        raise ReadError(
            f"{path.name}: {len(head[header_index]):,} columns; a table here has at most "
            f"{limits.columns:,}"
        )
    if text.count('"') % 2:
        opened = _unclosed_quote(text, delimiter)
        if opened is not None:
            raise ReadError(
                f'{path.name}: a quote (") opened on line {opened:,} is never closed, so the '
                "rest of the file would be read as one value; close or remove it"
            )
    # Count physical lines skipped so the header row number is the one a text editor shows;
    # blank lines above the header are skipped by the sampler too.
    lines_before = 0
    seen_nonblank = 0
    for text_line in io.StringIO(text[:SAMPLE_CHARS]):
        if text_line.strip():
            if seen_nonblank == header_index:
                break
            seen_nonblank += 1
        lines_before += 1
    ragged: list[tuple[int, int]] = []
    try:
        body = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            skiprows=lines_before,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=True,
            engine="python" if delimiter == "|" else "c",
        )
    except pd.errors.ParserError:
        body, ragged = _read_ragged(text, delimiter, lines_before)
    except pd.errors.EmptyDataError:
        body = pd.DataFrame()
    garbled = encodings.has_mojibake(text)
    del text
    if body.empty or len(body) < 2:
        raise ReadError(f"{path.name}: a header but no data rows below it")
    header = [str(c) for c in body.iloc[0].tolist()]
    header_row = lines_before + 1
    frame = _frame_from_rows(body.iloc[1:], header, header_row + 1)
    if frame.empty:
        raise ReadError(f"{path.name}: a header but no data rows below it (only empty ones)")
    info = ReadInfo(path.name, "csv", encoding, delimiter, None, header_row, len(frame))
    info.duplicate_headers = duplicate_names(header)
    default = info.decimal
    info.decimal_seen = decimal_mark(frame)
    if info.decimal != default:
        mark = "comma" if info.decimal == "," else "point"
        info.notes.append(f"numbers are written with a decimal {mark}; read that way")
    info.notes.extend(notes)
    for record, fields in ragged:
        info.bad_rows[header_row + record] = f"{fields} fields but the header has {len(header)}"
    frame = frame.drop(index=[header_row + r for r, _ in ragged], errors="ignore")
    info.rows = len(frame)
    if header_index:
        info.notes.append(f"skipped {header_index} title row(s) above the header")
    _check_cells(frame, path.name, limits)
    if garbled:
        frame = _repair_mojibake(frame, info)
    return RawTable(frame, info)


# Numbers that can only be read one way: a decimal mark followed by one or two digits, or
# grouped thousands followed by the other mark ("1.500,5"). Three digits after one mark
# ("1.500") is exactly what is ambiguous, so it is never evidence.
_COMMA_DECIMAL = re.compile(r"^-?(\d+,\d{1,2}|\d{1,3}(\.\d{3})+,\d+)$")
_POINT_DECIMAL = re.compile(r"^-?(\d+\.\d{1,2}|\d{1,3}(,\d{3})+\.\d+)$")
DECIMAL_SAMPLE_ROWS = 2_000


def decimal_mark(frame: pd.DataFrame) -> str | None:
    """``,`` or ``.`` when the file's unambiguous numbers all use that decimal mark, else None.

    A tab-separated German export writes ``27,5`` and ``1.500`` (fifteen hundred); a
    semicolon file from an English system writes ``27.5``. The mark the file shows decides
    how its ambiguous numbers are read, not the delimiter alone.
    """
    comma = point = 0
    for column in frame.columns:
        values = frame[column].head(DECIMAL_SAMPLE_ROWS).str.strip()
        comma += int(values.str.match(_COMMA_DECIMAL).sum())
        point += int(values.str.match(_POINT_DECIMAL).sum())
    if comma and not point:
        return ","
    if point and not comma:
        return "."
    return None


def _read_ragged(
    text: str, delimiter: str, skip: int
) -> tuple[pd.DataFrame, list[tuple[int, int]]]:
    """Parse a CSV whose rows differ in width: rows longer than the header are set aside.

    The fast parser refuses such files outright; this slower path keeps every other row and
    reports the long ones (record number below the header, number of fields), so one broken
    line does not block an import and is not silently lost either.
    """
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = [row for i, row in enumerate(reader) if i >= skip and any(c.strip() for c in row)]
    if not rows:
        return pd.DataFrame(), []
    width = len(rows[0])
    ragged = [(i, len(row)) for i, row in enumerate(rows) if i and len(row) > width]
    trimmed = [row[:width] + [""] * (width - len(row)) for row in rows]
    return pd.DataFrame(trimmed, dtype=str), ragged
