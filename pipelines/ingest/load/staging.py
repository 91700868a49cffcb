"""A large file prepared part by part, its valid rows staged on disk until the commit.

Each part (``readers.stream``) is shaped and validated exactly as a whole file is
(``preparation``: the same function), its person identifiers pseudonymised and its valid
rows typed and appended to a staging DuckDB database in a private temporary folder. Nothing
holds the whole file: memory stays at a part's size whatever the file's. What needs the
whole file is done on the staged rows: a key repeated in a later part is rejected like one
repeated within a part ("duplicate key in the file (first at row N)"), and its row's emptied
values become rejections, as ``validate`` does. Rejections and warnings stay in memory, as
for a whole file: they are what the person reads.

The commit (``transaction``) reads the staged rows inside its transaction; the folder is
removed after the commit, or when the prepared import is dropped.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from pipelines.contract import ContractModel
from pipelines.ingest.pseudonymise import Pseudonymiser
from pipelines.ingest.readers import RawTable
from pipelines.ingest.readers.stream import StreamedFile
from pipelines.ingest.validate import REJECTION_COLUMNS, Validation, _rejections, _sorted
from pipelines.warehouse import contract_columns, limit_memory

PartValidator = Callable[[RawTable], tuple[Validation, list[str]]]
PartProgress = Callable[[int, int, str], None]


@dataclass
class StagedRows:
    """The valid rows of a prepared large file: table ``valid`` of the DuckDB file ``path``,
    typed as the warehouse stores them, person identifiers already pseudonymised."""

    path: Path
    rows: int
    _cleanup: weakref.finalize | None = field(default=None, repr=False)

    def discard(self) -> None:
        """Remove the staging folder (also done when this object is dropped)."""
        if self._cleanup is not None:
            self._cleanup()


def typed_frame(valid: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Valid rows with dtypes DuckDB reads unambiguously, and their row numbers."""
    out = pd.DataFrame(index=valid.index)
    for column, kind in columns.items():
        values = valid[column]
        if kind == "date":
            out[column] = pd.to_datetime(values, errors="coerce")
        elif kind == "integer":
            out[column] = pd.to_numeric(values, errors="coerce").astype("Int64")
        elif kind == "double":
            out[column] = pd.to_numeric(values, errors="coerce").astype("float64")
        elif kind == "boolean":
            out[column] = values.astype("boolean")
        else:
            out[column] = values.astype("object").where(values.notna(), None)
    out["_source_row"] = valid.index.astype("int64")
    return out.reset_index(drop=True)


def typed_rows(
    valid: pd.DataFrame,
    columns: dict[str, str],
    key: bytes,
    view: str,
    added_later: tuple[str, ...] = (),
) -> tuple[pd.DataFrame, str, dict[str, object]]:
    """What stores valid rows: a frame to register as ``view``, and the SELECT (with its
    bound parameters) that reads it with the warehouse's types, person identifiers replaced
    by their pseudonyms in bulk (``Pseudonymiser.sql``), and each row's ``_row_hash``."""
    frame = typed_frame(valid, columns)
    params: dict[str, object] = {}
    sources = {column: f'"{column}"' for column in columns}
    if "person_id" in columns:
        pseudonymiser = Pseudonymiser(key)
        frame["_pseudonym"] = pseudonymiser.beyond_ascii(frame["person_id"])
        sources["person_id"], params = pseudonymiser.sql("person_id", "_pseudonym")
    casts = ", ".join(f'cast({sources[c]} as {t}) as "{c}"' for c, t in columns.items())
    typed = f"select {casts}, _source_row from {view}"
    return frame, f"select *, {row_hash(columns, added_later)} as _row_hash from ({typed})", params


def row_hash(columns: dict[str, str], added_later: tuple[str, ...] = ()) -> str:
    """SQL for a record's fingerprint: a re-import compares it to tell changed records from
    unchanged ones, so it must never change for the same values. A column ``added_later``
    enters it only when set: a record without it keeps the fingerprint it had before the
    column existed (``column(added_later=)``)."""
    first = [f'"{c}"' for c in columns if c not in added_later]
    text = "cast(to_json(struct_pack(" + ", ".join(first) + ")) as varchar)"
    for name in (c for c in columns if c in added_later):
        text += (
            f""" || case when "{name}" is null then '' """
            f"""else cast(to_json(struct_pack("{name}")) as varchar) end"""
        )
    return f"md5({text})"


def stage(
    streamed: StreamedFile,
    model: type[ContractModel],
    validate_part: PartValidator,
    key: bytes,
    progress: PartProgress | None = None,
) -> tuple[Validation, list[str], StagedRows]:
    """Validate every part of a large file and stage its valid rows (module docstring)."""
    folder = Path(tempfile.mkdtemp(prefix="mobility-import-"))  # private: mode 0700
    staged = StagedRows(folder / "staged.duckdb", 0)
    staged._cleanup = weakref.finalize(staged, shutil.rmtree, folder, True)
    columns = contract_columns(model)
    later = model.added_later()
    size = max(streamed.path.stat().st_size, 1)
    head_rows = max(len(streamed.head.frame), 1)
    estimate = max(int(size / _bytes_per_row(streamed, head_rows)), 1)
    rejections: list[pd.DataFrame] = []
    warnings: list[pd.DataFrame] = []
    notes: list[str] = []
    rows_read = 0
    try:
        con = duckdb.connect(str(staged.path))
        limit_memory(con, folder / "spill")
        try:
            for number, part in enumerate(streamed.chunks()):
                validation, part_notes = validate_part(part)
                rows_read += validation.rows_read
                frame, select, params = typed_rows(validation.valid, columns, key, "part", later)
                con.register("part", frame)
                into = "create table valid as" if number == 0 else "insert into valid"
                con.execute(f"{into} {select}", params)
                con.unregister("part")
                del frame
                rejections.append(validation.rejections)
                warnings.append(validation.warnings)
                if len(part.frame):
                    first, last = int(part.frame.index[0]), int(part.frame.index[-1])
                    notes.extend(f"rows {first:,}–{last:,}: {note}" for note in part_notes)
                if progress:
                    done = min(rows_read, estimate - 1)
                    progress(done, estimate, f"validated {rows_read:,} rows")
            if rows_read == 0:
                empty = pd.DataFrame(columns=list(columns))
                frame, select, params = typed_rows(empty, columns, key, "part", later)
                con.register("part", frame)
                con.execute(f"create table valid as {select}", params)
            duplicates = _duplicate_keys(con, model)
            staged.rows = con.execute("select count(*) from valid").fetchone()[0]
        finally:
            con.close()
    except BaseException:
        staged.discard()
        raise
    kept, moved = _split_warnings(warnings, set(duplicates["row_number"].tolist()))
    validation = Validation(
        valid=pd.DataFrame(columns=list(model.model_fields)),
        rejections=_sorted([*rejections, duplicates, moved]),
        rows_read=rows_read,
        warnings=kept,
    )
    return validation, notes, staged


def _bytes_per_row(streamed: StreamedFile, head_rows: int) -> float:
    if streamed.info.format == "parquet":
        return max(streamed.path.stat().st_size / max(_parquet_rows(streamed.path), 1), 1)
    return max(sum(streamed.head.frame.memory_usage(deep=True)) / head_rows / 2, 1)


def _parquet_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows


def _duplicate_keys(con: duckdb.DuckDBPyConnection, model: type[ContractModel]) -> pd.DataFrame:
    """Staged rows repeating the key of an earlier staged row (in another part: a part's own
    repeats were rejected when it was validated) are removed and returned as rejections."""
    keys = ", ".join(f'"{k}"' for k in model.key)
    found = con.execute(
        f"""
        select _source_row as row_number, cast("{model.key[0]}" as varchar) as value, first
        from (select *, min(_source_row) over (partition by {keys}) as first from valid)
        where _source_row <> first order by _source_row
        """
    ).df()
    if found.empty:
        return pd.DataFrame(columns=REJECTION_COLUMNS)
    con.execute(
        "delete from valid where _source_row in (select unnest(?::bigint[]))",
        [found["row_number"].tolist()],
    )
    values = pd.Series(found["value"].tolist(), index=pd.Index(found["row_number"]))
    part = _rejections(values.index, model.key[0], values, "")
    part["reason"] = [f"duplicate key in the file (first at row {r})" for r in found["first"]]
    return part


def _split_warnings(
    warnings: list[pd.DataFrame], rejected_rows: set[int]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Warnings of rows that stay stored, and those of rows rejected after all (a rejected
    row lists all its problems as rejections, ``validate``'s rule)."""
    found = _sorted(warnings)
    gone = found["row_number"].isin(rejected_rows)
    return found.loc[~gone].reset_index(drop=True), found.loc[gone].reset_index(drop=True)
