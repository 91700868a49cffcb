"""Issue 9: an invalid value in an optional column is left empty with a warning; the row stays.

Required columns, key columns, columns with a default (status) or filled from others (mode),
checks across columns and duplicate keys still reject the row. Everything is checked in a
real DuckDB through the real import functions, against values written out by hand.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from pydantic import ValidationError

from pipelines.contract import Headcount, Mobility
from pipelines.ingest.ec_schemas import EcMobility
from pipelines.ingest.load import import_file
from pipelines.ingest.undo import undo_import
from pipelines.ingest.validate import (
    HIDDEN,
    REJECTION_COLUMNS,
    Validation,
    emptiable_columns,
    validate_frame,
)

HEADER = [
    "mobility_id",
    "person_id",
    "person_role",
    "direction",
    "activity",
    "partner_country",
    "start_date",
    "end_date",
    "status",
    "language",
    "cefr_before",
]
GOOD = ["", "s1", "student", "outbound", "study", "DE", "2024-09-01", "2025-01-31", "", "de", ""]

CEFR = "not a CEFR level (A1, A2, B1, B2, C1, C2)"
LANGUAGE = "unknown language: use ISO 639-1 (en) or an English name"
COUNTRY = "unknown country: use ISO 3166-1 alpha-2 (DE), UK/EL, or a name"
STATUS = "not one of: nominated, approved, ongoing, completed, cancelled"
EQF = "not an EQF level 5-8 (or short cycle, bachelor, master, doctorate)"
COUNT = "not a whole number between 0 and 1e+07"


def mobility_row(mobility_id: str, **values: str) -> list[str]:
    row = dict(zip(HEADER, GOOD, strict=True)) | {"mobility_id": mobility_id} | values
    return [row[c] for c in HEADER]


def write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


# row 2 is the first record (the header is row 1)
ROWS = [
    mobility_row("M1", cefr_before="B2", status="ongoing"),  # 2: valid
    mobility_row("M2", cefr_before="B3"),  # 3: optional CEFR invalid -> kept, emptied
    mobility_row("M3", language="Klingon", cefr_before="C1"),  # 4: optional language invalid
    mobility_row("M4", partner_country="XX"),  # 5: required country invalid -> rejected
    mobility_row("M5", status="lost"),  # 6: status has a default -> rejected
    # 7: an end before its start rejects the row; its bad CEFR is listed with the rejection
    mobility_row("M6", cefr_before="Z9", end_date="2024-08-01"),
]


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    tables = [
        t
        for (t,) in con.execute(
            "select table_name from duckdb_tables() where not temporary"
        ).fetchall()
    ]
    return {t: sorted(map(repr, con.execute(f"select * from {t}").fetchall())) for t in tables}


@pytest.fixture
def imported(con, key, tmp_path):
    path = write(tmp_path / "mixed.csv", HEADER, ROWS)
    return con, path, import_file(con, path, key)


def test_bad_optional_values_are_emptied_and_the_rows_stored(imported):
    con, _, result = imported
    assert rows(
        con,
        "select mobility_id, status, language, cefr_before from raw_mobilities order by 1",
    ) == [
        ("M1", "ongoing", "de", "B2"),
        ("M2", "completed", "de", None),
        ("M3", "completed", None, "C1"),
    ]
    assert (result.rows_read, result.loaded, result.rejected, result.warned) == (6, 3, 3, 2)


def test_warnings_are_stored_with_row_column_value_and_reason(imported):
    con, _, result = imported
    expected = [
        ("mixed.csv", "mobilities", 3, "cefr_before", "B3", CEFR),
        ("mixed.csv", "mobilities", 4, "language", "Klingon", LANGUAGE),
    ]
    assert (
        rows(
            con,
            "select file_name, table_name, row_number, column_name, value, reason "
            "from import_warnings order by row_number",
        )
        == expected
    )
    assert [tuple(r) for r in result.warnings[REJECTION_COLUMNS].itertuples(index=False)] == [
        e[2:] for e in expected
    ]
    assert rows(con, "select distinct import_id from import_warnings") == [(result.import_id,)]
    assert rows(con, "select rows_rejected, rows_warned from imports") == [(3, 2)]


def test_required_defaulted_and_cross_column_errors_still_reject(imported):
    con, _, _ = imported
    assert rows(
        con,
        "select row_number, column_name, value, reason from rejected_rows "
        "order by row_number, column_name",
    ) == [
        (5, "partner_country", "XX", COUNTRY),
        (6, "status", "lost", STATUS),
        (7, "cefr_before", "Z9", CEFR),
        (7, "end_date", "2024-08-01", "end date before start date"),
    ]


def test_reimporting_the_same_file_changes_nothing(imported, key):
    con, path, first = imported
    before = snapshot(con)
    again = import_file(con, path, key)
    assert again.already_imported_as == first.import_id and again.import_id is None
    assert (again.loaded, again.updated, again.unchanged) == (0, 0, 3)
    assert snapshot(con) == before
    assert rows(con, "select count(*) from import_warnings") == [(2,)]


def test_undo_keeps_the_warnings_for_the_record_like_rejections(imported):
    con, _, result = imported
    undone = undo_import(con, result.import_id)
    assert undone.removed == 3
    assert rows(con, "select count(*) from raw_mobilities") == [(0,)]
    assert rows(con, "select count(*) from import_warnings") == [(2,)]
    assert rows(con, "select count(*) from rejected_rows") == [(4,)]


def test_mode_is_filled_from_the_activity_so_a_bad_mode_rejects(con, key, tmp_path):
    path = write(
        tmp_path / "modes.csv",
        [*HEADER, "mode"],
        [[*mobility_row("M1"), "underwater"], [*mobility_row("M2"), "online"]],
    )
    result = import_file(con, path, key)
    assert (result.loaded, result.rejected, result.warned) == (1, 1, 0)
    assert rows(con, "select mobility_id, mode from raw_mobilities") == [("M2", "virtual")]
    assert rows(con, "select row_number, column_name, value from rejected_rows") == [
        (2, "mode", "underwater")
    ]


HEADCOUNT_HEADER = ["academic_year", "faculty", "study_level", "enrolled_students", "graduates"]


def test_headcount_key_columns_reject_and_counts_are_emptied(con, key, tmp_path):
    path = write(
        tmp_path / "headcounts.csv",
        HEADCOUNT_HEADER,
        [
            ["2024/25", "Law", "7", "many", "40"],  # 2: bad count, another given -> kept
            ["2024/25", "Law", "nine", "100", "10"],  # 3: study_level is in the key -> rejected
            ["2024/25", "Arts", "6", "lots", ""],  # 4: its only count bad -> no count -> rejected
        ],
    )
    result = import_file(con, path, key, table="headcounts")
    assert (result.loaded, result.rejected, result.warned) == (1, 2, 1)
    assert rows(
        con,
        "select academic_year, faculty, study_level, enrolled_students, graduates "
        "from raw_headcounts",
    ) == [("2024/25", "Law", 7, None, 40)]
    assert rows(con, "select row_number, column_name, value from import_warnings") == [
        (2, "enrolled_students", "many")
    ]
    assert rows(
        con,
        "select row_number, column_name, value, reason from rejected_rows order by all",
    ) == [
        (3, "study_level", "nine", EQF),
        # the row rule that found no count (the emptied value shows as empty, not "<NA>"),
        # and the bad count itself, listed with the row's rejection
        (
            4,
            "enrolled_students",
            "",
            "no count given (enrolled students, graduates or academic staff)",
        ),
        (4, "enrolled_students", "lots", COUNT),
    ]


def test_the_cli_summary_counts_and_lists_the_warnings(tmp_path):
    path = write(tmp_path / "mixed.csv", HEADER, ROWS)
    env = {
        **os.environ,
        "MOBILITY_WAREHOUSE": str(tmp_path / "w.duckdb"),
        "COLUMNS": "200",
        "NO_COLOR": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "ingest", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    out = " ".join(done.stdout.split())
    assert "3 loaded, 0 updated, 0 unchanged, 3 rejected of 6 rows" in out
    assert "2 stored row(s) had invalid values in optional columns" in out
    assert "First values left empty (rows kept) of mixed.csv" in out
    assert "│ 3 │ cefr_before │ B3 │ not a CEFR level" in out
    assert "│ 4 │ language │ Klingon │ unknown language" in out
    assert "│ 5 │ partner_country │ XX │ unknown country" in out


def test_which_columns_only_empty_a_value():
    mobility = set(emptiable_columns(Mobility))
    assert {"cefr_before", "cefr_after", "language", "ects_planned", "nationality"} <= mobility
    # required, key, defaulted (status) and derived (mode) columns are not among them
    assert not {"mobility_id", "partner_country", "start_date", "status", "mode"} & mobility
    assert emptiable_columns(Headcount) == (
        "enrolled_students",
        "graduates",
        "academic_staff",
        "international_degree_students",
    )


def test_person_identifiers_are_hidden_in_warnings_too():
    # in the EC benchmark files person_id is optional, so a bad one is only emptied
    frame = pd.DataFrame(
        {
            "record_id": ["r1", "r2"],
            "person_id": ["x" * 200, "ok"],
            "home_country": ["DE", "FR"],
            "mobility_type": ["S", "S"],
            "reported_year": ["2014/15", "2014/15"],
        },
        index=[2, 3],
    )
    validation = validate_frame(frame, EcMobility)
    assert list(validation.valid.index) == [2, 3]
    assert validation.rejections.empty
    assert validation.warnings.to_dict("records") == [
        {
            "row_number": 2,
            "column_name": "person_id",
            "value": HIDDEN,
            "reason": "identifier too long",
        }
    ]
    assert validation.valid["person_id"].isna().tolist() == [True, False]


def test_validation_warnings_default_to_empty_and_survive_unparsed_rows():
    plain = Validation(pd.DataFrame(), pd.DataFrame(columns=REJECTION_COLUMNS), 0)
    assert list(plain.warnings.columns) == REJECTION_COLUMNS and plain.warned_row_count == 0
    frame = pd.DataFrame([dict(zip(HEADER, mobility_row("M2", cefr_before="B3"), strict=True))])
    frame.index = [2]
    validation = validate_frame(frame, Mobility).with_unparsed_rows({3: "cannot split"})
    assert validation.warned_row_count == 1 and validation.rejected_row_count == 1
    assert validation.warnings["column_name"].tolist() == ["cefr_before"]
    assert validation.rows_read == 2


def test_a_single_record_stays_strict():
    """The pydantic path (a form, the targets editor) refuses a bad value rather than dropping
    it: the person typing can correct it at once, which nobody can do for a file's row."""
    record = dict(zip(HEADER, mobility_row("M2", cefr_before="B3"), strict=True))
    with pytest.raises(ValidationError, match="not a CEFR level"):
        Mobility.model_validate(record)
