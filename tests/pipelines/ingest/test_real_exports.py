"""Files shaped like other systems' exports, imported as a user would: every stored partner
and country checked against values written down by hand for each row.

Layouts: a MoveON-style Home/Host student list with incoming and outgoing rows (names only,
dd.mm.yyyy dates, the Erasmus+ wording for activities), the same as an Excel file with real
date cells, an Erasmus+ KA1-style file with Sending/Receiving codes and no direction column,
and a file with only host-side columns. Then a saved profile: stored, exported, imported in
another warehouse, applied by itself (also by the `mobility` command).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import duckdb
import openpyxl
import pytest

from pipelines.ingest.context import ImportContext
from pipelines.ingest.load import ImportFailed, commit, import_file, prepare
from pipelines.ingest.profiles import (
    ImportProfile,
    builtin_profiles,
    find_profile,
    save_profile,
    stored_profiles,
)
from pipelines.warehouse import connect, set_setting
from tests.cli import run
from tests.conftest import KEY

OWN = "Uniwersytet Testowy"
HEADER = [
    "Student ID",
    "First name",
    "Last name",
    "Email",
    "Direction",
    "Exchange type",
    "Home institution",
    "Host institution",
    "Home country",
    "Host country",
    "Exchange programme",
    "Study level",
    "Start date",
    "End date",
    "ECTS planned",
    "Language level before",
    "Language level after",
]
# student, direction, activity wording, home, host, home country, host country, level after
ROWS = [
    (
        "S1",
        "Outgoing",
        "Student mobility for studies",
        OWN,
        "Universität Konstanz",
        "Poland",
        "Germany",
        "B2",
    ),
    (
        "S2",
        "Incoming",
        "Student mobility for studies",
        "Université de Strasbourg",
        OWN,
        "France",
        "Poland",
        "B3",
    ),
    # an incoming row whose sides are swapped in the source system: the partner is on the host
    # side, the university on the home side
    (
        "S3",
        "Incoming",
        "Student mobility for traineeships",
        OWN,
        "Universidad de Sevilla",
        "Poland",
        "Spain",
        "C1",
    ),
    # both sides name the university (written in capitals): no partner at all
    ("S4", "Incoming", "Student mobility for studies", OWN.upper(), OWN, "Poland", "Poland", "B2"),
    (
        "S5",
        "Outgoing",
        "Student mobility for traineeships",
        OWN,
        "Universiteit Gent",
        "Poland",
        "Belgium",
        "",
    ),
]
# written down by hand: what must be stored for each student (partner, country, direction,
# activity); S4 is rejected
EXPECTED = {
    "S1": ("Universität Konstanz", "DE", "outbound", "study"),
    "S2": ("Université de Strasbourg", "FR", "inbound", "study"),
    "S3": ("Universidad de Sevilla", "ES", "inbound", "traineeship"),
    "S5": ("Universiteit Gent", "BE", "outbound", "traineeship"),
}
PROFILE = ImportProfile(
    name="International office student list",
    columns={"Exchange type": "activity"},
    constants={"person_role": "student"},
)


def student_rows(date=lambda d: d.strftime("%d.%m.%Y")) -> list[list[object]]:
    out = []
    for i, (sid, direction, wording, home, host, hc, rc, after) in enumerate(ROWS):
        start = dt.date(2025, 9, 1 + i)
        out.append(
            [
                sid,
                "Anna",
                "Nowak",
                f"{sid}@example.org",
                direction,
                wording,
                home,
                host,
                hc,
                rc,
                "Erasmus+",
                "Bachelor",
                date(start),
                date(start + dt.timedelta(days=140)),
                "30",
                "B1",
                after,
            ]
        )
    return out


def write_csv(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def own_warehouse(path: Path, **settings: str) -> duckdb.DuckDBPyConnection:
    con = connect(path)
    set_setting(con, "institution_name", OWN)
    set_setting(con, "own_country", "PL")
    for key, value in settings.items():
        set_setting(con, key, value)
    return con


def stored(con: duckdb.DuckDBPyConnection) -> dict[str, tuple]:
    """person_id is pseudonymised: rows are told apart by their start date (one per row)."""
    starts = {dt.date(2025, 9, 1 + i): row[0] for i, row in enumerate(ROWS)}
    found = con.execute(
        "select start_date, partner_name, partner_country, direction, activity from raw_mobilities"
    ).fetchall()
    return {starts[r[0]]: tuple(r[1:]) for r in found}


def test_home_host_list_stores_the_partner_side_of_every_row(tmp_path):
    con = own_warehouse(tmp_path / "w.duckdb")
    path = write_csv(tmp_path / "students.csv", student_rows())
    prepared = prepare(path, context=ImportContext.from_connection(con, KEY), profile=PROFILE)
    result = commit(con, prepared, KEY)
    assert stored(con) == EXPECTED
    assert result.rejected == 1
    rejection = result.rejections.loc[result.rejections["row_number"] == 5]
    assert rejection["reason"].str.contains(f"the partner is {OWN} itself").all()
    assert any("taken from the other side (rows 4)" in n for n in result.notes)
    # nothing of the university or its country is stored as a partner
    assert (
        con.execute(
            "select count(*) from raw_mobilities where partner_country = 'PL' "
            "or lower(partner_name) = lower(?)",
            [OWN],
        ).fetchone()[0]
        == 0
    )
    # the personal columns never reach the warehouse
    assert not con.execute(
        "select count(*) from raw_mobilities where person_id like 'S%'"
    ).fetchone()[0]


def test_a_bad_optional_value_keeps_the_row(tmp_path):
    con = own_warehouse(tmp_path / "w.duckdb")
    path = write_csv(tmp_path / "students.csv", student_rows())
    import_file(con, path, KEY, profile=PROFILE)
    # S2's "B3" is not a CEFR level: the row is stored, that value left empty
    level = con.execute(
        "select cefr_before, cefr_after from raw_mobilities where start_date = '2025-09-02'"
    ).fetchone()
    assert level == ("B1", None)


def test_excel_dates_and_the_same_rows_again_change_nothing(tmp_path):
    con = own_warehouse(tmp_path / "w.duckdb")
    first = import_file(con, write_csv(tmp_path / "a.csv", student_rows()), KEY, profile=PROFILE)
    assert first.loaded == 4
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in student_rows(date=lambda d: d):  # real Excel date cells
        sheet.append(row)
    workbook.save(tmp_path / "b.xlsx")
    again = import_file(con, tmp_path / "b.xlsx", KEY, profile=PROFILE)
    # the generated ids come from the values as read, not as written: same rows, same ids
    assert (again.loaded, again.updated, again.unchanged) == (0, 0, 4)
    assert stored(con) == EXPECTED


def test_ka1_style_codes_without_direction_take_it_from_the_own_side(tmp_path):
    con = own_warehouse(tmp_path / "w.duckdb", own_erasmus_code="PL WARSZAW99")
    header = [
        "Participant ID",
        "Activity (mob)",
        "Participant Profile",
        "Mobility Start Month",
        "Mobility End Month",
        "Sending Organisation Erasmus Code",
        "Receiving Organisation Erasmus Code",
    ]
    rows = [
        [
            "P1",
            "Student mobility for studies",
            "Learner",
            "2025-10",
            "2026-02",
            "PL WARSZAW99",
            "D  KONSTAN01",
        ],
        [
            "P2",
            "Staff mobility for teaching",
            "Staff",
            "2025-11",
            "2025-11",
            "F  STRASBO48",
            "PL WARSZAW99",
        ],
        [
            "P3",
            "Student mobility for studies",
            "Learner",
            "2025-10",
            "2026-03",
            "E  SEVILLA01",
            "I  ROMA01",
        ],
    ]
    path = write_csv(tmp_path / "ka1.csv", rows, header)
    profiles = ImportContext.from_connection(con, KEY).profiles
    result = import_file(
        con, path, KEY, profile=find_profile(profiles, "Erasmus+ KA1 mobility periods")
    )
    found = con.execute(
        "select person_role, direction, activity, partner_erasmus_code, partner_country "
        "from raw_mobilities order by start_date"
    ).fetchall()
    assert found == [
        ("student", "outbound", "study", "D  KONSTAN01", "DE"),
        ("staff", "inbound", "teaching", "F  STRASBO48", "FR"),
    ]
    # neither side is the university: no direction can be told, the row is refused
    assert result.rejections.loc[result.rejections["row_number"] == 4, "column_name"].tolist() == [
        "direction"
    ]


def test_host_only_columns_never_give_an_incoming_row_the_own_country(tmp_path):
    con = own_warehouse(tmp_path / "w.duckdb")
    header = [
        "Student ID",
        "Direction",
        "Host institution",
        "Host country",
        "Start date",
        "End date",
    ]
    rows = [
        ["S1", "Outgoing", "Universität Konstanz", "Germany", "01.09.2025", "31.01.2026"],
        ["S2", "Incoming", OWN, "Poland", "01.09.2025", "31.01.2026"],
    ]
    path = write_csv(tmp_path / "host-only.csv", rows, header)
    profile = ImportProfile(name="x", constants={"person_role": "student", "activity": "study"})
    result = import_file(con, path, KEY, profile=profile)
    assert con.execute("select partner_name, partner_country from raw_mobilities").fetchall() == [
        ("Universität Konstanz", "DE")
    ]
    (reason,) = result.rejections.loc[result.rejections["row_number"] == 3, "reason"]
    assert "own country" in reason or "'Host country'" in reason


def test_a_missing_partner_country_comes_from_a_known_agreement(tmp_path):
    con = own_warehouse(tmp_path / "w.duckdb")
    agreements = tmp_path / "agreements.csv"
    agreements.write_text(
        "agreement_id,partner_name,partner_country,agreement_type,valid_from,valid_to\n"
        "A1,Université de Strasbourg,FR,erasmus,2021-01-01,2027-12-31\n",
        encoding="utf-8",
    )
    import_file(con, agreements, KEY, table="agreements")
    header = [
        "Student ID",
        "Direction",
        "Home institution",
        "Host institution",
        "Start date",
        "End date",
    ]
    rows = [["S2", "Incoming", "Universite de Strasbourg", OWN, "01.09.2025", "31.01.2026"]]
    path = write_csv(tmp_path / "in.csv", rows, header)
    profile = ImportProfile(name="x", constants={"person_role": "student", "activity": "study"})
    result = import_file(con, path, KEY, profile=profile)
    assert result.rejected == 0
    assert con.execute("select partner_name, partner_country from raw_mobilities").fetchall() == [
        ("Universite de Strasbourg", "FR")
    ]
    assert any("from partners the warehouse knows" in n for n in result.notes)


def test_without_a_profile_the_command_line_says_what_is_missing_and_what_fits(tmp_path):
    path = write_csv(tmp_path / "students.csv", student_rows())
    done = run("ingest", str(path), warehouse=tmp_path / "w.duckdb", check_code=2)
    message = " ".join(done.stderr.split())
    assert "required column(s) person_role, activity are missing" in message
    assert "'Home/Host student list' fits it" in message


def test_a_saved_profile_round_trips_and_applies_itself(tmp_path):
    first = tmp_path / "one" / "w.duckdb"
    con = own_warehouse(first)
    profile = PROFILE.model_copy(update={"headers": HEADER})
    save_profile(con, profile)
    con.close()
    exported = tmp_path / "profile.json"
    run("profiles", "--export", profile.name, "--out", str(exported), warehouse=first)
    assert ImportProfile.from_json(exported.read_text()) == profile
    assert json.loads(exported.read_text())["constants"] == {"person_role": "student"}

    second = tmp_path / "two" / "w.duckdb"
    own_warehouse(second).close()
    run("profiles", "--import", str(exported), warehouse=second)
    listed = " ".join(run("profiles", warehouse=second).stdout.split())
    assert profile.name in listed and "saved" in listed and "built-in" in listed

    # a file with the same headers: no --profile, no --table, it is read with the profile
    path = write_csv(tmp_path / "next.csv", student_rows())
    done = run("ingest", str(path), warehouse=second)
    assert "4 loaded" in done.stdout and "1 rejected" in done.stdout
    with duckdb.connect(str(second), read_only=True) as con:
        assert stored(con) == EXPECTED
        assert [p.name for p in stored_profiles(con)] == [profile.name]


def test_builtin_profiles_are_valid_and_name_their_source():
    profiles = builtin_profiles()
    assert {p.name for p in profiles} >= {"Home/Host student list", "Erasmus+ KA1 mobility periods"}
    for profile in profiles:
        assert profile.builtin and profile.source and profile.description
    assert find_profile(profiles, "Home/Host student list").constants == {
        "person_role": "student",
        "activity": "study",
    }


def test_a_profile_with_a_value_the_contract_refuses_is_refused():
    with pytest.raises(ValueError, match="person_role"):
        ImportProfile(name="bad", constants={"person_role": "alien"})
    with pytest.raises(ValueError, match="direction"):
        ImportProfile(name="bad", values={"direction": {"Incoming": "sideways"}})


def test_a_file_that_fits_no_table_is_still_refused(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("colour,size\nred,3\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="cannot tell which table"):
        prepare(path)
