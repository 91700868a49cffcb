"""Two views side by side (two academic years, or two faculties) and their difference:
reshaping two results of the same query. No Streamlit (the choice is made in
``dashboard/compare.py``)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard import formatting

DIFFERENCE = "difference (B − A)"


def side_by_side(
    a: pd.DataFrame,
    b: pd.DataFrame,
    keys: Sequence[str],
    value: str,
    labels: tuple[str, str],
    counts: bool = True,
) -> pd.DataFrame:
    """One row per key present in either frame: ``value`` of A, of B (named by ``labels``)
    and B − A. A key missing on one side counts 0 there when the values are ``counts``; a
    rate has no value there (and no difference): no mobility is not a rate of 0 %. Ordered
    by the larger of the two, largest first."""
    left, right = labels
    merged = pd.merge(
        a[[*keys, value]].rename(columns={value: left}),
        b[[*keys, value]].rename(columns={value: right}),
        on=list(keys),
        how="outer",
    )
    if counts:
        merged[[left, right]] = merged[[left, right]].fillna(0)
    merged[DIFFERENCE] = merged[right] - merged[left]
    order = merged[[left, right]].max(axis=1).sort_values(ascending=False, kind="stable").index
    return merged.loc[order].reset_index(drop=True)


def kpis_side_by_side(a: pd.DataFrame, b: pd.DataFrame, labels: tuple[str, str]) -> pd.DataFrame:
    """Two frames of ``overview.headline_cards`` (one per side) as one: KPI, unit, the value
    of each side and the difference; a side without a value (not available, not applicable)
    has none, and no difference is made up for it."""
    left, right = labels

    def shown(cards: pd.DataFrame) -> pd.Series:
        missing = (cards["not_applicable"] != "") | (cards["unavailable"] != "")
        return pd.to_numeric(cards["value"]).mask(missing)

    merged = pd.merge(
        a[["kpi_id", "name", "unit"]].assign(**{left: shown(a)}),
        b[["kpi_id"]].assign(**{right: shown(b)}),
        on="kpi_id",
        how="left",
    )
    merged[DIFFERENCE] = merged[right] - merged[left]
    return merged


def kpis_as_text(both: pd.DataFrame, labels: tuple[str, str]) -> pd.DataFrame:
    """``kpis_side_by_side`` as a page shows it: each value with its unit ("14.0 %"), the
    difference of rates in percentage points ("+0.8 pp"), a dash where a side has none."""
    left, right = labels
    rows = both.to_dict("records")
    return pd.DataFrame(
        {
            "KPI": both["name"],
            left: [formatting.kpi_value(_number(r[left]), r["unit"]) for r in rows],
            right: [formatting.kpi_value(_number(r[right]), r["unit"]) for r in rows],
            DIFFERENCE: [
                formatting.kpi_delta(_number(r[right]), _number(r[left]), r["unit"]) or "–"
                for r in rows
            ],
        }
    )


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)
