"""The data-quality rules written again with pandas from the fixture's own records.

Each rule is written from its description (pipelines/transform/quality.py), not from the SQL;
tests/pipelines/transform/test_data_quality.py compares the marts with it, the Data quality
page test its figures."""

from __future__ import annotations

import pandas as pd

from tests import fixture_data

AGREEMENT_ACTIVITIES = {"study", "dual_degree", "teaching", "training"}
PARTNERS_WITH_AGREEMENTS = {
    "Universität Konstanz",
    "Université Paris Cité",
    "Università di Bologna",
    "Universidad Politécnica de Madrid",
    "University of Helsinki",
    "University of Nairobi",
}


def frame() -> pd.DataFrame:
    m = fixture_data.frames()["mobilities"].copy()
    m["year"] = m["start_date"].map(lambda d: d.year if d.month >= 9 else d.year - 1)
    m["academic_year"] = m["year"].map(lambda y: f"{y}/{(y + 1) % 100:02d}")
    m["days"] = [(e - s).days + 1 for s, e in zip(m["start_date"], m["end_date"], strict=True)]
    return m


def plausible(row: pd.Series) -> bool | None:
    """None when no duration rule applies; written from the Erasmus+ ranges."""
    days, activity, mode = row["days"], row["activity"], row["mode"]
    if activity in ("study", "traineeship") and mode == "physical":
        doctoral_short = activity == "study" and row["study_level"] == 8 and 5 <= days <= 30
        return 60 <= days <= 366 or doctoral_short
    if activity in ("teaching", "training") and mode == "physical":
        return 2 <= days <= 60
    if activity == "blended":
        return 5 <= days <= 30
    return None


def expected_checks() -> pd.DataFrame:
    """One row per mobility and applicable rule with passed True/False."""
    m = frame()
    rows = []
    active = m[m["status"] != "cancelled"]
    for _, a in active.iterrows():
        same = active[
            (active["person_id"] == a["person_id"])
            & (active["mobility_id"] != a["mobility_id"])
            & (active["start_date"] <= a["end_date"])
            & (active["end_date"] >= a["start_date"])
        ]
        rows.append((a["mobility_id"], "suspected_duplicate", same.empty))
    for _, r in m.iterrows():
        if r["activity"] in AGREEMENT_ACTIVITIES:
            rows.append(
                (r["mobility_id"], "unknown_partner", r["partner_name"] in PARTNERS_WITH_AGREEMENTS)
            )
        if pd.notna(r["agreement_id"]):  # the fixture's explicit ones are all valid
            rows.append((r["mobility_id"], "outside_agreement", True))
        ok = plausible(r)
        if ok is not None:
            rows.append((r["mobility_id"], "implausible_duration", ok))
        complete = (
            pd.notna(r["faculty"])
            and pd.notna(r["gender"])
            and (r["person_role"] != "student" or pd.notna(r["study_level"]))
        )
        rows.append((r["mobility_id"], "missing_reporting_fields", complete))
    checks = pd.DataFrame(rows, columns=["mobility_id", "rule_id", "passed"])
    return checks.merge(m[["mobility_id", "academic_year"]], on="mobility_id")
