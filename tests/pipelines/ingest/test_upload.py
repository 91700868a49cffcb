"""Uploaded bytes -> the preview: the user's file name, wrong tables, unreadable files, privacy."""

from __future__ import annotations

import pytest

from pipelines.ingest.load import ImportFailed
from pipelines.ingest.readers import ReadError
from pipelines.ingest.upload import (
    PSEUDONYMISED,
    prepare_upload,
    preview_rows,
    rejections_csv,
)

FILE = (
    "Mobility ID;Student Number;Participant Profile;Mobility Direction;Activity Type;"
    "Host Institution;Host Country;Start;End;ECTS LA;First Name\n"
    "N-1;S1;student;outbound;SMS;Uni Konstanz;DE;01.09.2025;31.01.2026;27,5;Anna\n"
    "N-2;S2;student;outbound;SMS;Uni Konstanz;XX;01.09.2025;31.01.2026;30;Ben\n"
    "N-3;S3;staff;outbound;STA;Uni Konstanz;DE;10.03.2026;05.03.2026;;Cem\n"
).encode("cp1252")


def test_an_upload_is_read_under_the_users_file_name():
    prepared = prepare_upload(FILE, "C:\\Users\\io\\Desktop\\outgoing 2025.csv")
    assert prepared.path.name == "outgoing 2025.csv"
    assert prepared.table == "mobilities"
    assert (prepared.info.delimiter, prepared.info.header_row) == (";", 1)
    how = {row["header"]: row["how"] for row in prepared.mapping.rows()}
    assert how["Student Number"] == "alias"
    assert how["First Name"] == "personal data: dropped"


def test_the_preview_hides_person_ids_and_shows_clean_values():
    prepared = prepare_upload(FILE, "outgoing.csv")
    preview = preview_rows(prepared)
    assert preview.index.tolist() == [2]  # rows 3 and 4 are rejected
    row = preview.loc[2]
    assert (row["person_id"], row["activity"], row["ects_planned"]) == (
        PSEUDONYMISED,
        "study",
        27.5,
    )
    assert "S1" not in preview.to_csv()
    assert "First Name" not in preview.columns


def test_rejected_rows_download_names_file_row_column_and_reason():
    text = rejections_csv(prepare_upload(FILE, "outgoing.csv")).decode()
    lines = text.strip().splitlines()
    assert lines[0] == "file_name,row_number,column_name,value,reason"
    assert lines[1].startswith('outgoing.csv,3,partner_country,XX,"unknown country:')
    assert lines[2] == "outgoing.csv,4,end_date,2026-03-05,end date before start date"


def test_a_file_for_another_table_says_which_table_it_fits():
    with pytest.raises(ImportFailed) as failure:
        prepare_upload(FILE, "outgoing.csv", table="agreements")
    assert str(failure.value).startswith("outgoing.csv: the header belongs to the mobilities table")
    assert "choose mobilities" in str(failure.value)


def test_an_unreadable_file_is_a_one_line_error_naming_it():
    with pytest.raises(ReadError, match=r"^report\.xlsx: cannot open as an Excel workbook"):
        prepare_upload(b"PK\x03\x04 not really a workbook", "report.xlsx")
    with pytest.raises(ImportFailed, match=r"^notes\.csv: cannot tell which table"):
        prepare_upload(b"just,some\nwords,here\n", "notes.csv")
