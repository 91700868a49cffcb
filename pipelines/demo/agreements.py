"""Agreements (one per cooperation condition): a study condition per partner university plus
the conditions of ``seed/extra_agreements.csv``; and the agreements file, whose places per
year follow the flows that use each agreement."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipelines.demo.organisations import Orgs
from pipelines.demo.university import (
    DORMANT_FROM,
    FACULTIES,
    FACULTY_FIELD,
    FIRST_START_YEAR,
    GROUP_ACTIVITY,
    GROUPS,
    YEARS,
    read_seed,
)

# Study conditions whose validity differs from (first year of cooperation, 2029).
STUDY_VALIDITY = {
    "ugr.es": (2014, 2021),  # renewed for Erasmus+ 2021-2027 (see seed/extra_agreements.csv)
    "ucl.ac.uk": (2014, 2021),  # Brexit: not renewed
    "ed.ac.uk": (2014, 2023),  # Brexit: replaced by a bilateral agreement
    "uu.nl": (2014, 2027),
    "usal.es": (2014, 2027),
    "utexas.edu": (2019, 2027),
}
# Valid, but no mobility since 2021/22.
DORMANT = frozenset(
    {
        ("lu.lv", "study"),
        ("uni-sofia.bg", "study"),
        ("uoa.gr", "study"),
        ("korea.ac.kr", "study"),
        ("ubbcluj.ro", "teaching"),
        ("hi.is", "teaching"),
        ("ut.ee", "training"),
        ("unizg.hr", "training"),
    }
)
GROUP_SUFFIX = {"study": "SMS", "traineeship": "SMP", "teaching": "STA", "training": "STT"}


@dataclass
class Agreements:
    partner: np.ndarray
    type: np.ndarray
    group: np.ndarray  # index into GROUPS
    first: np.ndarray  # valid from 1 September of this year
    last: np.ndarray  # valid to 31 August of this year
    dormant: np.ndarray
    faculty: np.ndarray  # faculty index, -1 for university-wide
    id: np.ndarray
    lookup: np.ndarray  # [organisation, group, year index] -> agreement index or -1

    def __len__(self) -> int:
        return len(self.id)


def agreement_id(orgs: Orgs, p: int, kind: str, group: str, first: int) -> str:
    """``IIA-2014-DE-KONSTAN01-SMS``, ``DD-2019-ES-MADRID03``, ``BIL-2019-US-ILLINOIS``, ..."""
    country = orgs.country[p]
    code = orgs.erasmus[p][3:].strip()  # the Erasmus code without its country prefix
    if kind == "erasmus":
        country = {"GB": "UK", "GR": "EL"}.get(country, country)
        return f"IIA-{first}-{country}-{code}-{GROUP_SUFFIX[group]}"
    if kind == "dual_degree":
        return f"DD-{first}-{country}-{code}"
    if kind == "internship":
        return f"INT-{first}-{country}-{'-'.join(orgs.name[p].upper().split()[:2])}"
    return f"BIL-{first}-{country}-{code or orgs.key[p].split('.')[0].upper()}"


def agreements(orgs: Orgs) -> Agreements:
    """Every agreement, and which one covers an organisation, group and year."""
    index = {key: i for i, key in enumerate(orgs.key)}
    specs: list[tuple[int, str, str, int, int]] = []
    for p in np.flatnonzero(orgs.hei):
        default = (max(2014, int(orgs.since[p])), 2029)
        first, last = STUDY_VALIDITY.get(orgs.key[p], default)
        kind = "erasmus" if orgs.europe[p] else "bilateral"
        specs.append((int(p), kind, "study", first, last))
    for extra in read_seed("extra_agreements"):
        specs.append(
            (index[extra["partner"]], extra["agreement_type"], extra["group"],
             int(extra["first_year"]), int(extra["last_year"]))
        )  # fmt: skip
    lookup = np.full((len(orgs), len(GROUPS), len(YEARS)), -1, dtype=np.int64)
    faculty, ids, dormant = [], [], []
    for a, (p, kind, group, first, last) in enumerate(specs):
        lookup[p, GROUPS.index(group), np.isin(YEARS, range(first, last))] = a
        specific = orgs.scope[p] == "F" and group in ("study", "dual", "teaching", "training")
        faculty.append(int(orgs.faculty[p]) if specific else -1)
        ids.append(agreement_id(orgs, p, kind, group, first))
        dormant.append((orgs.key[p], group) in DORMANT)
    cols = list(zip(*specs, strict=True))
    return Agreements(
        partner=np.array(cols[0], dtype=np.int64),
        type=np.array(cols[1], dtype=object),
        group=np.array([GROUPS.index(g) for g in cols[2]], dtype=np.int64),
        first=np.array(cols[3], dtype=np.int64),
        last=np.array(cols[4], dtype=np.int64),
        dormant=np.array(dormant, dtype=bool),
        faculty=np.array(faculty, dtype=np.int64),
        id=np.array(ids, dtype=object),
        lookup=lookup,
    )


def agreement_frame(
    rng: np.random.Generator, orgs: Orgs, agr: Agreements, expected: np.ndarray
) -> pd.DataFrame:
    """One row per agreement; places per year follow the expected flows (utilisation 70-115%).

    Places, months and days are clipped to the contract's maxima (1000, 1200, 10000), which
    only very large demos reach.
    """
    rows = []
    for a in range(len(agr)):
        p, group = agr.partner[a], GROUPS[agr.group[a]]
        valid = np.isin(YEARS, range(agr.first[a], agr.last[a]))
        # Size places on recent years; dormant agreements on the years they were still used.
        recent = np.isin(YEARS, range(FIRST_START_YEAR, DORMANT_FROM), invert=not agr.dormant[a])
        window = valid & recent if (valid & recent).any() else valid
        flows = expected[a][:, window].mean(axis=1) if window.any() else np.zeros(2)
        places = np.clip(np.round(flows * rng.uniform(0.85, 1.45, 2)), 1, 1000).astype(int)
        if agr.type[a] == "internship":
            places[1] = 0
        f = agr.faculty[a]
        local = orgs.language[p]
        if group in ("study", "dual") and local and rng.random() < 0.5:
            language, cefr = local, ("B1", "B2")[int(rng.random() < 0.6)]
        else:
            language, cefr = "en", ("B1", "B2")[int(rng.random() < 0.7)]
            cefr = "" if group == "training" else cefr
        level = ""
        if group == "dual":
            level = "7"
        elif group == "study" and f >= 0:
            level = ("", "6", "7")[int(rng.integers(0, 3))]
        per_place = {"study": 5, "dual": 10, "traineeship": 3}.get(group)
        rows.append(
            {
                "agreement_id": agr.id[a],
                "partner_erasmus_code": orgs.erasmus[p],
                "partner_schac_code": orgs.schac[p],
                "partner_name": orgs.name[p],
                "partner_country": orgs.country[p],
                "partner_city": orgs.city[p],
                "agreement_type": agr.type[a],
                "activity": GROUP_ACTIVITY[group],
                "faculty": FACULTIES[f] if f >= 0 else "",
                "valid_from": f"{agr.first[a]}-09-01",
                "valid_to": f"{agr.last[a]}-08-31",
                "places_outbound": str(places[0]),
                "places_inbound": str(places[1]),
                "months_per_year": str(min(places[0] * per_place, 1200)) if per_place else "",
                "days_per_year": "" if per_place else str(min(places[0] * 5, 10_000)),
                "field": FACULTY_FIELD[f] if f >= 0 else "",
                "study_level": level,
                "language": language,
                "cefr_min": cefr,
            }
        )
    return pd.DataFrame(rows).sort_values("agreement_id", kind="stable").reset_index(drop=True)
