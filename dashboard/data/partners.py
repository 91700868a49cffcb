"""Partners and agreements page: reshaping the results of ``dashboard/sql/partners/*.sql``.
No Streamlit."""

from __future__ import annotations

import pandas as pd

ALL_YEARS = "All selected years"
"""The academic_year of each partner's row over all selected years (``partner_activity``)."""


def partner_totals(activity: pd.DataFrame) -> pd.DataFrame:
    """The 'All selected years' rows of ``partner_activity``."""
    rows = activity[activity["academic_year"] == ALL_YEARS]
    return rows.drop(columns="academic_year").reset_index(drop=True)


def partner_years(activity: pd.DataFrame) -> pd.DataFrame:
    """The per-year rows of ``partner_activity``."""
    rows = activity[activity["academic_year"] != ALL_YEARS]
    return rows.sort_values(["partner_name", "academic_year"]).reset_index(drop=True)


def top_partners(totals: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    chosen = totals.assign(total=totals["outbound"] + totals["inbound"])
    chosen = chosen[chosen["total"] > 0].nlargest(top, "total")
    return chosen.melt(
        id_vars=["partner_name", "country_name"],
        value_vars=["outbound", "inbound"],
        var_name="direction",
        value_name="mobilities",
    )
