"""The SQL models and their checks, on a real warehouse."""

from __future__ import annotations

import re

import pytest

from pipelines.ingest.load import import_file
from pipelines.transform.build import BuildFailed, build, discover
from pipelines.warehouse import build_status
from tests import fixture_data


def test_models_run_in_layer_and_dependency_order():
    models = discover()
    position = {m.name: i for i, m in enumerate(models)}
    layers = [m.layer for m in models]
    assert layers == sorted(layers, key=["staging", "intermediate", "marts"].index)
    for model in models:
        code = re.sub(r"--[^\n]*", "", model.sql)
        ctes = set(re.findall(r"(\w+) as \(", code))
        for used in re.findall(r"\b(?:from|join)\s+(\w+)", code):
            if used in position and used not in ctes:
                assert position[used] < position[model.name], (model.name, used)


def test_marts_reconcile_with_sources(built):
    raw = built.execute("select count(*) from raw_mobilities").fetchone()[0]
    assert raw == len(fixture_data.frames()["mobilities"])
    assert built.execute("select count(*) from mobilities").fetchone()[0] == raw
    assert built.execute("select count(distinct mobility_id) from mobilities").fetchone()[0] == raw
    assert built.execute("select count(*) from agreements").fetchone()[0] == 7
    assert built.execute("select count(*) from projects").fetchone()[0] == 5


def test_mobility_mart_derivations(built):
    rows = dict(
        built.execute(
            "select mobility_id, struct_pack(academic_year, duration_days, kind, "
            "is_credit_mobility, "
            "partner_country_name, partner_region) from mobilities"
        ).fetchall()
    )
    frame = fixture_data.frames()["mobilities"].set_index("mobility_id")
    for mobility_id, derived in list(rows.items())[:60]:
        source = frame.loc[mobility_id]
        start, end = source["start_date"], source["end_date"]
        year = start.year if start.month >= 9 else start.year - 1
        assert derived["academic_year"] == f"{year}/{(year + 1) % 100:02d}"
        assert derived["duration_days"] == (end - start).days + 1
    regions = {row["partner_country_name"]: row["partner_region"] for row in rows.values()}
    assert regions["Germany"] == "Western Europe"
    assert regions["Kenya"] == "Eastern Africa"
    assert regions["United Kingdom"] == "Northern Europe"


def test_agreement_links_and_dormancy(built):
    links = dict(
        built.execute(
            "select mobility_id, agreement_link from mobilities where agreement_id is not null"
        ).fetchall()
    )
    assert "given" in links.values() and "matched" in links.values()
    dormant = {
        a
        for (a,) in built.execute(
            "select distinct agreement_id from agreement_years where is_dormant"
        ).fetchall()
    }
    assert "A-NAI-STA" in dormant  # no mobility ever falls under it


def test_duplicate_source_rows_fail_the_build_naming_the_check(fixture_files, key, con):
    for table, path in fixture_files.items():
        import_file(con, path, key, table=table)
    con.execute("insert into raw_mobilities select * from raw_mobilities limit 1")
    with pytest.raises(BuildFailed, match=r"check failed: mobilities: unique \(mobility_id\)"):
        build(con)


def test_double_counted_headcounts_fail_the_build(fixture_files, key, con, tmp_path):
    for table, path in fixture_files.items():
        import_file(con, path, key, table=table)
    extra = tmp_path / "total.csv"
    extra.write_text(
        "academic_year,faculty,enrolled_students\n2023/24,Faculty of Engineering,9999\n"
    )
    import_file(con, extra, key, table="headcounts")
    with pytest.raises(BuildFailed, match="check failed: headcounts_not_double_counted"):
        build(con)


def test_a_failed_build_keeps_the_previous_marts(fixture_files, key, con):
    for table, path in fixture_files.items():
        import_file(con, path, key, table=table)
    build(con)
    before = con.execute("select count(*), sum(value) from kpi_values").fetchone()
    con.execute("update raw_mobilities set direction = 'sideways' where mobility_id = 'M0001'")
    with pytest.raises(BuildFailed, match="mobilities: direction in accepted values"):
        build(con)
    assert con.execute("select count(*), sum(value) from kpi_values").fetchone() == before


def test_year_start_month_setting_moves_mobilities_between_years(fixture_files, key, con):
    for table, path in fixture_files.items():
        import_file(con, path, key, table=table)
    build(con)
    september = dict(con.execute("select mobility_id, academic_year from mobilities").fetchall())
    con.execute("update settings set value = '10' where key = 'year_start_month'")
    build(con)
    october = dict(con.execute("select mobility_id, academic_year from mobilities").fetchall())
    starts = fixture_data.frames()["mobilities"].set_index("mobility_id")["start_date"]
    moved = {m for m in september if september[m] != october[m]}
    assert moved == {m for m, d in starts.items() if d.month == 9}


def test_marts_built_by_another_version_of_the_models_are_stale_until_rebuilt(con):
    build(con)
    assert not build_status(con).stale
    con.execute("update builds set code_state = 'an older version'")
    status = build_status(con)
    assert status.stale and status.program_updated
    build(con)
    assert not build_status(con).stale


def test_a_model_can_choose_to_be_a_view_and_the_rest_follow_their_layer(built):
    views = {r[0] for r in built.execute("select view_name from duckdb_views()").fetchall()}
    tables = {r[0] for r in built.execute("select table_name from duckdb_tables()").fetchall()}
    assert "int_kpi_bases" in views and "int_kpi_bases" not in tables
    assert {"int_mobilities", "mobilities", "kpi_values"} <= tables
    assert "stg_mobilities" in views
    # the view gives what the table gave: one row per mobility
    assert (
        built.execute("select count(*) from int_kpi_bases").fetchone()[0]
        == built.execute("select count(*) from mobilities").fetchone()[0]
    )


def test_filter_values_are_the_distinct_values_of_the_mobilities(built):
    frame = built.execute("select * from mobilities").fetchdf()
    expected = (
        {("faculty", v) for v in frame["faculty_label"].unique()}
        | {("programme", v) for v in frame["programme_label"].unique()}
        | {("level", str(v)) for v in frame["study_level"].dropna().unique()}
        | {("kind", v) for v in frame["kind"].unique()}
        | {("degree_programme", v) for v in frame["degree_programme_label"].unique()}
    )
    stored = set(built.execute("select filter, value from filter_values").fetchall())
    assert stored == expected
    assert len(expected) > 10
