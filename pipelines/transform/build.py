"""Build the marts: reference tables, macros, SQL models in layer order, then every check.

A small runner of our own rather than dbt-duckdb (see docs/architecture.md): the models are
plain ``select`` files, so the runner only needs to order them, wrap each in ``create or
replace view/table``, and run checks. Dependencies inside a layer are found by looking for
other models' names in the SQL; layers run staging -> intermediate -> marts.

The whole build is one transaction: if a model or a check fails, the previous marts stay.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from graphlib import TopologicalSorter
from pathlib import Path

import duckdb
import pandas as pd

from pipelines import metrics
from pipelines.config import SQL_DIR
from pipelines.contract import reference
from pipelines.transform import quality
from pipelines.transform.checks import CHECKS
from pipelines.warehouse import code_state, sources_state

LAYERS = ("staging", "intermediate", "marts")
MATERIALIZATION = {"staging": "view", "intermediate": "table", "marts": "table"}
# A model may choose otherwise with a line of its own: ``-- materialized: view``. Written into
# a table, a model that only adds columns computed row by row costs a full copy of every
# mobility, which the models that read it can compute as they read (issue 13).
MATERIALIZED = re.compile(r"^-- materialized: (view|table)\s*$", re.MULTILINE)
SAMPLE_ROWS = 5


class BuildFailed(Exception):
    """A model or a check failed; the message names it."""


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    sql: str

    @property
    def materialization(self) -> str:
        chosen = MATERIALIZED.search(self.sql)
        return chosen.group(1) if chosen else MATERIALIZATION[self.layer]


@dataclass
class BuildResult:
    models: list[str]
    checks: int
    seconds: float


def discover(sql_dir: Path = SQL_DIR) -> list[Model]:
    """All models in run order."""
    by_layer = {
        layer: {
            p.stem: Model(p.stem, layer, p.read_text())
            for p in sorted((sql_dir / layer).glob("*.sql"))
        }
        for layer in LAYERS
    }
    ordered: list[Model] = []
    for layer in LAYERS:
        models = by_layer[layer]
        graph = {
            name: {
                other
                for other in models
                if other != name and re.search(rf"\b{re.escape(other)}\b", _code(model.sql))
            }
            for name, model in models.items()
        }
        ordered.extend(models[name] for name in TopologicalSorter(graph).static_order())
    return ordered


def _code(sql: str) -> str:
    """SQL without comments, so a model named in a comment is not a dependency."""
    return re.sub(r"--[^\n]*", "", sql)


def load_reference(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the reference tables the models join: countries, ISCED, KPIs, quality rules."""
    countries = reference.countries().drop(columns=["regex"])
    kpis = pd.DataFrame(
        {
            "kpi_id": [k.id for k in metrics.KPIS],
            "name": [k.name for k in metrics.KPIS],
            "definition": [k.definition for k in metrics.KPIS],
            "unit": [k.unit for k in metrics.KPIS],
            "good_direction": [k.good_direction for k in metrics.KPIS],
            "source": [k.source for k in metrics.KPIS],
            "dimensions": [list(k.dimensions) for k in metrics.KPIS],
            "headline": [k.headline for k in metrics.KPIS],
            "reference_target": [k.reference_target for k in metrics.KPIS],
            "reference_note": [k.reference_note for k in metrics.KPIS],
            "formula": [k.formula for k in metrics.KPIS],
            "numerator": [k.numerator_measure for k in metrics.KPIS],
            "denominator": [k.denominator for k in metrics.KPIS],
        }
    )
    for name, frame in (
        ("ref_countries", countries),
        ("ref_isced_fields", reference.isced_fields()),
        ("ref_kpis", kpis),
        ("ref_quality_rules", quality.rules_frame()),
        ("ref_duration_rules", quality.duration_rules_frame()),
    ):
        con.register("reference_frame", frame)
        con.execute(f"create or replace table {name} as select * from reference_frame")
        con.unregister("reference_frame")


def check_queries() -> list[tuple[str, str]]:
    """(check name, query returning offending rows) for every check."""
    queries = []
    for spec in CHECKS:
        if spec.unique:
            cols = ", ".join(spec.unique)
            queries.append(
                (
                    f"{spec.model}: unique ({cols})",
                    f"select {cols}, count(*) as n from {spec.model} "
                    f"group by {cols} having count(*) > 1",
                )
            )
        for column in spec.not_null:
            queries.append(
                (
                    f"{spec.model}: {column} not null",
                    f"select * from {spec.model} where {column} is null",
                )
            )
        for column, values in spec.accepted.items():
            allowed = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
            queries.append(
                (
                    f"{spec.model}: {column} in accepted values",
                    f"select {column}, count(*) as n from {spec.model} "
                    f"where {column} not in ({allowed}) group by {column}",
                )
            )
    for path in sorted((SQL_DIR / "checks").glob("*.sql")):
        queries.append((path.stem, path.read_text()))
    return queries


def run_checks(con: duckdb.DuckDBPyConnection) -> int:
    """Run every check; raise BuildFailed naming the first that finds rows."""
    queries = check_queries()
    for name, query in queries:
        rows = con.execute(f"select * from ({query}) limit {SAMPLE_ROWS}").fetchdf()
        if len(rows):
            sample = rows.to_string(index=False, max_colwidth=40)
            raise BuildFailed(f"check failed: {name}\n{sample}")
    return len(queries)


def build(
    con: duckdb.DuckDBPyConnection,
    progress: Callable[[int, int, str], None] | None = None,
    transaction: bool = True,
) -> BuildResult:
    """Build every model and run every check in one transaction.

    With ``transaction=False`` the caller has begun a transaction and commits or rolls it
    back itself, so a change to the sources and the rebuild it needs succeed or fail as one
    (undo, partner mapping: see ``pipelines/manage.py``).
    """
    started = time.perf_counter()
    models = discover()
    total = len(models) + 2
    if transaction:
        con.begin()
    try:
        load_reference(con)
        con.execute((SQL_DIR / "macros.sql").read_text())
        for i, model in enumerate(models, start=1):
            if progress:
                progress(i, total, model.name)
            kind = model.materialization
            # a name may change materialisation between versions: drop the other kind first
            other = "table" if kind == "view" else "view"
            exists_as_other = con.execute(
                "select count(*) from duckdb_tables() where table_name = ? and not temporary"
                if other == "table"
                else "select count(*) from duckdb_views() where view_name = ? and not temporary",
                [model.name],
            ).fetchone()[0]
            if exists_as_other:
                con.execute(f"drop {other} {model.name}")
            try:
                con.execute(f"create or replace {kind} {model.name} as\n{model.sql}")
            except duckdb.Error as exc:
                raise BuildFailed(f"model {model.layer}/{model.name} failed: {exc}") from None
        if progress:
            progress(total - 1, total, "checks")
        checks = run_checks(con)
        seconds = time.perf_counter() - started
        con.execute(
            "insert into builds (built_at, seconds, models, checks, sources_state, code_state) "
            "values (?, ?, ?, ?, ?, ?)",
            [
                dt.datetime.now(dt.UTC).replace(tzinfo=None),
                seconds,
                len(models),
                checks,
                sources_state(con),
                code_state(),
            ],
        )
        if transaction:
            con.commit()
    except BaseException:
        if transaction:
            con.rollback()
        raise
    if progress:
        progress(total, total, "done")
    return BuildResult([m.name for m in models], checks, time.perf_counter() - started)
