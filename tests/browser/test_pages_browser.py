"""Every page in a real browser against `streamlit run` on the fixture warehouse: a shared
link, every page's charts, a filter changing page and URL, a CSV download.

The shared-link test runs first on purpose: the server is fresh, and a deep link opened
first is what a colleague clicking a shared URL after a restart does.
"""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, quote, urlparse

import pytest

from tests.browser.conftest import screenshot, wait_for_app, wait_for_charts
from tests.dashboard.helpers import ENGINEERING, PAGES, realised

# the fewest charts each page draws on the fixture warehouse
CHARTS = {
    "overview": 2,
    "flows": 5,
    "partners": 1,
    "outcomes": 4,
    "inclusion": 5,
    "staff": 3,
    "programmes": 6,
    "country": 2,
    "data_contract": 0,
}


def metric(page, label: str) -> str:
    box = page.locator('[data-testid="stMetric"]', has_text=label).first
    return box.locator('[data-testid="stMetricValue"]').inner_text()


def test_a_shared_link_opens_the_same_filtered_view(server, page):
    page.goto(f"{server.url}/staff?faculty={quote(ENGINEERING)}&to=2023%2F24")
    wait_for_charts(page, CHARTS["staff"])
    assert page.locator("h1").first.inner_text() == "Staff and research"
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert ENGINEERING in sidebar.locator('[data-testid="stMultiSelect"]').first.inner_text()
    staff = realised(kind="staff_research", direction="outbound", faculty=ENGINEERING)
    staff = staff[staff["year"] <= 2023]
    assert metric(page, "Outbound (mobilities)") == f"{len(staff):,}"
    query = parse_qs(urlparse(page.url).query)
    assert query["faculty"] == [ENGINEERING]
    assert query["to"] == ["2023/24"]


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_draws_its_charts(server, shared_page, name):
    page = shared_page
    page.goto(f"{server.url}/{'' if name == 'overview' else name}")
    charts = wait_for_charts(page, CHARTS[name])
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").first.inner_text() == (
        PAGES[name]
        if name != "data_contract"
        else "Data contract: the files Mobility Atlas imports"
    )
    assert charts >= CHARTS[name]
    screenshot(page, name)


def test_a_filter_changes_the_page_and_the_url(server, page):
    page.goto(server.url)
    wait_for_app(page)
    before = metric(page, "Inbound mobilities")
    assert before == f"{len(realised(year=2024, direction='inbound')):,}"
    page.locator('[data-testid="stSidebar"] label', has_text="Outbound").click()
    page.wait_for_url("**direction=outbound**")
    wait_for_app(page)
    # among outbound mobilities an inbound count is not applicable, not a real 0 (issue 14)
    assert metric(page, "Inbound mobilities") == "not applicable"
    assert (
        metric(page, "Outbound mobilities") == f"{len(realised(year=2024, direction='outbound')):,}"
    )


def test_a_degree_programme_chosen_in_the_sidebar_narrows_the_page_and_the_url(server, page):
    page.goto(server.url)
    wait_for_app(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stMultiSelect"]', has_text="Degree programme").click()
    page.keyboard.type("Finance")
    page.keyboard.press("Enter")
    page.wait_for_url("**degree=Finance**")
    wait_for_app(page)
    chosen = realised(year=2024, direction="outbound", degree_programme="Finance (BSc)")
    assert len(chosen) > 0
    assert metric(page, "Outbound mobilities") == f"{len(chosen):,}"
    assert parse_qs(urlparse(page.url).query)["degree"] == ["Finance (BSc)"]


def test_a_csv_download_has_the_data_behind_the_chart(server, page):
    page.goto(f"{server.url}/flows")
    wait_for_charts(page, CHARTS["flows"])
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").first.click()
    assert download.value.suggested_filename == "mobilities-by-country.csv"
    with open(download.value.path(), encoding="utf-8") as file:
        rows = list(csv.DictReader(io.StringIO(file.read())))
    germany = next(r for r in rows if r["country"] == "DE")
    assert int(germany["outbound"]) == len(realised(direction="outbound", partner_country="DE"))
    assert int(germany["inbound"]) == len(realised(direction="inbound", partner_country="DE"))
    assert "person_id" not in rows[0]
    # the file says what it counts (issue 14): the default filters are all the years
    assert rows[0]["filters applied"].startswith("academic years ")


def test_all_the_data_of_the_view_downloads_as_one_workbook(server, page):
    from openpyxl import load_workbook

    page.goto(f"{server.url}/flows")
    wait_for_charts(page, CHARTS["flows"])
    with page.expect_download() as download:
        page.get_by_role("button", name="Download all the data of this view").click()
    assert download.value.suggested_filename == "flows-and-countries.xlsx"
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert book.sheetnames[0] == "About this view"
    assert "Mobilities by country" in book.sheetnames
    rows = list(book["Mobilities by country"].values)
    header, data = rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert "filters applied" in header
    germany = next(r for r in data if r["country"] == "DE")
    assert germany["outbound"] == len(realised(direction="outbound", partner_country="DE"))
