"""Readers on real files: every encoding, delimiter, title rows, aliases, XLSX, Parquet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from pipelines.contract import Mobility
from pipelines.ingest.columns import any_table_score, guess_table, map_headers
from pipelines.ingest.load import ImportFailed, prepare
from pipelines.ingest.readers import ReadError, read_file, sniff_delimiter
from pipelines.ingest.shape import shape

HEADER = [
    "mobility_id",
    "person_id",
    "person_role",
    "direction",
    "activity",
    "partner_name",
    "partner_country",
    "start_date",
    "end_date",
    "ects_planned",
]
ROWS = [
    [
        "M1",
        "s1",
        "student",
        "outbound",
        "study",
        "Universität Köln",
        "DE",
        "2024-09-01",
        "2025-01-31",
        "7,5",
    ],
    [
        "M2",
        "s2",
        "student",
        "inbound",
        "study",
        "Université Génève",
        "CH",
        "2024-09-01",
        "2025-01-31",
        "30",
    ],
]


def write_text(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def csv_text(delimiter: str, title: str | None = None) -> str:
    out = io.StringIO()
    if title:
        out.write(title + "\r\n")
    csv.writer(out, delimiter=delimiter).writerows([HEADER, *ROWS])
    return out.getvalue()


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8 with BOM"),
        ("cp1252", "Windows-1252"),
        ("latin-1", "Windows-1252"),
        ("utf-16", "UTF-16"),
    ],
)
def test_encodings(tmp_path, encoding, name):
    path = write_text(tmp_path / "m.csv", csv_text(";"), encoding)
    raw = read_file(path)
    assert raw.info.encoding == name
    assert raw.frame["partner_name"].tolist() == ["Universität Köln", "Université Génève"]
    assert list(raw.frame.columns) == HEADER


def test_latin1_only_bytes_are_read_as_latin1(tmp_path):
    # 0x81 is undefined in Windows-1252: only Latin-1 can decode this file
    path = tmp_path / "l.csv"
    path.write_bytes(b"a,b\r\nx\x81,y\r\n")
    assert read_file(path).info.encoding == "Latin-1"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters(tmp_path, delimiter):
    path = write_text(tmp_path / "m.csv", csv_text(delimiter), "utf-8")
    raw = read_file(path)
    assert raw.info.delimiter == delimiter
    assert raw.frame.shape == (2, len(HEADER))


def test_quoted_delimiters_and_embedded_newlines(tmp_path):
    text = 'id,name,country\n1,"Paris, Sorbonne",FR\n2,"two\nlines",DE\n'
    path = write_text(tmp_path / "q.csv", text, "utf-8")
    raw = read_file(path)
    assert raw.info.delimiter == ","
    assert raw.frame["name"].tolist() == ["Paris, Sorbonne", "two\nlines"]


def test_title_row_above_header_is_skipped_and_rows_numbered(tmp_path):
    path = write_text(
        tmp_path / "t.csv", csv_text(";", "Outgoing students 2024/25;;;"), "utf-8-sig"
    )
    raw = read_file(path, score=any_table_score)
    assert raw.info.header_row == 2
    assert list(raw.frame.columns) == HEADER
    assert raw.frame.index.tolist() == [3, 4]  # spreadsheet row numbers
    assert "title row" in " ".join(raw.info.notes)


def test_xlsx_first_and_named_sheet_with_title_row(tmp_path):
    path = tmp_path / "m.xlsx"
    frame = pd.DataFrame([HEADER, *ROWS])
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame([["ignore me"]]).to_excel(
            writer, sheet_name="Notes", header=False, index=False
        )
        title = pd.DataFrame([["Mobility export"]])
        title.to_excel(writer, sheet_name="Data", header=False, index=False)
        frame.to_excel(writer, sheet_name="Data", header=False, index=False, startrow=2)
    raw = read_file(path, sheet="Data", score=any_table_score)
    assert raw.info.format == "xlsx" and raw.info.sheet == "Data"
    assert raw.info.header_row == 3
    assert raw.frame["mobility_id"].tolist() == ["M1", "M2"]
    assert raw.frame.index.tolist() == [4, 5]
    with pytest.raises(ReadError, match="no sheet 'Nope'"):
        read_file(path, sheet="Nope")


def test_xlsx_typed_cells_become_contract_values(tmp_path):
    path = tmp_path / "typed.xlsx"
    frame = pd.DataFrame([ROWS[0]], columns=HEADER)
    frame["start_date"] = pd.Timestamp("2024-09-01")
    frame["ects_planned"] = 7.5
    frame.to_excel(path, index=False)
    prepared = prepare(path)
    valid = prepared.validation.valid
    assert prepared.validation.rejections.empty
    assert str(valid["start_date"].iloc[0]) == "2024-09-01"
    assert valid["ects_planned"].iloc[0] == 7.5


def test_parquet(tmp_path):
    path = tmp_path / "m.parquet"
    frame = pd.DataFrame(ROWS, columns=HEADER)
    frame["start_date"] = pd.to_datetime(frame["start_date"])
    frame.to_parquet(path)
    raw = read_file(path)
    assert raw.info.format == "parquet"
    assert raw.frame["start_date"].tolist() == ["2024-09-01", "2024-09-01"]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.csv", "empty.csv: the file is empty"),
        (b"PK\x03\x04\x00\x00garbage", "bad.xlsx", "bad.xlsx: cannot open as an Excel workbook"),
        (b"\x00\x01\x02\x03" * 50, "binary.csv", "binary.csv: not a text file"),
        (b"a,b\n", "x.pdf", "x.pdf: unsupported file type"),
        (b"a,b\n", "old.xls", "old.xls: old Excel 97 format"),
    ],
)
def test_unreadable_files_fail_with_one_line(tmp_path, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert str(info.value).startswith(message)
    assert "\n" not in str(info.value)


def test_rows_longer_than_the_header_are_rejected_not_lost(tmp_path):
    text = csv_text(",") + "M3,s3,student,outbound,study,X,DE,2024-09-01,2025-01-31,5,EXTRA\r\n"
    text += "M4,s4,student,outbound,study,Y,FR,2024-09-01,2025-01-31,5\r\n"
    prepared = prepare(write_text(tmp_path / "ragged.csv", text, "utf-8"))
    assert prepared.validation.valid.index.tolist() == [2, 3, 5]
    rejected = prepared.validation.rejections
    assert rejected[["row_number", "reason"]].values.tolist() == [
        [4, "11 fields but the header has 10"]
    ]
    assert prepared.validation.rows_read == 4


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_file(tmp_path / "nope.csv")


def test_sniffer_ignores_commas_inside_semicolon_rows():
    text = "a;b;c\n1,5;2,5;x\n3,5;4;y\n"
    assert sniff_delimiter(text) == ";"


def test_ewp_and_erasmus_plus_aliases_map_to_contract_columns():
    headers = [
        "omobility-id",
        "Student ID",
        "Participant Profile",
        "Mobility Direction",
        "Activity (mob)",
        "Sending Country Code",
        "Receiving Country Code",
        "sending-hei",
        "receiving-hei",
        "Mobility Start Month",
        "Mobility End Month",
        "CEFR-Level",
        "ISCED-F-Code",
        "Participant Gender",
        "Fewer Opportunities",
        "E-Mail",
        "First Name",
        "Favourite colour",
    ]
    mapping = map_headers(headers, Mobility)
    assert mapping.columns["omobility-id"] == "mobility_id"
    assert mapping.columns["Student ID"] == "person_id"
    assert mapping.columns["CEFR-Level"] == "cefr_before"
    assert mapping.columns["ISCED-F-Code"] == "field"
    assert mapping.columns["Participant Gender"] == "gender"
    assert mapping.sided["partner_country"] == {
        "sending": "Sending Country Code",
        "receiving": "Receiving Country Code",
    }
    assert mapping.sided["partner_schac_code"] == {
        "sending": "sending-hei",
        "receiving": "receiving-hei",
    }
    assert mapping.personal == ["E-Mail", "First Name"]
    assert mapping.unknown == ["Favourite colour"]
    assert mapping.missing_required == []


def test_sending_receiving_pairs_resolve_by_direction():
    frame = pd.DataFrame(
        {
            "Direction": ["outgoing", "incoming"],
            "Sending Country Code": ["PL", "FR"],
            "Receiving Country Code": ["DE", "PL"],
        }
    )
    mapping = map_headers(list(frame.columns), Mobility)
    contract = shape(frame, mapping).frame
    assert contract["partner_country"].tolist() == ["DE", "FR"]


def test_table_is_guessed_from_the_header():
    assert guess_table(HEADER) == "mobilities"
    assert (
        guess_table(["agreement_id", "partner_name", "partner_country", "valid_from", "valid_to"])
        == "agreements"
    )
    assert guess_table(["academic_year", "faculty", "enrolled_students"]) == "headcounts"
    assert guess_table(["kpi", "year", "target"]) == "targets"
    assert guess_table(["colour", "size"]) is None


def test_file_for_no_known_table_is_refused(tmp_path):
    path = write_text(tmp_path / "x.csv", "colour,size\nred,3\n", "utf-8")
    with pytest.raises(ImportFailed, match="cannot tell which table"):
        prepare(path)


def test_a_file_for_another_table_is_refused_naming_the_right_one(tmp_path):
    path = write_text(tmp_path / "m.csv", csv_text(","), "utf-8")
    with pytest.raises(ImportFailed, match=r"m\.csv: the header belongs to the mobilities table"):
        prepare(path, table="agreements")


@pytest.mark.parametrize(
    ("delimiter", "grant", "ects", "expected"),
    [
        # a tab-separated export from a German system: decimal comma, point for thousands
        ("\t", "1.500", "27,5", (1500.0, 27.5)),
        # a semicolon file from an English system: decimal point, comma for thousands
        (";", "1,500", "27.5", (1500.0, 27.5)),
        # a semicolon file whose numbers show nothing: the semicolon's decimal comma
        (";", "1.500", "30", (1500.0, 30.0)),
    ],
)
def test_ambiguous_numbers_follow_the_decimal_mark_the_file_shows(
    tmp_path, delimiter, grant, ects, expected
):
    from pipelines.ingest.load import import_file
    from pipelines.warehouse import connect
    from tests.conftest import KEY
    from tests.data_management import mobility

    row = mobility("M1", grant_amount=grant, ects_planned=ects)
    text = pd.DataFrame([row]).to_csv(sep=delimiter, index=False)
    path = write_text(tmp_path / "numbers.csv", text, "utf-8")
    con = connect(tmp_path / "w.duckdb")
    import_file(con, path, KEY)
    assert con.execute("select grant_amount, ects_planned from raw_mobilities").fetchone() == (
        expected
    )
