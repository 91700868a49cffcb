"""Queries of the Targets page: the stored targets, the KPIs and faculties a target can
be set for, and each target's projection."""

from __future__ import annotations

import pandas as pd

from dashboard.data import targets as targets_data
from dashboard.queries.core import run


def targets_for_editing() -> pd.DataFrame:
    """The stored targets in the columns of a targets file (faculty empty: university)."""
    return run("targets/for_editing")


def kpi_choices() -> pd.DataFrame:
    """KPIs a target can be set for, with name, unit and definition."""
    return run("targets/kpi_choices")


def target_faculties() -> list[str]:
    """Faculties that have KPI values (a target's optional faculty)."""
    return run("targets/faculties")["faculty"].tolist()


def target_projections() -> pd.DataFrame:
    """Every target with its KPI, latest value, projection and status (``metrics.projection``)."""
    return targets_data.projections(run("targets/targets"), run("targets/target_kpi_series"))


def target_series(kpi_id: str, faculty: str = "all") -> pd.DataFrame:
    """A KPI's values by academic year (year_start for a numeric axis)."""
    return run("targets/series", kpi_id=kpi_id, faculty=faculty)


def own_targets(kpi_id: str, faculty: str = "all") -> pd.DataFrame:
    """One KPI's own targets for a scope (``targets_data.own_targets``), for target marks."""
    return targets_data.own_targets(target_projections(), kpi_id, faculty)
