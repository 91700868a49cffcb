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

import re

import pandas as pd
from openpyxl import Workbook

SHEET_CHARS = 31  # Excel's limit for a sheet name
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


def sheet_name(name: str, taken: set[str]) -> str:
    """A name as a sheet name Excel accepts and a reader reads ("Mobilities by country",
    "Students by kind" for students_by_kind): no []:*?/\\ or underscores, at most 31
    characters, unique in the workbook (a number added)."""
    text = " ".join(re.sub(r"[\[\]:*?/\\_]", " ", name).split()) or "Data"
    text = text[0].upper() + text[1:]
    base = text[:SHEET_CHARS].strip()
    candidate, number = base, 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f" ({number})"
        candidate = base[: SHEET_CHARS - len(suffix)].strip() + suffix
        number += 1
    taken.add(candidate)
    return candidate
