"""A warehouse with partners given by name only, for the partner-matching tests.

On top of the fixture university (agreements with Universität Konstanz, DE, and others): an
agreement with Université de Strasbourg (FR), and name-only mobilities whose partners are not
known. The scores each should get are worked out by hand below (``SCORES``), independently of
``pipelines.partners.matching``.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from pipelines.ingest.erasmus_ec import import_ec_file
from pipelines.ingest.load import import_file
from pipelines.transform.build import build
from pipelines.warehouse import connect
from tests import ec_fixture_data, fixture_data
from tests.conftest import KEY
from tests.data_management import csv_bytes, mobility

KONSTANZ = "erasmus:DKONSTAN01"
STRASBOURG = "erasmus:FSTRASBO48"
LEIPZIG = "erasmus:DLEIPZIG01"

# unknown partner key -> (mobilities, name in the data, country)
UNKNOWN = {
    "name:universitaet konstanz|DE": (["S1", "S2"], "Universitaet Konstanz", "DE"),
    "name:university of strasbourg|FR": (["S3"], "University of Strasbourg", "FR"),
    # Konstanz under another country: only French partners may be suggested
    "name:universitaet konstanz|FR": (["S4"], "Universitaet Konstanz", "FR"),
    "name:hochschule fur gestaltung nirgendwo|DE": (
        ["S5"],
        "Hochschule fur Gestaltung Nirgendwo",
        "DE",
    ),
}


def indel_similarity(a: str, b: str) -> float:
    """100 * (1 - characters inserted or deleted / total length), via the longest common
    subsequence: what ``token_sort_ratio`` computes on names whose words are sorted."""
    row = [0] * (len(b) + 1)
    for ca in a:
        previous = 0
        for j, cb in enumerate(b, start=1):
            current = row[j]
            row[j] = previous + 1 if ca == cb else max(row[j], row[j - 1])
            previous = current
    return 100 * 2 * row[-1] / (len(a) + len(b))


# Names written out by hand as compared: lower case, no accents, words sorted.
SCORES = {
    # 'universitaet konstanz' vs 'universitat konstanz' (Universität Konstanz): 40/41
    "name:universitaet konstanz|DE": (
        KONSTANZ,
        indel_similarity("konstanz universitaet", "konstanz universitat"),
    ),
    # 'university of strasbourg' vs 'universite de strasbourg'
    "name:university of strasbourg|FR": (
        STRASBOURG,
        indel_similarity("of strasbourg university", "de strasbourg universite"),
    ),
}


def write_agreement(path: Path) -> Path:
    """An agreements file with one study agreement with Université de Strasbourg."""
    row = {
        "agreement_id": "A-STR-SMS",
        "partner_erasmus_code": "F  STRASBO48",
        "partner_schac_code": "unistra.fr",
        "partner_name": "Université de Strasbourg",
        "partner_country": "FR",
        "partner_city": "Strasbourg",
        "agreement_type": "erasmus",
        "activity": "study",
        "faculty": "",
        "valid_from": dt.date(2020, 9, 1).isoformat(),
        "valid_to": dt.date(2030, 8, 31).isoformat(),
        "places_outbound": 2,
        "places_inbound": 2,
    }
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)
    return path


def rows(unknown: dict[str, tuple[list[str], str, str]]) -> list[dict[str, object]]:
    return [
        mobility(mobility_id, partner_name=name, partner_country=country)
        for ids, name, country in unknown.values()
        for mobility_id in ids
    ]


def add_partners(
    warehouse: Path,
    folder: Path,
    extra: dict[str, tuple[list[str], str, str]] | None = None,
    ec_list: bool = False,
) -> None:
    """Import the Strasbourg agreement, the name-only mobilities of ``UNKNOWN`` (and
    ``extra``) and, if asked, the EC fixture's institution list; then build."""
    folder.mkdir(parents=True, exist_ok=True)
    mobilities = folder / "name_only.csv"
    mobilities.write_bytes(csv_bytes(rows({**UNKNOWN, **(extra or {})})))
    con = connect(warehouse)
    try:
        import_file(con, write_agreement(folder / "agreements_fr.csv"), KEY, table="agreements")
        import_file(con, mobilities, KEY, table="mobilities")
        if ec_list:
            import_ec_file(con, ec_fixture_data.write_institutions(folder / "EUC.json"), KEY)
        build(con)
    finally:
        con.close()


def fixture_unknown_keys() -> set[str]:
    """Partner keys of the fixture's mobilities with no agreement, by pandas (the fixture's
    own unknown partners, e.g. Siemens AG and University College London)."""
    frames = fixture_data.frames()

    def key(row) -> str:
        if isinstance(row["partner_erasmus_code"], str):
            return "erasmus:" + "".join(row["partner_erasmus_code"].split()).upper()
        if isinstance(row["partner_schac_code"], str):
            return "schac:" + row["partner_schac_code"].strip().lower()
        return f"name:{row['partner_name'].strip().lower()}|{row['partner_country']}"

    with_agreement = {key(r) for _, r in frames["agreements"].iterrows()}
    return {key(r) for _, r in frames["mobilities"].iterrows()} - with_agreement
