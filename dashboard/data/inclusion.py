"""Inclusion page: groupings and reshaping of ``dashboard/sql/inclusion/*.sql``. No Streamlit."""

from __future__ import annotations

import pandas as pd

from dashboard import formatting
from pipelines.contract.reference import NOT_SET

FEWER_OPPORTUNITIES_GROUPS = ("year", "faculty")
PARTICIPANT_GROUPS = ("gender", "level", "field")


def level_labels(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """``inclusion/participant_mix`` with study levels as labels (``by`` 'level'); staff
    have no level."""
    if by == "level":
        frame["grp"] = [
            formatting.level_label(int(v)) if v != NOT_SET else "(not set: staff)"
            for v in frame["grp"]
        ]
    return frame
