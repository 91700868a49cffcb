"""A decoded file as text: its first lines sampled for detection, its longest line measured
before parsing, and values a wrong encoding garbled repaired (``pipelines.ingest.encodings``
decodes and recognises them)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

from pipelines.ingest import encodings
from pipelines.ingest.readers.table import ReadInfo

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


def _longest_line(text: str, data: bytes, encoding: str) -> tuple[int, int]:
    """(1-based line number, length in bytes) of the longest line, without splitting the text."""
    raw = data if encoding.startswith("UTF-8") else text.encode("utf-8", "surrogatepass")
    breaks = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) == 10)
    bounds = np.concatenate(([-1], breaks, [len(raw)]))
    lengths = np.diff(bounds) - 1
    index = int(lengths.argmax())
    return index + 1, int(lengths[index])


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
