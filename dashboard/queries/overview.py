"""Queries of the Overview page: the headline KPIs under the filters, progress towards
the targets, the kinds of mobility side by side and the trend of mobilities."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data import overview as overview_data
from dashboard.queries.core import run, run_filtered

if TYPE_CHECKING:
    from dashboard.filters import Filters


def headline_by_year(flt: Filters) -> pd.DataFrame:
    """The headline KPIs per academic year for the filtered mobilities, one row per year and KPI.

    Counted from the mobilities mart with the filters bound, so any combination of filters
    works. Rates with a headcount denominator take enrolled students / graduates of the
    selected faculties and levels; programme, kind and direction filters narrow only the
    numerator.

    With no filter but the years (the Overview's first view) the same frame is read from
    ``kpi_values`` instead, which the build has computed: counting every mobility on each
    visit grows with the data. A year whose headline KPIs ``kpi_values`` lacks (a rate
    without headcounts has no value there, but its numerator is shown) is still counted.
    Both ways give the same frame (tested).
    """
    if overview_data.narrows_beyond_years(flt):
        return run_filtered("overview/headline_by_year", flt)
    stored = run(
        "overview/headline_by_year_unfiltered", year_from=flt.year_from, year_to=flt.year_to
    )
    lacking = overview_data.years_without_values(stored)
    if not lacking:
        return stored
    counted = run_filtered("overview/headline_by_year", flt.with_years(lacking[0], lacking[-1]))
    return overview_data.with_years_from(stored, counted, lacking)


def target_progress(year_start: int, faculty: str) -> pd.DataFrame:
    """Leadership targets (targets mart) and the EU reference targets of the registry, with
    the KPI's value in the chosen year for the whole university or one faculty (kpi_by_year).
    """
    return run("overview/target_progress", year=year_start, faculty=faculty)


def target_progress_projected(year_start: int, faculty: str) -> pd.DataFrame:
    """:func:`target_progress` with where the recent trend leads by each target year.

    The trend is fitted on the KPI's values up to the chosen year (pipelines.metrics.projection:
    method, window and status rules live there), so the Overview answers "on track or at risk,
    as of this year". The whole university's targets are shown (and projected) beside a
    faculty's.
    """
    return overview_data.target_progress_projected(
        target_progress(year_start, faculty),
        run("overview/kpi_series_until", year=year_start, faculty=faculty),
        headcount_totals(year_start),
        year_start,
    )


def headcount_totals(year_start: int) -> pd.DataFrame:
    """Enrolled students, graduates and academic staff of one academic year per faculty, and
    of the whole university (faculty 'all'); a faculty without headcounts has no row."""
    return run("overview/headcount_totals", year=year_start)


def kinds_side_by_side(flt: Filters, year_start: int) -> pd.DataFrame:
    """The six kinds of mobility in one year: realised mobilities out and in per kind, and the
    active international projects (faculty filter only) as the sixth kind."""
    return overview_data.kinds_side_by_side(
        run_filtered("overview/kinds_side_by_side", flt, year=year_start)
    )


def mobilities_by_year(flt: Filters) -> pd.DataFrame:
    """Realised mobilities per academic year and direction (for the trend)."""
    return run_filtered("overview/mobilities_by_year", flt)
