"""The Benchmark page in a real browser, on a warehouse of small EC files."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests import ec_fixture_data as ec
from tests.browser.conftest import ARTIFACTS, StreamlitServer, screenshot, wait_for_app


@pytest.fixture(scope="module")
def benchmark_server(tmp_path_factory) -> Iterator[StreamlitServer]:
    warehouse = ec.build_warehouse(tmp_path_factory.mktemp("bench"), "D  KONSTAN01")
    ARTIFACTS.mkdir(exist_ok=True)
    srv = StreamlitServer(warehouse, ARTIFACTS / f"streamlit-benchmark-{os.getpid()}.log")
    yield srv
    srv.stop()


def test_benchmark_page_compares_and_draws_the_map_offline(benchmark_server, page):
    page.goto(benchmark_server.url)
    wait_for_app(page)
    page.get_by_role("link", name="Benchmark").click()
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stMetric"]')
    expected = ec.expected_summary("D  KONSTAN01", ec.default_year())
    values = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert values[0] == f"{expected['institution']['participants']:,}"
    assert values[4] == f"{expected['country']['participants']:,}"
    assert values[8] == f"{expected['programme']['participants']:,}"
    page.wait_for_selector(".js-plotly-plot")
    screenshot(page, "benchmark")

    page.get_by_role("tab", name="National flows").click()
    page.get_by_text("EC flow table (Erasmus+ KA1 since 2014)").click()
    wait_for_app(page)
    # the map's outlines come from dashboard/static, not from the internet: a country is
    # drawn only once they are loaded. Germany sends (within-country flows aside) to France.
    page.get_by_text("Where participants from Germany go (EC flow table").wait_for()
    destinations = {b for a, b, _ in ec.FLOWS if a == "Germany" and b != "Germany"}
    # the rerun replaces the records' map (six countries); Playwright polls until it has
    expect(page.locator("path.choroplethlocation")).to_have_count(len(destinations))
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "benchmark-flows")
