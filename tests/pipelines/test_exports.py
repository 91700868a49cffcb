"""Text a spreadsheet would run as a formula is written so that it is shown, never run, in
every CSV and XLSX the product writes; numbers stay numbers."""

from __future__ import annotations

import io

import duckdb
import openpyxl
import pandas as pd
import pytest

from dashboard import formatting
from pipelines import exports
from pipelines.ingest.upload import prepare_upload, rejections_csv
from pipelines.report import build_report, render
from pipelines.transform.build import build
from tests.report_fixture import YEAR

ATTACK = '=HYPERLINK("http://example.org/x","click")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_each_formula_start_is_shown_as_text(start):
    assert exports.neutralise(f"{start}1+1") == f"'{start}1+1"


def test_ordinary_text_and_numbers_are_left_alone():
    frame = pd.DataFrame(
        {
            "partner": ["Uni Konstanz", ATTACK, "-5 places"],
            "change": [-5, 3, 0],
            "pct": [-1.5, 2.0, 0.0],
        }
    )
    text = exports.csv_text(frame)
    back = pd.read_csv(io.StringIO(text))
    assert back["partner"].tolist() == ["Uni Konstanz", "'" + ATTACK, "'-5 places"]
    assert back["change"].tolist() == [-5, 3, 0]  # negative numbers stay numbers
    assert back["pct"].tolist() == [-1.5, 2.0, 0.0]
    assert text.splitlines()[1] == "Uni Konstanz,-5,-1.5"
    # the page downloads go through the same function
    assert formatting.csv_bytes(frame) == text.encode("utf-8")


def test_the_rejected_rows_download_shows_a_formula_value_as_text():
    upload = (
        "mobility_id,person_id,person_role,direction,activity,partner_country,start_date,end_date\n"
        "M1,P1,student,outbound,study,"
        f'"{ATTACK.replace(chr(34), chr(34) * 2)}",2025-09-01,2026-01-31\n'
    ).encode()
    csv_text = rejections_csv(prepare_upload(upload, "attack.csv")).decode()
    (row,) = pd.read_csv(io.StringIO(csv_text), dtype=str).to_dict("records")
    assert row["column_name"] == "partner_country"
    assert row["value"] == "'" + ATTACK


def test_the_report_workbook_has_no_formula_and_shows_the_text(writable_warehouse):
    con = duckdb.connect(str(writable_warehouse))
    try:
        faculty = con.execute("select min(faculty) from raw_mobilities").fetchone()[0]
        con.execute("update raw_mobilities set faculty = ? where faculty = ?", [ATTACK, faculty])
        con.execute("update raw_headcounts set faculty = ? where faculty = ?", [ATTACK, faculty])
        build(con)
    finally:
        con.close()
    report = build_report(writable_warehouse, YEAR, suppress=False)
    book = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    shown = [c.value for c in cells if isinstance(c.value, str) and ATTACK in c.value]
    assert shown and all(v.startswith("'=") or not v.startswith("=") for v in shown)
    assert "'" + ATTACK in shown
