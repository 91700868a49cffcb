"""The degree programme filter and comparison (issue 14): a programme's mobilities over its
own headcounts, expected values counted with pandas from the fixture's records (the Faculty
of Economics gives its bachelor students as Economics and Finance, 60/40)."""

from __future__ import annotations

import pytest

from tests import fixture_data
from tests.dashboard.helpers import (
    figures,
    metrics_shown,
    new_app,
    open_page,
    pct,
    realised,
    set_filter,
    trace_points,
)
from tests.dashboard.test_compare import switch_on
from tests.dashboard.test_pages import recognition_by

FINANCE, ECONOMICS_BSC = "Finance (BSc)", "Economics (BSc)"


def enrolled(programme: str, year: int) -> int:
    h = fixture_data.frames()["headcounts"]
    label = f"{year}/{(year + 1) % 100:02d}"
    chosen = h[(h["degree_programme"] == programme) & (h["academic_year"] == label)]
    return int(chosen["enrolled_students"].sum())


def outbound_students(programme: str, year: int) -> int:
    out = realised(year=year, direction="outbound", degree_programme=programme)
    students = out[(out["person_role"] == "student") & out["physical"]]
    return students["person_id"].nunique()


def test_the_filter_counts_a_programmes_mobilities_over_its_own_headcounts():
    app = open_page(new_app(), "overview")
    set_filter(app, "degree", [FINANCE])
    shown = metrics_shown(app)
    outbound = realised(year=2024, direction="outbound", degree_programme=FINANCE)
    assert len(outbound) > 0
    assert shown["Outbound mobilities"] == f"{len(outbound):,}"
    ratio = pct(outbound_students(FINANCE, 2024), enrolled(FINANCE, 2024))
    assert enrolled(FINANCE, 2024) == round(0.4 * (1000 + 300 + 600 + 20))
    assert shown["Outbound mobility ratio"] == f"{ratio:,.1f} %"


def test_the_programme_is_in_the_link_and_the_sidebar_offers_the_fixtures_programmes():
    app = new_app({"degree": [FINANCE, "No such programme"]}).run()
    warnings = [w.value for w in app.sidebar.warning]
    assert warnings == ["Ignored in the link (no such value): degree=No such programme"]
    widget = app.sidebar.multiselect(key="filter_degree")
    assert widget.value == [FINANCE]
    named = {"Economics (BSc)", "Economics (MSc)", "Finance (BSc)"}
    assert set(widget.options) == named | {"(not set)"}


def test_two_programmes_of_the_headline_side_by_side():
    app = switch_on(open_page(new_app(), "overview"), "overview_compare", by="degree_programmes")
    app.selectbox(key="overview_compare_a").set_value(ECONOMICS_BSC).run()
    app.selectbox(key="overview_compare_b").set_value(FINANCE).run()
    table = app.dataframe[0].value.set_index("KPI")
    row = table.loc["Outbound mobility ratio"]
    expected = [
        pct(outbound_students(p, 2024), enrolled(p, 2024)) for p in (ECONOMICS_BSC, FINANCE)
    ]
    assert (row.iloc[0], row.iloc[1]) == tuple(f"{v:,.1f} %" for v in expected)


def test_outcomes_group_credit_recognition_by_degree_programme():
    app = open_page(new_app(), "outcomes")
    app.get("button_group")[0].set_value("degree_programme").run()
    assert not app.exception
    shown = trace_points(figures(app)["Credit recognition rate"])
    expected = recognition_by("degree_programme")
    assert FINANCE in expected
    assert shown == pytest.approx(expected)
