"""The report the report tests build (the fixture's year 2024/25, generated at a fixed time)
and the fixture's mobilities it counts, selected with pandas (``tests/oracle.py``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tests.oracle import mobilities

YEAR, START = "2024/25", 2024
FIXED = dt.datetime(2025, 1, 31, 12, 0)


def realised(year: int = START) -> pd.DataFrame:
    m = mobilities()
    return m[m["realised"] & (m["year"] == year)]


def students(m: pd.DataFrame) -> pd.DataFrame:
    return m[m["person_role"] == "student"]
