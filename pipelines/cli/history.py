"""The import history: ``mobility imports`` (every import with its counts), ``mobility
activity`` (who changed what, when) and ``mobility undo`` (take an import back)."""

from __future__ import annotations

from typing import Annotated

import duckdb
import pandas as pd
import typer
from rich.table import Table

from pipelines import audit, config, roles
from pipelines.cli.common import WarehouseOption, console, fail, open_warehouse
from pipelines.transform.build import BuildFailed


def imports(warehouse: WarehouseOption = None) -> None:
    """List every import with its counts."""
    con = open_warehouse(config.warehouse_path(warehouse), read_only=True)
    rows = con.execute(
        "select import_id, table_name, file_name, rows_read, rows_loaded, rows_updated, "
        "rows_unchanged, rows_rejected, coalesce(rows_warned, 0), status, imported_at, "
        + (
            "imported_by from imports left join import_authors using (import_id) "
            if _has_audit_trail(con)
            else "null from imports "
        )
        + "order by import_id"
    ).fetchall()
    con.close()
    table = Table(title="Imports", title_justify="left")
    for column in (
        "#",
        "table",
        "file",
        "read",
        "loaded",
        "updated",
        "unchanged",
        "rejected",
        "emptied",
        "status",
        "at (UTC)",
        "by",
    ):
        table.add_column(column)
    for row in rows:
        table.add_row(*[f"{v:%Y-%m-%d %H:%M}" if hasattr(v, "hour") else str(v) for v in row])
    console.print(table)


def _has_audit_trail(con: duckdb.DuckDBPyConnection) -> bool:
    """A warehouse last written before the audit trail existed has none until its next write
    (opened read-only here, so its schema is not extended)."""
    return bool(
        con.execute(
            "select count(*) from information_schema.tables where table_name = 'audit_log'"
        ).fetchone()[0]
    )


def activity(
    limit: Annotated[int, typer.Option(help="How many of the latest changes.")] = 30,
    warehouse: WarehouseOption = None,
) -> None:
    """List the latest changes to the warehouse: who imported, undid or changed what, when."""
    con = open_warehouse(config.warehouse_path(warehouse), read_only=True)
    try:
        rows = audit.recent(con, limit) if _has_audit_trail(con) else None
    finally:
        con.close()
    if rows is None or rows.empty:
        console.print("no changes recorded yet")
        return
    table = Table(title="Activity (newest first)", title_justify="left")
    for column in ("at (UTC)", "who", "role", "what", "import", "details"):
        table.add_column(column)
    for row in rows.itertuples(index=False):
        table.add_row(
            f"{row.logged_at:%Y-%m-%d %H:%M}",
            row.who,
            row.role,
            row.action,
            "" if pd.isna(row.import_id) else f"#{int(row.import_id)}",
            row.detail,
        )
    console.print(table)


def undo_command(
    import_id: Annotated[
        int, typer.Argument(help="Number of the import (see `mobility imports`).")
    ],
    warehouse: WarehouseOption = None,
) -> None:
    """Undo an import: remove the records it added, restore those it replaced, rebuild."""
    from pipelines import manage
    from pipelines.ingest.undo import UndoRefused

    path = config.warehouse_path(warehouse)
    if not path.exists():
        raise fail(f"{path}: no warehouse here")
    try:
        result = manage.undo(path, import_id, roles.command_line_actor())
    except (UndoRefused, manage.WarehouseBusy) as exc:
        raise fail(str(exc)) from None
    except BuildFailed as exc:
        raise fail(f"build failed, nothing was undone: {exc}", 1) from None
    console.print(
        f"undid import #{result.import_id} ({result.file_name} -> {result.table}): "
        f"{result.removed:,} record(s) removed, {result.restored:,} restored; marts rebuilt"
    )
