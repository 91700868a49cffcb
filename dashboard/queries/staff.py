"""Queries of the Staff and research page: staff and researcher mobility and its
KPI."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data.shared import first_value
from dashboard.data.staff import STAFF_GROUPS
from dashboard.queries.core import run, run_filtered

if TYPE_CHECKING:
    from dashboard.filters import Filters


def staff_mobility(flt: Filters, by: str) -> pd.DataFrame:
    """Realised physical staff and researcher mobilities (kind staff_research) per activity
    and faculty, partner country or duration band (``by``)."""
    if by not in STAFF_GROUPS:
        raise ValueError(f"cannot group staff mobility by {by!r}")
    return run_filtered("staff/staff_mobility", flt, by=by)


def staff_summary(flt: Filters) -> pd.DataFrame:
    """Totals of staff and researcher mobility: mobilities, people, days, teaching hours."""
    return run_filtered("staff/staff_summary", flt)


def kpi_value(kpi_id: str, year_start: int, faculty: str = "all") -> float | None:
    """One KPI from the KPI mart for the whole university ('all') or one faculty."""
    value = first_value(run("staff/kpi_value", kpi_id=kpi_id, year=year_start, faculty=faculty))
    return None if value is None else float(value)
