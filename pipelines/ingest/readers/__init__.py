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

One module per job: ``delimited`` (CSV and other delimited text), ``excel``, ``parquet``, the
header below any title row (``header``), the decoded text (``text``), the limits
(``limits``) and what a read returns (``table``); ``read_file`` here picks the reader.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.ingest.readers.delimited import read_csv, sniff_delimiter
from pipelines.ingest.readers.excel import read_excel
from pipelines.ingest.readers.limits import LIMITS, MB, Limits
from pipelines.ingest.readers.parquet import read_parquet
from pipelines.ingest.readers.table import HeaderScore, RawTable, ReadError, ReadInfo

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


__all__ = [
    "LIMITS",
    "HeaderScore",
    "Limits",
    "RawTable",
    "ReadError",
    "ReadInfo",
    "read_csv",
    "read_excel",
    "read_file",
    "read_parquet",
    "sniff_delimiter",
]
