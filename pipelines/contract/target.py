"""The targets table: a value leadership sets for a KPI in an academic year."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

import pandas as pd

from pipelines import metrics
from pipelines.contract.base import ContractModel, RowRule, column
from pipelines.contract.rules import (
    AcademicYear,
    Choice,
    Number,
    Text,
)


def _target_out_of_range(frame: pd.DataFrame) -> pd.Series:
    def bad(kpi_id: Any, value: Any) -> bool:
        if kpi_id not in metrics.BY_ID or pd.isna(value):
            return False
        low, high = metrics.sensible_range(kpi_id)
        return not low <= float(value) <= high

    return pd.Series(
        [bad(k, v) for k, v in zip(frame["kpi_id"], frame["value"], strict=True)],
        index=frame.index,
        dtype=bool,
    )


class Target(ContractModel):
    """A target value set by leadership for a KPI in an academic year."""

    table: ClassVar[str] = "targets"
    label: ClassVar[str] = "Targets"
    grain: ClassVar[str] = "one row per KPI, academic year and faculty (empty: whole university)"
    key: ClassVar[tuple[str, ...]] = ("kpi_id", "academic_year", "faculty")
    row_rules: ClassVar[tuple[RowRule, ...]] = (
        RowRule(
            "value", "outside the sensible range for this KPI (0-100 for %)", _target_out_of_range
        ),
    )

    kpi_id: Annotated[str, Choice(metrics.KPI_IDS)] = column(
        "KPI identifier from the registry (see docs/kpis.md).",
        "outbound_mobility_ratio",
        "kpi",
        "indicator",
    )
    academic_year: Annotated[str, AcademicYear()] = column(
        "Academic year the target is for.",
        "2027/28",
        "year",
    )
    value: Annotated[float, Number(minimum=-1e7, maximum=1e12)] = column(
        "Target value in the KPI's unit.",
        12.5,
        "target",
        "target value",
    )
    faculty: Annotated[str | None, Text(max_length=100)] = column(
        "Faculty, or empty for the whole university.",
        "",
        "department",
        default=None,
    )
    note: Annotated[str | None, Text(max_length=500)] = column(
        "Where the target comes from.",
        "Strategy 2030",
        "comment",
        "source",
        default=None,
    )
