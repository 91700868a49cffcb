"""The Overview page in a real browser."""

from __future__ import annotations

from tests.browser.conftest import screenshot, wait_for_app
from tests.dashboard.test_overview import realised_outbound


def test_overview_renders_headline_kpis(server, page):
    page.goto(server.url)
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stMetric"]')
    metric = page.locator('[data-testid="stMetric"]', has_text="Outbound mobilities")
    assert (
        metric.locator('[data-testid="stMetricValue"]').inner_text()
        == f"{realised_outbound(2024):,}"
    )
    page.wait_for_selector(".js-plotly-plot")
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "overview")
