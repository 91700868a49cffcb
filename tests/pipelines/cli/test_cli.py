"""The `mobility` command as a user runs it: real processes, exit codes, messages."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests import fixture_data
from tests.cli import run


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, fixture_files) -> Path:
    warehouse = tmp_path_factory.mktemp("cli") / "w.duckdb"
    files = [
        str(fixture_files[t])
        for t in ("agreements", "mobilities", "projects", "headcounts", "targets")
    ]
    done = run("ingest", *files, warehouse=warehouse)
    (warehouse.parent / "stdout.txt").write_text(done.stdout)
    return warehouse


def test_ingest_prints_a_summary_and_builds(loaded):
    out = " ".join((loaded.parent / "stdout.txt").read_text().split())
    rows = len(fixture_data.frames()["mobilities"])
    assert (
        f"mobilities.csv -> mobilities (import #2): {rows:,} loaded, 0 updated, "
        f"0 unchanged, 0 rejected of {rows:,} rows" in out
    )
    assert "person identifiers were pseudonymised" in out
    assert "checks passed" in out


def test_reimport_reports_already_imported(loaded, fixture_files):
    done = run("ingest", str(fixture_files["projects"]), warehouse=loaded)
    assert "already imported (import #3)" in done.stdout
    assert "nothing written" in done.stdout


def test_rejections_are_listed_with_row_column_and_reason(tmp_path):
    path = tmp_path / "bad.csv"
    with path.open("w", newline="") as handle:
        csv.writer(handle).writerows(
            [
                [
                    "mobility_id",
                    "person_id",
                    "person_role",
                    "direction",
                    "activity",
                    "partner_country",
                    "start_date",
                    "end_date",
                    "Email",
                ],
                [
                    "M1",
                    "s1",
                    "student",
                    "outbound",
                    "study",
                    "DE",
                    "2024-09-01",
                    "2025-01-31",
                    "a@b.c",
                ],
                [
                    "M2",
                    "s2",
                    "student",
                    "outbound",
                    "study",
                    "Narnia",
                    "2024-09-01",
                    "2025-01-31",
                    "c@d.e",
                ],
            ]
        )
    done = run("ingest", str(path), warehouse=tmp_path / "w.duckdb")
    out = " ".join(done.stdout.split())
    assert "1 loaded" in out and "1 rejected of 2 rows" in out
    assert "dropped column(s) Email" in out
    assert "│ 3 │ partner_country │ Narnia │ unknown country" in out


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.csv", "error: empty.csv: the file is empty"),
        (b"colour,size\nred,3\n", "odd.csv", "error: odd.csv: cannot tell which table"),
        (b"\x00\x01garbage" * 20, "x.xlsx", "error: x.xlsx: cannot open as an Excel workbook"),
    ],
)
def test_unusable_files_exit_2_with_one_line_and_no_traceback(tmp_path, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    done = run("ingest", str(path), warehouse=tmp_path / "w.duckdb", check_code=2)
    assert done.stderr.startswith(message)
    assert "Traceback" not in done.stderr + done.stdout


def test_missing_file_and_unknown_table(tmp_path):
    done = run("ingest", str(tmp_path / "nope.csv"), warehouse=tmp_path / "w.duckdb", check_code=2)
    assert "no such file" in done.stderr
    done = run(
        "ingest", "x.csv", "--table", "students", warehouse=tmp_path / "w.duckdb", check_code=2
    )
    assert "unknown table 'students'" in done.stderr


def test_kpi_json_matches_the_mart(loaded):
    done = run("kpi", "--year", "2023/24", "--format", "json", warehouse=loaded)
    values = {r["kpi_id"]: r["value"] for r in json.loads(done.stdout)}
    m = fixture_data.frames()["mobilities"]
    year = m["start_date"].map(lambda d: d.year if d.month >= 9 else d.year - 1)
    outbound = (
        (year == 2023) & (m["direction"] == "outbound") & m["status"].isin(["ongoing", "completed"])
    ).sum()
    assert values["outbound_mobilities"] == outbound


def test_kpi_by_faculty_csv(loaded):
    done = run(
        "kpi",
        "--year",
        "2024",
        "--by",
        "faculty",
        "--kpi",
        "outbound_mobility_ratio",
        "--format",
        "csv",
        warehouse=loaded,
    )
    rows = list(csv.DictReader(done.stdout.splitlines()))
    assert {r["faculty"] for r in rows} == set(fixture_data.FACULTIES)
    assert {r["academic_year"] for r in rows} == {"2024/25"}


def test_kpi_table_and_errors(loaded, tmp_path):
    done = run("kpi", warehouse=loaded)
    assert "Outbound mobility ratio" in done.stdout and "2024/25" in done.stdout
    done = run("kpi", "--year", "1999", warehouse=loaded, check_code=2)
    assert "no data for 1999/00; years with data: 2022/23, 2023/24, 2024/25" in done.stderr
    done = run("kpi", warehouse=tmp_path / "none.duckdb", check_code=2)
    assert "no warehouse here" in done.stderr


def test_settings_show_and_set(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    run("settings", "year_start_month", "10", warehouse=warehouse)
    done = run("settings", "year_start_month", warehouse=warehouse)
    assert "year_start_month │ 10" in done.stdout
    done = run("settings", "year_start_month", "13", warehouse=warehouse, check_code=2)
    assert "month number 1-12" in done.stderr


def test_warehouse_option_beats_the_environment(tmp_path, fixture_files):
    other = tmp_path / "other.duckdb"
    run(
        "ingest",
        "--no-build",
        str(fixture_files["projects"]),
        "--warehouse",
        str(other),
        warehouse=tmp_path / "env.duckdb",
    )
    assert other.exists() and not (tmp_path / "env.duckdb").exists()


def test_build_failure_exits_1_naming_the_check(tmp_path, fixture_files):
    warehouse = tmp_path / "w.duckdb"
    run("ingest", *map(str, fixture_files.values()), warehouse=warehouse)
    import duckdb

    with duckdb.connect(str(warehouse)) as con:
        con.execute("update raw_mobilities set status = 'lost' where mobility_id = 'M0002'")
    done = run("build", warehouse=warehouse, check_code=1)
    assert "check failed: mobilities: status in accepted values" in done.stderr
