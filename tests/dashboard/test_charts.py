"""What the charts show, checked on the plotly figures built from hand-made frames."""

from __future__ import annotations

import pandas as pd

from dashboard import charts
from dashboard.data.flows import top_countries

FLOWS = pd.DataFrame(
    {
        "country": ["AT", "BE", "CZ"],
        "country_name": ["Austria", "Belgium", "Czechia"],
        "outbound": [10, 30, 20],
        "inbound": [50, 0, 1],
    }
)


def test_top_countries_by_one_direction_read_in_that_direction_s_order():
    # by outbound: Belgium 30, Czechia 20, Austria 10; by both directions Austria would lead
    top = top_countries(FLOWS, "outbound")
    fig = charts.direction_bars(
        top, "country_name", "mobilities", "t", "mobilities", "Country", ranked_by="outbound"
    )
    # plotly draws horizontal categories bottom-up: the first of the ranking is last
    assert list(fig.layout.yaxis.categoryarray) == ["Austria", "Czechia", "Belgium"]
    assert fig.layout.yaxis.categoryorder == "array"


def test_without_a_ranking_direction_the_bars_are_ordered_by_both_directions():
    top = top_countries(FLOWS, "outbound")
    fig = charts.direction_bars(top, "country_name", "mobilities", "t", "mobilities", "Country")
    assert fig.layout.yaxis.categoryorder == "total ascending"


def test_a_year_without_mobilities_is_a_zero_on_the_trend_not_a_gap():
    frame = pd.DataFrame(
        {
            "academic_year": ["2020/21", "2022/23", "2021/22"],
            "direction": ["outbound", "outbound", "inbound"],
            "mobilities": [5, 7, 3],
        }
    )
    fig = charts.direction_trend(frame, "mobilities", "t", "mobilities")
    lines = {trace.name: dict(zip(trace.x, trace.y, strict=True)) for trace in fig.data}
    assert lines["outbound"] == {"2020/21": 5, "2021/22": 0, "2022/23": 7}
    assert lines["inbound"] == {"2020/21": 0, "2021/22": 3, "2022/23": 0}


def test_data_quality_scores_close_together_are_told_apart():
    frame = pd.DataFrame({"academic_year": ["2022/23", "2023/24"], "score": [99.2, 99.6]})
    low, high = charts.quality_scores(frame).layout.yaxis.range
    # the axis spans a few points, not 0-100, and still shows both points and 100
    assert 90 < low < 99.2 and high >= 100
    low, _ = charts.quality_scores(
        pd.DataFrame({"academic_year": ["2023/24"], "score": [12.0]})
    ).layout.yaxis.range
    assert low == 0


def test_a_download_writes_counts_as_whole_numbers_and_names_its_filters():
    from dashboard import formatting

    frame = pd.DataFrame(
        {"country": ["DE", "FR"], "outbound": [634.0, None], "share_pct": [12.5, 50.0]}
    )
    text = formatting.csv_bytes(formatting.download_frame(frame, "academic year 2024/25"))
    lines = text.decode().splitlines()
    assert lines[0] == "country,outbound,share_pct,filters applied"
    assert lines[1] == "DE,634,12.5,academic year 2024/25"
    assert lines[2] == "FR,,50.0,academic year 2024/25"


def test_study_levels_are_in_the_order_of_their_level_not_their_name():
    frame = pd.DataFrame(
        {
            "direction": ["outbound"] * 3,
            "grp": ["Doctorate (EQF 8)", "Bachelor (EQF 6)", "Master (EQF 7)"],
            "share_pct": [10.0, 60.0, 30.0],
        }
    )
    fig = charts.category_bars(frame, "direction", "share_pct", "grp", "t", "%", "D", "L")
    assert [trace.name for trace in fig.data] == [
        "Bachelor (EQF 6)",
        "Master (EQF 7)",
        "Doctorate (EQF 8)",
    ]


def test_the_print_view_writes_numbers_and_dates_as_a_reader_expects():
    from dashboard import formatting

    frame = pd.DataFrame(
        {
            "partner": ["A", "B"],
            "outbound": [1894.0, 3.0],
            "utilisation_pct": [79.6, None],
            "valid_to": pd.to_datetime(["2029-08-31", None]),
        }
    )
    printed = formatting.printable(frame)
    assert printed.to_dict("records") == [
        {"partner": "A", "outbound": "1,894", "utilisation_pct": "79.6", "valid_to": "2029-08-31"},
        {"partner": "B", "outbound": "3", "utilisation_pct": "", "valid_to": ""},
    ]


def test_tables_write_contract_codes_in_words():
    from dashboard import formatting

    frame = pd.DataFrame(
        {
            "agreement_type": ["erasmus", "dual_degree", None],
            "partner": ["teaching", "Universität Wien", "x"],  # not only codes: unchanged
        }
    )
    shown = formatting.in_words(frame)
    assert shown["agreement_type"].tolist() == ["Erasmus+", "Dual degree", "(not set)"]
    assert shown["partner"].tolist() == frame["partner"].tolist()
