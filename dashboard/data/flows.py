"""Flows and countries page: reshaping the results of ``dashboard/sql/flows/*.sql``.
No Streamlit."""

from __future__ import annotations

import pandas as pd


def top_countries(flows: pd.DataFrame, direction: str, top: int = 15) -> pd.DataFrame:
    """The ``top`` countries by mobilities in ``direction``, long by direction for the chart."""
    chosen = flows.sort_values([direction, "country_name"], ascending=[False, True]).head(top)
    chosen = chosen[chosen[direction] > 0]
    return chosen.melt(
        id_vars=["country", "country_name"],
        value_vars=["outbound", "inbound"],
        var_name="direction",
        value_name="mobilities",
    )


def largest_balances(flows: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """Countries with the largest imbalance either way (in − out)."""
    ranked = flows.assign(size=flows["balance"].abs()).sort_values(
        ["size", "country_name"], ascending=[False, True]
    )
    return ranked.head(top)[["country", "country_name", "outbound", "inbound", "balance"]]
