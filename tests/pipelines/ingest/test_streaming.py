"""A large file read in parts (``readers.stream``, ``load.staging``) is stored exactly as the
same file read whole: same rows, values, rejections and warnings, with the problems that need
the whole file (a key repeated in a later part) found across parts.

The "large" files here are small: the size above which a file is streamed and the rows per
part are lowered, so a few hundred rows make several parts."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipelines.ingest.load import ImportResult, import_file, prepare
from pipelines.ingest.readers import ReadError, stream
from pipelines.warehouse import connect
from tests import fixture_data

PART = 100  # rows per part: the fixture's 360 rows make four parts
HEAD = 20_000  # bytes of the head the layout is learnt from: about 80 rows


def _fixture_text() -> pd.DataFrame:
    frame = fixture_data.frames()["mobilities"].map(fixture_data._text)
    # decimal commas in a tab-separated file: the head shows the mark, every part must use it
    for column in ("ects_planned", "ects_achieved", "ects_recognised"):
        frame[column] = frame[column].map(lambda v: f"{v},5" if v else v)
    frame.loc[280, "grant_amount"] = "1,500"  # 1.5 with a decimal comma, 1500 without
    frame.loc[10, "cefr_before"] = "Z9"  # invalid optional value: emptied, row kept
    frame.loc[20, "start_date"] = "31.02.2024"  # invalid required value: row rejected
    frame.loc[250, "partner_city"] = "MÃ¼nchen"  # UTF-8 read as Windows-1252 once
    frame.loc[300, "mobility_id"] = frame.loc[5, "mobility_id"]  # repeats a key of part 1
    frame.loc[301, "mobility_id"] = frame.loc[302, "mobility_id"]  # repeats within a part
    frame.loc[330, "mobility_id"] = frame.loc[6, "mobility_id"]  # repeats, and ...
    frame.loc[330, "cefr_before"] = "Q1"  # ... has a value that alone would be emptied
    return frame


def _write(frame: pd.DataFrame, path: Path) -> Path:
    if path.suffix == ".parquet":
        frame.to_parquet(path, index=False)
    else:
        frame.to_csv(path, sep="\t", index=False, quoting=csv.QUOTE_MINIMAL)
    return path


def _import(path: Path, warehouse: Path, key: bytes) -> ImportResult:
    con = connect(warehouse)
    try:
        return import_file(con, path, key)
    finally:
        con.close()


def _stored(warehouse: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {
            "raw_mobilities": con.execute(
                "select * exclude (_import_id) from raw_mobilities order by _source_row"
            ).fetchall(),
            "rejected_rows": con.execute(
                "select row_number, column_name, value, reason from rejected_rows order by all"
            ).fetchall(),
            "import_warnings": con.execute(
                "select row_number, column_name, value, reason from import_warnings order by all"
            ).fetchall(),
            "imports": con.execute(
                "select rows_read, rows_loaded, rows_rejected, rows_warned from imports"
            ).fetchall(),
        }
    finally:
        con.close()


@pytest.fixture
def streaming(monkeypatch):
    monkeypatch.setattr(stream, "STREAM_BYTES", 0)
    monkeypatch.setattr(stream, "CHUNK_ROWS", PART)
    monkeypatch.setattr(stream, "HEAD_BYTES", HEAD)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_file_read_in_parts_is_stored_as_the_whole_file(tmp_path, key, monkeypatch, suffix):
    path = _write(_fixture_text(), tmp_path / f"mobilities{suffix}")
    assert not any("parts" in n for n in _import(path, tmp_path / "whole.duckdb", key).notes)
    monkeypatch.setattr(stream, "STREAM_BYTES", 0)
    monkeypatch.setattr(stream, "CHUNK_ROWS", PART)
    monkeypatch.setattr(stream, "HEAD_BYTES", HEAD)
    read = _import(path, tmp_path / "parts.duckdb", key)
    assert f"a large file: read in parts of {PART} rows" in read.notes
    whole, parts = _stored(tmp_path / "whole.duckdb"), _stored(tmp_path / "parts.duckdb")
    assert parts == whole
    # and what both stored is what the file says, checked by hand
    rejected = {(r[0], r[1]): r[3] for r in whole["rejected_rows"]}
    assert rejected[(302, "mobility_id")] == "duplicate key in the file (first at row 7)"
    assert rejected[(304, "mobility_id")] == "duplicate key in the file (first at row 303)"
    assert rejected[(332, "mobility_id")] == "duplicate key in the file (first at row 8)"
    assert (332, "cefr_before") in rejected  # a rejected row lists all its problems
    assert (22, "start_date") in rejected
    assert [w[:2] for w in whole["import_warnings"]] == [(12, "cefr_before")]
    assert whole["imports"] == [(360, 356, 4, 1)]


def test_parts_keep_the_decimal_mark_and_repair_garbled_letters(tmp_path, key, streaming):
    path = _write(_fixture_text(), tmp_path / "mobilities.csv")
    _import(path, tmp_path / "parts.duckdb", key)
    con = duckdb.connect(str(tmp_path / "parts.duckdb"), read_only=True)
    grant, city, ects = con.execute(
        "select (select grant_amount from raw_mobilities where _source_row = 282), "
        "(select partner_city from raw_mobilities where _source_row = 252), "
        "(select ects_planned from raw_mobilities where _source_row = 2)"
    ).fetchone()
    con.close()
    expected_ects = fixture_data.frames()["mobilities"].loc[0, "ects_planned"] + 0.5
    assert (grant, city) == (1.5, "München")
    assert ects == expected_ects or (pd.isna(ects) and pd.isna(expected_ects))


def test_a_streamed_import_is_staged_and_the_staging_removed(tmp_path, key, streaming):
    from pipelines.ingest.context import ImportContext
    from pipelines.ingest.load import commit

    path = _write(_fixture_text(), tmp_path / "mobilities.csv")
    prepared = prepare(path, context=ImportContext(key=key), stream=True)
    assert prepared.staged is not None and prepared.validation.valid.empty
    assert prepared.staged.rows == 356
    staging = prepared.staged.path.parent
    assert staging.exists() and oct(staging.stat().st_mode)[-3:] == "700"
    con = connect(tmp_path / "w.duckdb")
    result = commit(con, prepared, key)
    con.close()
    assert (result.loaded, result.rejected) == (356, 4)
    assert not staging.exists()
    # the same file again changes nothing
    con = connect(tmp_path / "w.duckdb")
    again = import_file(con, path, key)
    con.close()
    assert again.already_imported_as == result.import_id


def test_a_long_row_further_down_names_its_line(tmp_path, key, streaming):
    path = _write(_fixture_text(), tmp_path / "mobilities.csv")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[250] = lines[250].rstrip("\n") + "\textra\n"
    path.write_text("".join(lines), encoding="utf-8")
    fields = len(fixture_data.frames()["mobilities"].columns)
    message = rf"mobilities.csv: Expected {fields} fields in line 251, saw {fields + 1}"
    with pytest.raises(ReadError, match=message):
        _import(path, tmp_path / "w.duckdb", key)


def test_a_legacy_code_page_is_read_whole(tmp_path, key, streaming):
    frame = _fixture_text()
    frame.loc[250, "partner_city"] = "Kraków"
    path = tmp_path / "mobilities.csv"
    text = frame.to_csv(sep="\t", index=False)
    path.write_bytes(text.encode("cp1250", errors="replace"))
    assert stream.stream_file(path) is None
    _import(path, tmp_path / "w.duckdb", key)
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    city = con.execute("select partner_city from raw_mobilities where _source_row = 252")
    assert city.fetchone()[0] == "Kraków"

    con.close()


def test_parquet_is_told_large_by_its_rows(tmp_path, key, monkeypatch):
    """Parquet is compressed: a file of many rows is read in parts however few bytes it has."""
    path = _write(_fixture_text(), tmp_path / "mobilities.parquet")
    monkeypatch.setattr(stream, "STREAM_BYTES", 1 << 40)
    monkeypatch.setattr(stream, "CHUNK_ROWS", PART)
    monkeypatch.setattr(stream, "STREAM_PARQUET_ROWS", 359)
    assert (
        "a large file: read in parts of 100 rows" in _import(path, tmp_path / "a.duckdb", key).notes
    )
    monkeypatch.setattr(stream, "STREAM_PARQUET_ROWS", 360)
    assert not any("parts" in n for n in _import(path, tmp_path / "b.duckdb", key).notes)
