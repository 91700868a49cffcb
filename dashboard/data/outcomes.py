"""Outcomes page: groupings and reshaping of ``dashboard/sql/outcomes/*.sql``. No Streamlit."""

from __future__ import annotations

import pandas as pd

from dashboard import formatting

OUTCOME_GROUPS = {
    "faculty": "Faculty",
    "partner": "Partner",
    "country": "Country",
    "degree_programme": "Degree programme",
}
LANGUAGE_GROUPS = {"language": "Language", "country": "Destination country"}


def language_names(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """``outcomes/language_improvement`` with language codes as names (``by`` 'language')."""
    if by == "language":
        frame["grp"] = frame["grp"].map(formatting.language_name)
    return frame
