"""An Excel workbook's first visible sheet (or the one asked for) as text cells.

Cells read as a spreadsheet shows them: dates as ISO dates, whole numbers without a decimal
point. What the workbook hides from a reader is noted: a hidden sheet skipped, merged cells,
formulas whose value was never saved.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pandas as pd

from pipelines.ingest.readers.header import (
    HEADER_SEARCH_ROWS,
    _frame_from_rows,
    duplicate_names,
    find_header_row,
)
from pipelines.ingest.readers.limits import LIMITS, MB, Limits, _check_cells
from pipelines.ingest.readers.table import HeaderScore, RawTable, ReadError, ReadInfo


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
