"""From a raw export to new numbers, in a real browser: upload through the file input, check
the preview, import, and read the Overview; then undo and read it again."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import (
    ARTIFACTS,
    StreamlitServer,
    open_import_page,
    screenshot,
    wait_for_app,
)
from tests.conftest import KEY
from tests.data_management import csv_bytes, mobility, realised_outbound

NEW = 5


@pytest.fixture(scope="module")
def writable_server(fixture_warehouse: Path, tmp_path_factory) -> Iterator[StreamlitServer]:
    """The app on a private copy of the fixture warehouse, which this module writes to."""
    folder = tmp_path_factory.mktemp("browser-import")
    warehouse = folder / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, warehouse)
    warehouse.with_suffix(".key").write_text(KEY.hex() + "\n")
    ARTIFACTS.mkdir(exist_ok=True)
    server = StreamlitServer(warehouse, ARTIFACTS / f"streamlit-import-{os.getpid()}.log")
    yield server
    server.stop()


def outbound_on_overview(page, url: str) -> str:
    page.goto(url)
    wait_for_app(page)
    metric = page.locator('[data-testid="stMetric"]', has_text="Outbound mobilities")
    return metric.locator('[data-testid="stMetricValue"]').inner_text()


def confirm_and_undo(page) -> None:
    """Tick "Yes, undo this import", then press Undo once the page has run with the tick.

    On a busy machine a tick given while the page is still running can be drawn over by that
    run; the box is then ticked again (at most three times) until the button is enabled."""
    button = page.get_by_role("button", name="Undo import")
    for _ in range(3):
        box = page.get_by_role("checkbox", name="Yes, undo this import")
        if not box.is_checked():
            page.get_by_text("Yes, undo this import").click()
        wait_for_app(page)
        try:
            button.wait_for(state="visible")
            page.wait_for_function(
                "() => [...document.querySelectorAll('button')].some(b => "
                "b.innerText.trim() === 'Undo import' && !b.disabled)",
                timeout=10_000,
            )
            break
        except PlaywrightTimeout:  # not enabled yet: tick again
            continue
    button.click()


def test_upload_import_and_undo_change_the_overview(writable_server, page, tmp_path):
    export = tmp_path / "outgoing-2024.csv"
    export.write_bytes(
        csv_bytes([mobility(f"B{i}") for i in range(NEW)] + [mobility("BAD", partner_country="XX")])
    )
    assert outbound_on_overview(page, writable_server.url) == f"{realised_outbound(2024):,}"

    open_import_page(page, writable_server.url)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(export))
    page.get_by_text("outgoing-2024.csv → table mobilities").wait_for()
    wait_for_app(page)
    valid = page.locator('[data-testid="stMetric"]', has_text="Valid rows")
    assert valid.locator('[data-testid="stMetricValue"]').inner_text() == str(NEW)
    screenshot(page, "import-preview")

    button = page.get_by_role("button", name=f"Import {NEW} valid row(s) into mobilities")
    button.click()
    page.get_by_text("Imported outgoing-2024.csv as import #6").wait_for(timeout=60_000)
    button.wait_for(state="detached")  # the page ran again with a fresh uploader
    wait_for_app(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "import-done")

    assert outbound_on_overview(page, writable_server.url) == f"{realised_outbound(2024) + NEW:,}"

    open_import_page(page, writable_server.url)
    page.get_by_text("Undo an import").click()
    confirm_and_undo(page)
    page.get_by_text(f"Undid import #6 (outgoing-2024.csv): removed {NEW} record(s)").wait_for(
        timeout=60_000
    )
    assert outbound_on_overview(page, writable_server.url) == f"{realised_outbound(2024):,}"
