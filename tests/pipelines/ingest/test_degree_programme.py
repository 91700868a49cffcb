"""The degree programme, a column added to mobilities and headcounts after warehouses existed:
their stored records keep their fingerprints, so re-importing an earlier file changes
nothing, and files that give programmes store them and count per programme."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from pipelines.contract import Mobility
from pipelines.ingest.load import import_file
from pipelines.transform.build import BuildFailed, build
from pipelines.warehouse import connect

HEADER = ["mobility_id", "person_id", "person_role", "direction", "activity", "partner_country",
          "faculty", "study_level", "start_date", "end_date", "status"]  # fmt: skip


def mobility(i: int, programme: str | None = None) -> dict[str, str]:
    row = dict(
        zip(
            HEADER,
            [
                f"M{i}",
                f"S{i:05d}",
                "student",
                "outbound",
                "study",
                "DE",
                "Faculty of Economics",
                "6",
                "2024-09-01",
                "2025-01-31",
                "completed",
            ],
            strict=True,
        )
    )
    if programme is not None:
        row["Study programme"] = programme
    return row


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def earlier_fingerprints(con: duckdb.DuckDBPyConnection, table: str, model) -> dict:
    """The fingerprints as the release before the degree programme computed them: md5 of the
    JSON of every contract column, the programme not among them (written out here)."""
    columns = ", ".join(f'"{c}"' for c in model.model_fields if c != "degree_programme")
    rows = con.execute(
        f'select "{model.key[0]}", _row_hash, md5(to_json(struct_pack({columns}))) from {table}'
    ).fetchall()
    return {k: (stored, earlier) for k, stored, earlier in rows}


def test_a_record_without_a_programme_keeps_the_fingerprint_it_had_before(con, key, tmp_path):
    import_file(con, write(tmp_path / "m.csv", [mobility(1), mobility(2)]), key)
    for stored, earlier in earlier_fingerprints(con, "raw_mobilities", Mobility).values():
        assert stored == earlier


def test_a_warehouse_from_before_the_programme_takes_it_and_re_imports_change_nothing(
    key, tmp_path
):
    path = tmp_path / "w.duckdb"
    first = write(tmp_path / "m.csv", [mobility(1), mobility(2), mobility(3)])
    con = connect(path)
    import_file(con, first, key)
    # the warehouse as the earlier release left it: no degree_programme column anywhere
    for table in ("raw_mobilities", "raw_mobilities_history"):
        con.execute(f"alter table {table} drop column degree_programme")
    con.close()

    con = connect(path)  # the schema gains the column, empty
    assert con.execute("select count(degree_programme) from raw_mobilities").fetchone() == (0,)
    # the same records in another file (rows reordered): nothing changed
    again = write(tmp_path / "m2.csv", [mobility(3), mobility(1), mobility(2)])
    result = import_file(con, again, key)
    assert (result.loaded, result.updated, result.unchanged) == (0, 0, 3)
    # a file that now gives one record's programme changes that record only
    given = write(
        tmp_path / "m3.csv",
        [mobility(1, ""), mobility(2, "Economics (BSc)"), mobility(3, "")],
    )
    result = import_file(con, given, key)
    assert (result.loaded, result.updated, result.unchanged) == (0, 1, 2)
    stored = dict(
        con.execute("select mobility_id, degree_programme from raw_mobilities").fetchall()
    )
    assert stored == {"M1": None, "M2": "Economics (BSc)", "M3": None}
    fingerprints = earlier_fingerprints(con, "raw_mobilities", Mobility)
    assert fingerprints["M1"][0] == fingerprints["M1"][1]
    assert fingerprints["M2"][0] != fingerprints["M2"][1]  # the programme is in it
    con.close()


def test_home_and_host_programme_columns_follow_the_direction(con, key, tmp_path):
    rows = [
        {**mobility(1), "Home study programme": "Economics (BSc)", "Host study programme": "VWL"},
        {
            **mobility(2),
            "direction": "inbound",
            "Home study programme": "Wirtschaft",
            "Host study programme": "Finance (BSc)",
        },
    ]
    import_file(con, write(tmp_path / "sides.csv", rows), key)
    stored = dict(
        con.execute("select mobility_id, degree_programme from raw_mobilities").fetchall()
    )
    assert stored == {"M1": "Economics (BSc)", "M2": "Finance (BSc)"}


HEADCOUNTS = (
    "academic_year,faculty,study_level,study programme,enrolled_students,graduates\n"
    "2024/25,Faculty of Economics,6,Economics (BSc),600,120\n"
    "2024/25,Faculty of Economics,6,Finance (BSc),400,80\n"
    "2024/25,Faculty of Law,6,,500,90\n"
)


def test_headcounts_per_programme_are_the_programmes_denominators(con, key, tmp_path):
    (tmp_path / "h.csv").write_text(HEADCOUNTS)
    import_file(con, tmp_path / "h.csv", key, table="headcounts")
    rows = [mobility(i, "Economics (BSc)") for i in range(1, 4)]
    rows += [mobility(i, "Finance (BSc)") for i in range(4, 7)]
    import_file(con, write(tmp_path / "m.csv", rows), key)
    build(con)
    values = dict(
        con.execute(
            "select dimension_value, value from kpi_values where kpi_id = "
            "'outbound_mobility_ratio' and dimension = 'degree_programme'"
        ).fetchall()
    )
    # 3 of 600 and 3 of 400 students (each programme over its own headcount); the faculty:
    # 6 of 1,000
    assert values == pytest.approx({"Economics (BSc)": 0.5, "Finance (BSc)": 0.75})
    faculty = con.execute(
        "select value from kpi_values where kpi_id = 'outbound_mobility_ratio' "
        "and dimension = 'faculty' and dimension_value = 'Faculty of Economics'"
    ).fetchone()[0]
    assert faculty == pytest.approx(0.6)


def test_a_faculty_given_per_programme_and_as_a_total_fails_the_build(con, key, tmp_path):
    (tmp_path / "h.csv").write_text(HEADCOUNTS + "2024/25,Faculty of Economics,6,,1000,200\n")
    import_file(con, tmp_path / "h.csv", key, table="headcounts")
    import_file(con, write(tmp_path / "m.csv", [mobility(1, "Economics (BSc)")]), key)
    with pytest.raises(BuildFailed, match="headcounts_not_double_counted"):
        build(con)
