"""The headcounts file: enrolled students, graduates, international degree students and
academic staff per academic year, faculty, EQF level and degree programme (the KPIs'
denominators); students per programme, staff per faculty."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.demo.university import (
    DEFAULT_RECORDS,
    FACULTIES,
    FIELDS,
    MED,
    YEARS,
    degree_programme,
)

# Faculty: enrolled students in 2023/24 at the default size, shares of EQF 6/7/8, academic
# staff. Medicine and Law teach long-cycle master programmes (EQF 7).
HEADCOUNTS = (
    (6200, (0.68, 0.28, 0.04), 560),
    (5600, (0.62, 0.35, 0.03), 380),
    (3900, (0.60, 0.33, 0.07), 360),
    (3300, (0.55, 0.33, 0.12), 430),
    (3400, (0.30, 0.64, 0.06), 420),
    (2600, (0.35, 0.60, 0.05), 230),
)
ENROLMENT_TREND = (1.06, 1.05, 1.05, 1.03, 1.01, 1.00, 1.00, 0.99)  # demographic decline
STAFF_TREND = (0.97, 0.98, 0.98, 0.99, 1.00, 1.00, 1.01, 1.01)
GRADUATE_RATE = (0.28, 0.29, 0.10)  # graduates per enrolled student, EQF 6/7/8


def headcount_frame(rng: np.random.Generator, records: int) -> pd.DataFrame:
    """Headcounts scaled with ``records``, so the ratios stay plausible at any size."""
    scale = records / DEFAULT_RECORDS
    rows = []
    for yi, year in enumerate(YEARS):
        label = f"{year}/{(year + 1) % 100:02d}"
        international = 0.035 + 0.035 * yi / (len(YEARS) - 1)
        for f, (students, levels, staff) in enumerate(HEADCOUNTS):
            for level, level_share, rate in zip((6, 7, 8), levels, GRADUATE_RATE, strict=True):
                size = students * level_share * ENROLMENT_TREND[yi] * scale
                enrolled = max(1, round(size * rng.uniform(0.97, 1.03)))
                graduates = max(1, round(enrolled * rate * rng.uniform(0.9, 1.1)))
                foreign = round(enrolled * international * (2.0 if f == MED else 1.0))
                # per degree programme (the faculty's fields), summing to the level's figures
                weights = [w for _, w in FIELDS[f]]
                split = zip(
                    FIELDS[f],
                    shares(enrolled, weights),
                    shares(graduates, weights),
                    shares(foreign, weights),
                    strict=True,
                )
                for (code, _), n, g, i in split:
                    rows.append((label, FACULTIES[f], str(level), degree_programme(code, level),
                                 str(n), str(g), "", str(i)))  # fmt: skip
            academic = max(1, round(staff * STAFF_TREND[yi] * scale * rng.uniform(0.98, 1.02)))
            rows.append((label, FACULTIES[f], "", "", "", "", str(academic), ""))
    return pd.DataFrame(
        rows,
        columns=["academic_year", "faculty", "study_level", "degree_programme",
                 "enrolled_students", "graduates", "academic_staff",
                 "international_degree_students"],
    )  # fmt: skip


def shares(total: int, weights: list[int]) -> list[int]:
    """``total`` split in proportion to ``weights`` in whole numbers that sum to it (largest
    remainders get the units left over)."""
    exact = np.array(weights, dtype=float) * total / sum(weights)
    whole = np.floor(exact).astype(int)
    left = total - int(whole.sum())
    whole[np.argsort(-(exact - whole), kind="stable")[:left]] += 1
    return whole.tolist()
