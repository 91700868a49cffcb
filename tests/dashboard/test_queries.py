"""The dashboard's filtered KPI query against the KPI mart: with one filter (or none) it must
give exactly the values ``kpi_values`` computes for that breakdown, so pages agree with the
``mobility kpi`` command and the reports whatever the filters."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboard.data import loader
from dashboard.data.overview import HEADLINE_KPIS
from dashboard.filters import Filters
from dashboard.queries import inclusion as inclusion_queries
from dashboard.queries import outcomes as outcomes_queries
from dashboard.queries import overview as overview_queries
from dashboard.queries import partners as partners_queries
from pipelines.ingest.load import import_file
from pipelines.transform.build import build
from pipelines.warehouse import connect
from tests import fixture_data, oracle
from tests.conftest import KEY
from tests.data_management import csv_bytes, mobility

YEARS = (min(fixture_data.YEARS), max(fixture_data.YEARS))


def mart(built, dimension: str, value: str) -> dict[tuple[int, str], float]:
    rows = built.execute(
        "select year_start, kpi_id, value from kpi_values where dimension = ? "
        "and dimension_value = ? and kpi_id in (select unnest(?))",
        [dimension, value, list(HEADLINE_KPIS)],
    ).fetchall()
    return {(year, kpi): v for year, kpi, v in rows}


def dashboard(flt: Filters) -> dict[tuple[int, str], float]:
    frame = overview_queries.headline_by_year(flt).dropna(subset=["value"])
    return {
        (int(r.year_start), r.kpi_id): float(r.value)
        for r in frame.itertuples()
        if r.value == r.value
    }


@pytest.mark.parametrize(
    ("flt", "dimension", "value"),
    [
        (Filters(*YEARS), "all", "all"),
        (
            Filters(*YEARS, faculties=(fixture_data.FACULTIES[0],)),
            "faculty",
            fixture_data.FACULTIES[0],
        ),
        (
            Filters(*YEARS, faculties=(fixture_data.FACULTIES[2],)),
            "faculty",
            fixture_data.FACULTIES[2],
        ),
        (Filters(*YEARS, levels=(7,)), "level", "7"),
        (Filters(*YEARS, kinds=("student_exchange",)), "kind", "student_exchange"),
    ],
)
def test_headline_kpis_equal_the_kpi_mart(built, flt, dimension, value):
    expected = mart(built, dimension, value)
    shown = dashboard(flt)
    # rates with headcount denominators exist in the mart only where the registry allows the
    # breakdown (not by kind): compare what both have, and require the counts everywhere
    common = {k: v for k, v in shown.items() if k in expected}
    assert common == pytest.approx({k: expected[k] for k in common})
    counts = {k for k in expected if k[1] in ("outbound_mobilities", "inbound_mobilities")}
    assert counts <= set(shown)


def test_filter_values_are_bound_not_written_into_sql(built):
    """A faculty name that is also SQL stays a value: nothing matches, nothing breaks."""
    flt = Filters(*YEARS, faculties=("x') or 1=1 --",))
    frame = overview_queries.headline_by_year(flt)
    counts = frame[frame["kpi_id"] == "outbound_mobilities"]["value"]
    assert (counts == 0).all()


def both_ways(con: duckdb.DuckDBPyConnection, flt: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The headline KPIs with no filter but the years, counted from the mobilities
    (headline_by_year.sql) and read from kpi_values (headline_by_year_unfiltered.sql)."""
    counted = loader.filtered(con, "overview/headline_by_year", flt.params())
    stored = loader.run(
        con, "overview/headline_by_year_unfiltered", year_from=flt.year_from, year_to=flt.year_to
    )
    return counted, stored


@pytest.mark.parametrize("years", [YEARS, *((y, y) for y in fixture_data.YEARS)])
def test_unfiltered_headline_kpis_read_from_the_kpi_mart_equal_the_counted_ones(built, years):
    """The Overview's first view reads kpi_values instead of counting every mobility: the same
    frame, value for value, for every year and headline KPI, and the oracle's values."""
    flt = Filters(*years)
    counted, stored = both_ways(built, flt)
    # the fixture has headcounts every year: every headline KPI has its kpi_values row
    assert stored["value"].notna().all()
    assert len(stored) == len(HEADLINE_KPIS) * (years[1] - years[0] + 1)
    pd.testing.assert_frame_equal(stored, counted, check_exact=True)
    pd.testing.assert_frame_equal(overview_queries.headline_by_year(flt), counted, check_exact=True)
    for kpi_id in HEADLINE_KPIS:
        rows = stored[stored["kpi_id"] == kpi_id]
        wanted = {
            year: value
            for (year, _), value in oracle.expected(kpi_id, "all").items()
            if year in set(rows["academic_year"])
        }
        assert dict(zip(rows["academic_year"], rows["value"], strict=True)) == pytest.approx(
            wanted, rel=1e-9
        ), kpi_id


EARLIER = min(fixture_data.YEARS) - 1  # a year without headcounts in the fixture


@pytest.fixture
def year_without_headcounts(writable_warehouse: Path, tmp_path: Path, monkeypatch) -> Path:
    """The fixture warehouse plus outbound study mobilities in a year it has no headcounts
    for: kpi_values has no outbound mobility ratio nor graduates' share that year."""
    rows = [
        mobility(f"EARLY-{i}", start_date=f"{EARLIER}-10-01", end_date=f"{EARLIER + 1}-02-28")
        for i in range(3)
    ]
    path = tmp_path / "early.csv"
    path.write_bytes(csv_bytes(rows))
    con = connect(writable_warehouse)
    try:
        assert import_file(con, path, KEY, table="mobilities").loaded == len(rows)
        build(con)
    finally:
        con.close()
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(writable_warehouse))
    return writable_warehouse


def test_a_year_the_kpi_mart_lacks_a_headline_kpi_of_is_counted(year_without_headcounts):
    """A rate without headcounts has no kpi_values row, but the Overview shows its numerator:
    that year is counted from the mobilities, the others read, and the frame is the same."""
    flt = Filters(EARLIER, max(fixture_data.YEARS))
    with duckdb.connect(str(year_without_headcounts), read_only=True) as con:
        counted, stored = both_ways(con, flt)
    lacking = stored[stored["value"].isna()]
    assert set(lacking["year_start"]) == {EARLIER}
    assert {"outbound_mobility_ratio", "graduates_mobility_share"} <= set(lacking["kpi_id"])
    ratio = counted[
        (counted["year_start"] == EARLIER) & (counted["kpi_id"] == "outbound_mobility_ratio")
    ]
    assert ratio["numerator"].tolist() == [3.0]
    pd.testing.assert_frame_equal(overview_queries.headline_by_year(flt), counted, check_exact=True)


def kpi_parts(built, kpi_id: str, year: int) -> tuple[float, float]:
    return built.execute(
        "select numerator, denominator from kpi_values where kpi_id = ? and year_start = ? "
        "and dimension = 'all'",
        [kpi_id, year],
    ).fetchone()


@pytest.mark.parametrize("year", fixture_data.YEARS)
def test_outcome_and_inclusion_tables_add_up_to_the_kpi_mart(built, year):
    """The Outcomes and Inclusion pages' tables, summed over their groups, count exactly the
    mobilities and credits kpi_values counts: the page and the mart share one definition."""
    flt = Filters(year, year)
    credits = outcomes_queries.credit_outcomes(flt, "faculty")
    recognised, planned = kpi_parts(built, "recognition_rate", year)
    assert credits["ects_recognised"].sum() == pytest.approx(recognised)
    assert credits["ects_planned_recognition"].sum() == pytest.approx(planned)
    languages = outcomes_queries.language_improvement(flt, "language")
    improved, assessed = kpi_parts(built, "language_improvement_share", year)
    assert (languages["improved"].sum(), languages["assessed"].sum()) == (improved, assessed)
    inclusion = inclusion_queries.fewer_opportunities(flt, "faculty")
    fewer, base = kpi_parts(built, "fewer_opportunities_share", year)
    assert inclusion["fewer_opportunities"].sum() == fewer
    assert inclusion["student_mobilities_outbound"].sum() == base


def test_agreements_to_review_are_the_marts_dormant_and_expiring_ones_in_order(built):
    agreements = built.execute(
        "select agreement_id, is_dormant, validity, last_activity_year, valid_to, partner_name "
        "from agreements"
    ).df()
    flt = Filters(*YEARS)
    dormant = agreements[agreements["is_dormant"]].sort_values(
        ["last_activity_year", "partner_name", "agreement_id"], na_position="first"
    )
    expiring = agreements[agreements["validity"] == "expiring"].sort_values(
        ["valid_to", "partner_name", "agreement_id"]
    )
    assert dormant["agreement_id"].tolist() and expiring["agreement_id"].tolist()
    assert partners_queries.dormant_agreements(flt)["agreement_id"].tolist() == (
        dormant["agreement_id"].tolist()
    )
    assert partners_queries.expiring_agreements(flt)["agreement_id"].tolist() == (
        expiring["agreement_id"].tolist()
    )
