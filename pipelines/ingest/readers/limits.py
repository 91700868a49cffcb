"""Limits a reader checks before the expensive step each protects, and the longest cell."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pandas as pd

from pipelines.ingest.readers.table import ReadError

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


def _check_cells(frame: pd.DataFrame, name: str, limits: Limits) -> None:
    for column in frame.columns:
        lengths = frame[column].str.len()
        if len(lengths) and lengths.max() > limits.cell_chars:
            row = lengths.idxmax()
            raise ReadError(
                f"{name}: row {row:,}, column {column!r}: a value of {int(lengths.max()):,} "
                f"characters; no value of a table here is longer than {limits.cell_chars:,}"
            )
