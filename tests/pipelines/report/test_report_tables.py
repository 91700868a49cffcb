"""Every report table against a second computation with pandas from the fixture's own records
(``tests/fixture_data.frames()``, via ``tests/oracle.py``), and the suppressed
report against the unsuppressed one."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from pipelines import metrics
from pipelines.report import ReportError, build_report
from pipelines.report.model import CONFIDENTIAL, PRIMARY, TOTAL, Report, Table
from tests import fixture_data
from tests.oracle import agreement_links, expected, label, mobilities, year_bounds
from tests.recoverability import recoverable_cells
from tests.report_fixture import FIXED, START, YEAR, realised, students

THRESHOLD = 5


@pytest.fixture(scope="module")
def full(fixture_warehouse) -> Report:
    return build_report(fixture_warehouse, YEAR, suppress=False, generated_at=FIXED)


@pytest.fixture(scope="module")
def safe(fixture_warehouse) -> Report:
    return build_report(fixture_warehouse, YEAR, suppress=True, generated_at=FIXED)


def rows_of(table: Table) -> dict[str, dict[str, object]]:
    frame = table.frame.set_index(table.label_column)
    return {str(k): dict(v) for k, v in frame.to_dict(orient="index").items()}


def crosstab(rows: pd.DataFrame, key: pd.Series) -> dict[str, dict[str, int]]:
    result: dict[str, dict[str, int]] = {}
    for (k, direction), n in rows.groupby([key, rows["direction"]]).size().items():
        entry = result.setdefault(str(k), {"Outbound": 0, "Inbound": 0})
        entry["Outbound" if direction == "outbound" else "Inbound"] += int(n)
    return result


LEVEL_NAMES = {6: "Bachelor (EQF 6)", 7: "Master (EQF 7)", 8: "Doctorate (EQF 8)"}
HOSTS = {"higher_education": "Higher education institution", "enterprise": "Enterprise"}
STAFF = {
    "teaching": "Teaching (STA)",
    "training": "Training (STT)",
    "research": "Research visit",
    "conference": "Conference",
}
ROLE_WORDS = {"student": "students", "staff": "staff", "researcher": "researchers"}


def of_kind(kind: str) -> Callable[[pd.DataFrame], pd.DataFrame]:
    return lambda m: m[m["kind"] == kind]


# table key -> (which realised mobilities, their row label)
DIRECTION_TABLES: dict[str, tuple[Callable, Callable[[pd.DataFrame], pd.Series]]] = {
    "students_by_country": (students, lambda m: m["partner_country"]),
    "students_by_kind": (students, lambda m: m["kind"].map(metrics.KINDS)),
    "students_by_level": (students, lambda m: m["study_level"].map(LEVEL_NAMES)),
    "students_by_faculty": (students, lambda m: m["faculty"].fillna("(not set)")),
    "staff_by_type": (of_kind("staff_research"), lambda m: m["activity"].map(STAFF)),
    "dual_degrees": (of_kind("dual_degree"), lambda m: m["partner_country"]),
    "online_blended": (
        of_kind("online"),
        lambda m: m["mode"].str.capitalize() + " · " + m["person_role"].map(ROLE_WORDS),
    ),
    "internships": (of_kind("internship"), lambda m: m["host_type"].map(HOSTS)),
}


def label_key(table: Table, label: str) -> str:
    """Country tables label rows 'Germany (DE)': compare by the code."""
    return label[-3:-1] if table.label_column == "Partner country" else label


@pytest.mark.parametrize("key", list(DIRECTION_TABLES))
def test_direction_tables_match_pandas(full, key):
    select, row_label = DIRECTION_TABLES[key]
    rows = select(realised())
    wanted = crosstab(rows, row_label(rows))
    assert wanted, f"the fixture has no {key} rows in {YEAR}: the test would be empty"
    table = full.table(key)
    got = {
        label_key(table, k): {"Outbound": v["Outbound"], "Inbound": v["Inbound"]}
        for k, v in rows_of(table).items()
        if k != TOTAL
    }
    assert got == wanted
    for row in rows_of(table).values():
        assert row["Total"] == row["Outbound"] + row["Inbound"]
    total = rows_of(table)[TOTAL]
    assert total["Outbound"] == int((rows["direction"] == "outbound").sum())
    assert total["Inbound"] == int((rows["direction"] == "inbound").sum())


def test_country_rows_are_largest_first(full):
    totals = [
        r["Total"] for k, r in rows_of(full.table("students_by_country")).items() if k != TOTAL
    ]
    assert totals == sorted(totals, reverse=True)


def test_trend_tables_count_each_kind_and_year(full):
    m = mobilities()
    m = m[m["realised"]]
    for direction in ("outbound", "inbound"):
        table = rows_of(full.table(f"trend_{direction}"))
        for kind, name in metrics.KINDS.items():
            if kind == "projects":
                continue
            for year in (2022, 2023, 2024):
                n = int(
                    (
                        (m["kind"] == kind) & (m["direction"] == direction) & (m["year"] == year)
                    ).sum()
                )
                assert table[name][label(year)] == n, (direction, kind, year)
        for year in (2022, 2023, 2024):
            n = int(((m["direction"] == direction) & (m["year"] == year)).sum())
            assert table[TOTAL][label(year)] == n


def test_headline_and_trend_kpis_are_the_registry_values(full):
    headline = [k for k in metrics.KPIS if k.headline]
    table = full.table("headline").frame
    assert table["Indicator"].tolist() == [k.name for k in headline]
    assert table["Definition"].tolist() == [k.definition for k in headline]
    trend = full.table("trend_kpis").frame
    for i, kpi in enumerate(headline):
        values = expected(kpi.id, "all")
        assert math.isclose(table[YEAR].iloc[i], values[(YEAR, "all")], rel_tol=1e-9)
        assert math.isclose(table["2023/24"].iloc[i], values[("2023/24", "all")], rel_tol=1e-9)
        for year in ("2022/23", "2023/24", YEAR):
            assert math.isclose(trend[year].iloc[i], values[(year, "all")], rel_tol=1e-9)


def test_projects_running_in_the_year(full):
    p = fixture_data.frames()["projects"]
    first, last = year_bounds(START)
    active = p[(p["start_date"] <= last) & (p["end_date"] >= first)]
    table = full.table("projects").frame
    body = table[table["Programme"] != TOTAL]
    assert sorted(
        zip(body["Programme"], body["Our role"].str.lower(), body["Projects running"], strict=True)
    ) == sorted((prog, role, len(g)) for (prog, role), g in active.groupby(["programme", "role"]))
    total = table[table["Programme"] == TOTAL].iloc[0]
    assert total["Projects running"] == len(active)
    assert total["Budget total (EUR)"] == active["budget_total"].sum()
    assert total["Own share (EUR)"] == active["budget_own_share"].sum()
    starting = active[
        active["start_date"].map(lambda d: d.year if d.month >= 9 else d.year - 1) == START
    ]
    assert total["Starting this year"] == len(starting)


def test_agreements_by_country(full):
    a = fixture_data.frames()["agreements"]
    first, last = year_bounds(START)
    valid = a[(a["valid_from"] <= last) & (a["valid_to"] >= first)]
    links = agreement_links()
    m = realised()
    m = m[m["mobility_id"].isin(links)].assign(agreement=lambda x: x["mobility_id"].map(links))
    m = m[m["agreement"].isin(valid["agreement_id"])]
    country = dict(zip(a["agreement_id"], a["partner_country"], strict=True))
    utilisation = expected("agreement_utilisation", "country")
    dormant = expected("dormant_agreements", "country")
    table = rows_of(full.table("agreements"))
    assert {k[-3:-1] for k in table if k != TOTAL} == set(valid["partner_country"])
    for name, row in table.items():
        if name == TOTAL:
            continue
        code = name[-3:-1]
        mine = valid[valid["partner_country"] == code]
        moved = m[m["agreement"].map(country) == code]
        assert row["Agreements"] == len(mine)
        assert row["Places out"] == mine["places_outbound"].sum()
        assert row["Places in"] == mine["places_inbound"].sum()
        assert row["Realised out"] == int((moved["direction"] == "outbound").sum())
        assert row["Realised in"] == int((moved["direction"] == "inbound").sum())
        assert row["Dormant"] == dormant.get((YEAR, code), 0)
        assert math.isclose(row["Utilisation (%)"], utilisation[(YEAR, code)], rel_tol=1e-9)
    assert math.isclose(
        table[TOTAL]["Utilisation (%)"], expected("agreement_utilisation", "all")[(YEAR, "all")]
    )


def faculty_rows(table: Table) -> dict[str, dict[str, object]]:
    return {("all" if k == TOTAL else k): v for k, v in rows_of(table).items()}


def test_recognition_language_and_inclusion_by_faculty(full):
    m = mobilities()
    m = m[m["year"] == START].assign(f=lambda x: x["faculty"].fillna("(not set)"))
    done = m[
        (m["status"] == "completed")
        & (m["person_role"] == "student")
        & (m["direction"] == "outbound")
        & m["ects_planned"].notna()
    ]
    recognition = faculty_rows(full.table("recognition"))
    language = faculty_rows(full.table("language"))
    inclusion = faculty_rows(full.table("inclusion"))
    assert set(recognition) == set(m["f"]) | {"all"}
    rates = {
        k: expected(k, "faculty") | expected(k, "all")
        for k in (
            "recognition_rate",
            "credit_success_rate",
            "language_improvement_share",
            "fewer_opportunities_share",
        )
    }
    for faculty in set(m["f"]) | {"all"}:
        mine = done if faculty == "all" else done[done["f"] == faculty]
        with_recognition = mine[mine["ects_recognised"].notna()]
        row = recognition[faculty]
        assert row["Mobilities, recognition data"] == len(with_recognition)
        assert row["Mobilities, achievement data"] == int(mine["ects_achieved"].notna().sum())
        if len(with_recognition):
            assert row["ECTS recognised"] == with_recognition["ects_recognised"].sum()
            assert math.isclose(
                row["Recognition rate (%)"], rates["recognition_rate"][(YEAR, faculty)]
            )
        group = m if faculty == "all" else m[m["f"] == faculty]
        assessed = group[group["realised"] & group["before"].notna() & group["after"].notna()]
        assert language[faculty]["Mobilities with CEFR before and after"] == len(assessed)
        assert language[faculty]["Improved by a level or more"] == int(
            (assessed["after"] >= assessed["before"] + 1).sum()
        )
        outbound = group[
            group["realised"]
            & (group["person_role"] == "student")
            & (group["direction"] == "outbound")
        ]
        assert inclusion[faculty]["Outbound student mobilities"] == len(outbound)
        assert inclusion[faculty]["With fewer opportunities"] == int(
            (outbound["fewer_opportunities"] == True).sum()  # noqa: E712
        )
        assert inclusion[faculty]["With special needs support"] == int(
            (outbound["special_needs"] == True).sum()  # noqa: E712
        )


def test_graduates_share_against_the_eu_target(full):
    table = faculty_rows(full.table("graduates_share"))
    wanted = expected("graduates_mobility_share", "faculty") | expected(
        "graduates_mobility_share", "all"
    )
    assert set(table) == set(fixture_data.FACULTIES) | {"all"}
    h = fixture_data.frames()["headcounts"]
    h = h[h["academic_year"] == YEAR]
    for faculty, row in table.items():
        assert math.isclose(row["Share (%)"], wanted[(YEAR, faculty)], rel_tol=1e-9)
        graduates = (
            h["graduates"] if faculty == "all" else h.loc[h["faculty"] == faculty, "graduates"]
        )
        assert row["Graduates"] == graduates.sum()
        assert row["EU target (%)"] == 23.0
        assert math.isclose(row["Gap to target (pp)"], row["Share (%)"] - 23.0)


def test_a_faculty_report_counts_only_that_faculty(fixture_warehouse):
    faculty = fixture_data.FACULTIES[0]
    report = build_report(fixture_warehouse, YEAR, faculty=faculty, suppress=False)
    rows = students(realised())
    rows = rows[rows["faculty"] == faculty]
    total = rows_of(report.table("students_by_country"))[TOTAL]
    assert (total["Outbound"], total["Inbound"]) == (
        int((rows["direction"] == "outbound").sum()),
        int((rows["direction"] == "inbound").sum()),
    )
    assert report.table("graduates_share").frame["Faculty"].tolist() == [faculty]
    assert report.cover.scope == faculty


def test_a_degree_programme_report_counts_that_programme_over_its_headcounts(fixture_warehouse):
    programme, faculty = "Finance (BSc)", fixture_data.FACULTIES[1]
    report = build_report(fixture_warehouse, YEAR, programme=programme, suppress=False)
    rows = students(realised())
    rows = rows[rows["degree_programme"] == programme]
    total = rows_of(report.table("students_by_country"))[TOTAL]
    assert (total["Outbound"], total["Inbound"]) == (
        int((rows["direction"] == "outbound").sum()),
        int((rows["direction"] == "inbound").sum()),
    )
    # graduates: the programme's own headcount rows (40 % of the faculty's bachelors)
    shares = report.table("graduates_share").frame
    h = fixture_data.frames()["headcounts"]
    graduates = h.loc[(h["academic_year"] == YEAR) & (h["degree_programme"] == programme)]
    assert shares["Degree programme"].tolist() == [programme]
    assert shares["Graduates"].tolist() == [graduates["graduates"].sum()] == [round(0.4 * 300)]
    wanted = expected("graduates_mobility_share", "degree_programme")[(YEAR, programme)]
    assert math.isclose(shares["Share (%)"].iloc[0], wanted, rel_tol=1e-9)
    # agreements and projects are recorded per faculty: the programme's faculty's
    assert report.cover.scope == f"{programme}, {faculty}"
    faculty_report = build_report(fixture_warehouse, YEAR, faculty=faculty, suppress=False)
    for key in ("agreements", "projects"):
        pd.testing.assert_frame_equal(
            report.table(key).frame, faculty_report.table(key).frame, check_dtype=False
        )
        assert report.table(key).note.endswith(
            f"are recorded per faculty, not per degree programme: these are those of the {faculty}."
        )
        assert "per degree programme" not in faculty_report.table(key).note


def test_suppressed_report_shows_only_true_values_and_hides_all_small_counts(full, safe):
    assert [t.key for t in full.tables] == [t.key for t in safe.tables]
    hidden = 0
    for open_table, table in zip(full.tables, safe.tables, strict=True):
        assert table.frame.shape == open_table.frame.shape
        assert (open_table.flags == "").all().all()
        for column in table.value_columns:
            for i in range(len(table.frame)):
                flag = table.flags.iloc[i][column]
                truth = open_table.frame.iloc[i][column]
                shown = table.frame.iloc[i][column]
                if flag == "":
                    assert shown == truth or (shown is None and truth is None), (table.key, i)
                else:
                    assert shown is None  # the number is gone, not just formatted away
                    hidden += 1
                if column in table.counts:
                    small = truth is not None and 1 <= truth < THRESHOLD
                    assert (flag == PRIMARY) == small, (table.key, column, i, truth)
                    if flag == CONFIDENTIAL:
                        assert truth >= THRESHOLD
    assert hidden > 0, "the fixture is small: some cells must be suppressed"


def test_no_suppressed_count_in_any_report_table_can_be_recovered(full, safe):
    checked = 0
    for open_table, table in zip(full.tables, safe.tables, strict=True):
        if not table.counts:
            continue
        ordered = [c for c in table.counts if c != table.row_total]
        ordered += [table.row_total] if table.row_total else []
        values = open_table.frame[ordered].fillna(0).to_numpy(dtype=np.int64)
        mask = (table.flags[ordered] != "").to_numpy()
        if mask.any():
            checked += 1
            found = recoverable_cells(values, mask, table.row_total is not None, table.total_row)
            assert found == [], table.key
    assert checked >= 3


def test_kpi_values_resting_on_few_people_are_hidden(fixture_warehouse):
    faculty = fixture_data.FACULTIES[2]
    safe = build_report(fixture_warehouse, YEAR, faculty=faculty, suppress=True)
    table = safe.table("trend_kpis")
    m = mobilities()
    mine = m[m["realised"] & (m["faculty"] == faculty) & (m["direction"] == "outbound")]
    row = [k.id for k in metrics.KPIS if k.headline].index("outbound_mobilities")
    for year in (2022, 2023, 2024):
        n = int((mine["year"] == year).sum())
        flag = table.flags.iloc[row][label(year)]
        assert (flag == PRIMARY) == (1 <= n < THRESHOLD)
        if not flag:
            assert table.frame.iloc[row][label(year)] == n


def test_same_inputs_same_tables(fixture_warehouse, safe):
    again = build_report(fixture_warehouse, YEAR, suppress=True, generated_at=FIXED)
    assert again.cover == safe.cover
    for a, b in zip(safe.tables, again.tables, strict=True):
        pd.testing.assert_frame_equal(a.frame, b.frame)
        pd.testing.assert_frame_equal(a.flags, b.flags)


def test_cover_names_the_imported_files_and_the_build(safe, fixture_files):
    import hashlib

    hashes = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in fixture_files.values()}
    assert {r.file_name: r.sha256 for r in safe.cover.imports} == hashes
    assert safe.cover.built_at is not None and safe.cover.build_checks > 0
    assert safe.cover.suppression.enabled and safe.cover.suppression.threshold == THRESHOLD


def test_unknown_year_and_faculty_are_clear_errors(fixture_warehouse, tmp_path):
    with pytest.raises(ReportError, match="no data for 1999/00; years with data: 2022/23"):
        build_report(fixture_warehouse, "1999")
    with pytest.raises(ReportError, match="is not an academic year"):
        build_report(fixture_warehouse, "last year")
    with pytest.raises(ReportError, match="no faculty 'Faculty of Magic'"):
        build_report(fixture_warehouse, YEAR, faculty="Faculty of Magic")
    unknown = r"no degree programme 'Magic' in the mobilities; known: Economics \(BSc\), "
    with pytest.raises(ReportError, match=unknown):
        build_report(fixture_warehouse, YEAR, programme="Magic")
    with pytest.raises(ReportError, match="no warehouse here"):
        build_report(tmp_path / "none.duckdb", YEAR)


def test_students_without_a_study_level_are_counted_as_not_set(tmp_path):
    """The contract lets a student's study level be empty; the report counts such students
    in a "(not set)" row instead of failing (it raised a TypeError on pd.NA)."""
    from pipelines.ingest.load import import_file
    from pipelines.transform.build import build
    from pipelines.warehouse import connect
    from tests.conftest import KEY

    def chosen(m: pd.DataFrame) -> pd.Series:
        return (m["person_role"] == "student") & m["mobility_id"].str.endswith("7")

    tables = fixture_data.frames()
    tables["mobilities"].loc[chosen(tables["mobilities"]), "study_level"] = None
    path = tmp_path / "w.duckdb"
    con = connect(path)
    for table, file in fixture_data.write(tmp_path / "files", tables).items():
        import_file(con, file, KEY, table=table)
    build(con)
    con.close()

    rows = rows_of(
        build_report(path, YEAR, suppress=False, generated_at=FIXED).table("students_by_level")
    )
    emptied = realised()[chosen(realised())]
    expected_rows = {
        "Outbound": int((emptied["direction"] == "outbound").sum()),
        "Inbound": int((emptied["direction"] == "inbound").sum()),
    }
    assert sum(expected_rows.values()) > 0
    assert {k: rows["(not set)"][k] for k in expected_rows} == expected_rows
