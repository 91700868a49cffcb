"""The only module that talks to DuckDB on behalf of the dashboard.

Read-only, bound parameters, cached. Each cache miss opens the warehouse read-only, runs
one query and closes it again, instead of holding one connection for the life of the
process: a held connection keeps a lock on the file, so `mobility ingest` or `mobility
build` could not write while the dashboard runs. Results are cached with
``st.cache_data`` keyed by the query's parameters *and* the warehouse file's modification
time, so a rebuild shows up on the next rerun without stale numbers.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from pipelines import config

CACHE_TTL_SECONDS = 3600


def warehouse_path() -> Path:
    return config.warehouse_path()


def warehouse_version() -> float | None:
    """Modification time of the warehouse file, or None: part of every cache key."""
    path = warehouse_path()
    try:
        return os.stat(path).st_mtime
    except FileNotFoundError:
        return None


def _read(sql: str, params: list | None = None) -> pd.DataFrame:
    with duckdb.connect(str(warehouse_path()), read_only=True) as con:
        return con.execute(sql, params or []).fetchdf()


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _cached(sql: str, params: tuple, version: float | None) -> pd.DataFrame:
    return _read(sql, list(params))


def query(sql: str, *params: object) -> pd.DataFrame:
    """Run a read-only query with bound parameters; cached per parameters and warehouse version."""
    return _cached(sql, tuple(params), warehouse_version())


def has_data() -> bool:
    """True when the warehouse exists and its marts have been built."""
    if warehouse_version() is None:
        return False
    try:
        return bool(len(query("select 1 from kpi_values limit 1")))
    except duckdb.CatalogException:
        return False


def institution_name() -> str:
    frame = query("select value from settings where key = 'institution_name'")
    return str(frame["value"].iloc[0]) if len(frame) else "Our University"


def academic_years() -> list[str]:
    frame = query("select distinct academic_year from kpi_values order by academic_year")
    return frame["academic_year"].tolist()


def kpi_year_values(academic_year: str, faculty: str = "all") -> pd.DataFrame:
    """All KPIs of one year for the whole university or one faculty, with last year's values."""
    return query(
        """
        select k.kpi_id, k.name, k.definition, k.unit, k.good_direction, k.headline,
               cur.value, prev.value as previous_value
        from ref_kpis as k
        left join kpi_by_year as cur
            on cur.kpi_id = k.kpi_id and cur.academic_year = ? and cur.faculty = ?
        left join kpi_by_year as prev
            on prev.kpi_id = k.kpi_id and prev.year_start = cur.year_start - 1
            and prev.faculty = cur.faculty
        """,
        academic_year,
        faculty,
    )


def kpi_trend(kpi_id: str, faculty: str = "all") -> pd.DataFrame:
    return query(
        "select academic_year, value from kpi_by_year where kpi_id = ? and faculty = ? "
        "order by academic_year",
        kpi_id,
        faculty,
    )
