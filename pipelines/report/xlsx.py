"""The report as an Excel workbook: a cover sheet, one sheet per table, a definitions sheet.

Numbers are stored as numbers (with a display format per unit), so the panel can compute with
them; a suppressed cell holds the text ``<5`` or ``c``. Each table sheet has its title, note
and the suppression mode above a frozen header row. Written with openpyxl, the workbook engine
the project already uses for imports.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipelines.exports import safe_workbook, sheet_name
from pipelines.report.model import CONFIDENTIAL, PRIMARY, TOTAL, Report, Table

HEADER_FILL = PatternFill("solid", fgColor="DCE6F2")
TOTAL_FILL = PatternFill("solid", fgColor="F2F5F9")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
NUMBER_FORMATS = {"%": "#,##0.0", "pp": "+#,##0.0;-#,##0.0;0.0", "EUR": "#,##0", "ECTS": "#,##0"}
HEADER_ROW = 5  # title, note, mode, blank, then the header
MAX_WIDTH = 60


def render_xlsx(report: Report) -> bytes:
    book = Workbook()
    cover = book.active
    cover.title = "Cover"
    _cover(cover, report)
    taken = {"Cover", "Definitions"}
    for table in report.tables:
        _table(book.create_sheet(sheet_name(table.key, taken)), table, report)
    _definitions(book.create_sheet("Definitions"), report)
    buffer = io.BytesIO()
    safe_workbook(book).save(buffer)
    return buffer.getvalue()


def _cover(sheet: Worksheet, report: Report) -> None:
    c = report.cover
    sheet["A1"] = report.title
    sheet["A1"].font = TITLE
    facts = [
        ("Institution", c.institution),
        ("Academic year", c.academic_year),
        ("Scope", c.scope),
        ("Generated", c.generated_at.strftime("%Y-%m-%d %H:%M")),
        (
            "Warehouse built",
            f"{c.built_at:%Y-%m-%d %H:%M} ({c.build_models} models, {c.build_checks} checks passed)"
            if c.built_at
            else "never",
        ),
        ("Suppression", c.suppression.describe()),
    ]
    for i, (name, value) in enumerate(facts, start=3):
        sheet.cell(i, 1, name).font = BOLD
        sheet.cell(i, 2, value).alignment = Alignment(wrap_text=True, vertical="top")
    start = len(facts) + 5
    sheet.cell(start - 1, 1, "Imported files (provenance)").font = BOLD
    header = ("Table", "File", "SHA-256", "Rows read", "Imported at (UTC)")
    for j, name in enumerate(header, start=1):
        cell = sheet.cell(start, j, name)
        cell.font = BOLD
        cell.fill = HEADER_FILL
    for i, record in enumerate(c.imports, start=start + 1):
        sheet.cell(i, 1, record.table)
        sheet.cell(i, 2, record.file_name)
        sheet.cell(i, 3, record.sha256)
        sheet.cell(i, 4, record.rows).number_format = "#,##0"
        sheet.cell(i, 5, record.imported_at.strftime("%Y-%m-%d %H:%M:%S"))
    for letter, width in zip("ABCDE", (18, 60, 66, 12, 20), strict=True):
        sheet.column_dimensions[letter].width = width


def _table(sheet: Worksheet, table: Table, report: Report) -> None:
    suppression = report.cover.suppression
    sheet["A1"] = table.title
    sheet["A1"].font = TITLE
    sheet["A2"] = table.note
    sheet["A3"] = (
        f"{report.cover.institution} · {report.cover.academic_year} · {report.cover.scope} · "
        + suppression.describe()
    )
    for column, name in enumerate(table.frame.columns, start=1):
        cell = sheet.cell(HEADER_ROW, column, str(name))
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [len(str(name)) for name in table.frame.columns]
    for i in range(len(table.frame)):
        is_total = table.frame.iloc[i, 0] == TOTAL
        for j, column in enumerate(table.frame.columns):
            cell = sheet.cell(HEADER_ROW + 1 + i, j + 1)
            flag = table.flags.iloc[i][column]
            value = table.frame.iloc[i][column]
            if flag == PRIMARY:
                cell.value = suppression.primary_label
                cell.alignment = Alignment(horizontal="right")
            elif flag == CONFIDENTIAL:
                cell.value = "c"
                cell.alignment = Alignment(horizontal="right")
            else:
                cell.value = value
                if isinstance(value, int | float):
                    cell.number_format = NUMBER_FORMATS.get(table.unit(i, column), "#,##0")
            if is_total:
                cell.font = BOLD
                cell.fill = TOTAL_FILL
            text = cell.value if isinstance(cell.value, str) else f"{cell.value or 0:,.1f}"
            widths[j] = max(widths[j], min(len(text), MAX_WIDTH))
    for j, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(j)].width = min(width + 2, MAX_WIDTH)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 2)


def _definitions(sheet: Worksheet, report: Report) -> None:
    sheet["A1"] = "Definitions (from the KPI registry)"
    sheet["A1"].font = TITLE
    for i, text in enumerate(report.conventions, start=2):
        sheet.cell(i, 1, f"• {text}")
    start = len(report.conventions) + 3
    header = ("KPI id", "Name", "Definition", "Unit", "Reference target", "Source")
    for j, name in enumerate(header, start=1):
        cell = sheet.cell(start, j, name)
        cell.font = BOLD
        cell.fill = HEADER_FILL
    for i, d in enumerate(report.definitions, start=start + 1):
        values = (d.kpi_id, d.name, d.definition, d.unit, d.reference_target, d.source)
        for j, value in enumerate(values, start=1):
            cell = sheet.cell(i, j, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEF", (28, 34, 80, 12, 10, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = sheet.cell(start + 1, 1)
