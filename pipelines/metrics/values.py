"""Reading KPI values from the marts for the ``mobility kpi`` command and other scripts."""

from __future__ import annotations

import duckdb
import pandas as pd

from pipelines import metrics
from pipelines.contract.rules import AcademicYear

BREAKDOWNS = ("faculty", "country", "level", "kind")


class KpiQueryError(Exception):
    """The request cannot be answered; the message says why and what would work."""


def available_years(con: duckdb.DuckDBPyConnection) -> list[str]:
    try:
        rows = con.execute(
            "select distinct academic_year from kpi_values order by academic_year"
        ).fetchall()
    except duckdb.CatalogException:
        raise KpiQueryError(
            "the warehouse has no KPIs yet: import data and run `mobility build`"
        ) from None
    return [r[0] for r in rows]


def kpi_table(
    con: duckdb.DuckDBPyConnection,
    year: str | None = None,
    by: str | None = None,
    kpi_ids: list[str] | None = None,
) -> pd.DataFrame:
    """KPI values of one academic year, overall or broken down; in registry order."""
    years = available_years(con)
    if not years:
        raise KpiQueryError("the warehouse has no KPI values: import mobilities first")
    if year is None:
        year = years[-1]
    else:
        try:
            year = AcademicYear().one(year)
        except ValueError:
            raise KpiQueryError(f"{year!r} is not an academic year such as 2024/25") from None
        if year not in years:
            raise KpiQueryError(f"no data for {year}; years with data: {', '.join(years)}")
    if by is not None and by not in BREAKDOWNS:
        raise KpiQueryError(f"cannot break down by {by!r}; choose {', '.join(BREAKDOWNS)}")
    unknown = [k for k in kpi_ids or [] if k not in metrics.BY_ID]
    if unknown:
        raise KpiQueryError(f"unknown KPI id(s): {', '.join(unknown)}; see docs/kpis.md")
    frame = con.execute(
        """
        select v.academic_year, v.dimension_value, v.kpi_id, k.name as kpi, v.value, v.unit
        from kpi_values as v
        join ref_kpis as k on v.kpi_id = k.kpi_id
        where v.academic_year = ? and v.dimension = ?
        """,
        [year, by or "all"],
    ).fetchdf()
    if kpi_ids:
        frame = frame[frame["kpi_id"].isin(kpi_ids)]
    order = {kpi_id: i for i, kpi_id in enumerate(metrics.KPI_IDS)}
    frame = frame.assign(_order=frame["kpi_id"].map(order))
    frame = frame.sort_values(["_order", "dimension_value"]).drop(columns="_order")
    if by is None:
        frame = frame.drop(columns="dimension_value")
    else:
        frame = frame.rename(columns={"dimension_value": by})
    return frame.reset_index(drop=True)
