"""What each student mobility is for: ECTS credits planned, achieved and recognised, the
language of the mobility, and CEFR levels before and after."""

from __future__ import annotations

import numpy as np

from pipelines.demo.dates import Schedule
from pipelines.demo.sampling import blank_unless, choice, text
from pipelines.demo.segments import Rows

CEFR = np.array(["A1", "A2", "B1", "B2", "C1", "C2"], dtype=object)


def credits(rng: np.random.Generator, rows: Rows, when: Schedule) -> dict[str, np.ndarray]:
    """ECTS columns: planned in the learning agreement; achieved and recognised once completed."""
    n, is_, student, days = len(rows), rows.is_, rows.student, when.days
    semester = np.array([30, 27, 26, 25, 24, 22, 20])[choice(rng, (60, 5, 5, 8, 7, 5, 10), n)]
    planned = np.select(
        [is_["study"], is_["dual_degree"], is_["traineeship"], is_["virtual"], is_["blended"]],
        [
            np.where(when.year_long, semester * 2, semester),
            np.where(days > 400, np.where(rng.random(n) < 0.5, 90, 120), 60),
            np.minimum(when.trainee_months * 5, 30),
            rng.integers(2, 7, n),
            rng.integers(3, 7, n),
        ],
        0,
    )
    has_planned = student & (planned > 0) & (rng.random(n) >= 0.05)
    has_planned &= ~(is_["traineeship"] & (rng.random(n) < 0.4))
    r = rng.random(n)
    full_rate = np.where(is_["study"] | is_["dual_degree"], 0.78, 0.9)
    shortfall = np.ceil(rng.random(n) * np.maximum(1, np.round(planned * 0.4))).astype(np.int64)
    achieved = np.where(r < full_rate, planned, np.maximum(planned - shortfall, 0))
    achieved = np.where(r > 0.995, 0, achieved)
    recognised = np.where(
        rng.random(n) < 0.88, achieved, np.maximum(achieved - rng.integers(1, 8, n), 0)
    )
    has_achieved = has_planned & (when.status == "completed")
    return {
        "ects_planned": text(planned, ~has_planned),
        "ects_achieved": text(achieved, ~has_achieved),
        "ects_recognised": text(recognised, ~(has_achieved & rows.outbound)),
    }


def languages(
    rng: np.random.Generator, rows: Rows, local: np.ndarray, completed: np.ndarray
) -> dict[str, np.ndarray]:
    """Language of the mobility and CEFR levels (students' physical mobilities)."""
    n, is_, student, physical = len(rows), rows.is_, rows.student, rows.physical
    p_local = np.select(
        [np.isin(local, ["de", "fr", "es", "it"]), local == "pt", local == "nl"], [0.38, 0.25, 0.08]
    )
    long_stay = is_["study"] | is_["dual_degree"] | is_["traineeship"]
    outbound_language = np.where(
        student, np.where(long_stay & (rng.random(n) < p_local), local, "en"),
        np.where(rng.random(n) < p_local * 0.4, local, "en"),
    )  # fmt: skip
    inbound_language = np.where(long_stay & (rng.random(n) < 0.2), "pl", "en")
    language = np.where(rows.outbound, outbound_language, inbound_language)
    language = np.where(physical, language, "en").astype(object)
    language[~student & (rng.random(n) < 0.1)] = ""
    before = np.select(
        [language == "en", language == "pl"],
        [choice(rng, (0, 2, 15, 50, 28, 5), n), choice(rng, (40, 35, 20, 5, 0, 0), n)],
        choice(rng, (0, 15, 40, 35, 10, 0), n),
    )
    after = np.minimum(before + choice(rng, (52, 45, 3), n), 5)
    with_cefr = student & physical & (language != "") & (rng.random(n) >= 0.15)
    return {
        "language": language,
        "cefr_before": blank_unless(CEFR[before], with_cefr),
        "cefr_after": blank_unless(CEFR[after], with_cefr & completed),
    }
