"""Small European Commission Erasmus files, written the way the EC writes them.

``llp_records()`` is a frame of raw cells in the cleaned LLP header (as in
``../shared/data/real/erasmus_student_mobility_2008_2012``), with the quirks of the real files:
fixed-width institution codes, a mixed-case code, UK/GR/EL country codes, an enterprise name
spanning two lines, placements without a host institution. Tests compute what they expect
from this frame with pandas, independently of the SQL models.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

LLP_HEADER = [
    "home_institution",
    "age",
    "gender",
    "nationality",
    "level_study",
    "years_prior",
    "mobility_type",
    "host_institution",
    "work_placement",
    "country_work_placement",
    "length_study",
    "length_work",
    "short_duration_reason",
    "study_start_date",
    "work_start_date",
    "ects_study",
    "ects_work",
    "ects_total",
    "sn_supplement",
    "study_grant",
    "work_grant",
    "previous_participation",
]

# home code, its country; D  NOWHERE99 is not in the institution list below
HOMES = [
    ("D  KONSTAN01", "DE"),
    ("D  KONSTAN01", "DE"),
    ("D  LEIPZIG01", "DE"),
    ("D  NOWHERE99", "DE"),
    ("F  PARIS007", "FR"),
    ("EL ATHINE01", "GR"),
]
HOSTS = [("UK BATH01", "GB"), ("Uk BATH01", "GB"), ("F  PARIS007", "FR"), ("IRLDUBLIN01", "IE")]
PLACEMENT_COUNTRIES = ["UK", "GR", "EL", "ES"]
LEVEL_EQF = {"1": 6, "2": 7, "3": 8, "S": 5}
TYPES = {"S": "study", "P": "placement", "C": "combined"}
PREFIX_COUNTRY = {"D": "DE", "F": "FR", "EL": "GR", "UK": "GB", "IRL": "IE"}
ISO = {"UK": "GB", "EL": "GR"}

INSTITUTIONS = [
    ("D  KONSTAN01", "UNIVERSITAET KONSTANZ", "DE", "KONSTANZ", "EUCX"),
    ("D  LEIPZIG01", "UNIVERSITAET LEIPZIG", "DE", "Leipzig", "EUCX"),
    ("F  PARIS007", "UNIVERSITE PARIS DIDEROT", "FR", "PARIS CEDEX 13", "EUC"),
    ("Uk BATH01", "UNIVERSITY OF BATH", "UK", "Bath", "EUCX"),
    ("IRLDUBLIN01", "TRINITY COLLEGE DUBLIN", "IE", "Dublin", "EUCP"),
    ("EL ATHINE01", "NATIONAL AND KAPODISTRIAN UNIVERSITY OF ATHENS", "GR", "ATHINA", "EUC"),
]

FLOWS = [
    ("Germany", "France", 10),
    ("France", "Germany", 7),
    ("Türkiye", "Germany", 5),
    ("Rest of the world", "Germany", 3),
    ("Germany", "Germany", 2),
    ("United Kingdom", "Greece", 4),
]


@cache
def llp_records() -> pd.DataFrame:
    """48 LLP records (cleaned header) over two academic years, as raw text cells."""
    rng = np.random.default_rng(6)
    rows = []
    for i in range(48):
        home, _ = HOMES[i % len(HOMES)]
        kind = "SSSPSC"[i % 6]
        level = "1212S3"[int(rng.integers(6))]
        year = 2008 if i < 30 else 2011
        month = int(rng.choice([9, 10, 2, 3, 7]))
        start = f"{month:02d}-{year if month >= 7 else year + 1}"
        study = float(rng.choice([4.0, 5.0, 9.0, 4.5])) if kind in "SC" else 0.0
        work = float(rng.choice([3.0, 5.75])) if kind in "PC" else 0.0
        host = HOSTS[i % len(HOSTS)][0] if kind in "SC" else ""
        place_country = PLACEMENT_COUNTRIES[i % 4] if kind in "PC" else ""
        enterprise = f"ENTERPRISE {i}" if kind in "PC" else ""
        if i == 3:
            enterprise = "KULTURWERK BBK\nBERLIN"  # a line break inside a quoted field
        rows.append(
            {
                "home_institution": home,
                "age": str(20 + i % 7),
                "gender": "F" if rng.random() < 0.6 else "M",
                "nationality": ["DE", "UK", "GR", "FR"][i % 4],
                "level_study": level,
                "years_prior": "2",
                "mobility_type": kind,
                "host_institution": host,
                "work_placement": enterprise,
                "country_work_placement": place_country,
                "length_study": f"{study}",
                "length_work": f"{work}",
                "short_duration_reason": "",
                "study_start_date": start if kind in "SC" else "",
                "work_start_date": start if kind == "P" else "",
                "ects_study": "30.0",
                "ects_work": "0.0",
                "ects_total": "30.0",
                "sn_supplement": "0.0",
                "study_grant": "720.0",
                "work_grant": "0.0",
                "previous_participation": "N",
            }
        )
    return pd.DataFrame(rows, columns=LLP_HEADER)


def expected_records() -> pd.DataFrame:
    """The fixture records as the benchmark should see them, computed with pandas."""
    raw = llp_records()
    start = raw["study_start_date"].where(raw["study_start_date"] != "", raw["work_start_date"])
    month = start.str[:2].astype(int)
    year = start.str[3:].astype(int)
    year_start = year - (month < 9).astype(int)
    host_prefix = raw["host_institution"].str.upper().str[:3].str.strip()
    placement = raw["country_work_placement"].replace(ISO)
    destination = host_prefix.map(PREFIX_COUNTRY).where(raw["host_institution"] != "", placement)
    return pd.DataFrame(
        {
            "home_erasmus_code": raw["home_institution"],
            "home_country": raw["home_institution"].str[:3].str.strip().map(PREFIX_COUNTRY),
            "academic_year": year_start.map(lambda y: f"{y}/{(y + 1) % 100:02d}"),
            "destination_country": destination,
            "study_level": raw["level_study"].map(LEVEL_EQF),
            "mobility_type": raw["mobility_type"].map(TYPES),
            "gender": raw["gender"].map({"F": "female", "M": "male"}),
            "months": raw["length_study"].astype(float) + raw["length_work"].astype(float),
        }
    )


def write_llp(path: Path) -> Path:
    """The records as a ';'-separated UTF-8 file, quoted only where needed (like the EC's)."""
    llp_records().to_csv(path, sep=";", index=False, lineterminator="\n")
    return path


def write_institutions(path: Path) -> Path:
    records = [
        {
            "institutional_code": code,
            "application_reference_number": f"{i}-IC-1-2007-1-XX-ERASMUS-{charter}-1",
            "organisation_name": name,
            "country": country,
            "city": city,
            "code": charter,
        }
        for i, (code, name, country, city, charter) in enumerate(INSTITUTIONS)
    ]
    path.write_text(json.dumps(records, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def write_flows(path: Path) -> Path:
    """Highcharts' CSV: quoted strings, leading spaces in headers, CRLF, no final newline."""
    lines = ['"Category"," (from)"," (to)"," (weight)"']
    lines += [f'"highcharts-x-{i}","{a}","{b}",{n}' for i, (a, b, n) in enumerate(FLOWS, start=3)]
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    return path


def write_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "records": write_llp(folder / "students_llp.csv"),
        "institutions": write_institutions(folder / "EUC.json"),
        "flows": write_flows(folder / "Learning-mobility-flows-since-2014.csv"),
    }


def build_warehouse(folder: Path, own_erasmus_code: str | None = None) -> Path:
    """A built warehouse file holding only these EC files (imported as a user would)."""
    from pipelines.ingest.erasmus_ec import import_ec_file
    from pipelines.transform.build import build
    from pipelines.warehouse import connect, set_setting
    from tests.conftest import KEY

    path = folder / "benchmark.duckdb"
    con = connect(path)
    for file in write_all(folder / "files").values():
        import_ec_file(con, file, KEY)
    if own_erasmus_code:
        set_setting(con, "own_erasmus_code", own_erasmus_code)
    build(con)
    con.close()
    return path


def expected_summary(home: str, year: str | None) -> dict[str, dict[str, float]]:
    """The Benchmark page's figures per scope, computed with pandas from the fixture."""
    records = expected_records()
    if year is not None:
        records = records[records["academic_year"] == year]
    country = records.loc[records["home_erasmus_code"] == home, "home_country"].iloc[0]
    scopes = {
        "institution": records[records["home_erasmus_code"] == home],
        "country": records[records["home_country"] == country],
        "programme": records,
    }
    return {
        scope: {
            "participants": len(part),
            "average_duration_months": part["months"].mean(),
            "placement_share": 100 * part["mobility_type"].isin(["placement", "combined"]).mean(),
            "female_share": 100 * (part["gender"] == "female").mean(),
        }
        for scope, part in scopes.items()
    }


def default_year() -> str:
    """The academic year with the most records (ties: the later year)."""
    counts = expected_records()["academic_year"].value_counts()
    return max(counts.index, key=lambda y: (counts[y], y))
