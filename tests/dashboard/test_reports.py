"""The Reports page with Streamlit's AppTest against the fixture warehouse."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "dashboard" / "pages" / "reports.py")


def test_reports_page_states_the_mode_and_warns_when_suppression_is_off(
    fixture_warehouse, monkeypatch
):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(fixture_warehouse))
    app = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not app.exception
    assert app.selectbox[0].value == "2024/25"
    assert "suppression ON" in app.caption[-1].value
    assert not app.warning
    app.toggle[0].set_value(False).run()
    assert not app.exception
    assert "do not publish" in app.warning[0].value
    assert "suppression OFF" in app.caption[-1].value


def test_empty_warehouse_says_what_to_import(tmp_path, monkeypatch):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(tmp_path / "none.duckdb"))
    app = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not app.exception
    assert "warehouse is empty" in app.info[0].value
