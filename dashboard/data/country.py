"""Country explorer page: reshaping the results of ``dashboard/sql/country/*.sql``.
No Streamlit."""

from __future__ import annotations

import pandas as pd

from dashboard import formatting
from pipelines import metrics


def by_year_and_direction(frame: pd.DataFrame) -> pd.DataFrame:
    """Sum a long frame with academic_year, direction, mobilities over everything else."""
    return frame.groupby(["academic_year", "direction"], as_index=False)["mobilities"].sum()


def by_kind_and_direction(frame: pd.DataFrame) -> pd.DataFrame:
    summed = frame.groupby(["kind", "direction"], as_index=False)["mobilities"].sum()
    return summed.assign(kind_name=summed["kind"].map(metrics.KINDS))


def kpi_grid(kpis: pd.DataFrame) -> pd.DataFrame:
    """KPIs as rows and academic years as columns, each value written with its unit."""
    if kpis.empty:
        return pd.DataFrame(columns=["KPI"])
    shown = kpis.assign(
        text=[formatting.kpi_value(v, u) for v, u in zip(kpis["value"], kpis["unit"], strict=True)]
    )
    grid = shown.pivot(index="kpi_id", columns="academic_year", values="text")
    order = [k for k in metrics.KPI_IDS if k in grid.index]
    grid = grid.reindex(order).fillna("–")
    grid.insert(0, "KPI", [metrics.get(k).name for k in order])
    return grid.reset_index(drop=True)
