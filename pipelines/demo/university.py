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
