"""Partner mapping: an unknown spelling mapped once, applied to every later import."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines import manage
from pipelines.ingest.load import prepare
from pipelines.partners import matching as partner_matching
from pipelines.partners.mapping import MappingRefused, PartnerMapping
from tests import fixture_data
from tests.conftest import MANAGER
from tests.data_management import KONSTANZ, UNKNOWN_KEY, csv_bytes, mobility


def import_rows(warehouse: Path, path: Path, rows: list[dict[str, object]]) -> int:
    path.write_bytes(csv_bytes(rows))
    return manage.import_prepared(warehouse, prepare(path), actor=MANAGER).import_id


def read(warehouse: Path, sql: str, *params: object) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def konstanz_outbound_2024() -> int:
    """Realised outbound mobilities to Konstanz in 2024/25 in the fixture, by pandas."""
    m = fixture_data.frames()["mobilities"]
    year = m["start_date"].map(lambda d: d.year if d.month >= 9 else d.year - 1)
    chosen = (
        (m["partner_erasmus_code"] == "D  KONSTAN01")
        & (year == 2024)
        & (m["direction"] == "outbound")
        & m["status"].isin(["ongoing", "completed"])
    )
    return int(chosen.sum())


def test_a_mapping_applies_to_the_import_it_was_made_for_and_to_later_ones(
    writable_warehouse, tmp_path
):
    first = import_rows(writable_warehouse, tmp_path / "a.csv", [mobility("N1"), mobility("N2")])
    unknown = read(
        writable_warehouse,
        "select partner_key, mobilities, import_ids "
        "from data_quality_unknown_partners where partner_key = ?",
        UNKNOWN_KEY,
    )
    assert unknown == [(UNKNOWN_KEY, 2, [first])]
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        suggestions = partner_matching.suggest_for_warehouse(con).set_index("partner_key")
    assert suggestions.loc[UNKNOWN_KEY, "suggested_partner_key"] == KONSTANZ

    manage.map_partners(writable_warehouse, [PartnerMapping(UNKNOWN_KEY, KONSTANZ)], actor=MANAGER)
    assert read(
        writable_warehouse,
        "select mobility_id, partner_key, partner_name, agreement_id from mobilities "
        "where mobility_id in ('N1', 'N2') order by 1",
    ) == [
        ("N1", KONSTANZ, "Universität Konstanz", "A-KON-SMS"),
        ("N2", KONSTANZ, "Universität Konstanz", "A-KON-SMS"),
    ]
    assert read(
        writable_warehouse,
        "select outbound from partners where partner_key = ? and academic_year = '2024/25'",
        KONSTANZ,
    ) == [(konstanz_outbound_2024() + 2,)]

    # a second import with the same spelling: mapped without anyone doing anything
    second = import_rows(writable_warehouse, tmp_path / "b.csv", [mobility("N3")])
    assert read(
        writable_warehouse, "select partner_key from mobilities where mobility_id = 'N3'"
    ) == [(KONSTANZ,)]
    assert read(
        writable_warehouse,
        "select count(*) from data_quality_unknown_partners where list_contains(import_ids, ?)",
        second,
    ) == [(0,)]


def test_confirming_a_new_partner_makes_it_known(writable_warehouse, tmp_path):
    import_rows(
        writable_warehouse,
        tmp_path / "a.csv",
        [mobility("N1", partner_name="Hochschule Neu", partner_country="AT")],
    )
    key = "name:hochschule neu|AT"
    assert read(
        writable_warehouse, "select count(*) from known_partners where partner_key = ?", key
    ) == [(0,)]
    manage.map_partners(writable_warehouse, [PartnerMapping(key, key)], actor=MANAGER)
    assert read(
        writable_warehouse,
        "select partner_name, known_from from known_partners where partner_key = ?",
        key,
    ) == [("Hochschule Neu", "confirmed")]
    assert read(
        writable_warehouse,
        "select count(*) from data_quality_unknown_partners where partner_key = ?",
        key,
    ) == [(0,)]


def test_a_mapping_to_an_unknown_partner_is_refused_and_nothing_is_stored(
    writable_warehouse, tmp_path
):
    import_rows(writable_warehouse, tmp_path / "a.csv", [mobility("N1")])
    with pytest.raises(MappingRefused, match="not a known partner"):
        manage.map_partners(
            writable_warehouse, [PartnerMapping(UNKNOWN_KEY, "erasmus:NOWHERE01")], actor=MANAGER
        )
    assert read(writable_warehouse, "select count(*) from partner_mappings") == [(0,)]


def test_forgetting_a_mapping_gives_the_data_its_own_key_back(writable_warehouse, tmp_path):
    import_rows(writable_warehouse, tmp_path / "a.csv", [mobility("N1")])
    manage.map_partners(writable_warehouse, [PartnerMapping(UNKNOWN_KEY, KONSTANZ)], actor=MANAGER)
    manage.map_partners(writable_warehouse, [], remove=[UNKNOWN_KEY], actor=MANAGER)
    assert read(
        writable_warehouse, "select partner_key from mobilities where mobility_id = 'N1'"
    ) == [(UNKNOWN_KEY,)]
