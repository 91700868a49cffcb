"""Targets edited as a table: row validation, saving as a replacing import, undo."""

from __future__ import annotations

import duckdb
import pytest

from pipelines import manage
from pipelines.metrics.targets import validate_rows
from tests.conftest import MANAGER
from tests.fixture_data import fixture_targets


def test_valid_rows_become_targets_and_empty_rows_are_skipped():
    targets, problems = validate_rows(
        [
            {"kpi_id": "outbound_mobility_ratio", "academic_year": "2027-28", "value": 6.5},
            {"kpi_id": None, "academic_year": "", "value": float("nan"), "faculty": None},
            {"kpi_id": "net_flow", "academic_year": "2027", "value": -40, "faculty": " "},
        ]
    )
    assert problems == []
    assert [(t.kpi_id, t.academic_year, t.value, t.faculty) for t in targets] == [
        ("outbound_mobility_ratio", "2027/28", 6.5, None),
        ("net_flow", "2027/28", -40.0, None),
    ]


def test_invalid_rows_are_named_with_row_column_and_reason():
    _, problems = validate_rows(
        [
            {"kpi_id": "no_such_kpi", "academic_year": "2027/28", "value": 5},
            {"kpi_id": "outbound_mobility_ratio", "academic_year": "2027/28", "value": 150},
            {"kpi_id": "outbound_mobilities", "academic_year": "27/28", "value": None},
            {"kpi_id": "outbound_mobility_ratio", "academic_year": "2027/28", "value": 7},
        ]
    )
    assert [(p.row, p.column) for p in problems] == [
        (1, "kpi_id"),
        (2, "value"),
        (3, "academic_year"),
        (3, "value"),
    ]
    assert problems[0].message.startswith("not one of: outbound_mobilities")
    assert problems[1].message == "150 is outside the sensible range 0 to 100 (%)"
    assert problems[2].message == "not an academic year (2024/25)"
    assert problems[3].message == "required value missing"
    # row 4 is valid on its own; a second row with its key would be refused
    _, duplicate = validate_rows(
        [
            {"kpi_id": "outbound_mobility_ratio", "academic_year": "2027/28", "value": 6},
            {"kpi_id": "outbound_mobility_ratio", "academic_year": "2027/28", "value": 7},
        ]
    )
    assert [str(p) for p in duplicate] == [
        "row 2, kpi_id: same KPI, academic year and faculty as row 1"
    ]


def stored_targets(warehouse) -> set[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return set(
            con.execute("select kpi_id, academic_year, faculty, value from raw_targets").fetchall()
        )


def test_saving_replaces_the_targets_and_undo_brings_them_back(writable_warehouse):
    original = fixture_targets()
    assert stored_targets(writable_warehouse) == original
    edited, problems = validate_rows(
        [
            # graduates_mobility_share 2029/30 removed; the university ratio changed; one new
            {
                "kpi_id": "outbound_mobility_ratio",
                "academic_year": "2025/26",
                "value": 7,
                "faculty": "Faculty of Engineering",
            },
            {"kpi_id": "outbound_mobility_ratio", "academic_year": "2025/26", "value": 5.5},
            {"kpi_id": "outbound_mobilities", "academic_year": "2026/27", "value": 250},
        ]
    )
    assert problems == []
    result = manage.save_targets(writable_warehouse, edited, actor=MANAGER)
    assert (result.loaded, result.updated, result.unchanged, result.deleted) == (1, 1, 1, 1)
    assert stored_targets(writable_warehouse) == {
        ("outbound_mobilities", "2026/27", None, 250.0),
        ("outbound_mobility_ratio", "2025/26", None, 5.5),
        ("outbound_mobility_ratio", "2025/26", "Faculty of Engineering", 7.0),
    }
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        assert con.execute(
            "select kpi_id, target_value from targets where faculty = 'all' order by 1"
        ).fetchall() == [("outbound_mobilities", 250.0), ("outbound_mobility_ratio", 5.5)]
        assert con.execute(
            "select source, rows_deleted from imports where import_id = ?", [result.import_id]
        ).fetchone() == ("targets editor", 1)

    manage.undo(writable_warehouse, result.import_id, actor=MANAGER)
    assert stored_targets(writable_warehouse) == original


def test_a_replacing_import_with_rejected_rows_is_refused(tmp_path, con, key):
    from pipelines.ingest.load import ImportFailed, commit, prepare

    path = tmp_path / "targets.csv"
    path.write_text("kpi_id,academic_year,value\nno_such_kpi,2027/28,5\n")
    with pytest.raises(ImportFailed, match="must have no rejected rows"):
        commit(con, prepare(path, "targets"), key, replace=True)
