"""Targets page: reshaping the results of ``dashboard/sql/targets/*.sql``. No Streamlit."""

from __future__ import annotations

import pandas as pd

from pipelines.metrics import projection


def projections(targets: pd.DataFrame, series: pd.DataFrame) -> pd.DataFrame:
    """Every target (``targets/targets``) with its KPI's latest value, projection and status
    from ``targets/target_kpi_series`` (``pipelines.metrics.projection`` holds the rules)."""
    return projection.progress_table(targets, series)
