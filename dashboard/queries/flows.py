"""Queries of the Flows and countries page: mobilities per partner country, own
faculties' destinations and the trend for chosen countries."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dashboard.queries.core import run_filtered

if TYPE_CHECKING:
    from dashboard.filters import Filters


def country_flows(flt: Filters) -> pd.DataFrame:
    """Realised mobilities per partner country and direction, with ISO-3 code for the map."""
    return run_filtered("flows/country_flows", flt)


def faculty_destinations(flt: Filters, top: int = 20) -> pd.DataFrame:
    """Outbound realised mobilities from own faculty to destination region and country; the
    countries beyond the ``top`` largest are merged into 'Other countries' of their region."""
    return run_filtered("flows/faculty_destinations", flt, top=top)


def country_trend(flt: Filters, countries: tuple[str, ...]) -> pd.DataFrame:
    """Realised mobilities (directions as filtered) per academic year for chosen countries."""
    return run_filtered("flows/country_trend", flt, countries=list(countries))
