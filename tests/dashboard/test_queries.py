"""The dashboard's filtered KPI query against the KPI mart: with one filter (or none) it must
give exactly the values ``kpi_values`` computes for that breakdown, so pages agree with the
``mobility kpi`` command and the reports whatever the filters."""

from __future__ import annotations

import pytest

from dashboard.data.overview import HEADLINE_KPIS
from dashboard.filters import Filters
from dashboard.queries import inclusion as inclusion_queries
from dashboard.queries import outcomes as outcomes_queries
from dashboard.queries import overview as overview_queries
from dashboard.queries import partners as partners_queries
from tests import fixture_data

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
