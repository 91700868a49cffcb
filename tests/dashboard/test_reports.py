"""The Reports page with Streamlit's AppTest against the fixture warehouse."""

from __future__ import annotations

from tests.dashboard.helpers import new_app, open_page


def widget(elements, label: str):
    return next(e for e in elements if e.label == label)


def test_reports_page_states_the_mode_and_warns_when_suppression_is_off():
    app = open_page(new_app(), "reports")
    assert widget(app.selectbox, "Academic year").value == "2024/25"
    assert "suppression ON" in app.main.caption[-1].value
    assert not app.warning
    widget(app.toggle, "Small-cell suppression").set_value(False).run()
    assert not app.exception
    assert "do not publish" in app.warning[0].value
    assert "suppression OFF" in app.main.caption[-1].value


def test_empty_warehouse_says_what_to_import(tmp_path, monkeypatch):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(tmp_path / "none.duckdb"))
    app = open_page(new_app(), "reports")
    assert "The warehouse is empty" in app.main.info[0].value


def test_a_report_per_faculty_or_degree_programme():
    app = open_page(new_app(), "reports")
    scope = widget(app.selectbox, "Scope")
    shown = scope.options  # as the reader sees them
    assert shown[0] == "Whole university"
    assert "Faculty of Economics" in shown and "Finance (BSc) (degree programme)" in shown
    scope.set_value(("programme", "Finance (BSc)")).run()
    assert not app.exception
    assert "Finance (BSc), Faculty of Economics" in app.main.markdown[0].value
