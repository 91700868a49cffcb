"""The audit trail: one row per change of the warehouse, written inside the change's own
transaction so that a change and its record stand or fall together.

Writers call ``record`` with the ``Actor`` that asked (``pipelines/roles.py``); functions that
also serve the command line default to ``roles.command_line_actor()``, the operating-system
user. The import history and the Activity table read it back (``recent``, ``who_did``).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from pipelines.roles import Actor, command_line_actor


def record(
    con: duckdb.DuckDBPyConnection,
    actor: Actor | None,
    action: str,
    detail: str,
    import_id: int | None = None,
) -> None:
    actor = actor or command_line_actor()
    con.execute(
        "insert into audit_log (logged_at, who, role, action, import_id, detail) "
        "values (?, ?, ?, ?, ?, ?)",
        [
            dt.datetime.now(dt.UTC).replace(tzinfo=None),
            actor.who,
            actor.role.label,
            action,
            import_id,
            detail,
        ],
    )


def recent(con: duckdb.DuckDBPyConnection, limit: int = 50) -> pd.DataFrame:
    """The latest ``limit`` entries, newest first."""
    return con.execute(
        "select logged_at, who, role, action, import_id, detail from audit_log "
        "order by logged_at desc, rowid desc limit ?",
        [limit],
    ).df()
