"""Queries of the Partners and agreements page: activity per partner institution, and
the agreements to review (dormant or expiring)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data.partners import ALL_YEARS
from dashboard.data.shared import first_value
from dashboard.queries.core import run, run_filtered

if TYPE_CHECKING:
    from dashboard.filters import Filters


def partner_activity(flt: Filters) -> pd.DataFrame:
    """Per partner institution and academic year, plus one 'All selected years' row each:
    realised mobilities out and in (all filters), balance, places under agreements and their
    utilisation (years and faculty filter: the faculty's and university-wide agreements), and
    the last year with any realised mobility."""
    return run_filtered("partners/partner_activity", flt, all_years=ALL_YEARS)


def dormant_agreements(flt: Filters) -> pd.DataFrame:
    """Agreements dormant in the latest academic year (agreements mart), for the selected
    faculties (and university-wide agreements)."""
    return run(
        "partners/agreements_to_review", which="dormant", faculties=list(flt.faculties) or None
    )


def expiring_agreements(flt: Filters) -> pd.DataFrame:
    """Agreements that end within the next ``expiring_months`` (setting, default 12)."""
    return run(
        "partners/agreements_to_review", which="expiring", faculties=list(flt.faculties) or None
    )


def expiring_months_setting() -> int:
    value = first_value(run("shared/setting", key="expiring_months"))
    return 12 if value is None else int(value)


def dormant_years_setting() -> int:
    value = first_value(run("shared/setting", key="dormant_years"))
    return 2 if value is None else int(value)
