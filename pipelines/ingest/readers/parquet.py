"""A Parquet file as text cells: dates written as ISO dates, missing values as empty."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipelines.ingest.readers.table import RawTable, ReadError, ReadInfo


def read_parquet(path: Path) -> RawTable:
    try:
        table = pd.read_parquet(path)
    except Exception as exc:
        raise ReadError(f"{path.name}: cannot read as Parquet ({exc})") from None
    frame = as_text(table, first_row=2)
    return RawTable(frame, ReadInfo(path.name, "parquet", rows=len(frame)))


def as_text(table: pd.DataFrame, first_row: int) -> pd.DataFrame:
    """A Parquet table's (or a part's) values as text; the index numbers its rows from
    ``first_row``, as a spreadsheet shows the row below the header."""
    frame = pd.DataFrame(index=table.index)
    for column in table.columns:
        values = table[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            text = values.dt.strftime("%Y-%m-%d")
        else:
            text = values.astype("object").map(lambda v: "" if v is None else str(v))
        frame[str(column)] = text.where(values.notna(), "")
    frame.index = pd.RangeIndex(first_row, first_row + len(frame))
    return frame
