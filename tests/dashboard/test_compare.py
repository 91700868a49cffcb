"""Compare mode (issue 14): two academic years or two faculties side by side, with the
difference, on the Overview and the Flows page; expected values counted with pandas from the
fixture's own records."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.data.compare import DIFFERENCE, kpis_side_by_side, side_by_side
from tests.dashboard.helpers import (
    ECONOMICS,
    ENGINEERING,
    figures,
    new_app,
    open_page,
    realised,
    set_filter,
    values,
)


def switch_on(app, key: str, by: str = "years"):
    app.toggle(key=f"{key}_on").set_value(True).run()
    if by != "years":
        app.radio(key=f"{key}_by").set_value(by).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_two_years_of_the_headline_side_by_side():
    app = switch_on(open_page(new_app(), "overview"), "overview_compare")
    table = app.dataframe[0].value.set_index("KPI")
    a, b = (len(realised(year=y, direction="outbound")) for y in (2023, 2024))
    row = table.loc["Outbound mobilities"]
    assert (row["A: 2023/24"], row["B: 2024/25"]) == (f"{a:,}", f"{b:,}")
    assert row[DIFFERENCE] == f"{b - a:+,}"


def test_two_faculties_of_the_headline_side_by_side():
    app = switch_on(open_page(new_app(), "overview"), "overview_compare", by="faculties")
    app.selectbox(key="overview_compare_a").set_value(ENGINEERING).run()
    app.selectbox(key="overview_compare_b").set_value(ECONOMICS).run()
    table = app.dataframe[0].value.set_index("KPI")
    counts = [
        len(realised(year=2024, direction="inbound", faculty=f)) for f in (ENGINEERING, ECONOMICS)
    ]
    row = table.loc["Inbound mobilities"]
    assert row.iloc[0] == f"{counts[0]:,}" and row.iloc[1] == f"{counts[1]:,}"


def test_two_years_of_the_country_flows_side_by_side():
    app = open_page(new_app(), "flows")
    set_filter(app, "direction", "outbound")
    switch_on(app, "flows_compare")
    chart = figures(app)["Mobilities per country, compared"]
    sides = {
        t["name"]: dict(zip(values(t["y"]), values(t["x"]), strict=True)) for t in chart["data"]
    }
    for label, year in (("A: 2023/24", 2023), ("B: 2024/25", 2024)):
        germany = realised(year=year, direction="outbound", partner_country="DE")
        assert sides[label]["Germany"] == len(germany), label


def test_side_by_side_counts_a_missing_key_as_zero_and_orders_by_the_larger():
    a = pd.DataFrame({"country": ["DE", "FR"], "total": [5, 1]})
    b = pd.DataFrame({"country": ["FR", "IT"], "total": [9, 2]})
    both = side_by_side(a, b, ["country"], "total", ("A", "B"))
    assert both.to_dict("records") == [
        {"country": "FR", "A": 1, "B": 9, DIFFERENCE: 8},
        {"country": "DE", "A": 5, "B": 0, DIFFERENCE: -5},
        {"country": "IT", "A": 0, "B": 2, DIFFERENCE: 2},
    ]


def test_a_kpi_without_a_value_on_one_side_has_no_difference():
    cards = pd.DataFrame(
        {
            "kpi_id": ["outbound_mobilities"],
            "name": ["Outbound mobilities"],
            "unit": ["mobilities"],
            "value": [0.0],
            "not_applicable": [""],
            "unavailable": [""],
        }
    )
    other = cards.assign(value=[3.0], not_applicable=["it counts outbound mobilities"])
    both = kpis_side_by_side(cards, other, ("A", "B"))
    assert both.loc[0, "A"] == 0 and pd.isna(both.loc[0, "B"]) and pd.isna(both.loc[0, DIFFERENCE])


def test_two_years_of_the_recognition_rate_side_by_side():
    app = switch_on(open_page(new_app(), "outcomes"), "outcomes_compare")
    chart = figures(app)["Credit recognition rate per faculty, compared"]
    sides = {
        t["name"]: dict(zip(values(t["y"]), values(t["x"]), strict=True)) for t in chart["data"]
    }
    m = realised().pipe(lambda f: f[f["faculty"] == ENGINEERING])
    for label, year in (("A: 2023/24", 2023), ("B: 2024/25", 2024)):
        base = m[
            (m["year"] == year)
            & (m["status"] == "completed")
            & (m["person_role"] == "student")
            & (m["direction"] == "outbound")
            & m["ects_planned"].notna()
            & m["ects_recognised"].notna()
        ]
        assert len(base) > 0
        expected = 100 * base["ects_recognised"].sum() / base["ects_planned"].sum()
        assert sides[label][ENGINEERING] == pytest.approx(expected, abs=0.05), label


def test_a_rate_missing_on_one_side_is_not_zero():
    a = pd.DataFrame({"grp": ["X"], "rate": [80.0]})
    b = pd.DataFrame({"grp": ["Y"], "rate": [50.0]})
    both = side_by_side(a, b, ["grp"], "rate", ("A", "B"), counts=False).set_index("grp")
    assert pd.isna(both.loc["X", "B"]) and pd.isna(both.loc["X", DIFFERENCE])
    assert both.loc["X", "A"] == 80.0
