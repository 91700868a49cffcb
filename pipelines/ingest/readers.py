"""Read a CSV, XLSX or Parquet file into a frame of text cells, and say what was detected.

Every cell is read as text: the contract rules (``pipelines.rules``) decide what a value
means, so "007" stays "007" and a date is never guessed by a reader. What a person needs to
understand a wrong result is recorded in :class:`ReadInfo`: encoding, delimiter, header row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipelines.rules import TEXT

CSV_SUFFIXES = {".csv", ".txt", ".tsv", ".tab"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
HEADER_SEARCH_ROWS = 15


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

    @property
    def decimal(self) -> str:
        """Decimal separator to assume for ambiguous numbers (see ``rules.ParseContext``)."""
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


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Text and the encoding's name; UTF-8 (with or without BOM), UTF-16, Windows-1252, Latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "UTF-8 with BOM"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    # Windows-1252 is Latin-1 plus printable characters in 0x80-0x9F; bytes it leaves
    # undefined mean the file can only be Latin-1.
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


# Detection looks at the first lines only; slicing the head first keeps it from copying a
# file of hundreds of megabytes into a StringIO just to read forty lines.
SAMPLE_CHARS = 1 << 16


def _sample_lines(text: str, limit: int = 40) -> list[str]:
    lines = []
    for line in io.StringIO(text[:SAMPLE_CHARS]):
        if line.strip():
            lines.append(line)
        if len(lines) >= limit:
            break
    return lines


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


def find_header_row(rows: list[list[str]], score: HeaderScore | None) -> int:
    """0-based index of the header among the first rows.

    With a ``score`` (how many cells name a known column), the best-scoring row wins; without
    one, or if nothing scores, the first row as wide as the widest row does (a title row is
    usually a single cell).
    """
    candidates = rows[:HEADER_SEARCH_ROWS]
    if score is not None:
        scores = [score(row) for row in candidates]
        if scores and max(scores) > 0:
            return scores.index(max(scores))
    widths = [sum(1 for c in row if str(c).strip()) for row in candidates]
    if not widths:
        return 0
    widest = max(widths)
    return widths.index(widest)


def _unique_headers(headers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, raw in enumerate(headers):
        name = str(raw).strip().lstrip("\ufeff") or f"column_{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


def _frame_from_rows(body: pd.DataFrame, header: list[str], first_row_number: int) -> pd.DataFrame:
    body = body.copy()
    width = len(header)
    if body.shape[1] < width:
        for extra in range(body.shape[1], width):
            body[extra] = ""
    body = body.iloc[:, :width]
    body.columns = _unique_headers(header)
    body = body.fillna("").astype(TEXT)
    # Spreadsheets often end with empty rows; they are not records.
    nonempty = body.apply(lambda col: col.str.strip().ne("")).any(axis=1).to_numpy()
    body.index = pd.RangeIndex(first_row_number, first_row_number + len(body))
    return body[nonempty]


def read_csv(path: Path, score: HeaderScore | None = None) -> RawTable:
    data = path.read_bytes()
    if not data.strip():
        raise ReadError(f"{path.name}: the file is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"{path.name}: not a text file (binary content); expected CSV")
    text, encoding = _decode(data, path.name)
    delimiter = sniff_delimiter(text)
    head = list(
        csv.reader(
            io.StringIO("".join(_sample_lines(text, HEADER_SEARCH_ROWS))), delimiter=delimiter
        )
    )
    header_index = find_header_row(head, score)
    # Count physical lines skipped so the header row number is the one a text editor shows;
    # blank lines above the header are skipped by the sampler too.
    lines_before = 0
    seen_nonblank = 0
    for line in io.StringIO(text[:SAMPLE_CHARS]):
        if line.strip():
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
    if body.empty:
        raise ReadError(f"{path.name}: no rows below the header")
    header = [str(c) for c in body.iloc[0].tolist()]
    header_row = lines_before + 1
    frame = _frame_from_rows(body.iloc[1:], header, header_row + 1)
    info = ReadInfo(path.name, "csv", encoding, delimiter, None, header_row, len(frame))
    for record, fields in ragged:
        info.bad_rows[header_row + record] = f"{fields} fields but the header has {len(header)}"
    frame = frame.drop(index=[header_row + r for r, _ in ragged], errors="ignore")
    if header_index:
        info.notes.append(f"skipped {header_index} title row(s) above the header")
    return RawTable(frame, info)


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


def read_excel(path: Path, sheet: str | None = None, score: HeaderScore | None = None) -> RawTable:
    try:
        book = pd.ExcelFile(path, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ReadError(f"{path.name}: cannot open as an Excel workbook ({exc})") from None
    with book:
        if sheet is not None and sheet not in book.sheet_names:
            raise ReadError(
                f"{path.name}: no sheet {sheet!r}; sheets: {', '.join(book.sheet_names)}"
            )
        sheet_name = sheet if sheet is not None else book.sheet_names[0]
        cells = pd.read_excel(
            book, sheet_name=sheet_name, header=None, dtype=str, keep_default_na=False
        )
    if cells.empty:
        raise ReadError(f"{path.name}: sheet {sheet_name!r} is empty")
    cells = cells.fillna("")
    rows = cells.head(HEADER_SEARCH_ROWS).astype(str).values.tolist()
    header_index = find_header_row(rows, score)
    header = [str(c) for c in cells.iloc[header_index].tolist()]
    body = cells.iloc[header_index + 1 :]
    body.columns = range(body.shape[1])
    frame = _frame_from_rows(body, header, header_index + 2)
    info = ReadInfo(path.name, "xlsx", None, None, str(sheet_name), header_index + 1, len(frame))
    if header_index:
        info.notes.append(f"skipped {header_index} title row(s) above the header")
    return RawTable(frame, info)


def read_parquet(path: Path) -> RawTable:
    try:
        table = pd.read_parquet(path)
    except Exception as exc:
        raise ReadError(f"{path.name}: cannot read as Parquet ({exc})") from None
    frame = pd.DataFrame(index=table.index)
    for column in table.columns:
        values = table[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            text = values.dt.strftime("%Y-%m-%d")
        else:
            text = values.astype("object").map(lambda v: "" if v is None else str(v))
        frame[str(column)] = text.where(values.notna(), "")
    frame.index = pd.RangeIndex(2, 2 + len(frame))
    return RawTable(frame, ReadInfo(path.name, "parquet", rows=len(frame)))


def read_file(
    path: str | Path, sheet: str | None = None, score: HeaderScore | None = None
) -> RawTable:
    """Read any supported file; raises :class:`ReadError` with a one-line cause."""
    path = Path(path)
    if not path.exists():
        raise ReadError(f"{path}: no such file")
    if path.is_dir():
        raise ReadError(f"{path}: is a folder, not a file")
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return read_excel(path, sheet, score)
    if suffix in PARQUET_SUFFIXES:
        return read_parquet(path)
    if suffix == ".xls":
        raise ReadError(f"{path.name}: old Excel 97 format; save it as .xlsx or .csv")
    if suffix in CSV_SUFFIXES or not suffix:
        return read_csv(path, score)
    raise ReadError(f"{path.name}: unsupported file type {suffix!r}; use CSV, XLSX or Parquet")
