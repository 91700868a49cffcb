"""Kinds of mobility row (``seed/mobility_segments.csv``), their volume per academic year and
faculty mix, and the rows of a demo: how many of each kind start in each year."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipelines.demo.sampling import allocate
from pipelines.demo.university import YEARS, read_seed


@dataclass(frozen=True)
class Segment:
    """One kind of mobility row, with its share of all records before the yearly profile."""

    role: str
    direction: str
    activity: str
    share: float
    profile: str  # key of YEAR_PROFILES
    faculties: str  # key of FACULTY_MIX
    pool: str  # hei, hei_europe, enterprise, research_institute, ngo (incl. public bodies)
    group: str  # agreement group the mobility falls under, or empty
    access: str  # bound: partners with such an agreement; free: without one; open: any


SEGMENTS = tuple(
    Segment(
        role=row["role"],
        direction=row["direction"],
        activity=row["activity"],
        share=float(row["share_percent"]),
        profile=row["year_profile"],
        faculties=row["faculty_mix"],
        pool=row["host_pool"],
        group=row["agreement_group"],
        access=row["agreement_access"],
    )
    for row in read_seed("mobility_segments")
)

# Relative volume per academic year 2018/19 .. 2025/26. 2019/20 loses its spring to COVID-19
# (as cancellations), 2020/21 is the pandemic year; 2025/26 is higher because part of it
# lies after the export date and is not realised yet.
YEAR_PROFILES = {
    "student": (0.88, 0.86, 0.36, 0.80, 1.02, 1.12, 1.22, 1.36),
    "student_in": (1.00, 0.96, 0.30, 0.75, 1.00, 1.10, 1.20, 1.32),
    "staff": (1.00, 0.90, 0.12, 0.55, 0.95, 1.10, 1.22, 1.34),
    "conference": (1.00, 0.85, 0.08, 0.45, 0.95, 1.10, 1.20, 1.30),
    "dual": (1.00, 1.00, 0.80, 1.00, 1.10, 1.20, 1.30, 1.35),
    "virtual": (0.15, 0.35, 2.60, 1.70, 1.05, 1.00, 1.10, 1.20),
    "blended": (0.0, 0.0, 0.0, 0.0, 0.55, 1.00, 1.30, 1.55),
}
# Faculty of the mobility (home faculty outbound, host faculty inbound), in FACULTIES order.
FACULTY_MIX = {
    "student_out": (22, 27, 17, 11, 9, 14),
    "student_in": (20, 30, 18, 8, 10, 14),
    "dual": (50, 50, 0, 0, 0, 0),
    "trainee": (33, 30, 8, 11, 11, 7),
    "staff": (22, 17, 17, 20, 12, 12),
    "research": (24, 10, 12, 32, 14, 8),
    "online": (18, 28, 22, 10, 8, 14),
}
ACTIVITIES = ("study", "dual_degree", "traineeship", "teaching", "training", "research",
              "conference", "virtual", "blended")  # fmt: skip


@dataclass
class Rows:
    """The mobility rows before any draw: each row's segment, academic year and kind."""

    counts: np.ndarray  # rows per [segment, year]
    seg: np.ndarray  # segment index per row
    yi: np.ndarray  # year index per row
    year: np.ndarray
    role: np.ndarray
    direction: np.ndarray
    activity: np.ndarray
    outbound: np.ndarray
    student: np.ndarray
    is_: dict[str, np.ndarray]  # activity -> rows of that activity
    physical: np.ndarray

    def __len__(self) -> int:
        return len(self.seg)


def segment_rows(records: int) -> Rows:
    """``records`` rows, split over segments and years by share and yearly profile."""
    n_seg, n_year = len(SEGMENTS), len(YEARS)
    share = np.array([s.share for s in SEGMENTS])
    profile = np.array([YEAR_PROFILES[s.profile] for s in SEGMENTS])
    counts = allocate(share[:, None] * profile, records)  # [segment, year]
    seg = np.repeat(np.repeat(np.arange(n_seg), n_year), counts.ravel())
    yi = np.repeat(np.tile(np.arange(n_year), n_seg), counts.ravel())

    def attr(name: str) -> np.ndarray:
        return np.array([getattr(s, name) for s in SEGMENTS], dtype=object)[seg]

    role, direction, activity = attr("role"), attr("direction"), attr("activity")
    is_ = {a: activity == a for a in ACTIVITIES}
    return Rows(
        counts=counts,
        seg=seg,
        yi=yi,
        year=YEARS[yi],
        role=role,
        direction=direction,
        activity=activity,
        outbound=direction == "outbound",
        student=role == "student",
        is_=is_,
        physical=~(is_["virtual"] | is_["blended"]),
    )
