"""The demo university's fixed facts: its academic years, faculties and their fields, agreement
groups and funding programmes, and the reader of the seed files in ``seed/``."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

SEED_DIR = Path(__file__).parent / "seed"

# The last academic year in the demo is 2025/26; fixed so output never depends on today's date.
LAST_START_YEAR = 2025
FIRST_START_YEAR = 2018
YEARS = np.arange(FIRST_START_YEAR, LAST_START_YEAR + 1)
EXPORT_DATE = np.datetime64("2026-01-31")  # the day the demo data was "exported"
INSTITUTION_NAME = "Mobility Atlas Demo University"
HOME_COUNTRY = "PL"
DEFAULT_RECORDS = 20_000  # the size at which the university has about 25,000 students
BAD_ROW_SHARE = 0.001
DORMANT_FROM = 2022  # dormant agreements have no mobility from this academic year on
TABLES = ("mobilities", "agreements", "projects", "headcounts", "targets")

ENG, ECO, HUM, NAT, MED, LAW = range(6)
FACULTIES = (
    "Faculty of Engineering",
    "Faculty of Economics and Business",
    "Faculty of Humanities",
    "Faculty of Natural Sciences",
    "Faculty of Medicine and Health",
    "Faculty of Law and Social Sciences",
)
FACULTY_KEYS = {"ENG": ENG, "ECO": ECO, "HUM": HUM, "NAT": NAT, "MED": MED, "LAW": LAW}

# ISCED-F 2013 detailed fields taught in each faculty, with their weights.
FIELDS = (
    (("0714", 20), ("0715", 15), ("0713", 12), ("0711", 8), ("0613", 20), ("0612", 8),
     ("0732", 10), ("0731", 7)),
    (("0311", 22), ("0411", 10), ("0412", 18), ("0413", 35), ("0414", 15)),
    (("0222", 20), ("0223", 12), ("0231", 25), ("0232", 33), ("0221", 10)),
    (("0511", 22), ("0512", 12), ("0521", 12), ("0531", 18), ("0532", 8), ("0533", 14),
     ("0541", 10), ("0542", 4)),
    (("0912", 45), ("0913", 20), ("0916", 15), ("0915", 12), ("0911", 8)),
    (("0421", 45), ("0312", 20), ("0313", 20), ("0314", 15)),
)  # fmt: skip
# The degree programme of each detailed field above, named by the field; a student's
# programme is this name and the level (``degree_programme``).
FIELD_PROGRAMMES = {
    "0714": "Electronics and Automation", "0715": "Mechanical Engineering",
    "0713": "Electrical Engineering", "0711": "Chemical Engineering",
    "0613": "Computer Science", "0612": "Data Science", "0732": "Civil Engineering",
    "0731": "Architecture",
    "0311": "Economics", "0411": "Accounting and Taxation", "0412": "Finance and Banking",
    "0413": "Management", "0414": "Marketing",
    "0222": "History", "0223": "Philosophy", "0231": "Modern Languages",
    "0232": "English Studies", "0221": "Religious Studies",
    "0511": "Biology", "0512": "Biochemistry", "0521": "Environmental Science",
    "0531": "Chemistry", "0532": "Earth Sciences", "0533": "Physics", "0541": "Mathematics",
    "0542": "Statistics",
    "0912": "Medicine", "0913": "Nursing", "0916": "Pharmacy", "0915": "Physiotherapy",
    "0911": "Dentistry",
    "0421": "Law", "0312": "Political Science", "0313": "Psychology", "0314": "Sociology",
}  # fmt: skip
DEGREES = {6: "Bachelor", 7: "Master", 8: "Doctorate"}


def degree_programme(field: str, level: int) -> str:
    """The demo's name of the degree programme of a field at an EQF level."""
    return f"{FIELD_PROGRAMMES[field]} ({DEGREES[level]})"


FACULTY_FIELD = ("071", "041", "023", "053", "091", "042")  # field of faculty-level agreements

# Agreement groups (the cooperation conditions a mobility can fall under) and their activity.
GROUPS = ("study", "dual", "traineeship", "teaching", "training")
GROUP_ACTIVITY = {
    "study": "study",
    "dual": "study",
    "traineeship": "traineeship",
    "teaching": "teaching",
    "training": "training",
}

PROGRAMMES = (
    "Erasmus+",
    "Erasmus+ KA171",
    "Bilateral exchange",
    "Double degree",
    "CEEPUS",
    "NAWA",
    "Horizon 2020",
    "Horizon Europe",
    "Own funds",
    "COIL",
    "Virtual exchange",
    "Erasmus+ BIP",
    "Swiss-European Mobility Programme",
)
PROGRAMME_INDEX = {name: i for i, name in enumerate(PROGRAMMES)}


def read_seed(name: str) -> list[dict[str, str]]:
    """The rows of ``seed/<name>.csv`` as dictionaries of text, in file order."""
    with (SEED_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
