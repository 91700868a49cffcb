"""A mobility system's export brought in through the Import page as a person does it, in a
real browser: a column mapped in the column table, a value for every row chosen, a value in
the file's own wording mapped and another taken as suggested, imported; every stored row then
checked against values written down by hand."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.warehouse import connect, set_setting
from tests.browser.conftest import ARTIFACTS, StreamlitServer, screenshot, wait_for_app
from tests.conftest import KEY

OWN = "Atlas Test University"
EXPORT = (
    "Student ID;First name;Email;Direction;Exchange type;Home institution;Host institution;"
    "Home country;Host country;Study level;Start date;End date\n"
    f"S001;Anna;a@example.org;Outgoing;Semester exchange;{OWN};Universität Konstanz;Poland;"
    "Germany;Bachelor;01.09.2025;31.01.2026\n"
    "S002;Jan;j@example.org;Zugang;Semester exchange;Université de Strasbourg;"
    f"{OWN};France;Poland;Master;15.02.2026;30.06.2026\n"
    f"S003;Eva;e@example.org;Outgoing;Semester exchange;{OWN};Universiteit Gent;Poland;Belgium;"
    "Bachelor;01.09.2025;31.01.2026\n"
)
# by hand: partner, country and direction of each student (told apart by start date and level)
EXPECTED = [
    ("2025-09-01", 6, "Universität Konstanz", "DE", "outbound", "student", "study"),
    ("2025-09-01", 6, "Universiteit Gent", "BE", "outbound", "student", "study"),
    ("2026-02-15", 7, "Université de Strasbourg", "FR", "inbound", "student", "study"),
]
ROW_HEIGHT = 35  # Streamlit's data grid: header and rows


@pytest.fixture(scope="module")
def server(fixture_warehouse: Path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser-mapping")
    warehouse = folder / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, warehouse)
    warehouse.with_suffix(".key").write_text(KEY.hex() + "\n")
    con = connect(warehouse)
    set_setting(con, "institution_name", OWN)
    set_setting(con, "own_country", "PL")
    con.close()
    ARTIFACTS.mkdir(exist_ok=True)
    srv = StreamlitServer(warehouse, ARTIFACTS / f"streamlit-mapping-{os.getpid()}.log")
    srv.warehouse = warehouse
    yield srv
    srv.stop()


def edit_cell(page, grid, row: int, column: int, text: str) -> None:
    """Choose ``text`` in a grid cell (``row`` and ``column`` count from 0) with the keyboard,
    as a person can: select the row's first cell, move right, open the editor, type, confirm."""
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)  # the grid draws itself after it is placed
    box = grid.bounding_box()
    x, y = box["x"] + box["width"] / 6, box["y"] + ROW_HEIGHT * (row + 1.5)
    page.mouse.move(x, y)  # the grid takes a click only once the pointer is over it
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    page.wait_for_timeout(300)
    for _ in range(column):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    page.keyboard.type(text)
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    wait_for_app(page)


def test_an_export_is_mapped_and_imported_in_the_browser(server, page, tmp_path):
    export = tmp_path / "moveon-students.csv"
    export.write_text(EXPORT, encoding="utf-8")
    page.goto(f"{server.url}/import_data")
    wait_for_app(page)
    page.get_by_role("heading", name="Import data").wait_for()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(export))
    page.get_by_text("moveon-students.csv → table mobilities").wait_for()
    wait_for_app(page)
    page.get_by_text("required column(s) missing for mobilities").wait_for()

    # 1. the column "Exchange type" (third row of the column table) is the activity
    columns = page.locator('[data-testid="stDataFrame"]').first
    edit_cell(page, columns, 2, 2, "Activity")
    # 2. every row of this list is a student
    role = page.locator('[data-testid="stSelectbox"]', has_text="Person role")
    missing = page.get_by_text("required column(s) missing for mobilities")
    for _ in range(3):  # on a loaded machine the typed choice is sometimes lost: choose again
        role.locator("input").click()
        page.keyboard.type("student")
        page.keyboard.press("Enter")
        wait_for_app(page)
        if missing.count() == 0:
            break
    assert missing.count() == 0  # the role was taken: no required column is missing
    # 3. "Zugang" (German for an incoming student) has no suggestion: read as inbound by hand;
    # "Semester exchange" comes with its suggestion (study), taken as it stands
    page.get_by_text("Direction in the file").wait_for(state="attached")
    edit_cell(page, page.locator('[data-testid="stDataFrame"]').nth(1), 0, 2, "inbound")
    button = page.get_by_role("button", name="Import 3 valid row(s) into mobilities")
    try:
        button.wait_for(timeout=30_000)
    finally:
        screenshot(page, "import-mapping-state")
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "import-mapping")

    button.click()
    page.get_by_text("Imported moveon-students.csv as import").wait_for(timeout=60_000)
    with duckdb.connect(str(server.warehouse), read_only=True) as con:
        stored = con.execute(
            "select cast(start_date as varchar), study_level, partner_name, partner_country, "
            "direction, person_role, activity from raw_mobilities "
            "where mobility_id like 'gen-%' order by 1, 2, 3"
        ).fetchall()
    assert stored == sorted(EXPECTED)
