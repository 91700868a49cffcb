"""The Overview page, run with Streamlit's AppTest against the fixture warehouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import fixture_data

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def realised_outbound(year: int) -> int:
    m = fixture_data.frames()["mobilities"]
    start = m["start_date"].map(lambda d: d.year if d.month >= 9 else d.year - 1)
    chosen = (
        (start == year)
        & (m["direction"] == "outbound")
        & m["status"].isin(["ongoing", "completed"])
    )
    return int(chosen.sum())


@pytest.fixture
def app(fixture_warehouse, monkeypatch) -> AppTest:
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(fixture_warehouse))
    return AppTest.from_file(APP, default_timeout=60)


def test_overview_shows_the_latest_year_and_changes_with_the_year(app):
    app.run()
    assert not app.exception
    values = {m.label: m.value for m in app.metric}
    assert values["Outbound mobilities"] == f"{realised_outbound(2024):,}"
    app.selectbox[0].select("2022/23").run()
    values = {m.label: m.value for m in app.metric}
    assert values["Outbound mobilities"] == f"{realised_outbound(2022):,}"


def test_empty_warehouse_says_what_to_import(tmp_path, monkeypatch):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(tmp_path / "none.duckdb"))
    app = AppTest.from_file(APP, default_timeout=60).run()
    assert not app.exception
    assert "warehouse is empty" in app.info[0].value
