"""What every CSV and XLSX the product writes goes through: text that a spreadsheet would run.

A cell whose text begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return,
which some spreadsheets skip before such a sign) is taken as a formula when the file is
opened in Excel or LibreOffice: a partner named ``=HYPERLINK("http://…")`` in an import would
become a live link, or worse, in the report pack a vice-rector opens (OWASP's "CSV
injection"). Such text is written with a leading apostrophe, which spreadsheets show as the
text itself. Numbers stay numbers: only text cells are changed, and in CSV only columns
whose values are text.

Used by the page downloads (``dashboard.formatting.csv_bytes``), the rejected-rows download
(``pipelines.ingest.upload``), ``mobility kpi --format csv`` and the report pack's workbook
(``pipelines.report.xlsx``, a last pass over every cell).
"""

from __future__ import annotations

import pandas as pd
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise(value: object) -> object:
    """``value`` as a spreadsheet will show it, never run it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return QUOTE + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text columns are neutralised; numeric, date and boolean ones untouched."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values):
            out[column] = values.map(neutralise, na_action="ignore")
    out.columns = [neutralise(c) for c in out.columns]
    return out


def csv_text(frame: pd.DataFrame) -> str:
    return safe_frame(frame).to_csv(index=False)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV of ``frame`` for a download, formulas neutralised."""
    return csv_text(frame).encode("utf-8")


def safe_workbook(book: Workbook) -> Workbook:
    """Every text cell of ``book`` neutralised, including text openpyxl took for a formula
    (it stores any string that begins with ``=`` as one); the product writes no formulas."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or isinstance(cell.value, str):
                    text = cell.value
                    if isinstance(text, str) and text.startswith(FORMULA_STARTS):
                        cell.value = QUOTE + text
                        cell.data_type = "s"
    return book
