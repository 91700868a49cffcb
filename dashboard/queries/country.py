"""Queries of the Country explorer page: one partner country's mobilities, KPIs and
partner institutions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dashboard.queries.core import run, run_filtered

if TYPE_CHECKING:
    from dashboard.filters import Filters


def countries_with_data() -> pd.DataFrame:
    """Partner countries with any mobility, most mobilities first: country, country_name."""
    return run("country/countries_with_data")


def country_by_year(flt: Filters, country: str) -> pd.DataFrame:
    """Realised mobilities with one partner country per academic year, kind and direction."""
    return run_filtered("country/country_by_year", flt, country=country)


def country_kpis(country: str, year_from: int, year_to: int) -> pd.DataFrame:
    """Every KPI of the registry for one partner country per academic year (kpi_values,
    dimension 'country'), long: academic_year, kpi_id, kpi, unit, value."""
    return run("country/country_kpis", country=country, year_from=year_from, year_to=year_to)


def country_partners(flt: Filters, country: str) -> pd.DataFrame:
    """Partner institutions in one country: realised mobilities out and in (filters apply),
    and the agreements with them valid today."""
    return run_filtered("country/country_partners", flt, country=country)
