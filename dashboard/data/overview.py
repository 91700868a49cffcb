"""Overview page: reshaping the results of ``dashboard/sql/overview/*.sql``. No Streamlit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dashboard import formatting
from pipelines import metrics
from pipelines.metrics import projection

if TYPE_CHECKING:
    from dashboard.filters import Filters

HEADLINE_KPIS = tuple(k.id for k in metrics.KPIS if k.headline)

# Rates over a headcount (the denominators of pipelines/transform/sql/marts/kpi_values.sql):
# where the headcounts are missing the rate cannot be computed, and a page says "not available"
# and why, rather than showing 0, a dash or nothing.
HEADCOUNT_DENOMINATORS = {
    kpi.id: kpi.headcount_denominator for kpi in metrics.KPIS if kpi.headcount_denominator
}
HEADCOUNT_WORDS = metrics.HEADCOUNT_MEASURES

# the columns of the projected targets table, in the order a reader scans them: the table is
# wider than the page
PROJECTED_COLUMNS = [
    "target_kind",
    "kpi",
    "scope",
    "current_value",
    "target_year",
    "target_value",
    "projected_value",
    "status",
    "progress_pct",
    "reached",
    "unit",
    "note",
]


def as_float(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def missing_headcount(kpi_id: str, denominator: object, scope: str, year_start: int) -> str | None:
    """Why a rate is not available (its headcount denominator is missing or zero), or None.

    ``scope`` names whose headcounts they are ("Faculty of Law", "the whole university")."""
    column = HEADCOUNT_DENOMINATORS.get(kpi_id)
    if column is None or (as_float(denominator) or 0) > 0:
        return None
    return (
        f"no headcounts of {HEADCOUNT_WORDS[column]} for {scope} in "
        f"{formatting.academic_year(year_start)}"
    )


def headcount_scope(flt: Filters) -> str:
    """Whose headcounts a filtered rate divides by, in words."""
    if flt.levels or len(flt.faculties) > 1:
        return "the selected faculties and levels"
    return flt.faculties[0] if flt.faculties else "the whole university"


def narrows_beyond_years(flt: Filters) -> bool:
    """True when a filter other than the year range is set: ``shared/filtered.sql`` keeps
    every mobility of the years (and the headcounts every faculty and level) when all its
    other parameters are null."""
    return any(
        value is not None
        for name, value in flt.params().items()
        if name not in ("year_from", "year_to")
    )


def years_without_values(by_year: pd.DataFrame) -> list[int]:
    """The years of ``overview/headline_by_year_unfiltered`` with a KPI that ``kpi_values``
    lacks (no value), in order."""
    return sorted({int(y) for y in by_year.loc[by_year["value"].isna(), "year_start"]})


def with_years_from(by_year: pd.DataFrame, counted: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """``by_year`` with the rows of ``years`` taken from ``counted`` (the same columns), in the
    order of both queries: year, then KPI."""
    kept = by_year[~by_year["year_start"].isin(years)]
    if kept.empty:
        return counted[counted["year_start"].isin(years)].reset_index(drop=True)
    frame = pd.concat([kept, counted[counted["year_start"].isin(years)]])
    return frame.sort_values(["year_start", "kpi_id"]).reset_index(drop=True)


def headline_cards(
    by_year: pd.DataFrame,
    year_start: int,
    scope: str = "the whole university",
    direction: str = "both",
) -> pd.DataFrame:
    """One row per headline KPI (registry order): the year's value and the previous year's;
    ``unavailable`` says why a rate over headcounts has no value (``scope``: whose), and
    ``not_applicable`` why a KPI of one direction means nothing under the direction filter
    (``direction``), else they are empty."""
    current = by_year[by_year["year_start"] == year_start].set_index("kpi_id")
    previous = by_year[by_year["year_start"] == year_start - 1].set_index("kpi_id")
    rows = []
    for kpi in metrics.KPIS:
        if not kpi.headline:
            continue
        value = current["value"].get(kpi.id)
        rows.append(
            {
                "kpi_id": kpi.id,
                "name": kpi.name,
                "unit": kpi.unit,
                "definition": kpi.definition,
                "good_direction": kpi.good_direction,
                "value": None if value is None or pd.isna(value) else float(value),
                "previous_value": as_float(previous["value"].get(kpi.id)),
                "numerator": as_float(current["numerator"].get(kpi.id)),
                "denominator": as_float(current["denominator"].get(kpi.id)),
                # "" when available: a text column turns None into NaN, which is truthy
                "unavailable": missing_headcount(
                    kpi.id, current["denominator"].get(kpi.id), scope, year_start
                )
                or "",
                "not_applicable": kpi.not_applicable(direction) or "",
            }
        )
    return pd.DataFrame(rows)


def target_progress_projected(
    progress: pd.DataFrame, series: pd.DataFrame, heads: pd.DataFrame, year_start: int
) -> pd.DataFrame:
    """``overview/target_progress`` with where the trend of ``series``
    (``overview/kpi_series_until``) leads by each target year (pipelines.metrics.projection),
    and "not available" where ``heads`` (``overview/headcount_totals``) lack a rate's
    denominator."""
    unavailable = {}
    for kpi_id, scope_faculty in zip(progress["kpi_id"], progress["faculty"], strict=True):
        column = HEADCOUNT_DENOMINATORS.get(kpi_id)
        if column is None:
            continue
        total = heads.loc[heads["faculty"] == scope_faculty, column].sum(min_count=1)
        scope = "the whole university" if scope_faculty == "all" else scope_faculty
        reason = missing_headcount(kpi_id, total, scope, year_start)
        if reason:
            unavailable[(kpi_id, scope_faculty)] = reason
    targets = progress.rename(columns={"target_year_start": "year_start"})
    projected = projection.progress_table(targets, series, unavailable)
    projected["projected_value"] = rounded_projection(
        projected["projected_value"], projected["unit"]
    )
    not_available = projected["status"] == "not available"
    projected.loc[not_available, "status"] = "not available: " + projected.loc[
        not_available, "explanation"
    ].astype(str)
    return projected[PROJECTED_COLUMNS]


def rounded_projection(values: pd.Series, units: pd.Series) -> pd.Series:
    """Projected values as a reader expects them: a count in whole mobilities or people
    (2,126, not 2,126.3), a rate to 0.1 point; None where nothing was projected (a column of
    only None could not be rounded without ``to_numeric``)."""
    numbers = pd.to_numeric(values)
    return numbers.where(units == "%", numbers.round(0)).round(1)


def kinds_side_by_side(frame: pd.DataFrame) -> pd.DataFrame:
    """``overview/kinds_side_by_side`` with every kind of the registry in its order and its
    name; a kind without mobilities counts 0 (projects: a total only)."""
    order = list(metrics.KINDS)
    frame = (
        pd.DataFrame({"kind": order})
        .merge(frame, on="kind", how="left")
        .assign(kind_name=lambda f: f["kind"].map(metrics.KINDS))
    )
    counts = ["outbound", "inbound", "total"]
    mobility = frame["kind"] != "projects"
    frame.loc[mobility, counts] = frame.loc[mobility, counts].fillna(0)
    frame.loc[~mobility, "total"] = frame.loc[~mobility, "total"].fillna(0)
    return frame[["kind", "kind_name", "outbound", "inbound", "total"]]


def kpi_series(by_year: pd.DataFrame, kpi_id: str, year_from: int) -> pd.DataFrame:
    """One KPI of ``headline_by_year`` from ``year_from`` on: academic_year, value, parts."""
    rows = by_year[(by_year["kpi_id"] == kpi_id) & (by_year["year_start"] >= year_from)]
    return rows[["academic_year", "value", "numerator", "denominator"]].reset_index(drop=True)
