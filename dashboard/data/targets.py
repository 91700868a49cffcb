"""Targets page: reshaping the results of ``dashboard/sql/targets/*.sql``. No Streamlit."""

from __future__ import annotations

import pandas as pd

from pipelines.metrics import projection


def projections(targets: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """Every target (``targets/targets``) with its KPI's latest value, projection and status
    from ``targets/target_kpi_series`` (``pipelines.metrics.projection`` holds the rules)."""
    return projection.progress_table(targets, series)


def own_targets(projections: pd.DataFrame, kpi_id: str, faculty: str = "all") -> pd.DataFrame:
    """The university's own targets of one KPI for one scope (``faculty``, "all" for the
    whole university), as academic_year and target_value, for a chart's target marks. A
    faculty's chart shows the faculty's targets only: the university's apply to the whole."""
    if projections.empty:
        return pd.DataFrame(columns=["academic_year", "target_value"])
    rows = projections[(projections["kpi_id"] == kpi_id) & (projections["faculty"] == faculty)]
    return (
        rows[["academic_year", "target_value"]].sort_values("academic_year").reset_index(drop=True)
    )


def next_target(own: pd.DataFrame, year_start: int) -> tuple[float, str] | None:
    """Of a KPI's own targets (``own_targets``), the one a chart of ``year_start`` works
    towards: the first whose year is that year or later, else the latest; as (value, year)."""
    if own.empty:
        return None
    starts = own["academic_year"].str[:4].astype(int)
    ahead = own[starts >= year_start]
    row = ahead.iloc[0] if not ahead.empty else own.iloc[-1]
    return float(row["target_value"]), str(row["academic_year"])
