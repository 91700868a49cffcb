"""WCAG 2.1 AA on every page (issue 15): axe-core 4.12 (axe-playwright-python, which bundles
it) in Chromium on the fixture warehouse, plus what axe does not check: every chart's
accessible name, each page's own browser title, a visible keyboard focus.

Fails on any serious or critical violation that comes from the app, and on any heading-order
one. One known exception: Streamlit's sectioned sidebar navigation puts <div> section
wrappers directly inside its <ul> ("list") and so its <li> outside a list ("listitem"). The
markup is Streamlit's own (st.navigation with sections), not the app's; the two rules run
again on everything but the sidebar navigation, where they must find nothing
(``axe_failures`` in conftest.py, docs/accessibility.md).
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import (
    STREAMLIT_NAVIGATION,
    axe_failures,
    wait_for_app,
    wait_for_charts,
)
from tests.dashboard import helpers

# url path -> page title: every page a local (admin) user has
PAGES = {("" if path == "overview" else path): title for path, title in helpers.PAGES.items()} | {
    "benchmark": "Erasmus benchmark",
    "import_data": "Import data",
    "data_quality": "Data quality",
    "targets": "Targets",
    "settings": "Settings",
    "reports": "Reports",
}


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_passes_axe_has_its_title_and_names_its_charts(server, shared_page, path):
    page = shared_page
    page.goto(f"{server.url}/{path}")
    count = wait_for_charts(page)
    page.wait_for_timeout(1000)  # tables and charts draw after the script has finished
    failing, found = axe_failures(page)
    assert not failing
    # the exception is real: without it, this page would fail on Streamlit's navigation
    assert found >= STREAMLIT_NAVIGATION
    assert page.title() == f"{PAGES[path]} · Mobility Atlas"
    charts = page.locator('[data-testid="stPlotlyChart"]')
    unnamed = [
        i
        for i in range(count)
        if not (charts.nth(i).get_attribute("aria-label") or "").startswith("Chart: ")
        or charts.nth(i).get_attribute("role") != "figure"
    ]
    assert not unnamed


def test_a_chart_s_text_alternative_agrees_with_its_data_table(server, shared_page):
    page = shared_page
    page.goto(server.url)
    assert wait_for_charts(page, minimum=2) >= 2
    charts = page.locator('[data-testid="stPlotlyChart"]')
    names = [charts.nth(i).get_attribute("aria-label") or "" for i in range(charts.count())]
    # the trend's last outbound value, as the name says it, is the table's
    trend = next(name for name in names if "Realised mobilities per year" in name)
    count, year = re.search(r"to ([\d,]+) mobilities in (\d{4}/\d{2})", trend).groups()
    expander = page.get_by_text("Chart data as a table").first
    expander.click()
    table = page.locator('[data-testid="stExpander"] table').first
    table.wait_for()
    rows = table.locator("tr").all_inner_texts()
    assert any(year in row and "outbound" in row.lower() and count in row for row in rows), rows
    # no plotly mode bar to tab through (8 buttons per chart)
    assert page.locator(".modebar-btn").count() == 0


def test_keyboard_focus_on_the_sidebar_links_is_visible(server, shared_page):
    page = shared_page
    page.goto(server.url)
    wait_for_app(page)
    link = page.locator('[data-testid="stSidebarNav"] a').nth(1)
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so that :focus-visible applies
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }"
    )
    assert style == ["solid", "3px", "rgb(31, 95, 168)"]


def test_the_navigation_exception_covers_the_navigation_only(server, shared_page):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.conftest import NAVIGATION

    page = shared_page
    page.goto(server.url)
    wait_for_app(page)
    only = {"runOnly": {"type": "rule", "values": sorted(STREAMLIT_NAVIGATION)}}
    axe = Axe()
    # the two rules do find Streamlit's navigation, and nothing once it is left out
    found = axe.run(page, options=only).response["violations"]
    assert {v["id"] for v in found} == STREAMLIT_NAVIGATION
    left_out = axe.run(page, context={"exclude": [[NAVIGATION]]}, options=only)
    assert left_out.response["violations"] == []
