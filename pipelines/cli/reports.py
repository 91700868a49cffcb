"""Getting figures out: ``mobility kpi`` (KPI values as a table, CSV or JSON) and ``mobility
report`` (the accreditation report pack as PDF, XLSX or HTML)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.table import Table

from pipelines import access, config, exports
from pipelines.cli.common import WarehouseOption, console, errors, fail, open_warehouse
from pipelines.metrics.values import KpiQueryError, kpi_table


class By(StrEnum):
    faculty = "faculty"
    country = "country"
    level = "level"
    kind = "kind"


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def kpi(
    year: Annotated[
        str | None, typer.Option(help="Academic year, e.g. 2024/25 (default: latest).")
    ] = None,
    by: Annotated[
        By | None, typer.Option(help="Break down by faculty, country, level or kind.")
    ] = None,
    kpi_id: Annotated[
        list[str] | None, typer.Option("--kpi", help="Only these KPI ids (repeatable).")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table, csv or json.")] = Format.table,
    warehouse: WarehouseOption = None,
) -> None:
    """Print KPI values from the marts, for people or for other programs."""
    path = config.warehouse_path(warehouse)
    con = open_warehouse(path, read_only=True)
    try:
        frame = kpi_table(con, year, by.value if by else None, kpi_id or None)
    except KpiQueryError as exc:
        raise fail(str(exc)) from None
    finally:
        con.close()
    if fmt is Format.csv:
        sys.stdout.write(exports.csv_text(frame))
    elif fmt is Format.json:
        sys.stdout.write(json.dumps(frame.to_dict(orient="records"), indent=2, default=str) + "\n")
    else:
        title = f"KPIs {frame['academic_year'].iloc[0] if len(frame) else year or ''}"
        table = Table(title=title, title_justify="left")
        shown = [c for c in frame.columns if c not in ("academic_year", "kpi_id")]
        for column in shown:
            table.add_column(column, justify="right" if column == "value" else "left")
        for row in frame.itertuples(index=False):
            values = row._asdict()
            table.add_row(
                *[
                    _fmt(values[c], values.get("unit")) if c == "value" else str(values[c])
                    for c in shown
                ]
            )
        console.print(table)


def _fmt(value: float, unit: str | None) -> str:
    if value is None:
        return "-"
    if unit == "%":
        return f"{value:,.1f}"
    if unit in ("EUR", "days"):
        return f"{value:,.0f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


class ReportFormat(StrEnum):
    xlsx = "xlsx"
    pdf = "pdf"
    html = "html"


def report(
    year: Annotated[
        str | None, typer.Option(help="Academic year, e.g. 2024/25 (default: latest).")
    ] = None,
    faculty: Annotated[
        str | None, typer.Option(help="Only this faculty (default: the whole university).")
    ] = None,
    programme: Annotated[
        str | None,
        typer.Option(
            help="Only this degree programme: its mobilities and KPIs, and its faculty's "
            "agreements and projects."
        ),
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="xlsx, pdf or html.")
    ] = ReportFormat.pdf,
    out: Annotated[
        Path | None,
        typer.Option(help="File to write (default: mobility-report-<year>.<format> here)."),
    ] = None,
    suppress: Annotated[
        bool,
        typer.Option(
            "--suppress/--no-suppress",
            help="Small-cell suppression (default on); --no-suppress is for internal use only.",
        ),
    ] = True,
    warehouse: WarehouseOption = None,
) -> None:
    """Write the accreditation report pack: standard tables, charts, definitions, provenance."""
    from pipelines import report as reports

    path = config.warehouse_path(warehouse)
    try:
        made = reports.build_report(path, year, faculty, suppress, programme=programme)
        data = reports.render(made, fmt.value)
    except reports.ReportError as exc:
        raise fail(str(exc)) from None
    except access.WarehouseUpdating as exc:
        raise fail(f"{path}: the warehouse is in use by {exc.holder}; try again") from None
    except duckdb.IOException as exc:
        raise fail(f"{path}: cannot open the warehouse ({exc})") from None
    target = out or Path(reports.file_name(made, fmt.value))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    hidden = sum(t.hidden_cells() for t in made.tables)
    console.print(
        f"wrote {target} ({len(data) / 1024:,.0f} KB): {made.cover.academic_year}, "
        f"{made.cover.scope}, {len(made.tables)} tables, "
        + (f"{hidden:,} cells suppressed" if suppress else "suppression OFF")
    )
    if not suppress:
        errors.print(
            "warning: small-cell suppression is off; the report shows counts below "
            f"{made.cover.suppression.threshold} and is for internal use only",
            highlight=False,
        )
