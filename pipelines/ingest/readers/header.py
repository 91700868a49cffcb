"""Where the header is (a title row above it is skipped), and the frame of text cells
below it, under unique column names."""

from __future__ import annotations

import pandas as pd

from pipelines.contract.rules import TEXT
from pipelines.ingest.readers.table import HeaderScore

HEADER_SEARCH_ROWS = 15


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
