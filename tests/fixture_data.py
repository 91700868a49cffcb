"""A small fixture university, generated from a fixed seed, with every case the KPIs meet.

``frames()`` returns the five tables as pandas frames of canonical values (dates as
``datetime.date``); ``write()`` writes them as import files. Tests compute expected KPI
values from ``frames()`` with pandas, independently of the SQL models.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

FACULTIES = ["Faculty of Engineering", "Faculty of Economics", "Faculty of Humanities"]
YEARS = [2022, 2023, 2024]
PARTNERS = [
    # erasmus code, schac, name, country, city
    ("D  KONSTAN01", "uni-konstanz.de", "Universität Konstanz", "DE", "Konstanz"),
    ("F  PARIS001", "u-paris.fr", "Université Paris Cité", "FR", "Paris"),
    ("I  BOLOGNA01", "unibo.it", "Università di Bologna", "IT", "Bologna"),
    ("E  MADRID03", "upm.es", "Universidad Politécnica de Madrid", "ES", "Madrid"),
    ("SF HELSINK01", "helsinki.fi", "University of Helsinki", "FI", "Helsinki"),
    ("UK LONDON01", "ucl.ac.uk", "University College London", "GB", "London"),
    (None, None, "University of Nairobi", "KE", "Nairobi"),
    (None, None, "Siemens AG", "DE", "Munich"),
]
# (activity, role, mode) combinations: all six kinds of mobility, some edge cases
ACTIVITIES = [
    ("study", "student", "physical"),
    ("study", "student", "physical"),
    ("study", "student", "physical"),
    ("dual_degree", "student", "physical"),
    ("traineeship", "student", "physical"),
    ("teaching", "staff", "physical"),
    ("training", "staff", "physical"),
    ("research", "researcher", "physical"),
    ("conference", "researcher", "physical"),
    ("virtual", "student", "virtual"),
    ("blended", "student", "blended"),
    ("study", "student", "virtual"),  # an online study period counts as online
]
STATUSES = ["completed"] * 7 + ["ongoing", "approved", "nominated", "cancelled"]
CEFR = ["A1", "A2", "B1", "B2", "C1", "C2"]


def _maybe(rng: np.random.Generator, value: object, p_missing: float) -> object:
    return None if rng.random() < p_missing else value


def frames() -> dict[str, pd.DataFrame]:
    """The fixture tables; a fresh copy each call, so a test that changes them for its own
    warehouse cannot change what later tests compare with."""
    return {table: frame.copy() for table, frame in _frames().items()}


@cache
def _frames() -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(20241)
    rows = []
    for i in range(360):
        year = YEARS[i % 3]
        activity, role, mode = ACTIVITIES[rng.integers(len(ACTIVITIES))]
        direction = "outbound" if rng.random() < 0.65 else "inbound"
        code, schac, name, country, city = PARTNERS[rng.integers(len(PARTNERS))]
        start = dt.date(year, int(rng.choice([9, 10, 2, 3])), int(rng.integers(1, 28)))
        if start.month < 9:
            start = start.replace(year=year + 1)
        if role == "student" and mode == "physical":
            days = int(rng.choice([60, 89, 90, 120, 150, 300]))
        elif mode == "virtual":
            days = int(rng.integers(20, 80))
        else:
            days = int(rng.integers(2, 40))
        end = start + dt.timedelta(days=days - 1)
        planned = float(rng.choice([6, 10, 14, 15, 20, 30])) if role == "student" else None
        achieved = float(min(planned, planned - rng.choice([0, 0, 0, 2, 5]))) if planned else None
        recognised = float(achieved - rng.choice([0, 0, 1])) if achieved else None
        before = int(rng.integers(0, 5))
        after = min(5, before + int(rng.choice([0, 0, 1, 1, 2])))
        rows.append(
            {
                "mobility_id": f"M{i:04d}",
                # a few people move twice: ids repeat every 17th row
                "person_id": f"P{(i if i % 17 else i // 17):05d}",
                "person_role": role,
                "direction": direction,
                "activity": activity,
                "mode": mode,
                "programme": "Erasmus+",
                "partner_erasmus_code": code,
                "partner_schac_code": schac,
                "partner_name": name,
                "partner_country": country,
                "partner_city": city,
                "faculty": _maybe(rng, FACULTIES[rng.integers(3)], 0.05),
                "study_level": int(rng.choice([6, 6, 7, 8])) if role == "student" else None,
                "field": "0413",
                "start_date": start,
                "end_date": end,
                "status": STATUSES[rng.integers(len(STATUSES))],
                "gender": _maybe(rng, str(rng.choice(["female", "male", "other"])), 0.1),
                "nationality": "PL" if direction == "outbound" else country,
                "fewer_opportunities": _maybe(rng, bool(rng.random() < 0.2), 0.2),
                "special_needs": False,
                "ects_planned": _maybe(rng, planned, 0.1),
                "ects_achieved": _maybe(rng, achieved, 0.1),
                "ects_recognised": _maybe(rng, recognised, 0.1),
                "language": "en",
                "cefr_before": _maybe(rng, CEFR[before], 0.2),
                "cefr_after": _maybe(rng, CEFR[after], 0.2),
                "grant_amount": 1000.0,
                "agreement_id": None,
                "host_type": "enterprise" if name == "Siemens AG" else "higher_education",
                "teaching_hours": 8.0 if activity == "teaching" else None,
            }
        )
    mobilities = pd.DataFrame(rows)
    agreements = pd.DataFrame(
        [
            # explicit links are set below; dormant: NAIROBI-STA (never used), HELSINKI-STT
            _agreement("A-KON-SMS", 0, "study", "Faculty of Engineering", 2019, 2029, 3, 2),
            _agreement("A-KON-STA", 0, "teaching", None, 2019, 2029, 1, 1),
            _agreement("A-PAR-SMS", 1, "study", "Faculty of Economics", 2020, 2025, 2, 2),
            _agreement("A-BOL-ANY", 2, "any", None, 2021, 2027, 4, 4),
            _agreement("A-MAD-SMS", 3, "study", None, 2018, 2023, 2, 1),
            _agreement("A-HEL-STT", 4, "training", "Faculty of Humanities", 2020, 2030, 1, 1),
            _agreement("A-NAI-STA", 6, "teaching", None, 2020, 2030, 1, 1),
        ]
    )
    # Explicit agreement ids on some Konstanz and Paris study mobilities; others are matched.
    explicit = (mobilities["partner_name"] == "Universität Konstanz") & (
        mobilities["activity"] == "study"
    )
    mobilities.loc[explicit & (mobilities.index % 2 == 0), "agreement_id"] = "A-KON-SMS"
    mobilities["degree_programme"] = [
        degree_programme(faculty, level, i)
        for i, faculty, level in zip(
            mobilities.index, mobilities["faculty"], mobilities["study_level"], strict=True
        )
    ]
    headcounts = []
    for year in YEARS:
        for f, faculty in enumerate(FACULTIES):
            for level in (6, 7):
                enrolled = 1000 + 300 * f + 100 * level + 10 * (year - 2022)
                graduates = 200 + 40 * f + 10 * level
                # the Faculty of Economics gives its students per degree programme, the
                # same totals: Economics and Finance share its bachelor students 60/40
                shares = PROGRAMME_SHARES.get((faculty, level), {None: 1.0})
                for programme, share in shares.items():
                    headcounts.append(
                        {
                            "academic_year": f"{year}/{(year + 1) % 100:02d}",
                            "faculty": faculty,
                            "study_level": level,
                            "degree_programme": programme,
                            "enrolled_students": round(enrolled * share),
                            "graduates": round(graduates * share),
                            "academic_staff": None,
                            "international_degree_students": round(30 * share),
                        }
                    )
            headcounts.append(
                {
                    "academic_year": f"{year}/{(year + 1) % 100:02d}",
                    "faculty": faculty,
                    "study_level": None,
                    "enrolled_students": None,
                    "graduates": None,
                    "academic_staff": 100 + 20 * f,
                    "international_degree_students": None,
                }
            )
    projects = pd.DataFrame(
        [
            _project(
                "P1",
                "Erasmus+ KA2",
                "coordinator",
                "2022-11-01",
                "2025-10-31",
                400000,
                120000,
                "DE;FR;PL",
                FACULTIES[0],
            ),
            _project(
                "P2",
                "Jean Monnet",
                "coordinator",
                "2023-09-01",
                "2026-08-31",
                50000,
                50000,
                "PL",
                FACULTIES[1],
            ),
            _project(
                "P3",
                "Horizon Europe",
                "partner",
                "2021-01-01",
                "2023-12-31",
                5200000,
                310000,
                "DE;ES;NL",
                FACULTIES[0],
            ),
            _project(
                "P4",
                "Erasmus Mundus",
                "partner",
                "2024-09-01",
                "2028-08-31",
                1000000,
                90000,
                "FR;IT",
                None,
            ),
            _project(
                "P5",
                "CBHE",
                "partner",
                "2018-01-01",
                "2021-12-31",
                700000,
                80000,
                "KE",
                FACULTIES[2],
            ),
        ]
    )
    targets = pd.DataFrame(
        [
            {
                "kpi_id": "graduates_mobility_share",
                "academic_year": "2029/30",
                "value": 23.0,
                "faculty": None,
                "note": "EU",
            },
            {
                "kpi_id": "outbound_mobility_ratio",
                "academic_year": "2025/26",
                "value": 5.0,
                "faculty": None,
                "note": None,
            },
            {
                "kpi_id": "outbound_mobility_ratio",
                "academic_year": "2025/26",
                "value": 7.0,
                "faculty": FACULTIES[0],
                "note": None,
            },
        ]
    )
    return {
        "mobilities": mobilities,
        "agreements": agreements,
        "projects": projects,
        "headcounts": pd.DataFrame(headcounts),
        "targets": targets,
    }


# Degree programmes of the Faculty of Economics: its students per programme (headcounts)
PROGRAMME_SHARES = {
    (FACULTIES[1], 6): {"Economics (BSc)": 0.6, "Finance (BSc)": 0.4},
    (FACULTIES[1], 7): {"Economics (MSc)": 1.0},
}


def degree_programme(faculty: object, level: object, index: int) -> str | None:
    """The fixture's degree programme of a mobility: only Faculty of Economics students at
    EQF 6 or 7 have one (bachelor students alternate between Economics and Finance)."""
    if faculty != FACULTIES[1] or pd.isna(level) or int(level) not in (6, 7):
        return None
    names = list(PROGRAMME_SHARES[(faculty, int(level))])
    return names[index % len(names)]


def fixture_targets() -> set[tuple]:
    """The fixture's targets as (kpi_id, academic_year, faculty, value), as stored."""
    rows = frames()["targets"]
    return {
        (r.kpi_id, r.academic_year, r.faculty, r.value)
        for r in rows.astype(object).where(rows.notna(), None).itertuples()
    }


def _agreement(
    agreement_id: str,
    partner: int,
    activity: str,
    faculty: str | None,
    first: int,
    last: int,
    places_out: int,
    places_in: int,
) -> dict[str, object]:
    code, schac, name, country, city = PARTNERS[partner]
    return {
        "agreement_id": agreement_id,
        "partner_erasmus_code": code,
        "partner_schac_code": schac,
        "partner_name": name,
        "partner_country": country,
        "partner_city": city,
        "agreement_type": "erasmus",
        "activity": activity,
        "faculty": faculty,
        "valid_from": dt.date(first, 9, 1),
        "valid_to": dt.date(last, 8, 31),
        "places_outbound": places_out,
        "places_inbound": places_in,
    }


def _project(
    project_id: str,
    programme: str,
    role: str,
    start: str,
    end: str,
    total: float,
    own: float,
    countries: str,
    faculty: str | None,
) -> dict[str, object]:
    return {
        "project_id": project_id,
        "title": f"Project {project_id}",
        "programme": programme,
        "role": role,
        "start_date": dt.date.fromisoformat(start),
        "end_date": dt.date.fromisoformat(end),
        "budget_total": total,
        "budget_own_share": own,
        "partner_countries": countries,
        "faculty": faculty,
    }


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write(folder: Path, tables: dict[str, pd.DataFrame] | None = None) -> dict[str, Path]:
    """Write the fixture tables (or changed copies of them) as CSV import files; returns
    table -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for table, frame in (frames() if tables is None else tables).items():
        path = folder / f"{table}.csv"
        frame.map(_text).to_csv(path, index=False)
        paths[table] = path
    return paths
