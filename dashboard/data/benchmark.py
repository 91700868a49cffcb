"""Benchmark page: reshaping the results of ``dashboard/sql/benchmark/*.sql``. No Streamlit."""

from __future__ import annotations

import pandas as pd

BENCHMARK_SCOPES = ("institution", "country", "programme")
BENCHMARK_BREAKDOWNS = ("destination", "level")


def summary_by_scope(frame: pd.DataFrame) -> dict[str, dict[str, float | None]]:
    """``benchmark/summary`` as {scope: {measure: value}}, every scope present."""
    out: dict[str, dict[str, float | None]] = {scope: {} for scope in BENCHMARK_SCOPES}
    for row in frame.to_dict(orient="records"):
        scope = row.pop("scope")
        out[scope] = {k: (None if pd.isna(v) else float(v)) for k, v in row.items()}
    return out


def institution_fields(frame: pd.DataFrame) -> dict[str, str | None]:
    """``benchmark/institution`` as name, country and country name (None where unknown)."""
    if not len(frame):
        return {"name": None, "country": None, "country_name": None}
    return {k: (None if pd.isna(v) else str(v)) for k, v in frame.iloc[0].items()}
