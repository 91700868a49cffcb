"""The Import page with Streamlit's AppTest, writing into a private copy of the fixture warehouse:
upload (valid, bad rows, unreadable, wrong table), import, undo, partner mapping reuse."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests import fixture_data
from tests.data_management import csv_bytes, mobility, realised_outbound

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PAGE = "views/import_data.py"
UNKNOWN_KEY = "name:uni konstanz|DE"


@pytest.fixture
def app(writable_warehouse, monkeypatch) -> AppTest:
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(writable_warehouse))
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader[0].set_value((name, data, "text/csv")).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += (
        [e.value for e in at.error] + [s.value for s in at.success] + [i.value for i in at.info]
    )
    return "\n".join(str(p) for p in parts)


def count(warehouse: Path, sql: str, *params: object) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, list(params)).fetchone()[0]


def new_rows(n: int, **fields: object) -> list[dict[str, object]]:
    return [mobility(f"N{i}", **fields) for i in range(1, n + 1)]


def test_a_valid_file_is_previewed_then_imported_and_listed(app, writable_warehouse):
    upload(app, "outgoing.csv", csv_bytes(new_rows(4), delimiter=";"))
    shown = texts(app)
    assert "**outgoing.csv** → table **mobilities**" in shown
    assert "semicolon-separated" in shown and "header on row 1" in shown
    metrics = {m.label: m.value for m in app.metric}
    assert (metrics["Rows read"], metrics["Valid rows"], metrics["Rejected rows"]) == (
        "4",
        "4",
        "0",
    )
    preview = app.dataframe[1].value
    assert preview["mobility_id"].tolist() == ["N1", "N2", "N3", "N4"]
    assert set(preview["person_id"]) == {"(pseudonymised at import)"}
    assert (
        count(writable_warehouse, "select count(*) from raw_mobilities where mobility_id like 'N%'")
        == 0
    )

    app.button(key="import").click().run()
    assert not app.exception
    assert "Imported outgoing.csv as import #6: 4 new, 0 updated" in texts(app)
    assert (
        count(writable_warehouse, "select count(*) from mobilities where mobility_id like 'N%'")
        == 4
    )
    history, activity = (table.value for table in app.table[-2:])
    local_user = f"{getpass.getuser()} (local mode)"
    assert history.iloc[0][["No.", "File", "Records", "By"]].tolist() == [
        6,
        "outgoing.csv",
        "4 new",
        local_user,
    ]
    assert activity.iloc[0][["Who", "Role", "What", "Details"]].tolist() == [
        local_user,
        "Admin",
        "import",
        "outgoing.csv → mobilities: 4 new, 0 changed",
    ]
    # the Overview shows the new numbers: 4 more realised outbound mobilities in 2024/25
    app.switch_page("views/overview.py").run()
    values = {m.label: m.value for m in app.metric}
    assert values["Outbound mobilities"] == f"{realised_outbound(2024) + 4:,}"


def test_a_file_with_bad_rows_shows_each_reason_and_imports_the_rest(app, writable_warehouse):
    rows = [
        mobility("G1"),
        mobility("B1", partner_country="XX"),
        mobility("B2", start_date="2025-03-10", end_date="2025-03-01"),
        mobility("G2"),
    ]
    upload(app, "mixed.csv", csv_bytes(rows))
    metrics = {m.label: m.value for m in app.metric}
    assert (metrics["Valid rows"], metrics["Rejected rows"]) == ("2", "2")
    rejections = app.dataframe[2].value
    assert rejections[["row_number", "column_name", "value"]].values.tolist() == [
        [3, "partner_country", "XX"],
        [4, "end_date", "2025-03-01"],
    ]
    assert rejections["reason"].tolist()[1] == "end date before start date"
    assert "Download rejected rows (CSV)" in [b.label for b in app.get("download_button")]
    app.button(key="import").click().run()
    assert "2 new, 0 updated, 0 unchanged, 2 rejected row(s)" in texts(app)
    assert (
        count(
            writable_warehouse,
            "select count(*) from raw_mobilities where mobility_id in ('G1', 'G2', 'B1', 'B2')",
        )
        == 2
    )
    assert (
        count(
            writable_warehouse, "select count(*) from rejected_rows where file_name = 'mixed.csv'"
        )
        == 2
    )


def test_an_unreadable_file_shows_a_clear_message(app):
    upload(app, "report.xlsx", b"PK\x03\x04 this is no workbook")
    assert [e.value for e in app.error] == [
        "This file cannot be imported: report.xlsx: cannot open as an Excel workbook "
        "(not an .xlsx file)"
    ]
    assert not [b for b in app.button if b.key == "import"]


def test_a_file_for_the_wrong_table_names_the_missing_columns_and_the_right_table(app):
    app.selectbox[0].select("projects").run()
    upload(app, "outgoing.csv", csv_bytes(new_rows(2)))
    (error,) = [e.value for e in app.error]
    assert "outgoing.csv: the header belongs to the mobilities table" in error
    assert "choose mobilities" in error


def test_an_import_can_be_undone_from_the_history(app, writable_warehouse):
    upload(app, "outgoing.csv", csv_bytes(new_rows(3)))
    app.button(key="import").click().run()
    before = len(fixture_data.frames()["mobilities"])
    assert count(writable_warehouse, "select count(*) from mobilities") == before + 3
    assert app.selectbox(key="undo_choice").value == 6
    app.checkbox(key="undo_sure").check().run()
    app.button(key="undo").click().run()
    assert not app.exception
    assert "Undid import #6 (outgoing.csv): removed 3 record(s), restored 0." in texts(app)
    assert count(writable_warehouse, "select count(*) from mobilities") == before
    assert count(writable_warehouse, "select count(*) from imports where status = 'undone'") == 1


def test_a_partner_mapped_after_one_import_is_mapped_in_the_next(app, writable_warehouse):
    upload(app, "first.csv", csv_bytes(new_rows(2)))
    app.button(key="import").click().run()
    editor = app.data_editor[0].value
    assert editor[["partner_key", "mobilities", "suggested_partner_name"]].values.tolist() == [
        [UNKNOWN_KEY, 2, "Universität Konstanz"]
    ]
    app.session_state["import_mapping"] = {
        "edited_rows": {0: {"map_to": "erasmus:DKONSTAN01"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.run()
    app.button(key="import_mapping_save").click().run()
    assert not app.exception
    assert "Saved 1 partner mapping(s)" in texts(app)

    upload(app, "second.csv", csv_bytes([mobility("N9")]))
    app.button(key="import").click().run()
    assert "Imported second.csv as import #7" in texts(app)
    assert not app.data_editor  # nothing left to map
    assert (
        count(
            writable_warehouse,
            "select count(*) from mobilities where partner_key = 'erasmus:DKONSTAN01' "
            "and mobility_id in ('N1', 'N2', 'N9')",
        )
        == 3
    )


def test_the_first_import_creates_the_warehouse(tmp_path, monkeypatch, fixture_files):
    warehouse = tmp_path / "new" / "warehouse.duckdb"
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(warehouse))
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page(PAGE).run()
    assert "No warehouse yet: the first import creates it." in texts(at)
    upload(at, "mobilities.csv", fixture_files["mobilities"].read_bytes())
    at.button(key="import").click().run()
    assert not at.exception
    rows = len(fixture_data.frames()["mobilities"])
    assert f"Imported mobilities.csv as import #1: {rows:,} new" in texts(at)
    assert warehouse.with_suffix(".key").exists()
    at.switch_page("views/overview.py").run()
    values = {m.label: m.value for m in at.metric}
    assert values["Outbound mobilities"] == f"{realised_outbound(2024):,}"


EXPORT_HEADER = (
    "Student ID;First name;Direction;Home institution;Host institution;Home country;"
    "Host country;Start date;End date\n"
)


def export(*rows: str) -> bytes:
    return (EXPORT_HEADER + "".join(r + "\n" for r in rows)).encode("utf-8")


def widget(elements, label: str):
    return next(e for e in elements if e.label.startswith(label))


def test_a_mapping_saved_as_a_profile_reads_the_next_file_with_no_clicks(app, writable_warehouse):
    first = export(
        "S1;Anna;Outgoing;Home U;Universität Konstanz;Poland;Germany;01.09.2025;31.01.2026",
        "S2;Jan;Incoming;Université de Strasbourg;Home U;France;Poland;15.02.2026;30.06.2026",
    )
    upload(app, "moveon-2025.csv", first)
    assert any("required column(s) missing" in w.value for w in app.warning)
    widget(app.selectbox, "Person role").set_value("student").run()
    widget(app.selectbox, "Activity").set_value("study").run()
    assert {m.label: m.value for m in app.metric}["Valid rows"] == "2"
    widget(app.text_input, "Profile name").input("MoveON students").run()
    widget(app.button, "Save profile").click().run()
    assert not app.exception, [e.message for e in app.exception]
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        (spec,) = con.execute("select spec from import_profiles").fetchone()
    saved = json.loads(spec)
    assert saved["name"] == "MoveON students"
    assert saved["constants"] == {"person_role": "student", "activity": "study"}
    app.button(key="import").click().run()
    assert "Imported moveon-2025.csv as import #6: 2 new" in texts(app)

    # the next export of the same system: same columns, other rows; nothing to choose
    upload(
        app,
        "moveon-2026.csv",
        export("S3;Eva;Outgoing;Home U;Universiteit Gent;Poland;Belgium;01.09.2026;31.01.2027"),
    )
    assert "Read with the saved profile **MoveON students**" in texts(app)
    app.button(key="import").click().run()
    assert "Imported moveon-2026.csv as import #7: 1 new" in texts(app)
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        rows = con.execute(
            "select partner_name, partner_country, direction, person_role, activity "
            "from raw_mobilities where _import_id in (6, 7) order by start_date"
        ).fetchall()
    assert rows == [
        ("Universität Konstanz", "DE", "outbound", "student", "study"),
        ("Université de Strasbourg", "FR", "inbound", "student", "study"),
        ("Universiteit Gent", "BE", "outbound", "student", "study"),
    ]


def test_the_university_itself_is_set_on_the_import_page(app, writable_warehouse):
    app.text_input(key="own_institution_own_country").input("Poland")
    app.text_input(key="own_institution_own_name_variants").input("UT; Uniwersytet Testowy")
    next(b for b in app.button if b.label == "Save").click().run()
    assert not app.exception, [e.message for e in app.exception]
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        settings = dict(
            con.execute(
                "select key, value from settings where key in ('own_country', 'own_name_variants')"
            ).fetchall()
        )
    # the country is stored as its ISO code, whatever the person typed
    assert settings == {"own_country": "PL", "own_name_variants": "UT; Uniwersytet Testowy"}

    app.text_input(key="own_institution_own_country").input("Atlantis")
    next(b for b in app.button if b.label == "Save").click().run()
    assert any("'Atlantis' is not a country" in e.value for e in app.error)
