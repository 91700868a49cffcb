"""The Benchmark page, run with Streamlit's AppTest against a warehouse of small EC files."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import ec_fixture_data as ec

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def run_page(app: AppTest) -> AppTest:
    """Run the app through its router and open the Benchmark page."""
    app.run()
    return app.switch_page("views/benchmark.py").run()


@pytest.fixture(scope="module")
def ec_warehouse(tmp_path_factory) -> Path:
    return ec.build_warehouse(tmp_path_factory.mktemp("bench"), own_erasmus_code="d konstan01")


@pytest.fixture
def app(ec_warehouse, monkeypatch) -> AppTest:
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(ec_warehouse))
    return AppTest.from_file(APP, default_timeout=60)


def shown(app: AppTest) -> dict[str, list[str]]:
    """Metric values by label, in page order: institution, country, programme."""
    out: dict[str, list[str]] = {}
    for metric in app.main.metric:
        out.setdefault(metric.label, []).append(metric.value)
    return out


def formatted(expected: dict[str, dict[str, float]]) -> dict[str, list[str]]:
    scopes = ("institution", "country", "programme")
    return {
        "Outbound mobilities": [f"{expected[s]['participants']:,}" for s in scopes],
        "Average stay abroad": [
            f"{expected[s]['average_duration_months']:,.1f} months" for s in scopes
        ],
        "Share with a work placement": [f"{expected[s]['placement_share']:,.1f} %" for s in scopes],
        "Women": [f"{expected[s]['female_share']:,.1f} %" for s in scopes],
    }


def test_own_institution_is_compared_with_its_country_and_the_programme(app):
    run_page(app)
    assert not app.exception
    year = ec.default_year()
    assert app.main.selectbox[0].value == year
    assert app.main.selectbox[1].value == "D  KONSTAN01"  # the setting, normalised
    assert shown(app) == formatted(ec.expected_summary("D  KONSTAN01", year))


def test_any_other_institution_and_all_years(app):
    run_page(app)
    app.main.selectbox[1].select("F  PARIS007").run()
    app.main.selectbox[0].select("All years").run()
    assert not app.exception
    assert shown(app) == formatted(ec.expected_summary("F  PARIS007", None))


def test_unknown_codes_are_listed(app):
    run_page(app)
    table = app.main.dataframe[0].value
    assert table["erasmus_code"].tolist() == ["D  NOWHERE99"]


def test_empty_state_says_how_to_import(tmp_path, monkeypatch):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(tmp_path / "none.duckdb"))
    app = run_page(AppTest.from_file(APP, default_timeout=60))
    assert not app.exception
    assert "--source erasmus-ec" in app.main.info[0].value
