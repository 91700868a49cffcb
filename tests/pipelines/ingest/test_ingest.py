"""Importing into a real warehouse: idempotency, updates, atomicity, rejections, privacy."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from pipelines.ingest import load
from pipelines.ingest.load import import_file, prepare
from pipelines.ingest.pseudonymise import Pseudonymiser, load_or_create_key
from pipelines.warehouse import connect

HEADER = [
    "mobility_id",
    "student_number",
    "person_role",
    "direction",
    "activity",
    "partner_country",
    "start_date",
    "end_date",
    "ects_planned",
    "Full Name",
    "E-mail",
    "Date of Birth",
]


def row(i: int, country: str = "DE", ects: str = "30") -> list[str]:
    return [
        f"M{i}",
        f"STUDENT-{i:06d}",
        "student",
        "outbound",
        "study",
        country,
        "2024-09-01",
        "2025-01-31",
        ects,
        f"Anna Nowak{i}",
        f"anna{i}@example.org",
        "1999-01-02",
    ]


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    return path


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    """Every row of every table, for before/after comparison."""
    tables = [
        t
        for (t,) in con.execute(
            "select table_name from duckdb_tables() where not temporary"
        ).fetchall()
    ]
    return {t: sorted(map(repr, con.execute(f"select * from {t}").fetchall())) for t in tables}


def test_valid_rows_load_and_invalid_rows_are_kept_with_reasons(con, key, tmp_path):
    # required columns: a bad value rejects the row (optional ones: test_validate_warnings.py)
    undated = row(3)
    undated[6] = "soon"
    path = write(tmp_path / "m.csv", [row(1), row(2, country="XX"), undated, row(4)])
    result = import_file(con, path, key)
    assert (result.loaded, result.rejected, result.rows_read) == (2, 2, 4)
    stored = con.execute(
        "select file_name, row_number, column_name, value, reason from rejected_rows "
        "order by row_number"
    ).fetchall()
    assert stored == [
        (
            "m.csv",
            3,
            "partner_country",
            "XX",
            "unknown country: use ISO 3166-1 alpha-2 (DE), UK/EL, or a name",
        ),
        (
            "m.csv",
            4,
            "start_date",
            "soon",
            "not a date (YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or MM-YYYY)",
        ),
    ]
    assert con.execute("select mobility_id from raw_mobilities order by 1").fetchall() == [
        ("M1",),
        ("M4",),
    ]


def test_reimporting_the_same_file_changes_nothing(con, key, tmp_path):
    path = write(tmp_path / "m.csv", [row(1), row(2), row(3, country="XX")])
    first = import_file(con, path, key)
    before = snapshot(con)
    again = import_file(con, path, key)
    assert first.import_id == 1 and again.import_id is None
    assert again.already_imported_as == 1
    assert (again.loaded, again.updated, again.unchanged) == (0, 0, 2)
    assert snapshot(con) == before


def test_a_changed_record_is_updated_not_duplicated_and_history_kept(con, key, tmp_path):
    import_file(con, write(tmp_path / "a.csv", [row(1), row(2)]), key)
    result = import_file(con, write(tmp_path / "b.csv", [row(1), row(2, ects="20"), row(3)]), key)
    assert (result.loaded, result.updated, result.unchanged) == (1, 1, 1)
    rows = con.execute(
        "select mobility_id, ects_planned, _import_id from raw_mobilities order by 1"
    ).fetchall()
    assert rows == [("M1", 30.0, 1), ("M2", 20.0, 2), ("M3", 30.0, 2)]
    history = con.execute(
        "select mobility_id, ects_planned, _import_id, _superseded_by from raw_mobilities_history"
    ).fetchall()
    assert history == [("M2", 30.0, 1, 2)]


def test_duplicate_keys_in_one_file_are_rejected_naming_the_first(con, key, tmp_path):
    result = import_file(con, write(tmp_path / "d.csv", [row(1), row(1, ects="10")]), key)
    assert result.loaded == 1
    assert result.rejections["reason"].tolist() == ["duplicate key in the file (first at row 2)"]


def test_failure_mid_import_leaves_the_warehouse_unchanged(tmp_path, key, monkeypatch):
    con = connect(tmp_path / "w.duckdb")
    import_file(con, write(tmp_path / "a.csv", [row(1), row(2)]), key)
    before = snapshot(con)

    real_register = duckdb.DuckDBPyConnection.register
    calls = {"n": 0}

    def failing_register(self, name, frame):
        calls["n"] += 1
        if name == "rejections_frame":  # after rows were inserted and the import recorded
            raise OSError("disk full")
        return real_register(self, name, frame)

    monkeypatch.setattr(duckdb.DuckDBPyConnection, "register", failing_register)
    with pytest.raises(OSError, match="disk full"):
        import_file(
            con, write(tmp_path / "b.csv", [row(1, ects="5"), row(3), row(4, country="XX")]), key
        )
    monkeypatch.undo()
    assert calls["n"] >= 2
    assert snapshot(con) == before
    con.close()
    reopened = connect(tmp_path / "w.duckdb")
    assert snapshot(reopened) == before
    reopened.close()


def test_interruption_leaves_the_warehouse_unchanged(con, key, tmp_path):
    import_file(con, write(tmp_path / "a.csv", [row(1)]), key)
    before = snapshot(con)

    def interrupt(done: int, total: int, stage: str) -> None:
        if stage == "writing":
            raise KeyboardInterrupt

    prepared = prepare(write(tmp_path / "b.csv", [row(1, ects="5"), row(2)]))
    with pytest.raises(KeyboardInterrupt):
        load.commit(con, prepared, key, progress=interrupt)
    assert snapshot(con) == before


def test_identifiers_names_and_emails_never_reach_the_warehouse_file(tmp_path, key):
    path = tmp_path / "w.duckdb"
    con = connect(path)
    rows = [row(i) for i in range(1, 40)] + [row(40, country="XX")]
    result = import_file(con, write(tmp_path / "m.csv", rows), key)
    assert result.dropped_columns == ["Full Name", "E-mail", "Date of Birth"]
    # the pseudonym is the keyed hash of the identifier
    stored = con.execute(
        "select person_id from raw_mobilities where mobility_id = 'M7'"
    ).fetchone()[0]
    assert stored == Pseudonymiser(key).one("STUDENT-000007")
    hidden = con.execute(
        "select value from rejected_rows where column_name = 'partner_country'"
    ).fetchall()
    assert hidden == [("XX",)]
    con.close()
    data = path.read_bytes()
    assert data, "the warehouse file is empty"
    for i in range(1, 41):
        for secret in (f"STUDENT-{i:06d}", f"Anna Nowak{i}", f"anna{i}@example.org"):
            assert secret.encode() not in data
            assert secret.encode("utf-16-le") not in data
    assert b"1999-01-02" not in data
    assert stored.encode() in data  # the check can see stored text at all


def test_rejected_person_ids_are_hidden(con, key, tmp_path):
    bad = row(1)
    bad[6] = "not a date"
    import_file(con, write(tmp_path / "m.csv", [bad, [*row(2)[:1], "", *row(2)[2:]]]), key)
    values = con.execute(
        "select column_name, value from rejected_rows order by row_number"
    ).fetchall()
    assert ("start_date", "not a date") in values
    assert ("person_id", "") in values
    assert all("STUDENT" not in str(v) for _, v in values)


def test_the_key_is_created_once_with_owner_only_permissions(tmp_path):
    path = tmp_path / "sub" / "w.key"
    first = load_or_create_key(path)
    assert load_or_create_key(path) == first and len(first) == 32
    assert path.stat().st_mode & 0o077 == 0


def test_every_template_imports_without_rejections(con, key):
    from pipelines.config import TEMPLATES_DIR
    from pipelines.contract import MODELS

    for table, model in MODELS.items():
        path = TEMPLATES_DIR / f"{table}.csv"
        with path.open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert header == list(model.model_fields), table
        result = import_file(con, path, key)
        assert result.table == table
        assert result.rejected == 0 and result.loaded >= 3, table
