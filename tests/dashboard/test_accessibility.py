"""Accessibility of the charts and the page style, checked without a browser (the browser
test, tests/browser/test_accessibility_browser.py, runs axe-core on every page).

Contrast is computed here with WCAG 2.1's own formula, written out below rather than taken
from the code under test; colour-vision deficiencies are simulated with colorspacious
(Machado et al. 2009) and colours compared in CAM02-UCS, where a distance under about 10
is hard to tell apart for two small patches.
"""

from __future__ import annotations

import itertools

import pandas as pd
import plotly.graph_objects as go
import pytest
from colorspacious import cspace_convert, deltaE

from dashboard import charts, page_style
from pipelines.contract import reference

WHITE = "#ffffff"
SIDEBAR = "#f2f5f9"  # .streamlit/config.toml secondaryBackgroundColor


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        r, g, b_ = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b_)

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_gives_the_known_ratios():
    # black on white is 21:1, and Streamlit's caption grey 4.16:1 as axe-core measured it
    assert contrast("#000000", WHITE) == pytest.approx(21.0)
    assert contrast("#767d85", WHITE) == pytest.approx(4.16, abs=0.01)


@pytest.mark.parametrize(
    "colour",
    [*charts.PALETTE, charts.OUTBOUND, charts.INBOUND, charts.NEUTRAL, charts.GOOD, charts.RISK],
)
def test_every_chart_colour_is_at_least_3_to_1_on_white(colour):
    assert contrast(colour, WHITE) >= 3.0


def test_the_earlier_inbound_orange_was_below_3_to_1():
    # the test would have caught it: #e07b24 measured 2.99:1
    assert contrast("#e07b24", WHITE) < 3.0


@pytest.mark.parametrize(
    "colour", [charts.style.TEXT, charts.style.AXIS_TEXT, page_style.CAPTION_TEXT]
)
@pytest.mark.parametrize("background", [WHITE, SIDEBAR])
def test_text_colours_reach_4_5_to_1(colour, background):
    assert contrast(colour, background) >= 4.5


@pytest.mark.parametrize("background", [WHITE, SIDEBAR])
def test_the_focus_ring_reaches_3_to_1(background):
    assert contrast(page_style.FOCUS, background) >= 3.0


def _seen(colour: str, deficiency: str | None):
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    if deficiency is None:
        return rgb
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    return cspace_convert(rgb, space, "sRGB1").clip(0, 1)


def _closest(colours: list[str], deficiency: str | None) -> float:
    return min(
        deltaE(_seen(a, deficiency), _seen(b, deficiency), input_space="sRGB1")
        for a, b in itertools.combinations(colours, 2)
    )


@pytest.mark.parametrize("deficiency", [None, "deuteranomaly", "protanomaly"])
def test_the_category_colours_stay_apart_for_red_green_colour_blindness(deficiency):
    assert _closest(charts.PALETTE, deficiency) >= 7


def test_the_earlier_palette_ran_together_under_deuteranopia():
    # its red and brown: the issue saw them as almost identical, and so does the measure
    earlier = ["#3d7a8c", "#8c6bb1", "#7a9a3d", "#c4575b", "#d6a43a", "#6b8ebd", "#9c755f"]
    assert _closest(earlier, "deuteranomaly") < 7


def test_tritanopia_keeps_the_colours_apart_too():
    # rarer (about 1 in 10,000), and the hardest for seven colours: still distinguishable
    assert _closest(charts.PALETTE, "tritanomaly") >= 5


def test_directions_stay_apart_in_every_kind_of_colour_vision():
    for deficiency in (None, "deuteranomaly", "protanomaly", "tritanomaly"):
        assert _closest([charts.OUTBOUND, charts.INBOUND], deficiency) >= 40


def test_a_value_has_the_same_colour_in_every_chart():
    # "female" took the first colour when it led a chart, like "teaching" in the next
    gender = charts.category_colours(["female", "male"])
    activity = charts.category_colours(["teaching", "research"])
    mixed = charts.category_colours(["male", "female", "teaching"])
    assert gender["female"] == mixed["female"] != activity["teaching"] == mixed["teaching"]
    assert gender["male"] != gender["female"]


def test_values_without_a_fixed_place_take_colours_the_chart_does_not_use():
    colours = charts.category_colours(["teaching", "zoology", "botany"])
    assert len(set(colours.values())) == 3
    assert colours["teaching"] == charts.PALETTE[0]


def test_directions_and_not_set_keep_their_own_colours():
    colours = charts.category_colours(["outbound", "inbound", reference.NOT_SET])
    assert colours == {
        "outbound": charts.OUTBOUND,
        "inbound": charts.INBOUND,
        reference.NOT_SET: charts.NEUTRAL,
    }
    # the study levels' "(not set: staff)" is grey too, after the levels
    levels = charts.category_colours(["(not set: staff)", "Master (EQF 7)"])
    assert list(levels) == ["Master (EQF 7)", "(not set: staff)"]
    assert levels["(not set: staff)"] == charts.NEUTRAL


def test_a_trend_is_described_by_its_start_end_and_peak():
    frame = pd.DataFrame(
        {
            "academic_year": ["2020/21", "2021/22", "2022/23"],
            "direction": ["outbound"] * 3,
            "mobilities": [120, 340, 200],
        }
    )
    fig = charts.direction_trend(frame, "mobilities", "Mobilities per year", "mobilities")
    assert charts.describe(fig) == (
        "Chart: Mobilities per year. from 120 mobilities in 2020/21 to 200 mobilities in "
        "2022/23, highest 340 mobilities in 2021/22."
    )


def test_bars_are_described_by_their_three_largest_values():
    fig = go.Figure(go.Bar(x=["A", "B", "C", "D"], y=[5, 40.5, 12, 7]))
    fig.update_layout(title="Shares", yaxis_title="%")
    assert charts.describe(fig) == "Chart: Shares. largest B 40.5 %; C 12 %; D 7 % (4 in all)."


def test_a_balance_names_its_highest_and_its_lowest():
    fig = go.Figure(go.Bar(y=["X", "Y", "Z"], x=[252, -935, 10], orientation="h"))
    fig.update_layout(title="Balance")
    assert charts.describe(fig) == "Chart: Balance. highest X 252; Z 10; lowest Y -935."


def test_a_map_names_countries_by_name_and_a_sankey_its_largest_flows():
    world = go.Figure(
        go.Choropleth(locations=["ESP", "DEU"], z=[30, 50], text=["Spain", "Germany"])
    )
    assert charts.describe(world).endswith("largest Germany 50; Spain 30.")
    flows = go.Figure(
        go.Sankey(
            node={"label": ["Law", "Europe", "Spain"]},
            link={"source": [0, 1], "target": [1, 2], "value": [8, 5]},
        )
    )
    assert charts.describe(flows).endswith("largest flows Law to Europe 8; Europe to Spain 5.")


def test_an_empty_chart_says_so():
    assert charts.describe(go.Figure()) == "Chart: Chart. No values."


def test_codes_in_legends_and_on_category_axes_become_words():
    frame = pd.DataFrame(
        {
            "host_type": ["higher_education", "enterprise"],
            "direction": ["outbound", "outbound"],
            "mobilities": [5, 7],
        }
    )
    fig = charts.category_bars(
        frame, "host_type", "mobilities", "direction", "t", "mobilities", "Host", "Direction"
    )
    fig = charts.in_words(fig)
    assert [t.name for t in fig.data] == ["Outbound"]
    assert sorted(fig.data[0].x) == ["Enterprise", "Higher education"]
    # and the colour set on the code stays
    assert fig.data[0].marker.color == charts.OUTBOUND


def _trend(directions: list[str]) -> go.Figure:
    frame = pd.DataFrame(
        [
            {"academic_year": year, "direction": d, "mobilities": 10 + i}
            for i, d in enumerate(directions)
            for year in ("2023/24", "2024/25")
        ]
    )
    return charts.direction_trend(frame, "mobilities", "t", "mobilities")


def test_lines_are_named_at_their_ends_instead_of_in_a_legend():
    fig = _trend(["outbound", "inbound"])
    # outbound ends at 10, inbound at 11: each name at its line's last point
    assert {(a.text, a.x, a.y) for a in fig.layout.annotations} == {
        ("Outbound", "2024/25", 10),
        ("Inbound", "2024/25", 11),
    }
    assert fig.layout.showlegend is False


def test_names_of_lines_ending_together_do_not_overlap():
    # students and ongoing both end at 57 (the Programmes chart): one name is moved up
    frame = pd.DataFrame(
        {
            "academic_year": ["2024/25", "2025/26"] * 2,
            "direction": ["students"] * 2 + ["ongoing"] * 2,
            "mobilities": [55, 57, 27, 57],
        }
    )
    fig = charts.direction_trend(frame, "mobilities", "t", "people")
    shifts = sorted(a.yshift for a in fig.layout.annotations)
    assert shifts[1] - shifts[0] >= charts.style.LABEL_PX


def test_more_lines_than_can_be_named_keep_their_legend():
    fig = _trend(["a", "b", "c", "d", "e"])
    assert fig.layout.showlegend is not False
    assert not fig.layout.annotations


def test_tables_say_directions_as_the_legends_do():
    from dashboard import formatting

    frame = pd.DataFrame({"direction": ["outbound", "inbound", None], "mobilities": [3, 2, 1]})
    shown = formatting.in_words(frame)
    assert shown["direction"].tolist()[:2] == ["Outbound", "Inbound"]
    assert frame["direction"].tolist()[0] == "outbound"  # the download keeps the code
