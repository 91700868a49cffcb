"""Who moves: pseudonymous person ids (about 5% of people with two mobilities), gender,
nationality, fewer opportunities, special needs, study level and field of education."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipelines.demo.sampling import choice, choice_rows, cumulative
from pipelines.demo.segments import Rows
from pipelines.demo.university import (
    FACULTIES,
    FIELDS,
    FIRST_START_YEAR,
    HOME_COUNTRY,
    LAST_START_YEAR,
)

STUDY_LEVELS = {  # weights of EQF 6, 7, 8 by activity (students only)
    "study": (55, 38, 7),
    "dual_degree": (10, 90, 0),
    "traineeship": (45, 45, 10),
    "virtual": (60, 35, 5),
    "blended": (50, 40, 10),
}
OTHER_NATIONALITIES = np.array(
    ["UA", "TR", "DE", "IN", "CN", "VN", "ES", "IT", "FR", "BY", "KZ", "NG", "AZ", "GE"],
    dtype=object,
)
REPEAT_SHARE = 0.05  # people with two mobilities, of all people


@dataclass
class People:
    person_id: np.ndarray
    gender: np.ndarray
    nationality: np.ndarray
    fewer: np.ndarray  # fewer opportunities: yes, no or empty
    special: np.ndarray  # special needs: yes, no or empty
    level: np.ndarray  # EQF level, 0 for staff
    field: np.ndarray  # ISCED-F code


def people(
    rng: np.random.Generator,
    rows: Rows,
    faculty: np.ndarray,
    partner_country: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    person_offset: int = 0,
) -> People:
    """The person behind each row; a repeated person keeps their attributes. Person numbers
    start after ``person_offset`` (each block of a large demo has its own people)."""
    n, role, student, outbound = len(rows), rows.role, rows.student, rows.outbound
    role_no = np.select([student, role == "staff"], [0, 1], 2)
    gender_cum = cumulative([[57, 42.5, 0.5], [49, 50.5, 0.5], [44, 55.5, 0.5]])
    gender = np.array(["female", "male", "other"], dtype=object)[
        choice_rows(rng, gender_cum, role_no)
    ]
    gender[rng.random(n) < 0.01] = ""
    home = np.array([HOME_COUNTRY, "UA", "BY", "DE", "LT"], dtype=object)[
        choice(rng, (93, 4.5, 1.5, 0.5, 0.5), n)
    ]
    guest = np.where(
        rng.random(n) < 0.88,
        partner_country,
        OTHER_NATIONALITIES[rng.integers(0, len(OTHER_NATIONALITIES), n)],
    )
    nationality = np.where(outbound, home, guest).astype(object)
    nationality[rng.random(n) < 0.01] = ""
    trend = (rows.year - FIRST_START_YEAR) / (LAST_START_YEAR - FIRST_START_YEAR)
    p_yes = np.select([student & outbound, student], [0.10 + 0.08 * trend, 0.06], 0.01)
    p_unknown = np.select([student & outbound, student], [0.08 - 0.05 * trend, 0.2], 0.3)
    r = rng.random(n)
    fewer = np.select([r < p_unknown, r < p_unknown + p_yes], ["", "yes"], "no").astype(object)
    sn_unknown = np.where(student, 0.08, 0.3)
    sn_yes = np.where(student, 0.015, 0.005)
    r = rng.random(n)
    special = np.select([r < sn_unknown, r < sn_unknown + sn_yes], ["", "yes"], "no")
    special = special.astype(object)
    level_kinds = list(STUDY_LEVELS)
    level_row = np.select([rows.activity == k for k in level_kinds], range(len(level_kinds)), 0)
    level_cum = cumulative([STUDY_LEVELS[k] for k in level_kinds])
    level = np.where(student, choice_rows(rng, level_cum, level_row) + 6, 0)
    width = max(len(f) for f in FIELDS)
    field_cum = cumulative([[w for _, w in f] + [0] * (width - len(f)) for f in FIELDS])
    codes = np.array([[c for c, _ in f] + [""] * (width - len(f)) for f in FIELDS], dtype=object)
    field = codes[faculty, choice_rows(rng, field_cum, faculty)]

    # Person identifiers: unique numbers, then about 5% of people get a second mobility.
    person = np.zeros(n, dtype=np.int64)
    n_students = int(student.sum())
    person[student] = 1_000_000 + rng.choice(9_000_000, n_students, replace=False)
    staff_range = max(90_000, 4 * (n - n_students))
    person[~student] = 10_000 + rng.choice(staff_range, n - n_students, replace=False)
    first, second = repeat_pairs(rng, outbound, role, faculty, start, end)
    for column in (person, gender, nationality, fewer, special, field, level):
        column[second] = column[first]
    person += person_offset
    person_id = np.strings.add(np.where(student, "s", "e"), person.astype(str)).astype(object)
    return People(person_id, gender, nationality, fewer, special, level, field)


def repeat_pairs(
    rng: np.random.Generator,
    eligible: np.ndarray,
    role: np.ndarray,
    faculty: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Rows (first, second) of people with two mobilities: same role and faculty, no overlap."""
    wanted = round(len(start) * REPEAT_SHARE / (1 + REPEAT_SHARE))
    rows = np.flatnonzero(eligible)
    candidates = rng.choice(rows, min(len(rows), int(2.6 * wanted)), replace=False)
    role_no = np.select([role == "student", role == "staff"], [0, 1], 2)
    group = role_no[candidates] * len(FACULTIES) + faculty[candidates]
    order = np.lexsort((start[candidates], group))
    candidates, group = candidates[order], group[order]
    bounds = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sizes = np.diff(np.r_[bounds, len(group)])
    rank = np.arange(len(group)) - np.repeat(bounds, sizes)
    half = np.repeat(sizes // 2, sizes)
    firsts = np.flatnonzero(rank < half)
    first, second = candidates[firsts], candidates[firsts + half[firsts]]
    apart = start[second] > end[first] + 14
    first, second = first[apart], second[apart]
    if len(first) > wanted:
        keep = np.sort(rng.permutation(len(first))[:wanted])
        first, second = first[keep], second[keep]
    return first, second
