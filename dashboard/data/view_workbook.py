""" "All the data of this view" as one XLSX workbook: a first sheet saying what the view is
and which filters it follows, then one sheet per chart or table of the page, named after it.
No Streamlit: the page's blocks are collected by ``dashboard.components``."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

import pandas as pd
from openpyxl import Workbook

from pipelines.exports import safe_frame, safe_workbook, sheet_name

ABOUT = "About this view"


def workbook_bytes(
    title: str, scope: str, blocks: Sequence[tuple[str, pd.DataFrame]], institution: str = ""
) -> bytes:
    """The workbook of a page: ``blocks`` are (name, frame) in the order the page shows
    them; ``scope`` the filters in words."""
    book = Workbook()
    about = book.active
    about.title = ABOUT
    for row in (
        ("View", title),
        ("Institution", institution),
        ("Filters", scope),
        ("Written", dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
        ("Sheets", "one per chart or table of the view, in the page's order"),
        (),
        ("Sheet", "Rows"),
    ):
        about.append(row)
    taken = {ABOUT}
    for name, frame in blocks:
        sheet = book.create_sheet(sheet_name(name, taken))
        about.append((sheet.title, len(frame)))
        safe = safe_frame(frame)
        sheet.append([str(c) for c in safe.columns])
        for record in safe.itertuples(index=False):
            sheet.append([None if _missing(v) else v for v in record])
    buffer = io.BytesIO()
    safe_workbook(book).save(buffer)
    return buffer.getvalue()


def _missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
