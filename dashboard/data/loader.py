"""Loading and running the dashboard's SQL files (``dashboard/sql/<page>/<query>.sql``).

Streamlit-free: the caller passes an open connection (``dashboard/queries/`` opens the
warehouse read-only per cache miss). A query is named by its path under ``dashboard/sql``
without the suffix, e.g. ``"overview/headline_by_year"``. Parameters are named only
(``$name`` in the file, keyword arguments here) and always bound, never written into the SQL
text; lists bind as DuckDB lists (for ``list_contains``).

The sidebar filters: ``shared/filtered.sql`` opens a ``with`` list defining ``filtered`` (the
mobilities the filters select) and ``realised`` (those of them that took place) and ends with
a comma. A page query that counts filtered mobilities continues that list (its file starts
with its next CTE, e.g. ``counts as (...)``) and is run with :func:`filtered`, which puts
``shared/filtered.sql`` in front and binds the filter parameters
(``Filters.params()``: $year_from, $year_to, $faculties, $levels, $programmes,
$degree_programmes, $kinds, $directions) together with the query's own. Any query may
continue another file the same way with :func:`run_after` (e.g. the Programmes page's
``projects_in_range``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"

FILTERED = "shared/filtered"
"""The query that every filtered page query continues."""


@cache
def sql(name: str) -> str:
    """The text of ``dashboard/sql/<name>.sql`` (read once, then cached)."""
    path = SQL_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no dashboard query {name!r} (looked for {path})")
    return path.read_text(encoding="utf-8")


def text(name: str, after: str | None = None) -> str:
    """The SQL of ``name``, preceded by the query it continues (``after``) if any."""
    return sql(name) if after is None else sql(after) + "\n" + sql(name)


def run(con: duckdb.DuckDBPyConnection, name: str, /, **params: object) -> pd.DataFrame:
    """Run the query ``name`` with its named parameters bound; the result as a DataFrame."""
    return run_after(con, None, name, **params)


def run_after(
    con: duckdb.DuckDBPyConnection, after: str | None, name: str, /, **params: object
) -> pd.DataFrame:
    """Run ``name`` continuing the ``with`` list of ``after`` (None: on its own)."""
    return con.execute(text(name, after), params).fetchdf()


def filtered(
    con: duckdb.DuckDBPyConnection,
    name: str,
    filters: Mapping[str, object],
    /,
    **params: object,
) -> pd.DataFrame:
    """Run ``name`` after ``shared/filtered.sql``; ``filters`` is ``Filters.params()``."""
    return run_after(con, FILTERED, name, **filters, **params)
