"""Reading what a report needs from the marts: the SQL in ``sql/*.sql``, bound parameters only.

Each function takes an open (read-only) connection; :func:`pipelines.report.build_report`
opens the warehouse and closes it again, as the dashboard does, so a report never holds a
lock that would stop ``mobility ingest``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from pipelines.metrics.values import KpiQueryError, available_years

SQL = Path(__file__).resolve().parent / "sql"


class ReportError(Exception):
    """A report cannot be made; the message says why and what would work."""


@cache
def _sql(name: str) -> str:
    return (SQL / f"{name}.sql").read_text()


def _frame(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> pd.DataFrame:
    return con.execute(_sql(name), params).fetchdf()


def years(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Academic years with KPI values, oldest first."""
    try:
        return available_years(con)
    except KpiQueryError as exc:
        raise ReportError(str(exc)) from None


def faculties(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Faculties that appear in mobilities, alphabetically."""
    rows = con.execute(
        "select distinct faculty from mobilities where faculty is not null order by faculty"
    ).fetchall()
    return [r[0] for r in rows]


def degree_programmes(con: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """Degree programmes that appear in mobilities, alphabetically, each with the faculty most
    of its mobilities name (whose agreements and projects its report shows)."""
    rows = con.execute(
        "select degree_programme, mode(faculty) from mobilities "
        "where degree_programme is not null group by all order by degree_programme"
    ).fetchall()
    return dict(rows)


def mobility_counts(
    con: duckdb.DuckDBPyConnection,
    first_year: int,
    last_year: int,
    faculty: str | None,
    programme: str | None = None,
) -> pd.DataFrame:
    return _frame(
        con,
        "mobility_counts",
        first_year=first_year,
        last_year=last_year,
        faculty=faculty,
        programme=programme,
    )


def outcome_bases(
    con: duckdb.DuckDBPyConnection,
    first_year: int,
    last_year: int,
    faculty: str | None,
    programme: str | None = None,
) -> pd.DataFrame:
    return _frame(
        con,
        "outcome_bases",
        first_year=first_year,
        last_year=last_year,
        faculty=faculty,
        programme=programme,
    )


def kpi_values(con: duckdb.DuckDBPyConnection, first_year: int, last_year: int) -> pd.DataFrame:
    return _frame(con, "kpi_values", first_year=first_year, last_year=last_year)


def agreements(con: duckdb.DuckDBPyConnection, year: str, faculty: str | None) -> pd.DataFrame:
    return _frame(con, "agreements", year=year, faculty=faculty)


def projects(con: duckdb.DuckDBPyConnection, year: str, faculty: str | None) -> pd.DataFrame:
    return _frame(con, "projects", year=year, faculty=faculty)


def imports(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return _frame(con, "provenance")


def last_build(con: duckdb.DuckDBPyConnection) -> tuple[dt.datetime, int, int] | None:
    row = con.execute(
        "select built_at, models, checks from builds order by built_at desc limit 1"
    ).fetchone()
    return (row[0], int(row[1]), int(row[2])) if row else None


def setting(con: duckdb.DuckDBPyConnection, key: str, default: str) -> str:
    row = con.execute("select value from settings where key = ?", [key]).fetchone()
    return str(row[0]) if row and row[0] not in (None, "") else default
