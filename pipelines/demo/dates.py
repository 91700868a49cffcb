"""When each mobility happens: start dates by activity and season, durations, and the status
as of the export date (with the COVID-19 cancellations of 2020)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipelines.demo.sampling import choice, cumulative
from pipelines.demo.segments import Rows
from pipelines.demo.university import EXPORT_DATE, LAST_START_YEAR, YEARS

# Start month weights, September .. August.
MONTHS = {
    "staff": (4, 12, 12, 6, 5, 4, 11, 13, 14, 11, 6, 2),
    "research": (9, 10, 9, 4, 6, 8, 9, 9, 10, 10, 9, 7),
    "conference": (10, 8, 9, 3, 2, 3, 6, 9, 12, 14, 14, 10),
    "trainee": (8, 8, 6, 3, 4, 8, 10, 8, 8, 14, 15, 8),
    "blended": (12, 8, 4, 0, 0, 2, 8, 10, 16, 22, 14, 4),
}
MONTH_PROFILE = {
    "teaching": "staff",
    "training": "staff",
    "research": "research",
    "conference": "conference",
    "traineeship": "trainee",
    "blended": "blended",
}


@dataclass
class Schedule:
    start: np.ndarray  # datetime64[D]
    end: np.ndarray  # datetime64[D]
    days: np.ndarray
    year_long: np.ndarray  # study exchanges of a whole academic year
    trainee_months: np.ndarray
    status: np.ndarray


def schedule(rng: np.random.Generator, rows: Rows) -> Schedule:
    """Start, duration and status of every row."""
    start, summer = start_dates(rng, rows)
    days, year_long, trainee_months = durations(rng, rows, summer)
    end = start + (days - 1)
    status = statuses(rng, rows, start, end)
    return Schedule(start, end, days, year_long, trainee_months, status)


def start_dates(rng: np.random.Generator, rows: Rows) -> tuple[np.ndarray, np.ndarray]:
    """Start dates, and which rows start in the summer semester.

    Most of 2025/26 starts before the export date (end of January 2026).
    """
    n, is_ = len(rows), rows.is_
    ay_month = np.array([f"{y}-09" for y in YEARS], dtype="datetime64[M]")[rows.yi]
    ay_day = ay_month.astype("datetime64[D]")
    early = (rows.year == LAST_START_YEAR) & (rng.random(n) < 0.85)
    month_draw = rng.random(n)
    month = np.zeros(n, dtype=np.int64)
    for kind, key in MONTH_PROFILE.items():
        full = np.searchsorted(cumulative(MONTHS[key]), month_draw, side="right")
        autumn = np.searchsorted(cumulative(MONTHS[key][:5]), month_draw, side="right")
        month = np.where(is_[kind], np.where(early, autumn, full), month)
    month_day = (ay_month + month).astype("datetime64[D]")
    start = month_day + rng.integers(0, 22, n)
    monday = start + (-(start.astype(np.int64) + 3)) % 7
    start = np.where(is_["teaching"] | is_["training"], monday, start)
    start = np.where(is_["traineeship"] & (rng.random(n) < 0.6), month_day, start)
    summer = (rng.random(n) < 0.35) & ~early
    winter_start = ay_day + 14 + rng.integers(0, 26, n)  # 15 September .. 10 October
    summer_start = (ay_month + 5).astype("datetime64[D]") + 9 + rng.integers(0, 31, n)
    start = np.where(is_["study"], np.where(summer, summer_start, winter_start), start)
    start = np.where(is_["dual_degree"], ay_day + 14 + rng.integers(0, 21, n), start)
    virtual_month = np.where(summer, ay_month + 6, ay_month + 1).astype("datetime64[D]")
    start = np.where(is_["virtual"], virtual_month + rng.integers(0, 20, n), start)
    return start, summer


def durations(
    rng: np.random.Generator, rows: Rows, summer: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Days of each mobility, which study exchanges last a year, and traineeships' months."""
    n, is_ = len(rows), rows.is_
    r = rng.random(n)
    year_long = ~summer & (r < 0.22)
    study_days = np.select(
        [year_long, r > 0.92], [rng.integers(270, 306, n), rng.integers(90, 120, n)],
        rng.integers(120, 156, n),
    )  # fmt: skip
    dual_days = np.where(rng.random(n) < 0.6, rng.integers(300, 336, n), rng.integers(610, 666, n))
    trainee_months = choice(rng, (25, 35, 15, 10, 15), n) + 2
    research_days = np.clip(np.round(np.exp(rng.normal(np.log(21), 0.8, n))), 7, 180)
    days = np.select(
        [is_[a] for a in is_],
        [
            study_days,
            dual_days,
            trainee_months * 30 + rng.integers(-3, 5, n),
            choice(rng, (10, 15, 20, 45, 5, 5), n) + 2,
            choice(rng, (10, 10, 60, 10, 10), n) + 3,
            research_days,
            rng.integers(2, 7, n),
            (choice(rng, (6, 14, 14, 14, 12, 10, 10, 8, 6, 6), n) + 3) * 7,
            np.where(rng.random(n) < 0.6, rng.integers(5, 13, n), rng.integers(13, 31, n)),
        ],
    ).astype(np.int64)
    return days, year_long, trainee_months


def statuses(
    rng: np.random.Generator, rows: Rows, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Status as of the export date: cancelled, nominated, approved, ongoing or completed."""
    n, physical = len(rows), rows.physical
    covid = (start >= np.datetime64("2020-03-12")) & (start <= np.datetime64("2020-08-31"))
    p_cancel = np.select(
        [physical & covid, physical & (rows.year == 2020), physical], [0.30, 0.22, 0.027], 0.02
    )
    cancelled = rng.random(n) < p_cancel
    future = start > EXPORT_DATE
    return np.select(
        [cancelled, future & (rng.random(n) < 0.35), future, end > EXPORT_DATE],
        ["cancelled", "nominated", "approved", "ongoing"],
        "completed",
    ).astype(object)
