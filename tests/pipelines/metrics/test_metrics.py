"""Every KPI computed a second way, with pandas from the fixture's own records (tests/oracle.py),
and compared with the SQL mart ``kpi_values`` for every academic year and breakdown."""

from __future__ import annotations

import math

import pytest

from pipelines import metrics
from tests.oracle import MOBILITY_KPIS, expected

CASES = [(k.id, d) for k in metrics.KPIS for d in k.dimensions]


def test_every_registry_kpi_has_a_second_computation():
    covered = set(MOBILITY_KPIS) | {
        "agreement_utilisation",
        "dormant_agreements",
        "projects_active",
        "project_funding_own",
    }
    assert covered == set(metrics.KPI_IDS)


@pytest.mark.parametrize(("kpi_id", "dimension"), CASES, ids=[f"{k}-{d}" for k, d in CASES])
def test_kpi_matches_independent_computation(built, kpi_id: str, dimension: str):
    rows = built.execute(
        "select academic_year, dimension_value, value from kpi_values "
        "where kpi_id = ? and dimension = ?",
        [kpi_id, dimension],
    ).fetchall()
    actual = {(year, value): v for year, value, v in rows}
    wanted = expected(kpi_id, dimension)
    assert wanted, f"the fixture gives {kpi_id} no value by {dimension}: the test would be empty"
    assert set(actual) == set(wanted)
    for group, value in wanted.items():
        assert math.isclose(actual[group], value, rel_tol=1e-9, abs_tol=1e-9), group


def test_kpis_outside_their_dimensions_are_absent(built):
    for kpi in metrics.KPIS:
        dims = {
            d
            for (d,) in built.execute(
                "select distinct dimension from kpi_values where kpi_id = ?", [kpi.id]
            ).fetchall()
        }
        assert dims <= set(kpi.dimensions), kpi.id


def test_registry_entries_are_complete():
    for kpi in metrics.KPIS:
        assert kpi.name and kpi.definition and kpi.source
        assert kpi.unit in ("mobilities", "people", "projects", "agreements", "EUR", "%", "days")
        assert kpi.good_direction in ("up", "down", "neutral")
    assert metrics.get("graduates_mobility_share").reference_target == 23.0
    assert metrics.get("fewer_opportunities_share").reference_target == 20.0
