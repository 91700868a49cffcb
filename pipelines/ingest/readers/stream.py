"""Large files read in parts, so that memory does not grow with the file.

A CSV or Parquet file larger than ``STREAM_BYTES`` is not read whole: its head (the first
few megabytes) is read the whole-file way (``delimited.read_csv_bytes``) to learn its layout
(encoding, delimiter, header row, decimal mark) and its notes, then every data row is read in
parts of ``chunk_rows`` rows with the same parser, numbered as the whole-file reader numbers
them. The import validates each part and stages its valid rows on disk
(``pipelines.ingest.load.staging``).

What needs the whole file at once is checked before the parts are read, in one pass over the
bytes that holds a block at a time: the longest line, and whether every quote is closed. A
file the parts cannot read the same way as the whole-file reader is left to it (``None``): a
legacy code page (told from the head), an unclosed quote (the whole-file reader names its
line), rows with more fields than the header in the head. A row with more fields than the
header further down ends in a ``ReadError`` naming its line: the whole-file reader would set
it aside, which needs the whole file in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from pipelines.ingest import encodings
from pipelines.ingest.readers.delimited import read_csv_bytes
from pipelines.ingest.readers.header import _frame_from_rows
from pipelines.ingest.readers.limits import LIMITS, MB, Limits, _check_cells
from pipelines.ingest.readers.parquet import as_text
from pipelines.ingest.readers.table import HeaderScore, RawTable, ReadError, ReadInfo
from pipelines.ingest.readers.text import _repair_mojibake

STREAM_BYTES = int(os.environ.get("MOBILITY_STREAM_MB", "64")) * MB
# Parquet is compressed (a million demo records are 24 MB): it is told large by its rows,
# about as many as 64 MB of CSV holds
STREAM_PARQUET_ROWS = 250_000
# a streamed file is never held whole, so it may be far larger than LIMITS.file_bytes
MAX_STREAM_BYTES = int(os.environ.get("MOBILITY_MAX_STREAM_MB", "16384")) * MB
CHUNK_ROWS = int(os.environ.get("MOBILITY_STREAM_ROWS", "100000"))
HEAD_BYTES = 4 * MB
SCAN_BLOCK = 64 * MB
UTF8 = {"UTF-8": "utf-8", "UTF-8 with BOM": "utf-8-sig"}


# UTF-8 of the letters mojibake starts with (Ã, Å, Ä, â): a file without any has none
MOJIBAKE_LEADS = (b"\xc3\x83", b"\xc3\x85", b"\xc3\x84", b"\xc3\xa2")


@dataclass
class StreamedFile:
    """A large file: its head read whole (layout and notes) and its rows in parts."""

    path: Path
    head: RawTable
    chunk_rows: int
    # whether the bytes hold a letter mojibake starts with: only then are parts searched
    maybe_garbled: bool = True

    @property
    def info(self) -> ReadInfo:
        return self.head.info

    def chunks(self) -> Iterator[RawTable]:
        """Every data row, ``chunk_rows`` at a time; each part's index is its rows' numbers."""
        if self.info.format == "parquet":
            yield from _parquet_chunks(self.path, self.chunk_rows)
        else:
            yield from _csv_chunks(self.path, self.head, self.chunk_rows, self.maybe_garbled)


def streamable(path: Path) -> bool:
    """Whether a file is large enough, and of a kind, to be read in parts: a CSV above
    ``STREAM_BYTES``, a Parquet file of more than ``STREAM_PARQUET_ROWS`` rows (or above
    ``STREAM_BYTES``)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        return False
    if suffix in {".parquet", ".pq"}:
        if path.stat().st_size > STREAM_BYTES:
            return True
        try:
            return pq.ParquetFile(path).metadata.num_rows > STREAM_PARQUET_ROWS
        except Exception:  # not Parquet after all: the whole-file reader says why
            return False
    return suffix in {".csv", ".txt", ".tsv", ".tab"} and path.stat().st_size > STREAM_BYTES


def stream_file(
    path: Path,
    score: HeaderScore | None = None,
    chunk_rows: int | None = None,
    limits: Limits = LIMITS,
) -> StreamedFile | None:
    """The file ready to be read in parts of ``chunk_rows`` (default ``CHUNK_ROWS``), or None
    where only the whole-file reader reads it as it should (see the module docstring); raises
    :class:`ReadError` like the readers."""
    chunk_rows = chunk_rows or CHUNK_ROWS
    size = path.stat().st_size
    if size > MAX_STREAM_BYTES:
        raise ReadError(
            f"{path.name}: {size / MB:,.0f} MB; files up to {MAX_STREAM_BYTES // MB:,} MB are "
            "read (split it, or raise MOBILITY_MAX_STREAM_MB)"
        )
    if path.suffix.lower() in {".parquet", ".pq"}:
        try:
            first = next(pq.ParquetFile(path).iter_batches(batch_size=min(chunk_rows, 10_000)))
        except StopIteration:
            return None
        except Exception as exc:
            raise ReadError(f"{path.name}: cannot read as Parquet ({exc})") from None
        frame = as_text(first.to_pandas(), first_row=2)
        return StreamedFile(path, RawTable(frame, ReadInfo(path.name, "parquet")), chunk_rows)
    with path.open("rb") as handle:
        data = handle.read(HEAD_BYTES)
    cut = data.rfind(b"\n")
    if cut <= 0:
        return None  # no complete line in the head: the whole-file reader says why
    head = read_csv_bytes(path.name, data[: cut + 1], score, limits)
    if head.info.encoding not in UTF8 or head.info.bad_rows:
        return None
    closed, maybe_garbled = _scan(path, limits)
    if not closed:
        return None
    return StreamedFile(path, head, chunk_rows, maybe_garbled)


def _scan(path: Path, limits: Limits) -> tuple[bool, bool]:
    """One pass over the bytes, a block at a time: refuse a line longer than any record
    (``ReadError``, naming it); say whether the quotes pair up and whether any letter
    mojibake starts with occurs."""
    quotes = 0
    line = 1
    run = 0  # length of the line the previous block ended in
    garbled = False
    tail = b""  # the previous block's last byte: a two-byte letter may straddle blocks
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(SCAN_BLOCK), b""):
            quotes += block.count(b'"')
            if not garbled:
                garbled = tail + block[:1] in MOJIBAKE_LEADS or any(
                    lead in block for lead in MOJIBAKE_LEADS
                )
            tail = block[-1:]
            raw = np.frombuffer(block, dtype=np.uint8)
            breaks = np.flatnonzero(raw == 10)
            bounds = np.concatenate(([-1], breaks, [len(raw)]))
            lengths = np.diff(bounds) - 1
            lengths[0] += run
            longest = int(lengths.argmax())
            if lengths[longest] > limits.line_bytes:
                raise ReadError(
                    f"{path.name}: line {line + longest:,} is "
                    f"{lengths[longest] / MB:,.1f} MB long; no record of a table here is longer "
                    f"than {limits.line_bytes // MB} MB (is the file a table with line breaks?)"
                )
            run = int(lengths[-1])
            line += len(breaks)
    return quotes % 2 == 0, garbled


def _csv_chunks(
    path: Path, head: RawTable, chunk_rows: int, maybe_garbled: bool
) -> Iterator[RawTable]:
    info = head.info
    header = list(head.frame.columns)
    next_row = info.header_row + 1
    reader = pd.read_csv(
        path,
        sep=info.delimiter,
        header=None,
        names=list(range(len(header))),
        index_col=False,
        skiprows=info.header_row,  # the lines above the header, and the header
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        skip_blank_lines=True,
        encoding=UTF8[info.encoding or "UTF-8"],
        engine="python" if info.delimiter == "|" else "c",
        chunksize=chunk_rows,
    )
    try:
        for body in reader:
            frame = _frame_from_rows(body, header, next_row)
            next_row += len(body)
            yield _checked(frame, path, info, maybe_garbled)
    except pd.errors.ParserError as exc:
        raise ReadError(
            f"{path.name}: {str(exc).replace('Error tokenizing data. C error: ', '')}; the "
            "header has fewer fields. A file this large is read in parts, and such a row "
            "cannot be set aside: fix or remove that line"
        ) from None
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"{path.name}: not UTF-8 after row {next_row - 1:,} ({exc.reason}); save the whole "
            "file as UTF-8"
        ) from None
    finally:
        reader.close()


def _checked(frame: pd.DataFrame, path: Path, info: ReadInfo, maybe_garbled: bool) -> RawTable:
    """One part's cells checked as the whole-file reader checks them."""
    chunk_info = ReadInfo(path.name, info.format, info.encoding, info.delimiter, None)
    chunk_info.decimal_seen = info.decimal_seen  # learnt from the head, as for a whole file
    _check_cells(frame, path.name, LIMITS)
    if maybe_garbled and any(
        frame[c].str.contains(encodings.MOJIBAKE.pattern).any() for c in frame.columns
    ):
        frame = _repair_mojibake(frame, chunk_info)
    return RawTable(frame, chunk_info)


def _parquet_chunks(path: Path, chunk_rows: int) -> Iterator[RawTable]:
    next_row = 2
    for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_rows):
        frame = as_text(batch.to_pandas(), first_row=next_row)
        next_row += len(frame)
        yield RawTable(frame, ReadInfo(path.name, "parquet", rows=len(frame)))
