"""The Targets page with AppTest: progress and projection, editing targets (valid, invalid)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests.data_management import realised_outbound

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
EDITOR = "targets_editor_0"


@pytest.fixture
def app(writable_warehouse, monkeypatch) -> AppTest:
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(writable_warehouse))
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page("views/targets.py").run()
    assert not at.exception
    return at


def trend_at(year: int) -> float:
    """Outbound mobilities projected to ``year`` by a second method: numpy's polyfit."""
    years = [2022, 2023, 2024]
    slope, intercept = np.polyfit(years, [realised_outbound(y) for y in years], 1)
    return slope * year + intercept


def stored(warehouse: Path) -> set[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return set(
            con.execute("select kpi_id, academic_year, faculty, value from raw_targets").fetchall()
        )


def edit(at: AppTest, **state: object) -> AppTest:
    at.session_state[EDITOR] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [], **state}
    at.run()
    at.button(key="save_targets").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_the_editor_shows_the_stored_targets(app):
    table = app.data_editor[0].value
    assert table[["kpi_id", "academic_year", "value"]].values.tolist() == [
        ["graduates_mobility_share", "2029/30", 23.0],
        ["outbound_mobility_ratio", "2025/26", 7.0],
        ["outbound_mobility_ratio", "2025/26", 5.0],
    ]
    assert app.button(key="save_targets").disabled  # nothing edited yet


def test_the_whole_university_is_said_in_words_not_none_or_all(app):
    # the fixture's targets: two for the whole university (stored without a faculty), one
    # for the Faculty of Engineering
    editor = app.data_editor[0].value
    assert sorted(editor["faculty"]) == [
        "Faculty of Engineering",
        "Whole university",
        "Whole university",
    ]
    progress = app.dataframe[0].value
    assert set(progress["faculty"]) == {"Faculty of Engineering", "Whole university"}
    choices = app.selectbox(key="target_choice").options
    assert not [c for c in choices if "· all ·" in c or "None" in c]


def test_valid_edits_are_saved_and_projected(app, writable_warehouse):
    reachable = round(trend_at(2026) - 1)
    out_of_reach = round(trend_at(2027) + 5)
    edit(
        app,
        edited_rows={2: {"value": 6.0}},
        added_rows=[
            {"kpi_id": "outbound_mobilities", "academic_year": "2026/27", "value": reachable},
            {"kpi_id": "outbound_mobilities", "academic_year": "2027-28", "value": out_of_reach},
        ],
        deleted_rows=[0],
    )
    assert "Saved targets as import #6: 2 new, 1 changed, 1 removed." in [
        s.value for s in app.success
    ]
    assert stored(writable_warehouse) == {
        ("outbound_mobility_ratio", "2025/26", "Faculty of Engineering", 7.0),
        ("outbound_mobility_ratio", "2025/26", None, 6.0),
        ("outbound_mobilities", "2026/27", None, float(reachable)),
        ("outbound_mobilities", "2027/28", None, float(out_of_reach)),
    }
    progress = app.dataframe[0].value
    rows = progress[progress["kpi_id"] == "outbound_mobilities"]
    assert rows[["academic_year", "status"]].values.tolist() == [
        ["2026/27", "on track"],
        ["2027/28", "at risk"],
    ]
    assert rows["projected_value"].tolist() == pytest.approx([trend_at(2026), trend_at(2027)])
    assert rows["latest_value"].tolist() == [realised_outbound(2024)] * 2


def test_invalid_edits_are_explained_and_nothing_is_saved(app, writable_warehouse):
    before = stored(writable_warehouse)
    edit(
        app,
        added_rows=[
            {"kpi_id": "outbound_mobility_ratio", "academic_year": "2026/27", "value": 150},
            {"kpi_id": "outbound_mobilities", "academic_year": "next year", "value": 10},
        ],
    )
    (error,) = [e.value for e in app.error]
    assert error == (
        "Not saved: row 4, value: 150 is outside the sensible range 0 to 100 (%); "
        "row 5, academic_year: not an academic year (2024/25). Correct the rows and save again."
    )
    assert stored(writable_warehouse) == before
    assert not app.success
