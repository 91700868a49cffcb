"""EC Erasmus files: every format variant, institution resolution, the benchmark marts.

Small files written here (or by tests/ec_fixture_data.py) in each EC layout; expected values
are computed from the files' own cells with pandas or by hand, never read back from the code.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from pipelines.ingest import erasmus_ec
from pipelines.ingest.institutions import code_country, normalise_codes
from pipelines.ingest.load import ImportFailed
from pipelines.transform.build import build
from pipelines.warehouse import connect
from tests import ec_fixture_data as ec
from tests.conftest import KEY


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict:
    return ec.write_all(tmp_path_factory.mktemp("ec"))


@pytest.fixture(scope="module")
def warehouse(files):
    con = connect(":memory:")
    results = {name: erasmus_ec.import_ec_file(con, path, KEY) for name, path in files.items()}
    build(con)
    yield con, results
    con.close()


def frame(con: duckdb.DuckDBPyConnection, sql: str, *params) -> pd.DataFrame:
    """Query result with None for every missing value (NaN, NaT, <NA>)."""
    got = con.execute(sql, list(params)).fetchdf()
    return got.astype(object).where(got.notna(), None)


# --- institution codes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code", "country"),
    [
        ("D  KONSTAN01", "D  KONSTAN01", "DE"),
        ("d konstan01", "D  KONSTAN01", "DE"),
        ("Uk PRESTON03", "UK PRESTON03", "GB"),
        ("UK  BATH01", "UK BATH01", "GB"),
        ("IRLDUBLIN01", "IRLDUBLIN01", "IE"),
        ("SF HELSINK01", "SF HELSINK01", "FI"),
        ("G  ATHINE01", "G  ATHINE01", "GR"),
        ("EL ATHINE01", "EL ATHINE01", "GR"),
        ("D  KOELN 03", "D  KOELN 03", "DE"),  # a space inside the city part (EUC list)
        ("BENL XX", "BENL XX", "BE"),  # Belgian community prefix, institution unknown
        ("LUXLUX-VIL01", "LUXLUX-VIL01", "LU"),
        ("EURFIESOLE01", "EURFIESOLE01", "IT"),
    ],
)
def test_institution_codes_are_normalised_never_refused(raw, code, country):
    normalised = normalise_codes(pd.Series([raw]))
    assert normalised.iloc[0] == code
    assert code_country(normalised).iloc[0] == country


# --- the cleaned LLP file, the institution list, the flow table -------------------------


def test_every_record_is_imported_once(warehouse):
    con, results = warehouse
    raw = ec.llp_records()
    assert results["records"].loaded == len(raw)
    assert results["records"].rejected == 0
    assert con.execute("select count(*) from benchmark_mobilities").fetchone()[0] == len(raw)
    sources = frame(con, "select distinct source, table_name from imports order by table_name")
    assert set(sources["source"]) == {"erasmus-ec"}
    assert set(sources["table_name"]) == {"ec_mobilities", "ec_institutions", "ec_country_flows"}
    # kept apart from the university's own records
    assert con.execute("select count(*) from raw_mobilities").fetchone()[0] == 0


@pytest.mark.parametrize(
    "column",
    ["academic_year", "home_country", "destination_country", "study_level", "mobility_type"],
)
def test_breakdowns_match_the_file(warehouse, column):
    con, _ = warehouse
    expected = ec.expected_records().groupby(column).size().sort_index()
    got = frame(
        con, f"select {column}, sum(participants) as n from benchmark_mobilities group by 1"
    )
    got = got.set_index(column)["n"].sort_index()
    assert got.astype(int).to_dict() == expected.astype(int).to_dict()


def test_a_line_break_inside_a_field_stays_in_its_record(warehouse):
    con, _ = warehouse
    stored = frame(
        con,
        "select placement_enterprise, home_erasmus_code from ec_mobilities "
        "where placement_enterprise like '%' || chr(10) || '%'",
    )
    assert stored["placement_enterprise"].tolist() == ["KULTURWERK BBK\nBERLIN"]
    assert stored["home_erasmus_code"].tolist() == [ec.llp_records().loc[3, "home_institution"]]


def test_average_duration_and_placement_share(warehouse):
    con, _ = warehouse
    expected = ec.expected_records()
    got = con.execute(
        "select avg(duration_months), 100.0 * avg(case when includes_placement then 1 else 0 end) "
        "from benchmark_mobilities"
    ).fetchone()
    assert got[0] == pytest.approx(expected["months"].mean())
    placements = expected["mobility_type"].isin(["placement", "combined"]).mean() * 100
    assert got[1] == pytest.approx(placements)


def test_institutions_resolve_against_the_list_and_unknown_codes_are_kept(warehouse):
    con, _ = warehouse
    institutions = frame(con, "select * from benchmark_institutions").set_index("erasmus_code")
    # the list's mixed-case code meets the records' codes
    assert institutions.loc["UK BATH01", "name"] == "UNIVERSITY OF BATH"
    assert institutions.loc["UK BATH01", "country"] == "GB"
    assert bool(institutions.loc["UK BATH01", "in_institution_list"])
    # upper-case cities become title case; others are kept as written
    assert institutions.loc["F  PARIS007", "city"] == "Paris Cedex 13"
    assert institutions.loc["D  LEIPZIG01", "city"] == "Leipzig"
    # a code the list does not know is reported, with the country of its prefix, never dropped
    unknown = institutions[~institutions["in_institution_list"].astype(bool)]
    assert unknown.index.tolist() == ["D  NOWHERE99"]
    sent = int((ec.llp_records()["home_institution"] == "D  NOWHERE99").sum())
    assert unknown.loc["D  NOWHERE99", "outbound_participants"] == sent
    assert unknown.loc["D  NOWHERE99", "country"] == "DE"
    assert erasmus_ec.unknown_institutions(con) == (1, sent)
    named = frame(
        con,
        "select distinct home_institution from benchmark_mobilities "
        "where home_erasmus_code = 'D  KONSTAN01'",
    )
    assert named["home_institution"].tolist() == ["UNIVERSITAET KONSTANZ"]


def test_flow_table_names_become_codes(warehouse):
    con, results = warehouse
    assert results["flows"].loaded == len(ec.FLOWS)
    flows = frame(
        con,
        "select sending_country, receiving_country, participants, sending_country_name "
        "from benchmark_country_flows where source = 'ec_flow_table'",
    )
    pairs = {(r.sending_country, r.receiving_country): r.participants for r in flows.itertuples()}
    assert pairs == {
        ("DE", "FR"): 10,
        ("FR", "DE"): 7,
        ("TR", "DE"): 5,
        ("ZZ", "DE"): 3,
        ("DE", "DE"): 2,
        ("GB", "GR"): 4,
    }
    assert "Rest of the world" in set(flows["sending_country_name"])


def test_flows_from_records_sum_the_records(warehouse):
    con, _ = warehouse
    expected = ec.expected_records().dropna(subset=["destination_country"])
    expected = expected.groupby(["academic_year", "home_country", "destination_country"]).size()
    got = frame(
        con,
        "select period, sending_country, receiving_country, participants "
        "from benchmark_country_flows where source = 'records'",
    ).set_index(["period", "sending_country", "receiving_country"])["participants"]
    assert got.astype(int).sort_index().to_dict() == expected.astype(int).sort_index().to_dict()


# --- idempotency, atomicity, rejections ---------------------------------------------------


def test_reimport_changes_nothing(files):
    con = connect(":memory:")
    first = erasmus_ec.import_ec_file(con, files["records"], KEY)
    again = erasmus_ec.import_ec_file(con, files["records"], KEY)
    assert first.loaded == len(ec.llp_records())
    assert again.already_imported_as == first.import_id
    assert again.loaded == again.updated == 0
    assert con.execute("select count(*) from imports").fetchone()[0] == 1
    assert con.execute("select count(*) from ec_mobilities").fetchone()[0] == first.loaded


def test_a_file_of_no_ec_format_is_refused_whole(tmp_path):
    path = tmp_path / "mobilities.csv"
    path.write_text("mobility_id,person_id\nM1,s1\n")
    con = connect(":memory:")
    with pytest.raises(
        ImportFailed, match=r"mobilities\.csv: not a recognised European Commission"
    ):
        erasmus_ec.import_ec_file(con, path, KEY)
    assert con.execute("select count(*) from imports").fetchone()[0] == 0


def test_a_failed_write_leaves_nothing(files):
    con = connect(":memory:")
    prepared = erasmus_ec.prepare(files["records"])
    # sabotage the target table so the insert fails inside the transaction
    con.execute("alter table ec_mobilities add column must_not_be_null integer not null")
    with pytest.raises(duckdb.Error):
        erasmus_ec.commit(con, prepared, KEY)
    assert con.execute("select count(*) from imports").fetchone()[0] == 0
    assert con.execute("select count(*) from rejected_rows").fetchone()[0] == 0


def test_records_that_cannot_be_placed_are_rejected_with_reasons(tmp_path):
    raw = ec.llp_records().head(3).copy()
    raw.loc[1, ["study_start_date", "work_start_date"]] = ["00/0000", ""]
    raw.loc[2, "home_institution"] = "?"
    path = tmp_path / "two_bad.csv"
    raw.to_csv(path, sep=";", index=False)
    con = connect(":memory:")
    result = erasmus_ec.import_ec_file(con, path, KEY)
    assert (result.loaded, result.rejected) == (1, 2)
    rejected = frame(con, "select row_number, column_name, reason from rejected_rows")
    assert rejected["row_number"].tolist() == [3, 4]  # the header is row 1
    assert rejected["column_name"].tolist() == ["start_date", "home_country"]
    assert "cannot be placed in a year" in rejected["reason"].iloc[0]


# --- raw LLP header variants -------------------------------------------------------------

RAW_2008 = (
    "HOMEINSTITUTION;COUNTRYOFHOMEINSTITUTION;AGE;SEX;NATIONALITY;SUBJECTAREA;LEVELSTUDY;"
    "YEARSPRIOR;MOBILITYTYPE;HOSTINSTITUTION;COUNTRYOFHOSTINSTITUTION;WORKPLACEMENT;"
    "COUNTRYOFWORKPLACEMENT;ENTERPRISESIZE;TYPEWORKSECTOR;LENGTHSTUDYPERIOD;"
    "LENGTHWORKPLACEMENT;SHORTDURATION;STUDYSTARTDATE;PLACEMENTSTARTDATE;"
    "CONSORTIUMAGREEMENTNUMBER;ECTSCREDITSSTUDY;ECTSCREDITSWORK;TOTALECTSCREDITS;"
    "SEVSUPPLEMENT;TAUGHTHOSTLANG;LANGUAGETAUGHT;LINGPREPARATION;STUDYGRANT;PLACEMENTGRANT;"
    "PREVIOUSPARTICIPATION;QUALIFICATIONATHOST"
)

RAW_2012 = (
    "STUDENT_ID;ID_MOBILITY_CDE;HOME_INSTITUTION_CDE;HOME_INSTITUTION_CTRY_CDE;"
    "STUDENT_AGE_VALUE;STUDENT_GENDER_CDE;STUDENT_NATIONALITY_CDE;STUDENT_SUBJECT_AREA_VALUE;"
    "STUDENT_STUDY_LEVEL_CDE;NUMB_YRS_HIGHER_EDUCAT_VALUE;MOBILITY_TYPE_CDE;"
    "HOST_INSTITUTION_CDE;HOST_INSTITUTION_COUNTRY_CDE;PLACEMENT_ENTERPRISE_VALUE;"
    "PLACEMENT_ENTERPRISE_CTRY_CDE;PLACEMENT_ENTERPRISE_SIZE_CDE;TYPE_PLACEMENT_SECTOR_VALUE;"
    "LENGTH_STUDY_PERIOD_VALUE;LENGTH_PLACEMENT_VALUE;SHORT_DURATION_CDE;STUDY_START_DATE;"
    "PLACEMENT_START_DATE;CONSORTIUM_AGREEMENT_NUMBER;ECTS_CREDITS_STUDY_AMT;"
    "ECTS_CREDITS_PLACEMENT_AMT;TOTAL_ECTS_CREDITS_AMT;SPECIAL_NEEDS_SUPPLEMENT_VALUE;"
    "TAUGHT_HOST_LANGUAGE_CDE;LANGUAGE_TAUGHT_CDE;LINGUISTIC_PREPARATION_CDE;STUDY_GRANT_AMT;"
    "PLACEMENT_GRANT_AMT;PREVIOUS_PARTICIPATION_CDE;QUALIFICATION_AT_HOST_CDE"
)


def _raw_file(path, header: str, rows: list[dict], encoding: str = "utf-8"):
    columns = header.split(";")
    lines = [header] + [";".join(row.get(c, "") for c in columns) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def test_raw_2008_header_gives_the_year_and_maps_every_code(tmp_path):
    rows = [
        {  # a placement starting in June 2009 belongs to the 2008-09 file's year
            "HOMEINSTITUTION": "d konstan01",
            "COUNTRYOFHOMEINSTITUTION": "DE",
            "AGE": "23",
            "SEX": "F",
            "NATIONALITY": "EL",
            "LEVELSTUDY": "S",
            "MOBILITYTYPE": "P",
            "WORKPLACEMENT": "ACME",
            "COUNTRYOFWORKPLACEMENT": "UK",
            "LENGTHWORKPLACEMENT": "3",
            "PLACEMENTSTARTDATE": "Jun-09",
        },
        {
            "HOMEINSTITUTION": "UK BATH01",
            "COUNTRYOFHOMEINSTITUTION": "UK",
            "AGE": "21",
            "SEX": "M",
            "NATIONALITY": "XX",
            "LEVELSTUDY": "1",
            "MOBILITYTYPE": "S",
            "HOSTINSTITUTION": "G  ATHINE01",
            "COUNTRYOFHOSTINSTITUTION": "GR",
            "LENGTHSTUDYPERIOD": "4,5",
            "STUDYSTARTDATE": "09/2008",
        },
    ]
    path = _raw_file(tmp_path / "student_data_2008.csv", RAW_2008, rows, "cp1252")
    con = connect(":memory:")
    result = erasmus_ec.import_ec_file(con, path, KEY)
    assert (result.loaded, result.rejected) == (2, 0)
    assert any("2008-09 (raw EC file)" in note for note in result.notes)
    build(con)
    got = frame(
        con,
        "select home_erasmus_code, home_country, destination_country, nationality, "
        "study_level, mobility_type, gender, academic_year, duration_months "
        "from benchmark_mobilities order by age desc",
    )
    assert got.to_dict(orient="list") == {
        "home_erasmus_code": ["D  KONSTAN01", "UK BATH01"],
        "home_country": ["DE", "GB"],
        "destination_country": ["GB", "GR"],
        "nationality": ["GR", None],
        "study_level": [5, 6],
        "mobility_type": ["placement", "study"],
        "gender": ["female", "male"],
        "academic_year": ["2008/09", "2008/09"],
        "duration_months": [3.0, 4.5],
    }


def test_raw_2012_student_ids_are_pseudonymised_and_markers_are_missing(tmp_path):
    rows = [
        {
            "STUDENT_ID": "S-778899",
            "ID_MOBILITY_CDE": "1",
            "HOME_INSTITUTION_CDE": "E  MADRID03",
            "HOME_INSTITUTION_CTRY_CDE": "ES",
            "STUDENT_AGE_VALUE": "?",
            "STUDENT_GENDER_CDE": "? Unknown ?",
            "STUDENT_NATIONALITY_CDE": "???",
            "STUDENT_STUDY_LEVEL_CDE": "2",
            "MOBILITY_TYPE_CDE": "S",
            "HOST_INSTITUTION_CDE": "I  BOLOGNA01",
            "HOST_INSTITUTION_COUNTRY_CDE": "IT",
            "PLACEMENT_ENTERPRISE_VALUE": "?",
            "LENGTH_STUDY_PERIOD_VALUE": "9",
            "STUDY_START_DATE": "09/2012",
            "PLACEMENT_START_DATE": "00/0000",
        },
    ]
    path = _raw_file(tmp_path / "SM_2012_13_20141103_01.csv", RAW_2012, rows, "latin-1")
    con = connect(":memory:")
    result = erasmus_ec.import_ec_file(con, path, KEY)
    assert (result.loaded, result.rejected) == (1, 0)
    stored = frame(con, "select * from ec_mobilities").iloc[0]
    assert stored["person_id"].startswith("p_") and "778899" not in stored["person_id"]
    for column in ("age", "gender", "nationality", "placement_enterprise", "placement_start"):
        assert pd.isna(stored[column]), column
    assert stored["reported_year"] == "2012/13"
    everything = con.execute("select to_json(m) from ec_mobilities as m").fetchone()[0]
    assert "S-778899" not in everything


# --- Erasmus+ KA1 ------------------------------------------------------------------------

KA1_HEADER = (
    "Project Reference;Academic Year;Mobility Start Month;Mobility End Month;Mobility Duration;"
    "Activity (mob);Field of Education;Participant Nationality;Education Level;"
    "Participant Gender;Participant Profile;Special Needs;Fewer Opportunities;GroupLeader;"
    "Participant Age;Sending Country Code;Sending City;Sending Organization;"
    "Sending Organisation Erasmus Code;Receiving Country Code;Receiving City;"
    "Receiving Organization;Receiving Organisation Erasmus Code;Participants"
)


def test_ka1_aggregated_rows_count_by_their_weight(tmp_path):
    rows = [
        "2019-1-DE01-KA103-005000;2019-2020;2019-09;2020-01;150;Student mobility for studies;"
        "Business and administration;DE;ISCED-6 - First cycle / Bachelor's or equivalent level "
        "(EQF-6);Female;Learner;No;Yes;No;21;DE;Konstanz;Universitaet Konstanz;D  KONSTAN01;EL;"
        "Athens;University of Athens;G  ATHINE01;3",
        "2019-1-DE01-KA103-005000;2019-2020;2020-02;2020-04;60;"
        "Student mobility for traineeships;Business and administration;DE;???;Male;Learner;No;"
        "No;No;23;DE;Konstanz;Universitaet Konstanz;D  KONSTAN01;UK;London;Acme Ltd;;1",
        "2019-1-DE01-KA103-005000;2019-2020;2019-10;2019-10;5;Staff mobility for teaching;"
        "???;DE;???;Undefined;Staff;No;No;No;45;DE;Konstanz;Universitaet Konstanz;"
        "D  KONSTAN01;FR;Paris;Universite Paris;F  PARIS007;2",
    ]
    path = tmp_path / "KA1 mobilities eligible finalised started in 2019.csv"
    path.write_text("\n".join([KA1_HEADER, *rows]) + "\n", encoding="utf-8")
    con = connect(":memory:")
    result = erasmus_ec.import_ec_file(con, path, KEY)
    assert (result.loaded, result.rejected) == (3, 0)
    build(con)
    got = frame(
        con,
        "select mobility_type, participant_profile, study_level, gender, "
        "destination_country, academic_year, participants, duration_months "
        "from benchmark_mobilities order by participants desc",
    )
    assert got["participants"].tolist() == [3, 2, 1]  # weights kept, rows never expanded
    assert got["mobility_type"].tolist() == ["study", "teaching", "placement"]
    assert got["participant_profile"].tolist() == ["learner", "staff", "learner"]
    assert got["study_level"].tolist()[0] == 6 and got["study_level"].isna().tolist()[1:] == [
        True,
        True,
    ]
    assert got["gender"].tolist() == ["female", None, "male"]
    assert got["destination_country"].tolist() == ["GR", "FR", "GB"]
    assert set(got["academic_year"]) == {"2019/20"}
    assert got["duration_months"].tolist()[0] == pytest.approx(150 / 30.4375)
    assert con.execute("select count(*) from benchmark_mobilities").fetchone()[0] == 3
    total = con.execute("select sum(participants) from benchmark_mobilities").fetchone()[0]
    assert total == 6
    home = frame(con, "select * from benchmark_institutions where erasmus_code = 'D  KONSTAN01'")
    assert home["name"].tolist() == ["Universitaet Konstanz"]  # from the records: no EUC list
    assert home["outbound_participants"].tolist() == [6]


def test_ka1_later_release_columns_in_an_xlsx(tmp_path):
    header = [
        "Project Reference",
        "Academic Year",
        "Mobility Start Year/Month",
        "Mobility Duration - calendar days",
        "Activity (mob)",
        "Education Level",
        "Participant Gender",
        "Participant Profile",
        "Sending Country",
        "Sending Organisation",
        "Sending Organisation Erasmus Code",
        "Receiving Country",
        "Receiving Organisation",
        "Receiving Organisation Erasmus Code",
        "Actual Participants",
    ]
    rows = [
        [
            "2022-1-DE01-KA131-HED-000001",
            "2022-2023",
            "2022-09",
            "120",
            "Student mobility for studies",
            "Second cycle / Master's or equivalent level (EQF-7)",
            "Female",
            "Learner",
            "DE - Germany",
            "Universität Konstanz",
            "D  KONSTAN01",
            "EL - Greece",
            "University of Athens",
            "G  ATHINE01",
            "4",
        ]
    ]
    path = tmp_path / "Erasmus-KA1-Mobility-Data-2022.xlsx"
    pd.DataFrame(rows, columns=header).to_excel(path, index=False)
    con = connect(":memory:")
    result = erasmus_ec.import_ec_file(con, path, KEY)
    assert (result.loaded, result.rejected) == (1, 0)
    assert any("later release" in note for note in result.notes)
    stored = frame(con, "select * from ec_mobilities").iloc[0]
    assert (stored["home_country"], stored["host_country"]) == ("DE", "GR")
    assert (stored["participants"], stored["study_level"]) == (4, 7)
    assert stored["reported_year"] == "2022/23"


# --- the command ------------------------------------------------------------------------


def test_mobility_ingest_source_erasmus_ec(files, tmp_path):
    from tests.cli import run

    warehouse = tmp_path / "w.duckdb"
    done = run(
        "ingest", "--source", "erasmus-ec", *(str(p) for p in files.values()), warehouse=warehouse
    )
    out = " ".join(done.stdout.split())
    rows = len(ec.llp_records())
    assert f"students_llp.csv -> ec_mobilities (import #1): {rows:,} loaded" in out
    assert "recognised as: LLP student mobility, cleaned" in out
    assert "EUC.json -> ec_institutions (import #2)" in out
    assert "institutions: 1 code(s) in the records are not in the EC institution list" in out
    again = run("ingest", "--source", "erasmus-ec", str(files["records"]), warehouse=warehouse)
    assert "already imported (import #1)" in again.stdout
    wrong = run(
        "ingest",
        "--source",
        "erasmus-ec",
        "--table",
        "mobilities",
        str(files["records"]),
        warehouse=warehouse,
        check_code=2,
    )
    assert "do not apply to --source erasmus-ec" in wrong.stderr
