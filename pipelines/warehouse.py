"""The DuckDB warehouse file: connecting, creating its tables, reading and writing settings."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import types
import typing
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb

from pipelines import audit
from pipelines.config import SQL_DIR
from pipelines.contract import MODELS, ContractModel
from pipelines.ingest.ec_schemas import EC_MODELS
from pipelines.roles import Actor
from pipelines.settings import Settings

BOOKKEEPING = ("imports", "rejected_rows", "settings", "builds")
SOURCE_COLUMNS = {"_import_id": "integer", "_row_hash": "varchar", "_source_row": "integer"}


@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    description: str
    label: str  # what a person calls it (Settings page, audit trail)


# Declared once, typed, in pipelines/settings.py; this is the table's view of them.
SETTINGS = tuple(
    Setting(key, str(field.default), field.description or "", field.title or key)
    for key, field in Settings.model_fields.items()
)
SETTING_KEYS = {s.key: s for s in SETTINGS}


# DuckDB's own default is 80 % of the machine's memory: a build over ten million records
# would take what the dashboard and the import need. Past this limit DuckDB spills to disk.
MEMORY_LIMIT = os.environ.get("MOBILITY_DUCKDB_MEMORY", "1.5GB")
_MEMORY_SIZE = re.compile(r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", re.IGNORECASE)


def limit_memory(con: duckdb.DuckDBPyConnection, spill: Path) -> None:
    """Hold DuckDB to ``MEMORY_LIMIT`` (``MOBILITY_DUCKDB_MEMORY``, e.g. ``2GB``), spilling
    what does not fit into the folder ``spill`` (created when first needed)."""
    if not _MEMORY_SIZE.match(MEMORY_LIMIT.strip()):
        raise ValueError(f"MOBILITY_DUCKDB_MEMORY={MEMORY_LIMIT!r}: write a size such as 2GB")
    # SET takes no bound parameters; the value is checked above, the folder is ours
    con.execute(f"set memory_limit = '{MEMORY_LIMIT.strip()}'")
    con.execute(f"set temp_directory = '{str(spill).replace(chr(39), chr(39) * 2)}'")


def spill_folder(path: Path) -> Path:
    """Where DuckDB spills for the warehouse ``path``: beside it, removed by DuckDB."""
    return path.with_name(path.name + ".spill")


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file (created if missing, unless read-only) with its tables in place,
    within DuckDB's memory limit (``limit_memory``)."""
    path = Path(path)
    if read_only:
        if not path.exists():
            raise FileNotFoundError(
                f"{path}: no warehouse here; run `mobility demo` or import data"
            )
        con = duckdb.connect(str(path), read_only=True)
        limit_memory(con, spill_folder(path))
        return con
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    limit_memory(con, spill_folder(path))
    ensure_schema(con)
    return con


def sql_type(annotation: object) -> str:
    """DuckDB type of a contract field's Python type."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return sql_type(inner[0])
    if typing.get_origin(annotation) is typing.Annotated:
        return sql_type(typing.get_args(annotation)[0])
    return {str: "varchar", int: "integer", float: "double", bool: "boolean", dt.date: "date"}[
        annotation  # type: ignore[index]
    ]


def contract_columns(model: type[ContractModel]) -> dict[str, str]:
    return {name: sql_type(info.annotation) for name, info in model.model_fields.items()}


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and columns; never drops or changes what exists."""
    con.execute((SQL_DIR / "warehouse.sql").read_text())
    # the university's own tables (raw_*), then the EC benchmark tables (ec_*), kept apart
    for model in (*MODELS.values(), *EC_MODELS.values()):
        columns = {**contract_columns(model), **SOURCE_COLUMNS}
        for table, extra in (
            (model.source_table(), {}),
            (f"{model.source_table()}_history", {"_superseded_by": "integer"}),
        ):
            spec = ", ".join(f'"{c}" {t}' for c, t in {**columns, **extra}.items())
            con.execute(f"create table if not exists {table} ({spec})")
            for column, kind in {**columns, **extra}.items():
                con.execute(f'alter table {table} add column if not exists "{column}" {kind}')
    for setting in SETTINGS:
        con.execute(
            "insert into settings (key, value, description) values (?, ?, ?) "
            "on conflict do nothing",
            [setting.key, setting.default, setting.description],
        )


def get_settings(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The settings as stored (text); ``read_settings`` gives them typed."""
    return dict(con.execute("select key, value from settings order by key").fetchall())


def read_settings(con: duckdb.DuckDBPyConnection) -> Settings:
    return Settings.from_stored(get_settings(con))


def set_setting(
    con: duckdb.DuckDBPyConnection, key: str, value: str, actor: Actor | None = None
) -> bool:
    """Check and store one setting; a changed value is recorded as ``actor``'s in the audit
    trail. Returns whether the value changed."""
    value = Settings.check(key, value)
    stored = con.execute("select value from settings where key = ?", [key]).fetchall()
    old = stored[0][0] if stored else SETTING_KEYS[key].default
    if old == value:
        return False
    con.execute("update settings set value = ? where key = ?", [value, key])
    audit.record(con, actor, "settings", f"{SETTING_KEYS[key].label}: {old!r} → {value!r}")
    return True


# What the marts are built from, besides the records themselves: which imports are active,
# the settings, the partner mappings. The records only change through imports (and undo,
# which changes an import's status), so this is cheap and still exact.
SOURCES_STATE = """
select md5(concat_ws('|',
    (select coalesce(string_agg(import_id || ':' || status, ',' order by import_id), '')
     from imports),
    (select coalesce(string_agg(key || '=' || value, ',' order by key), '') from settings),
    (select coalesce(string_agg(source_key || '>' || partner_key, ',' order by source_key), '')
     from partner_mappings)
))
"""


def sources_state(con: duckdb.DuckDBPyConnection) -> str:
    """A fingerprint of what the marts are built from; each build stores it."""
    return con.execute(SOURCES_STATE).fetchone()[0]


@cache
def code_state() -> str:
    """A fingerprint of the program's models: every SQL file the build runs and the KPI
    registry. Marts built by another version of the program may lack what pages now read."""
    from pipelines import metrics

    digest = hashlib.sha256()
    for path in sorted(SQL_DIR.rglob("*.sql")):
        digest.update(path.relative_to(SQL_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    digest.update(repr(metrics.KPIS).encode())
    return digest.hexdigest()


PROGRAM_UPDATED = "the program (it was updated since the figures were last built)"


@dataclass(frozen=True)
class BuildStatus:
    stale: bool
    reason: str = ""  # what is newer than the marts, for a person

    @property
    def program_updated(self) -> bool:
        """The marts were built by another version: pages may not be able to read them."""
        return self.reason == PROGRAM_UPDATED


def build_status(con: duckdb.DuckDBPyConnection) -> BuildStatus:
    """Whether the marts match the sources: stale after an import whose rebuild never ran
    (a process killed between the two, ``--no-build``), or a settings change not yet built.

    Builds made before the fingerprint existed are compared by time instead.
    """
    builds = con.execute("select * from builds order by built_at desc limit 1").fetchdf()
    latest = con.execute(
        "select import_id, file_name, greatest(imported_at, coalesce(undone_at, imported_at)) "
        "from imports order by 3 desc, import_id desc limit 1"
    ).fetchone()
    if not len(builds):
        if latest is None:
            return BuildStatus(False)
        return BuildStatus(True, f"import #{latest[0]} ({latest[1]}) was never built")
    last = builds.iloc[0]
    if last.get("code_state") != code_state():
        return BuildStatus(True, PROGRAM_UPDATED)
    state = last.get("sources_state")
    if isinstance(state, str):
        if state == sources_state(con):
            return BuildStatus(False)
    elif latest is None or latest[2] <= last["built_at"]:
        return BuildStatus(False)
    if latest is not None and latest[2] > last["built_at"]:
        return BuildStatus(True, f"the last import, #{latest[0]} ({latest[1]})")
    return BuildStatus(True, "the last change to the settings or partner mappings")
