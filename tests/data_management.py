"""Small import files for the data-management tests (upload, undo, mapping, quality rules)."""

from __future__ import annotations

import csv
import io

from tests import fixture_data

MOBILITY_HEADER = [
    "mobility_id",
    "person_id",
    "person_role",
    "direction",
    "activity",
    "partner_erasmus_code",
    "partner_name",
    "partner_country",
    "start_date",
    "end_date",
    "status",
    "faculty",
    "gender",
    "study_level",
    "agreement_id",
]

# The key the partner of ``mobility()`` rows ("Uni Konstanz", DE) gets, and the known partner
# it should be mapped to (Universität Konstanz in the fixture).
UNKNOWN_KEY = "name:uni konstanz|DE"
KONSTANZ = "erasmus:DKONSTAN01"


def mobility(mobility_id: str, **fields: object) -> dict[str, object]:
    """A valid, realised outbound study mobility in 2024/25 at a name-only partner."""
    row: dict[str, object] = {
        "mobility_id": mobility_id,
        "person_id": f"NEW-{mobility_id}",
        "person_role": "student",
        "direction": "outbound",
        "activity": "study",
        "partner_erasmus_code": "",
        "partner_name": "Uni Konstanz",
        "partner_country": "DE",
        "start_date": "2024-10-01",
        "end_date": "2025-02-28",
        "status": "completed",
        "faculty": "Faculty of Engineering",
        "gender": "female",
        "study_level": "6",
        "agreement_id": "",
    }
    row.update(fields)
    return row


def csv_bytes(rows: list[dict[str, object]], delimiter: str = ",") -> bytes:
    """The rows as a CSV file's bytes, header first."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=MOBILITY_HEADER, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def realised_outbound(year: int) -> int:
    """Realised outbound mobilities of the fixture starting in academic year ``year``, by pandas
    (what the Overview's "Outbound mobilities" card shows for that year)."""
    m = fixture_data.frames()["mobilities"]
    start = m["start_date"].map(lambda d: d.year if d.month >= 9 else d.year - 1)
    chosen = (
        (start == year)
        & (m["direction"] == "outbound")
        & m["status"].isin(["ongoing", "completed"])
    )
    return int(chosen.sum())
