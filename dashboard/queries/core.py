"""What every page uses: the cached query runner, whether there is data, whether the figures
are up to date, the institution's name and the sidebar's filter options.

The runner opens the warehouse's published copy read-only for each cache miss and keys its
cache by the query, its parameters and the file read (see the package docstring).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd
import streamlit as st

from dashboard.data import loader
from dashboard.data.shared import FilterOptions, first_value
from dashboard.data.shared import filter_options as _filter_options
from pipelines import access, config, warehouse
from pipelines.settings import Settings

if TYPE_CHECKING:
    from dashboard.filters import Filters

CACHE_TTL_SECONDS = 3600


def warehouse_path() -> Path:
    return config.warehouse_path()


Version = tuple[str, int, int, int] | None


def warehouse_version() -> Version:
    """The file pages read (published copy or warehouse) as name, inode, mtime and size, or
    None when there is no warehouse: part of every cache key."""
    return access.version(warehouse_path())


def _freeze(value: object) -> object:
    """Lists become tuples so that parameters can be part of the cache key."""
    return tuple(value) if isinstance(value, list) else value


def _unfreeze(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _run_cached(after: str | None, name: str, named: tuple, version: Version) -> pd.DataFrame:
    with access.reading(warehouse_path()) as con:
        return loader.run_after(con, after, name, **{k: _unfreeze(v) for k, v in named})


def run_after(after: str | None, name: str, /, **params: object) -> pd.DataFrame:
    """Run the query file ``name`` continuing ``after`` (``loader.run_after``), with its named
    parameters bound; cached per query, parameters and warehouse version."""
    frozen = tuple(sorted((key, _freeze(value)) for key, value in params.items()))
    return _run_cached(after, name, frozen, warehouse_version())


def run(name: str, /, **params: object) -> pd.DataFrame:
    """Run the query file ``dashboard/sql/<name>.sql``, cached (see :func:`run_after`)."""
    return run_after(None, name, **params)


def run_filtered(name: str, flt: Filters, /, **params: object) -> pd.DataFrame:
    """Run ``name`` after ``shared/filtered.sql`` with the sidebar filters bound, cached."""
    return run_after(loader.FILTERED, name, **flt.params(), **params)


def has_data() -> bool:
    """True when the warehouse exists and its marts have been built."""
    if warehouse_version() is None:
        return False
    try:
        return bool(len(run("shared/has_data")))
    except duckdb.CatalogException:
        return False


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _build_status(path: str, version: Version) -> warehouse.BuildStatus:
    with access.reading(path) as con:
        return warehouse.build_status(con)


def build_status() -> warehouse.BuildStatus | None:
    """Whether the figures match the data and the program; None without a warehouse (or one
    from before the bookkeeping tables: nothing to compare)."""
    version = warehouse_version()
    if version is None:
        return None
    try:
        return _build_status(str(warehouse_path()), version)
    except duckdb.CatalogException:
        return None


def stale_build_note() -> str | None:
    """A sentence for every page when the marts are older than the sources (an import whose
    rebuild never ran), else None."""
    status = build_status()
    if status is None or not status.stale:
        return None
    return (
        f"The figures are older than the data: {status.reason} is newer than the last build "
        "of the figures (its rebuild did not run or did not finish). The next import, "
        "undo or save on the data-management pages rebuilds them, and so does "
        "`mobility build`."
    )


def institution_name() -> str:
    name = first_value(run("shared/setting", key="institution_name"))
    return Settings().institution_name if name is None else str(name)


def filter_options() -> FilterOptions:
    return _filter_options(run("shared/filter_years"), run("shared/filter_values"))
