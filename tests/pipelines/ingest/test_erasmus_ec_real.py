"""The real EC Erasmus files: all 488,678 records of ../shared/data/real import, and agree.

The 21 part files hold the complete academic years 2008-09 (parts 000-008) and 2011-12
(parts 027-038); they are imported once for this module (about 30 s), with the EC
institution list and the EC country flow table. Every total and breakdown is recomputed
independently: DuckDB's own CSV reader over the same files and hand-written SQL for the EC
codes (fixed-width prefix -> country, cycle -> EQF level), never the adapter's code.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from pipelines.ingest import erasmus_ec
from pipelines.transform.build import build
from pipelines.warehouse import connect
from tests.conftest import KEY, REAL_DATA, REAL_DATA_REQUIRED

RECORDS = REAL_DATA / "erasmus_student_mobility_2008_2012"
EUC = REAL_DATA / "erasmus_euc_institutions" / "EUC.json"
FLOWS = REAL_DATA / "erasmus_plus_country_flows_ec" / "Learning-mobility-flows-since-2014.csv"
PARTS = sorted(RECORDS.glob("part_*.csv"))
REAL_ROWS = 488_678

MISSING = len(PARTS) != 21 or not EUC.exists() or not FLOWS.exists()
WHY = f"the real EC Erasmus files are not at {REAL_DATA} (shared data folder absent)"
pytestmark = [
    pytest.mark.real_data,
    # on a developer's machine without the shared folder they skip; in CI they must run
    pytest.mark.skipif(MISSING and not REAL_DATA_REQUIRED, reason=WHY),
]


@pytest.fixture(autouse=True)
def _real_files_present() -> None:
    if MISSING:
        pytest.fail(f"{WHY}; CI requires them (MOBILITY_REQUIRE_REAL_DATA=1, set by .ci/run)")


# The EC's fixed-width institution-code prefixes, written out by hand for the check.
PREFIXES = {
    "A": "AT", "B": "BE", "BG": "BG", "CH": "CH", "CY": "CY", "CZ": "CZ", "D": "DE",
    "DK": "DK", "E": "ES", "EE": "EE", "F": "FR", "G": "GR", "HR": "HR", "HU": "HU",
    "I": "IT", "IS": "IS", "LI": "LI", "LT": "LT", "LV": "LV", "MT": "MT", "N": "NO",
    "NL": "NL", "P": "PT", "PL": "PL", "RO": "RO", "S": "SE", "SF": "FI", "SI": "SI",
    "SK": "SK", "TR": "TR", "UK": "GB", "IRL": "IE", "LUX": "LU", "EUR": "IT",
    "BEN": "BE", "BEF": "BE", "BED": "BE",  # BENL XX, BEFR XX, BEDE XX (first three chars)
}  # fmt: skip

INDEPENDENT = """
create table source as
select *, parse_filename(filename) as file
from read_csv(?, delim = ';', header = true, all_varchar = true, filename = true);

create table prefixes (prefix varchar, iso2 varchar);

create table expected as
with dated as (
    select *,
        -- a combined mobility starts with whichever of its two periods comes first
        least(strptime(study_start_date, '%m-%Y'), strptime(work_start_date, '%m-%Y'))
            as start_month
    from source
)
select
    file,
    home_institution,
    host_institution,
    work_placement,
    hp.iso2 as home_country,
    case
        when host_institution is not null then gp.iso2
        when country_work_placement = 'UK' then 'GB'
        when country_work_placement = 'EL' then 'GR'
        else country_work_placement
    end as destination_country,
    year(start_month) - case when month(start_month) < 9 then 1 else 0 end as year_start,
    case level_study when 'S' then 5 when '1' then 6 when '2' then 7 when '3' then 8 end
        as study_level,
    case mobility_type when 'S' then 'study' when 'P' then 'placement' when 'C' then 'combined'
    end as mobility_type,
    case nationality when 'UK' then 'GB' when 'EL' then 'GR' else nationality end
        as nationality,
    case gender when 'F' then 'female' when 'M' then 'male' end as gender
from dated
left join prefixes as hp on hp.prefix = trim(left(home_institution, 3))
left join prefixes as gp on gp.prefix = trim(left(host_institution, 3));
"""


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """(warehouse connection, independent connection, import results)."""
    path = tmp_path_factory.mktemp("real_ec") / "real.duckdb"
    con = connect(path)
    results = [erasmus_ec.import_ec_file(con, part, KEY) for part in PARTS]
    results.append(erasmus_ec.import_ec_file(con, EUC, KEY))
    results.append(erasmus_ec.import_ec_file(con, FLOWS, KEY))
    build(con)
    independent = duckdb.connect()
    statements = [s for s in INDEPENDENT.split(";\n") if s.strip()]
    independent.execute(statements[0], [[str(p) for p in PARTS]])
    independent.execute(statements[1])
    independent.executemany("insert into prefixes values (?, ?)", list(PREFIXES.items()))
    for statement in statements[2:]:
        independent.execute(statement)
    yield con, independent, results
    independent.close()
    con.close()


def by(con: duckdb.DuckDBPyConnection, sql: str) -> dict:
    """{group: count} of a query whose last column is the count."""
    rows = con.execute(sql).fetchall()
    return {(tuple(r[:-1]) if len(r) > 2 else r[0]): int(r[-1]) for r in rows}


def test_all_records_import_with_no_rejection(real):
    con, independent, results = real
    assert independent.execute("select count(*) from source").fetchone()[0] == REAL_ROWS
    assert sum(r.loaded for r in results[:21]) == REAL_ROWS
    assert sum(r.rejected for r in results) == 0
    assert con.execute("select count(*) from rejected_rows").fetchone()[0] == 0
    got = con.execute("select count(*), sum(participants) from benchmark_mobilities").fetchone()
    assert got == (REAL_ROWS, REAL_ROWS)


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("year_start", "year_start"),
        ("home_country", "home_country"),
        ("destination_country", "destination_country"),
        ("study_level", "study_level"),
        ("mobility_type", "mobility_type"),
        ("nationality", "nationality"),
        ("gender", "gender"),
        ("year_start, mobility_type", "year_start, mobility_type"),
        ("year_start, home_country, study_level", "year_start, home_country, study_level"),
    ],
)
def test_totals_and_breakdowns_match_an_independent_count(real, ours, theirs):
    con, independent, _ = real
    got = by(con, f"select {ours}, sum(participants) from benchmark_mobilities group by all")
    expected = by(independent, f"select {theirs}, count(*) from expected group by all")
    assert got == expected


def test_complete_years_are_complete(real):
    """2008-09 and 2011-12 in the parts' own order (SOURCE.md): every record is there."""
    con, independent, _ = real
    # records of each part counted by the file they came from, against the reader's count
    got = by(
        con,
        "select i.file_name, count(*) from ec_mobilities as m "
        "join imports as i on m._import_id = i.import_id group by 1",
    )
    expected = by(independent, "select file, count(*) from source group by 1")
    assert got == expected


def test_records_with_line_breaks_come_through_intact(real):
    con, independent, _ = real
    raw = independent.execute(
        "select count(*) from source where work_placement like '%' || chr(10) || '%'"
    ).fetchone()[0]
    assert raw == 225  # as SOURCE.md counts them
    # stored values are trimmed (line breaks at either end too); inner ones are kept
    fields = "placement_country, age, study_start, placement_start, placement_months"
    expected = independent.execute(
        "with s as (select *, regexp_replace(work_placement, '^\\s+|\\s+$', '', 'g') as text "
        "from source) "
        "select file, text, home_institution, host_institution, "
        "case country_work_placement when 'UK' then 'GB' when 'EL' then 'GR' "
        "else country_work_placement end, cast(age as integer), "
        "strptime(study_start_date, '%m-%Y')::date, strptime(work_start_date, '%m-%Y')::date, "
        "cast(length_work as double) from s "
        "where text like '%' || chr(10) || '%' order by all"
    ).fetchall()
    assert len(expected) > 200
    got = con.execute(
        "select i.file_name, m.placement_enterprise, m.home_erasmus_code, m.host_erasmus_code, "
        f"{fields} from ec_mobilities as m join imports as i on m._import_id = i.import_id "
        "where m.placement_enterprise like '%' || chr(10) || '%' order by all"
    ).fetchall()
    assert got == expected


def test_padded_codes_keep_their_fixed_width_form(real):
    """Every code survives (same codes, spaces aside); the padded form is the EC's own."""
    con, independent, _ = real
    for column, ours in (("home_institution", "home"), ("host_institution", "host")):
        expected = by(
            independent,
            f"select replace({column}, ' ', ''), count(*) from source "
            f"where {column} is not null group by 1",
        )
        code = f"{ours}_erasmus_code"
        got = by(
            con,
            f"select replace({code}, ' ', ''), count(*) from ec_mobilities "
            f"where {code} is not null group by 1",
        )
        assert got == expected, column
    homes = by(con, "select home_erasmus_code, count(*) from ec_mobilities group by 1")
    raw = by(independent, "select home_institution, count(*) from source group by 1")
    for code in ("D  KONSTAN01", "IRLLIMERIC01", "SF LAHTI11", "E  MADRID03"):
        assert homes[code] == raw[code]
    hosts = by(con, "select host_erasmus_code, count(*) from ec_mobilities group by 1")
    raw_hosts = by(independent, "select host_institution, count(*) from source group by 1")
    # a doubled space after a two-letter prefix is the same code as the fixed-width one
    assert hosts["DK SORO02"] == raw_hosts["DK SORO02"] + raw_hosts["DK  SORO02"]
    assert hosts["BENL XX"] == raw_hosts["BENL XX"]


def test_institution_resolution_reports_unknown_codes(real):
    con, independent, _ = real
    euc = pd.read_json(EUC, dtype=str)
    listed = set(euc["institutional_code"].str.upper().str.replace(r"\s+", "", regex=True))
    seen = {
        code
        for (code,) in independent.execute(
            "select distinct upper(regexp_replace(c, '\\s+', '', 'g')) from ("
            "select home_institution as c from source union all "
            "select host_institution from source) where c is not null"
        ).fetchall()
    }
    unknown = con.execute(
        "select code_key from benchmark_institutions where not in_institution_list"
    ).fetchall()
    assert {k for (k,) in unknown} == seen - listed
    assert con.execute("select count(*) from benchmark_institutions").fetchone()[0] == len(
        seen | listed
    )
    # the list's one mixed-case code resolves: Uk PRESTON03 is UK PRESTON03 in the records
    preston = con.execute(
        "select erasmus_code, in_institution_list, country from benchmark_institutions "
        "where code_key = 'UKPRESTON03'"
    ).fetchone()
    assert preston == ("UK PRESTON03", True, "GB")


def test_flow_table_imports_whole(real):
    con, _, _ = real
    table = pd.read_csv(FLOWS)  # pandas keeps the leading spaces of the headers
    assert list(table.columns) == ["Category", " (from)", " (to)", " (weight)"]
    got = con.execute(
        "select count(*), sum(participants) from benchmark_country_flows "
        "where source = 'ec_flow_table'"
    ).fetchone()
    assert got == (len(table), int(table[" (weight)"].sum()))
    turkey = int(table.loc[table[" (from)"] == "Türkiye", " (weight)"].sum())
    rest = int(table.loc[table[" (from)"] == "Rest of the world", " (weight)"].sum())
    sent = by(
        con,
        "select sending_country, sum(participants) from benchmark_country_flows "
        "where source = 'ec_flow_table' group by 1",
    )
    assert (sent["TR"], sent["ZZ"]) == (turkey, rest)


def test_reimporting_a_real_part_changes_nothing(real):
    con, _, results = real
    again = erasmus_ec.import_ec_file(con, PARTS[0], KEY)
    assert again.already_imported_as == results[0].import_id
    assert con.execute("select count(*) from ec_mobilities").fetchone()[0] == REAL_ROWS
