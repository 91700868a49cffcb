"""Undo an import: remove exactly the records it added, restore the versions it replaced.

An import ``N`` leaves two traces (``pipelines/ingest/load/``): the records it added or
changed carry ``_import_id = N`` in ``raw_<table>``, and the versions it replaced or removed
are in ``raw_<table>_history`` with ``_superseded_by = N``. Undo deletes the first and moves
the second back, marks the import ``undone`` and (through ``pipelines.manage``) rebuilds the
marts, all in one transaction.

Undo is refused, naming the later import, when a later active import has touched the same
records since: it replaced a record that N wrote, or it now holds a record N had removed or
replaced. Undoing N then would either resurrect a version nobody imported last or silently
drop the later import's change. Undo the later import first (newest first always works).

Rejected rows of an undone import stay in ``rejected_rows`` for the record (the
data-quality page shows only those of active imports), and likewise the values it left empty
in ``import_warnings``; re-importing the same file after an undo imports it again as a new
import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from pipelines import audit
from pipelines.contract import model_for
from pipelines.roles import Actor
from pipelines.warehouse import contract_columns


class UndoRefused(Exception):
    """The import cannot be undone; the message says why and what to do instead."""


@dataclass
class UndoResult:
    import_id: int
    table: str
    file_name: str
    removed: int  # records the import had added or changed, now gone
    restored: int  # versions it had replaced or removed, now back


def _key_match(key: tuple[str, ...], left: str, right: str) -> str:
    return " and ".join(f'{left}."{k}" is not distinct from {right}."{k}"' for k in key)


def blocking_imports(con: duckdb.DuckDBPyConnection, import_id: int, table: str) -> list[int]:
    """Later active imports that touched records of ``import_id`` (see the module docstring)."""
    model = model_for(table)
    raw, history = f"raw_{model.table}", f"raw_{model.table}_history"
    rows = con.execute(
        f"""
        -- a later import replaced (or removed) a record this import wrote
        select h._superseded_by as later
        from {history} as h
        inner join imports as i on i.import_id = h._superseded_by
        where h._import_id = $id and i.status = 'active'
        union
        -- a record this import replaced is now held by another import's version
        select r._import_id
        from {history} as h
        inner join {raw} as r on {_key_match(model.key, "r", "h")}
        where h._superseded_by = $id and r._import_id <> $id
        order by later
        """,
        {"id": import_id},
    ).fetchall()
    return [later for (later,) in rows]


def undo_import(
    con: duckdb.DuckDBPyConnection, import_id: int, actor: Actor | None = None
) -> UndoResult:
    """Undo one import inside the caller's transaction (``pipelines.manage.undo`` wraps it).

    Raises :class:`UndoRefused` if the import does not exist, is already undone, or a later
    import touched its records.
    """
    found = con.execute(
        "select table_name, file_name, status from imports where import_id = ?", [import_id]
    ).fetchone()
    if found is None:
        raise UndoRefused(f"there is no import #{import_id}")
    table, file_name, status = found
    if status != "active":
        raise UndoRefused(f"import #{import_id} ({file_name}) is already {status}")
    later = blocking_imports(con, import_id, table)
    if later:
        names = ", ".join(f"#{n}" for n in later)
        raise UndoRefused(
            f"import #{import_id} ({file_name}) cannot be undone: later import(s) {names} "
            f"changed the same {table} records since; undo {names} first"
        )
    model = model_for(table)
    raw, history = f"raw_{model.table}", f"raw_{model.table}_history"
    columns = ", ".join(f'"{c}"' for c in [*contract_columns(model), "_import_id", "_row_hash"])
    columns += ', "_source_row"'
    removed = con.execute(
        f"select count(*) from {raw} where _import_id = ?", [import_id]
    ).fetchone()[0]
    restored = con.execute(
        f"select count(*) from {history} where _superseded_by = ?", [import_id]
    ).fetchone()[0]
    con.execute(f"delete from {raw} where _import_id = ?", [import_id])
    con.execute(
        f"insert into {raw} ({columns}) select {columns} from {history} where _superseded_by = ?",
        [import_id],
    )
    con.execute(f"delete from {history} where _superseded_by = ?", [import_id])
    con.execute(
        "update imports set status = 'undone', undone_at = ? where import_id = ?",
        [dt.datetime.now(dt.UTC).replace(tzinfo=None), import_id],
    )
    audit.record(
        con,
        actor,
        "undo",
        f"{file_name} → {table}: {removed:,} removed, {restored:,} restored",
        import_id,
    )
    return UndoResult(import_id, table, file_name, removed, restored)
