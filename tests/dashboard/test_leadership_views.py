"""Views that would look real but mean nothing under the filters (issue 14): the page says
"not applicable" instead, on the fixture warehouse with AppTest."""

from __future__ import annotations

from dashboard.data.overview import headline_cards
from pipelines import metrics
from pipelines.contract import vocabulary
from tests.dashboard.helpers import (
    figures,
    metrics_shown,
    new_app,
    open_page,
    realised,
    set_filter,
    values,
)


def test_outbound_kpis_are_not_applicable_among_inbound_mobilities():
    app = open_page(new_app(), "overview")
    set_filter(app, "direction", "inbound")
    shown = metrics_shown(app)
    # counted from the fixture: the inbound figure stays, the outbound ones are not applicable
    assert shown["Inbound mobilities"] == f"{len(realised(year=2024, direction='inbound')):,}"
    for name in ("Outbound mobilities", "Outbound mobility ratio", "Credit recognition rate"):
        assert shown[name] == "not applicable", name
    deltas = {m.label: m.delta for m in app.metric}
    assert not deltas["Outbound mobilities"]
    assert deltas["Inbound mobilities"]
    captions = " ".join(c.value for c in app.caption)
    assert "it counts outbound mobilities, and the direction filter shows inbound" in captions


def test_the_balance_chart_needs_both_directions():
    app = open_page(new_app(), "flows")
    assert "Balance per country (inbound − outbound)" in figures(app)
    set_filter(app, "direction", "outbound")
    assert "Balance per country (inbound − outbound)" not in figures(app)
    assert any("not applicable" in i.value for i in app.info)


def test_every_kpi_says_which_directions_it_counts():
    # a KPI with a direction in its id or numerator counts that direction only (the measures
    # of a difference name both: net_flow is students_inbound minus students_outbound)
    for kpi in metrics.KPIS:
        measures = f"{kpi.id} {kpi.numerator_measure} {kpi.denominator}"
        named = {d for d in ("outbound", "inbound") if d in measures}
        if kpi.formula == "difference":
            assert kpi.counts == "both", kpi.id
        elif len(named) == 1:
            assert kpi.counts == named.pop(), kpi.id
    assert metrics.get("net_flow").not_applicable("outbound")
    assert metrics.get("online_share").not_applicable("inbound") is None
    assert metrics.get("recognition_rate").not_applicable("outbound") is None


def test_a_card_without_a_denominator_does_not_end_in_a_dash():
    from dashboard import formatting

    assert formatting.of_total(1893.0, float("nan")) == ""
    assert formatting.of_total(1893.0, None) == ""
    assert formatting.of_total(1893.0, 2000.0) == " (1,893 of 2,000)"


def test_headline_cards_mark_the_kpis_of_the_other_direction():
    import pandas as pd

    by_year = pd.DataFrame(
        {
            "year_start": [2024, 2024],
            "kpi_id": ["outbound_mobilities", "inbound_mobilities"],
            "value": [0.0, 12.0],
            "numerator": [0.0, 12.0],
            "denominator": [None, None],
        }
    )
    cards = headline_cards(by_year, 2024, direction="inbound").set_index("kpi_id")
    assert cards.loc["outbound_mobilities", "not_applicable"]
    assert cards.loc["inbound_mobilities", "not_applicable"] == ""


def test_dual_degrees_show_the_periods_still_running_beside_the_completed():

    app = open_page(new_app(), "programmes")
    chart = figures(app)["Dual and joint degrees per year"]
    lines = {
        t["name"]: dict(zip(values(t["x"]), values(t["y"]), strict=True)) for t in chart["data"]
    }
    dual = realised(kind="dual_degree")
    for status in ("completed", "ongoing"):
        shown = lines[vocabulary.code_words(status)]  # the legend in words
        counted = dual[dual["status"] == status].groupby("year").size()
        # every year of the chart, 0 where the fixture has none of that status
        expected = {y: int(counted.get(int(y[:4]), 0)) for y in shown}
        assert shown == expected, status
        assert sum(shown.values()) == len(dual[dual["status"] == status])


def test_a_link_to_a_country_without_data_says_so():
    # the fixture has no mobility with Kosovo (XK): the page says it shows another country
    assert realised(partner_country="XK").empty
    app = open_page(new_app({"country": "XK"}), "country")
    warnings = [w.value for w in app.warning]
    assert any("country=XK" in w for w in warnings), warnings
    app = open_page(new_app({"country": "DE"}), "country")
    assert not [w.value for w in app.warning if "country=" in w.value]


def test_the_data_contract_page_offers_every_import_template():
    from pipelines.demo import TABLES

    app = open_page(new_app(), "data_contract")
    labels = {b.proto.label for b in app.get("download_button")}
    assert labels == {f"{table.capitalize()} template" for table in TABLES}


def test_projected_counts_are_whole_and_rates_keep_one_decimal():
    import pandas as pd

    from dashboard.data.overview import rounded_projection

    shown = rounded_projection(
        pd.Series([2126.3, 14.04, None], dtype=object), pd.Series(["mobilities", "%", "people"])
    )
    assert shown.iloc[0] == 2126.0 and shown.iloc[1] == 14.0 and pd.isna(shown.iloc[2])


def test_all_the_data_of_a_view_in_one_workbook():
    import io

    from openpyxl import load_workbook

    app = open_page(new_app(), "flows")
    button = next(
        b for b in app.get("download_button") if b.proto.label.startswith("Download all the data")
    )
    assert button.proto.label.endswith("(XLSX, one sheet per chart or table)")
    import pandas as pd

    from dashboard.data.view_workbook import workbook_bytes

    book = load_workbook(
        io.BytesIO(
            workbook_bytes(
                "Flows and countries",
                "academic years 2018/19 to 2024/25",
                [
                    ("mobilities by country", pd.DataFrame({"country": ["DE"], "outbound": [3]})),
                    ("mobilities by country", pd.DataFrame({"country": ["=FR"], "outbound": [1]})),
                ],
            )
        )
    )
    assert book.sheetnames == [
        "About this view",
        "Mobilities by country",
        "Mobilities by country (2)",
    ]
    assert book["About this view"]["B3"].value == "academic years 2018/19 to 2024/25"
    assert [c.value for c in book["Mobilities by country"][2]] == ["DE", 3]
    # text a spreadsheet would run is written as text
    assert book["Mobilities by country (2)"]["A2"].value == "'=FR"


def test_the_print_view_draws_tables_whole_and_charts_at_a4_size():
    from dashboard.charts.style import PRINT_WIDTH

    app = open_page(new_app(), "overview")
    # on screen the targets are a data grid; the plain tables are the charts' data
    assert len(app.dataframe) >= 1
    assert not [t for t in app.table if "KPI" in t.value.columns]
    on_screen = app.dataframe[0].value
    app.sidebar.toggle(key="print_view").set_value(True).run()
    assert not app.exception, [e.value for e in app.exception]
    # the targets table: a plain table of every row, headed as on screen
    assert not app.dataframe
    targets = app.table[0].value
    assert "KPI" in targets.columns and len(targets) == len(on_screen) > 0
    assert list(targets["KPI"]) == list(on_screen["kpi"])
    widths = {title: spec["layout"].get("width") for title, spec in figures(app).items()}
    assert widths and set(widths.values()) == {PRINT_WIDTH}


def _country_lines(app) -> dict[str, str]:
    chart = figures(app)["Realised mobilities per year"]
    return {t["name"]: t["line"]["color"] for t in chart["data"]}


def test_the_countries_of_the_flows_trend_are_in_the_link_and_keep_their_colours():
    from dashboard import charts

    app = open_page(new_app({"countries": ["FR", "DE", "ZZ"]}), "flows")
    picker = app.multiselect(key="page_countries")
    assert picker.value == ["FR", "DE"]
    assert any("countries=ZZ" in w.value for w in app.warning)
    # the colours follow the order chosen, not the names' order
    assert _country_lines(app) == {"France": charts.PALETTE[0], "Germany": charts.PALETTE[1]}
    # adding a country keeps the colours of the others, and the link follows
    picker.set_value(["FR", "DE", "ES"]).run()
    lines = _country_lines(app)
    assert lines["France"] == charts.PALETTE[0] and lines["Germany"] == charts.PALETTE[1]
    assert lines["Spain"] == charts.PALETTE[2]
    assert app.query_params["countries"] == ["FR", "DE", "ES"]


def test_own_targets_of_a_scope_and_the_one_a_chart_works_towards():
    import pandas as pd

    from dashboard.data.targets import next_target, own_targets

    projections = pd.DataFrame(
        {
            "kpi_id": ["recognition_rate"] * 3 + ["outbound_mobility_ratio"],
            "faculty": ["all", "all", "Law", "all"],
            "academic_year": ["2029/30", "2026/27", "2026/27", "2026/27"],
            "target_value": [99.0, 97.0, 90.0, 5.0],
        }
    )
    own = own_targets(projections, "recognition_rate")
    assert own.to_dict("list") == {
        "academic_year": ["2026/27", "2029/30"],
        "target_value": [97.0, 99.0],
    }
    assert own_targets(projections, "recognition_rate", "Law")["target_value"].tolist() == [90.0]
    assert next_target(own, 2025) == (97.0, "2026/27")
    assert next_target(own, 2027) == (99.0, "2029/30")
    assert next_target(own, 2031) == (99.0, "2029/30")  # past every target: the latest
    assert next_target(own.iloc[0:0], 2025) is None


def _target_marks(app, title: str) -> dict:
    chart = figures(app)[title]
    marks = [t for t in chart["data"] if t.get("name") == "Own target"]
    return dict(zip(values(marks[0]["x"]), values(marks[0]["y"]), strict=True)) if marks else {}


def _indicator(app):
    return next(box for box in app.main.selectbox if box.label == "Indicator")


def test_the_overview_trend_marks_the_university_s_own_targets():
    from tests.fixture_data import FACULTIES, fixture_targets

    # the fixture's targets for the outbound mobility ratio, as stored: 5.0 for the whole
    # university and 7.0 for the first faculty, both for 2025/26
    stored = {(f, v) for k, y, f, v in fixture_targets() if k == "outbound_mobility_ratio"}
    assert stored == {(None, 5.0), (FACULTIES[0], 7.0)}
    app = open_page(new_app(), "overview")
    _indicator(app).set_value("outbound_mobility_ratio").run()
    assert _target_marks(app, "Outbound mobility ratio") == {"2025/26": 5.0}
    app = open_page(new_app({"faculty": FACULTIES[0]}), "overview")
    _indicator(app).set_value("outbound_mobility_ratio").run()
    assert _target_marks(app, "Outbound mobility ratio") == {"2025/26": 7.0}


def test_rate_bars_name_the_own_target_line():
    import pandas as pd

    from dashboard import charts

    frame = pd.DataFrame({"grp": ["A", "B"], "rate": [90.0, 95.0]})
    fig = charts.rate_bars(frame, "grp", "rate", "t", "Group", 97.0, "own target 97.0 % by 2026/27")
    assert fig.layout.shapes[0].x0 == 97.0
    assert fig.layout.annotations[0].text == "own target 97.0 % by 2026/27"


def test_a_future_target_is_drawn_at_its_distance_with_its_label_in_view():
    import pandas as pd

    from dashboard import charts

    series = pd.DataFrame({"academic_year": ["2024/25", "2025/26"], "value": [4.0, 4.2]})
    targets = pd.DataFrame({"academic_year": ["2027/28"], "target_value": [5.0]})
    fig = charts.trend_line(series, "Ratio", "%", targets=targets)
    # 2026/27 has no value but keeps its place between the trend and the target
    assert list(fig.layout.xaxis.categoryarray) == ["2024/25", "2025/26", "2026/27", "2027/28"]
    assert fig.layout.yaxis.range[1] > 5.0


def test_the_overview_targets_table_leaves_out_a_scope_every_row_shares():
    from tests.fixture_data import FACULTIES

    # whole university: every row is "whole university", said in the caption; the column's
    # room goes to the names it cut ("Leadership targe…")
    app = open_page(new_app(), "overview")
    table = app.dataframe[0]
    assert table.value["scope"].nunique() == 1
    assert "scope" not in table.proto.column_order and "kpi" in table.proto.column_order
    # one faculty: its own targets beside the university's EU targets, so the column stays
    app = open_page(new_app({"faculty": FACULTIES[0]}), "overview")
    table = app.dataframe[0]
    assert table.value["scope"].nunique() > 1
    assert "scope" in table.proto.column_order
