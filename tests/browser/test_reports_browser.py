"""The Reports page in a real browser: options, and a real PDF download."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf

from tests.browser.conftest import screenshot, wait_for_app
from tests.report_fixture import realised, students


def test_reports_page_downloads_a_pdf_with_the_figures(server, page):
    page.goto(f"{server.url}/reports")
    wait_for_app(page)
    page.get_by_text("Download PDF (A4)").wait_for()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "18 tables" in page.locator('[data-testid="stMain"]').inner_text()
    screenshot(page, "reports")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download PDF (A4)").click()
    assert download.value.suggested_filename == "mobility-report-2024-25.pdf"
    data = Path(download.value.path()).read_bytes()
    text = " ".join(
        " ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(data)).pages
    )
    rows = students(realised())
    outbound = int((rows["direction"] == "outbound").sum())
    inbound = int((rows["direction"] == "inbound").sum())
    assert "Academic mobility report 2024/25" in text
    assert f"Total {outbound:,} {inbound:,}" in text
