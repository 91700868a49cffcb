"""Read a CSV, XLSX or Parquet file into a frame of text cells, and say what was detected.

Every cell is read as text: the contract rules (``pipelines.contract.rules``) decide what a value
means, so "007" stays "007" and a date is never guessed by a reader. What a person needs to
understand a wrong result is recorded in :class:`ReadInfo`: encoding, delimiter, sheet,
header row, and notes (a hidden sheet skipped, merged cells, formulas without values).

A file that cannot be read ends in :class:`ReadError`, one line naming the file and, where
there is one, the row: never a traceback. Limits (:class:`Limits`) are checked before the
expensive step they protect: the file's size before it is read, the longest line and the
number of columns before the CSV parser sees them, an XLSX's unpacked size before it is
opened. A quote that is opened and never closed refuses the file, naming the row where it
opens, instead of swallowing the rest of the file into one value.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from pipelines.contract.rules import TEXT
from pipelines.ingest import encodings

MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What no file of this contract needs, so what a reader refuses before trying."""

    file_bytes: int = int(os.environ.get("MOBILITY_MAX_FILE_MB", "512")) * MB
    columns: int = 1_000
    line_bytes: int = 1 * MB  # one record; a longer line is not a record of any table
    cell_chars: int = 10_000
    xlsx_unpacked_bytes: int = 1024 * MB
    # openpyxl holds a whole workbook in memory to see merged cells and hidden sheets;
    # a larger one is streamed and those checks are noted as not made
    xlsx_full_load_bytes: int = 25 * MB


LIMITS = Limits()
MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (an Excel .xlsx is one: rename it .xlsx, or unpack it)"),
    (b"\x1f\x8b", "a compressed (gzip) file: unpack it first"),
    (b"%PDF", "a PDF document, not a table: export the data as CSV or Excel"),
    (b"\x89PNG", "an image, not a table"),
    (b"\xff\xd8\xff", "an image, not a table"),
    (
        b"\xd0\xcf\x11\xe0",
        "an old Excel 97 workbook or a password-protected file: save it "
        "as .xlsx without a password, or as CSV",
    ),
)

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


def duplicate_names(headers: list[str]) -> list[str]:
    """Header names that occur more than once (compared as written, trimmed)."""
    names = [str(h).strip().lstrip("\ufeff") for h in headers]
    return sorted({n for n in names if n and names.count(n) > 1})


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


def _longest_line(text: str, data: bytes, encoding: str) -> tuple[int, int]:
    """(1-based line number, length in bytes) of the longest line, without splitting the text."""
    raw = data if encoding.startswith("UTF-8") else text.encode("utf-8", "surrogatepass")
    breaks = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) == 10)
    bounds = np.concatenate(([-1], breaks, [len(raw)]))
    lengths = np.diff(bounds) - 1
    index = int(lengths.argmax())
    return index + 1, int(lengths[index])


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


def _repair_mojibake(frame: pd.DataFrame, info: ReadInfo) -> pd.DataFrame:
    repaired: dict[str, str] = {}
    for column in frame.columns:
        values = frame[column].dropna().unique().tolist()
        fixes = encodings.repair([str(v) for v in values])
        if fixes:
            frame[column] = frame[column].replace(fixes)
            repaired.update(fixes)
    if repaired:
        before, after = next(iter(repaired.items()))
        info.notes.append(
            f"repaired {len(repaired):,} value(s) whose letters a wrong encoding had garbled "
            f"(e.g. {before!r} -> {after!r})"
        )
    return frame


def read_csv(path: Path, score: HeaderScore | None = None, limits: Limits = LIMITS) -> RawTable:
    data = path.read_bytes()
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


def _check_cells(frame: pd.DataFrame, name: str, limits: Limits) -> None:
    for column in frame.columns:
        lengths = frame[column].str.len()
        if len(lengths) and lengths.max() > limits.cell_chars:
            row = lengths.idxmax()
            raise ReadError(
                f"{name}: row {row:,}, column {column!r}: a value of {int(lengths.max()):,} "
                f"characters; no value of a table here is longer than {limits.cell_chars:,}"
            )


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


def _cell_text(value: object) -> str:
    """An Excel cell as text: dates as ISO dates, whole numbers without a decimal point."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _check_workbook(path: Path, limits: Limits) -> None:
    """Refuse what is not an .xlsx, or unpacks to more than the limit, before opening it."""
    if not zipfile.is_zipfile(path):
        with path.open("rb") as handle:
            head = handle.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise ReadError(
                f"{path.name}: a password-protected (encrypted) workbook or an old Excel 97 "
                "file; save it as .xlsx without a password, or as CSV"
            )
        raise ReadError(f"{path.name}: cannot open as an Excel workbook (not an .xlsx file)")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReadError(f"{path.name}: cannot open as an Excel workbook ({exc})") from None
    if unpacked > limits.xlsx_unpacked_bytes:
        raise ReadError(
            f"{path.name}: the workbook unpacks to {unpacked / MB:,.0f} MB; the limit is "
            f"{limits.xlsx_unpacked_bytes // MB:,} MB (save the sheet as CSV)"
        )


def _formulas_without_values(path: Path, sheet: str, empty: set[tuple[int, int]]) -> list[str]:
    """Cells (A1 names) holding a formula whose value was never saved in the file."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    if not empty:
        return []
    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        found = []
        for r, row in enumerate(book[sheet].iter_rows(values_only=True), start=1):
            for c, value in enumerate(row, start=1):
                if (r, c) in empty and isinstance(value, str) and value.startswith("="):
                    found.append(f"{get_column_letter(c)}{r}")
        return found
    finally:
        book.close()


def read_excel(
    path: Path, sheet: str | None = None, score: HeaderScore | None = None, limits: Limits = LIMITS
) -> RawTable:
    import openpyxl

    _check_workbook(path, limits)
    full = path.stat().st_size <= limits.xlsx_full_load_bytes
    try:
        book = openpyxl.load_workbook(path, read_only=not full, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ReadError(f"{path.name}: cannot open as an Excel workbook ({first})") from None
    notes: list[str] = []
    try:
        names = book.sheetnames
        visible = [n for n in names if book[n].sheet_state == "visible"]
        if sheet is not None:
            if sheet not in names:
                raise ReadError(f"{path.name}: no sheet {sheet!r}; sheets: {', '.join(names)}")
            sheet_name = sheet
            if sheet not in visible:
                notes.append(
                    f"sheet {sheet!r} is hidden in the workbook; read because it was asked for"
                )
        else:
            if not visible:
                raise ReadError(f"{path.name}: every sheet of the workbook is hidden")
            sheet_name = visible[0]
            hidden = [n for n in names[: names.index(sheet_name)] if n not in visible]
            if hidden:
                notes.append(
                    f"skipped hidden sheet(s) {', '.join(map(repr, hidden))}; read the first "
                    f"visible one, {sheet_name!r}"
                )
        worksheet = book[sheet_name]
        raw_rows = list(worksheet.iter_rows(values_only=True))
        merged = [str(r) for r in worksheet.merged_cells.ranges] if full else []
    finally:
        book.close()
    if not raw_rows or not any(any(v is not None for v in row) for row in raw_rows):
        raise ReadError(f"{path.name}: sheet {sheet_name!r} is empty")
    width = max(len(row) for row in raw_rows)
    if width > limits.columns:
        raise ReadError(
            f"{path.name}: sheet {sheet_name!r} has {width:,} columns; a table here has at most "
            f"{limits.columns:,}"
        )
    empty = {
        (r, c)
        for r, row in enumerate(raw_rows, start=1)
        for c, value in enumerate(row, start=1)
        if value is None
    }
    cells = pd.DataFrame(
        [[_cell_text(v) for v in row] + [""] * (width - len(row)) for row in raw_rows]
    )
    rows = cells.head(HEADER_SEARCH_ROWS).values.tolist()
    header_index = find_header_row(rows, score)
    header = [str(c) for c in cells.iloc[header_index].tolist()]
    body = cells.iloc[header_index + 1 :]
    body.columns = range(body.shape[1])
    frame = _frame_from_rows(body, header, header_index + 2)
    if frame.empty:
        raise ReadError(f"{path.name}: sheet {sheet_name!r} has a header but no data rows")
    info = ReadInfo(path.name, "xlsx", None, None, str(sheet_name), header_index + 1, len(frame))
    info.duplicate_headers = duplicate_names(header)
    info.notes.extend(notes)
    if header_index:
        info.notes.append(f"skipped {header_index} title row(s) above the header")
    if merged:
        shown = ", ".join(merged[:5]) + (f" and {len(merged) - 5} more" if len(merged) > 5 else "")
        info.notes.append(
            f"merged cells ({shown}): only the first cell of each holds its value, the others "
            "are read as empty"
        )
    elif not full:
        info.notes.append("a large workbook: merged cells were not checked")
    if full:
        data_rows = {(r, c) for r, c in empty if r > header_index + 1}
        formulas = _formulas_without_values(path, str(sheet_name), data_rows)
        if formulas:
            shown = ", ".join(formulas[:5]) + (
                f" and {len(formulas) - 5} more" if len(formulas) > 5 else ""
            )
            info.notes.append(
                f"{len(formulas):,} formula cell(s) have no saved value ({shown}): they are read "
                "as empty; open the file in Excel and save it to keep their values"
            )
    _check_cells(frame, path.name, limits)
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
    size = path.stat().st_size
    if size > LIMITS.file_bytes:
        raise ReadError(
            f"{path.name}: {size / MB:,.0f} MB; files up to {LIMITS.file_bytes // MB:,} MB are "
            "read (split it, or raise MOBILITY_MAX_FILE_MB)"
        )
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ReadError(f"{path.name}: old Excel 97 format; save it as .xlsx or .csv")
    if suffix not in EXCEL_SUFFIXES | PARQUET_SUFFIXES | CSV_SUFFIXES and suffix:
        raise ReadError(f"{path.name}: unsupported file type {suffix!r}; use CSV, XLSX or Parquet")
    if suffix in CSV_SUFFIXES or not suffix:
        with path.open("rb") as handle:
            head = handle.read(8)
        for magic, what in MAGIC:
            if head.startswith(magic):
                raise ReadError(f"{path.name}: {what}")
    try:
        if suffix in EXCEL_SUFFIXES:
            return read_excel(path, sheet, score)
        if suffix in PARQUET_SUFFIXES:
            return read_parquet(path)
        return read_csv(path, score)
    except ReadError:
        raise
    except MemoryError:
        raise ReadError(f"{path.name}: too large to read in this machine's memory") from None
    except Exception as exc:  # a reader's own failure is a message for the person, never a trace
        first = (str(exc).splitlines() or [""])[0][:200]
        raise ReadError(f"{path.name}: cannot be read ({type(exc).__name__}: {first})") from None
