"""Undo of an import: exactly its rows go, the versions it replaced come back, in real DuckDB."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines import manage
from pipelines.ingest.load import import_file, prepare
from pipelines.ingest.undo import UndoRefused, undo_import
from tests import fixture_data
from tests.conftest import MANAGER
from tests.data_management import csv_bytes, mobility


def write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_bytes(csv_bytes(rows))
    return path


def raw_state(con: duckdb.DuckDBPyConnection) -> tuple[list, list]:
    """Every stored version of every mobility record, current and history."""
    current = con.execute("select * from raw_mobilities order by mobility_id").fetchall()
    history = con.execute("select * from raw_mobilities_history order by all").fetchall()
    return current, history


def test_undo_removes_what_it_added_and_restores_what_it_changed(con, key, tmp_path):
    import_file(con, write(tmp_path / "a.csv", [mobility("M1"), mobility("M2")]), key)
    before = raw_state(con)
    changed = mobility("M2", faculty="Faculty of Economics")
    second = import_file(
        con, write(tmp_path / "b.csv", [mobility("M1"), changed, mobility("M3")]), key
    )
    assert (second.loaded, second.updated, second.unchanged) == (1, 1, 1)

    result = undo_import(con, second.import_id)

    assert (result.removed, result.restored) == (2, 1)
    assert raw_state(con) == before
    assert con.execute("select import_id, status from imports order by 1").fetchall() == [
        (1, "active"),
        (2, "undone"),
    ]


def test_undo_is_refused_while_a_later_import_changed_the_same_records(con, key, tmp_path):
    first = import_file(con, write(tmp_path / "a.csv", [mobility("M1")]), key)
    later = import_file(con, write(tmp_path / "b.csv", [mobility("M1", gender="male")]), key)
    with pytest.raises(UndoRefused, match=r"later import\(s\) #2 changed the same mobilities"):
        undo_import(con, first.import_id)
    # newest first always works, and then the older one can go too
    undo_import(con, later.import_id)
    assert con.execute("select gender from raw_mobilities").fetchall() == [("female",)]
    undo_import(con, first.import_id)
    assert raw_state(con) == ([], [])


def test_a_file_can_be_imported_again_after_its_import_was_undone(con, key, tmp_path):
    path = write(tmp_path / "a.csv", [mobility("M1"), mobility("M2")])
    first = import_file(con, path, key)
    assert import_file(con, path, key).already_imported_as == first.import_id
    undo_import(con, first.import_id)
    again = import_file(con, path, key)
    assert (again.import_id, again.loaded, again.already_imported_as) == (2, 2, None)
    assert con.execute("select count(*) from raw_mobilities").fetchone() == (2,)


def test_undo_of_an_unknown_or_undone_import_is_refused(con, key, tmp_path):
    first = import_file(con, write(tmp_path / "a.csv", [mobility("M1")]), key)
    with pytest.raises(UndoRefused, match="there is no import #7"):
        undo_import(con, 7)
    undo_import(con, first.import_id)
    with pytest.raises(UndoRefused, match=r"import #1 \(a.csv\) is already undone"):
        undo_import(con, first.import_id)


def test_undo_through_manage_rebuilds_the_marts(writable_warehouse, tmp_path):
    path = write(tmp_path / "new.csv", [mobility("N1"), mobility("N2")])
    result = manage.import_prepared(writable_warehouse, prepare(path), actor=MANAGER)
    mobilities = len(fixture_data.frames()["mobilities"])
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        assert con.execute("select count(*) from mobilities").fetchone() == (mobilities + 2,)
    undone = manage.undo(writable_warehouse, result.import_id, actor=MANAGER)
    assert (undone.removed, undone.restored) == (2, 0)
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        assert con.execute("select count(*) from mobilities").fetchone() == (mobilities,)
        assert con.execute(
            "select status from imports where import_id = ?", [result.import_id]
        ).fetchone() == ("undone",)


def test_a_refused_undo_through_manage_changes_nothing(writable_warehouse, tmp_path):
    first = manage.import_prepared(
        writable_warehouse, prepare(write(tmp_path / "a.csv", [mobility("N1")])), actor=MANAGER
    )
    manage.import_prepared(
        writable_warehouse,
        prepare(write(tmp_path / "b.csv", [mobility("N1", gender="male")])),
        actor=MANAGER,
    )
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        before = raw_state(con), con.execute("select * from imports order by 1").fetchall()
    with pytest.raises(UndoRefused):
        manage.undo(writable_warehouse, first.import_id, actor=MANAGER)
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        after = raw_state(con), con.execute("select * from imports order by 1").fetchall()
    assert after == before
