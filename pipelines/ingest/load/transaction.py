"""Write a prepared import (``preparation``) in a single transaction. Guarantees:

* One import is one transaction: an error or Ctrl-C leaves the warehouse as it was.
* Records are matched on the table's key: new ones are inserted, changed ones replace the
  old version (kept in ``raw_<table>_history`` for undo), identical ones are left alone.
  Re-importing the same file therefore changes nothing, and is not even recorded.
* Rejected rows are stored with file, row, column, value and reason (person identifiers
  never: their value is hidden). So are values of stored rows that were left empty because
  they were invalid (``import_warnings``; which errors reject and which only empty a value:
  ``pipelines/ingest/validate.py``).
* ``replace=True`` treats the file as the whole table: stored records missing from it are
  removed, their last version kept in history like a changed record (the targets editor
  saves this way). Undo (``pipelines/ingest/undo.py``) relies on that history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from pipelines import audit
from pipelines.contract import ContractModel, model_for
from pipelines.ingest.load.preparation import ImportFailed, Prepared, Progress, _missing_message
from pipelines.ingest.load.staging import typed_rows
from pipelines.roles import Actor
from pipelines.warehouse import contract_columns


@dataclass
class ImportResult:
    table: str
    file_name: str
    sha256: str
    rows_read: int
    loaded: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejected: int = 0
    warned: int = 0  # stored rows with a value left empty (see ``warnings``)
    import_id: int | None = None
    already_imported_as: int | None = None
    dropped_columns: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    rejections: pd.DataFrame = field(default_factory=pd.DataFrame)
    notes: list[str] = field(default_factory=list)
    warnings: pd.DataFrame = field(default_factory=pd.DataFrame)


def _key_match(key: tuple[str, ...], left: str, right: str) -> str:
    return " and ".join(f'{left}."{k}" is not distinct from {right}."{k}"' for k in key)


def commit(
    con: duckdb.DuckDBPyConnection,
    prepared: Prepared,
    key: bytes,
    progress: Progress | None = None,
    replace: bool = False,
    actor: Actor | None = None,
    action: str = "import",
) -> ImportResult:
    """Write a prepared import in one transaction; see the module docstring for guarantees.

    ``actor`` (default: the command line's user) and ``action`` go to the audit trail, in the
    same transaction; a file already imported writes nothing, so it records nothing either.
    """
    if prepared.validation is None:
        raise ImportFailed(
            _missing_message(prepared.path, prepared.table, prepared.mapping.missing_required)
        )
    if replace and prepared.validation.rejected_row_count:
        raise ImportFailed(
            f"{prepared.path.name}: a file that replaces the whole {prepared.table} table "
            f"must have no rejected rows ({prepared.validation.rejected_row_count:,} rejected)"
        )
    try:
        return _commit(con, prepared, key, progress, replace, actor, action)
    finally:
        if prepared.staged is not None:
            prepared.staged.discard()


def _incoming(
    con: duckdb.DuckDBPyConnection,
    prepared: Prepared,
    key: bytes,
    model: type[ContractModel],
) -> str:
    """The table the incoming rows are read from: a large file's staged rows where they are,
    on disk (typed, pseudonymised and hashed when staged: no second copy of the file), else
    the validated frame, typed, pseudonymised and hashed into a temporary table
    (``staging.typed_rows``)."""
    if prepared.staged is not None:
        path = str(prepared.staged.path).replace("'", "''")
        con.execute(f"attach '{path}' as staged (read_only)")
        return "staged.valid"
    assert prepared.validation is not None
    frame, select, params = typed_rows(
        prepared.validation.valid,
        contract_columns(model),
        key,
        "incoming_frame",
        model.added_later(),
    )
    con.register("incoming_frame", frame)
    con.execute(f"create or replace temp table incoming as {select}", params)
    return "incoming"


def _commit(
    con: duckdb.DuckDBPyConnection,
    prepared: Prepared,
    key: bytes,
    progress: Progress | None,
    replace: bool,
    actor: Actor | None,
    action: str,
) -> ImportResult:
    assert prepared.validation is not None
    model = prepared.model or model_for(prepared.table)
    columns = contract_columns(model)
    rejections = prepared.validation.rejections
    warnings = prepared.validation.warnings
    result = ImportResult(
        table=prepared.table,
        file_name=prepared.path.name,
        sha256=prepared.sha256,
        rows_read=prepared.validation.rows_read,
        rejected=prepared.validation.rejected_row_count,
        warned=prepared.validation.warned_row_count,
        dropped_columns=list(prepared.mapping.personal),
        ignored_columns=list(prepared.mapping.unknown) + list(prepared.mapping.duplicates),
        rejections=rejections,
        notes=list(prepared.notes),
        warnings=warnings,
    )
    raw_table = model.source_table()
    history = f"{raw_table}_history"
    names = ", ".join(f'"{c}"' for c in columns)
    match = _key_match(model.key, "r", "i")
    total = len(model.model_fields) + 2

    con.begin()
    try:
        incoming = _incoming(con, prepared, key, model)
        import_id = con.execute("select coalesce(max(import_id), 0) + 1 from imports").fetchone()[0]
        con.execute(
            f"create or replace temp table changed as select i.* from {incoming} i "
            f"join {raw_table} r on {match} where r._row_hash <> i._row_hash"
        )
        result.updated = con.execute("select count(*) from changed").fetchone()[0]
        result.loaded = con.execute(
            f"select count(*) from {incoming} i "
            f"where not exists (select 1 from {raw_table} r where {match})"
        ).fetchone()[0]
        arrived = con.execute(f"select count(*) from {incoming}").fetchone()[0]
        result.unchanged = arrived - result.loaded - result.updated
        if replace:
            # stored records the file no longer has go to history like a changed record
            keys = ", ".join(f'r."{k}"' for k in model.key)
            con.execute(
                f"insert into changed by name select {keys} "
                f"from {raw_table} r where not exists (select 1 from {incoming} i where {match})"
            )
            result.deleted = con.execute("select count(*) from changed").fetchone()[0] - (
                result.updated
            )
        if progress:
            progress(total - 1, total, "writing")
        previous = con.execute(
            "select import_id from imports where file_sha256 = ? and table_name = ? "
            "and status = 'active' order by import_id desc limit 1",
            [prepared.sha256, prepared.table],
        ).fetchone()
        if previous and result.loaded == result.updated == result.deleted == 0:
            con.rollback()
            result.already_imported_as = previous[0]
            result.rejected = result.warned = 0
            return result
        changed_match = _key_match(model.key, "r", "c")
        con.execute(
            f"insert into {history} select r.*, ? from {raw_table} r "
            f"where exists (select 1 from changed c where {changed_match})",
            [import_id],
        )
        con.execute(
            f"delete from {raw_table} r "
            f"where exists (select 1 from changed c where {changed_match})"
        )
        con.execute(
            f"insert into {raw_table} ({names}, _import_id, _row_hash, _source_row) "
            f"select {names}, ?, _row_hash, _source_row from {incoming} i "
            f"where not exists (select 1 from {raw_table} r where {match})",
            [import_id],
        )
        con.execute(
            "insert into imports (import_id, table_name, source, file_name, file_sha256, "
            "file_format, rows_read, rows_loaded, rows_updated, rows_unchanged, rows_deleted, "
            "rows_rejected, rows_warned, dropped_columns, ignored_columns, imported_at) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                import_id,
                prepared.table,
                prepared.source,
                prepared.path.name,
                prepared.sha256,
                prepared.info.format,
                result.rows_read,
                result.loaded,
                result.updated,
                result.unchanged,
                result.deleted,
                result.rejected,
                result.warned,
                ", ".join(result.dropped_columns) or None,
                ", ".join(result.ignored_columns) or None,
                dt.datetime.now(dt.UTC).replace(tzinfo=None),
            ],
        )
        for found, table, view in (
            (rejections, "rejected_rows", "rejections_frame"),
            (warnings, "import_warnings", "warnings_frame"),
        ):
            if len(found):
                stored = found.assign(
                    import_id=import_id, table_name=prepared.table, file_name=prepared.path.name
                )[
                    [
                        "import_id",
                        "table_name",
                        "file_name",
                        "row_number",
                        "column_name",
                        "value",
                        "reason",
                    ]
                ]
                con.register(view, stored)
                con.execute(f"insert into {table} select * from {view}")
                con.unregister(view)
        con.execute("drop table if exists incoming")
        con.execute("drop table if exists changed")
        audit.record(con, actor, action, _audit_detail(result), import_id)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    finally:
        _release(con, prepared)
    result.import_id = import_id
    if progress:
        progress(total, total, "done")
    return result


def _audit_detail(result: ImportResult) -> str:
    counts = f"{result.loaded:,} new, {result.updated:,} changed"
    if result.deleted:
        counts += f", {result.deleted:,} removed"
    if result.rejected:
        counts += f", {result.rejected:,} rows rejected"
    return f"{result.file_name} → {result.table}: {counts}"


def _release(con: duckdb.DuckDBPyConnection, prepared: Prepared) -> None:
    """Let go of what ``_incoming`` opened (idempotent)."""
    if prepared.staged is not None:
        attached = con.execute(
            "select count(*) from duckdb_databases() where database_name = 'staged'"
        ).fetchone()[0]
        if attached:
            con.execute("detach staged")
    else:
        con.unregister("incoming_frame")
