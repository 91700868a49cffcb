"""The only part of the dashboard that talks to DuckDB, and the only part of its data layer
that imports Streamlit: a cached facade over ``dashboard/data``.

The SQL lives in ``dashboard/sql/<page>/<query>.sql`` (named parameters only, always bound),
``dashboard/data/loader.py`` runs it on a connection, and ``dashboard/data/<page>.py`` reshapes
the results (DataFrames in and out, testable without Streamlit). This package adds the
connection and the cache: pages call its functions and never see SQL.

``core`` holds what every page uses (the cached runner, whether there is data, the build
status, the institution's name, the filter options; re-exported here, so ``queries.has_data()``
reads as before); each page group has its own module (``overview``, ``flows``, ``partners``,
``outcomes``, ``inclusion``, ``staff``, ``programmes``, ``country``, ``benchmark``, ``imports``,
``data_quality``, ``targets``), which a page imports by name, e.g.
``from dashboard.queries import overview as overview_queries``.

Read-only, bound parameters, cached. Each cache miss opens the warehouse's *published copy*
read-only, runs one query and closes it again (``pipelines/access.py``): writers (`mobility
ingest`, `mobility build`, the Import page) work on the main file and replace the copy
atomically when they are done, so a page never meets a writer's lock, never blocks one, and
shows the last completed build meanwhile. A warehouse without a published copy (older ones,
until their next write) is read directly, retrying for a moment while it is written, then
``access.WarehouseUpdating`` (app.py shows "the data is being updated"). Results are cached
with ``st.cache_data`` keyed by the query's name and parameters *and* the file read (its
inode, modification time and size), so a new copy shows up on the next rerun.
"""

from __future__ import annotations

from dashboard.queries.core import (
    CACHE_TTL_SECONDS,
    Version,
    build_status,
    filter_options,
    has_data,
    institution_name,
    run,
    run_after,
    run_filtered,
    stale_build_note,
    warehouse_path,
    warehouse_version,
)

__all__ = [
    "CACHE_TTL_SECONDS",
    "Version",
    "build_status",
    "filter_options",
    "has_data",
    "institution_name",
    "run",
    "run_after",
    "run_filtered",
    "stale_build_note",
    "warehouse_path",
    "warehouse_version",
]
