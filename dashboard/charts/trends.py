"""Values over academic years: a KPI's trend line, lines per direction or category, the
data-quality score per year and a KPI's projection towards its target."""

from __future__ import annotations

import math

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from dashboard import formatting
from dashboard.charts.style import (
    DIRECTION_ORDER,
    GOOD,
    NEUTRAL,
    OUTBOUND,
    RISK,
    TARGET,
    category_colours,
    direct_labels,
    layout,
    unit_suffix,
)


def trend_line(
    frame: pd.DataFrame,
    title: str,
    unit: str,
    reference: float | None = None,
    targets: pd.DataFrame | None = None,
) -> go.Figure:
    """A KPI over academic years; ``frame`` has columns academic_year, value.

    ``reference`` draws a reference line (e.g. the EU's 23 %); ``targets`` (academic_year,
    target_value: the university's own, from the Targets page) are marked at their years,
    after the trend where they lie in the future, so the gap to close is seen.
    """
    fmt = ",.1f" if unit == "%" else ",.0f"
    fig = go.Figure(
        go.Scatter(
            x=frame["academic_year"],
            y=frame["value"],
            mode="lines+markers",
            line={"color": NEUTRAL, "width": 3},
            name=title,
            hovertemplate="%{x}: %{y:" + fmt + "}" + unit_suffix(unit) + "<extra></extra>",
        )
    )
    if reference is not None:
        fig.add_hline(
            y=reference,
            line={"color": TARGET, "dash": "dash"},
            annotation_text=f"target {reference:,.0f}{unit_suffix(unit)}",
            annotation_position="top left",
        )
    fig.update_xaxes(title="Academic year", type="category", categoryorder="category ascending")
    fig.update_yaxes(title=unit, rangemode="tozero", separatethousands=True)
    if targets is not None and not targets.empty:
        labels = [f"{v:{fmt}}{unit_suffix(unit)}" for v in targets["target_value"]]
        fig.add_trace(
            go.Scatter(
                x=targets["academic_year"],
                y=targets["target_value"],
                mode="markers+text",
                marker={"color": TARGET, "symbol": "diamond", "size": 12},
                text=[f"target {label}" for label in labels],
                textposition="top center",
                textfont={"color": TARGET},
                name="Own target",
                hovertemplate="target for %{x}: %{y:"
                + fmt
                + "}"
                + unit_suffix(unit)
                + "<extra></extra>",
            )
        )
        fig.update_layout(showlegend=False)
        # every year up to the target's, so the distance left is drawn to scale, and room
        # above the highest mark for its label
        starts = [int(y[:4]) for y in [*frame["academic_year"], *targets["academic_year"]]]
        years = [formatting.academic_year(y) for y in range(min(starts), max(starts) + 1)]
        fig.update_xaxes(categoryorder="array", categoryarray=years)
        top = max([*frame["value"].dropna(), *targets["target_value"]], default=0)
        fig.update_yaxes(range=[0, top * 1.2 or 1])
    return layout(fig, title, 320)


def with_zero_years(frame: pd.DataFrame, value: str, colour: str) -> pd.DataFrame:
    """Counts per academic year and ``colour`` with the missing combinations as 0, from the
    first year of the frame to its last: a query counts only what happened, and a year
    without mobilities would otherwise be a gap a line draws straight across."""
    if frame.empty:
        return frame
    starts = frame["academic_year"].str[:4].astype(int)
    years = [formatting.academic_year(y) for y in range(starts.min(), starts.max() + 1)]
    grid = pd.MultiIndex.from_product(
        [years, frame[colour].drop_duplicates().tolist()], names=["academic_year", colour]
    )
    counted = frame.set_index(["academic_year", colour])[value]
    return counted.reindex(grid, fill_value=0).reset_index()


def direction_trend(
    frame: pd.DataFrame,
    value: str,
    title: str,
    unit: str,
    colour: str = "direction",
    order: list[str] | None = None,
) -> go.Figure:
    """Lines over academic years, one per direction (in the direction colours) or per another
    category (``colour``); ``frame``: academic_year, ``colour``, ``value`` (counts: a year
    missing from a line counts 0, ``with_zero_years``). ``order``: the categories in the
    order that fixes their colours (``category_colours``)."""
    frame = with_zero_years(frame[["academic_year", colour, value]], value, colour)
    fig = px.line(
        frame,
        x="academic_year",
        y=value,
        color=colour,
        markers=True,
        color_discrete_map=category_colours(list(frame[colour].dropna().unique()), order),
        category_orders={"direction": DIRECTION_ORDER, **({colour: order} if order else {})},
        labels={"academic_year": "Academic year", value: unit, colour: colour.replace("_", " ")},
    )
    fig.update_traces(hovertemplate="%{x}: %{y:,.0f} " + unit + "<extra>%{fullData.name}</extra>")
    fig.update_xaxes(type="category", categoryorder="category ascending")
    fig.update_yaxes(rangemode="tozero", separatethousands=True)
    return direct_labels(layout(fig, title, 340))


def score_range(scores: pd.Series) -> list[float]:
    """The score axis: from a little below the lowest score to 100, so that 99.2 and 99.6 can
    be told apart (on 0-100 they are the same bar), never below 0."""
    low = float(scores.min()) if len(scores) else 0.0
    margin = max(1.0, (100 - low) * 0.25)
    return [max(0.0, math.floor(low - margin)), 100.0 + margin * 0.4]


def quality_scores(frame: pd.DataFrame) -> go.Figure:
    """The data-quality score per academic year; ``frame`` has academic_year, score. Points
    on a line rather than bars: bars on an axis that does not start at 0 would exaggerate."""
    fig = go.Figure(
        go.Scatter(
            x=frame["academic_year"],
            y=frame["score"],
            mode="lines+markers+text",
            marker={"color": OUTBOUND, "size": 9},
            line={"color": OUTBOUND},
            text=[f"{v:,.1f}" for v in frame["score"]],
            textposition="top center",
            hovertemplate="%{x}: score %{y:,.1f} of 100<extra></extra>",
        )
    )
    fig.update_layout(
        title="Data-quality score by academic year",
        xaxis_title="Academic year",
        yaxis_title="Score (of 100; axis zoomed)",
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=300,
    )
    fig.update_xaxes(type="category")
    fig.update_yaxes(range=score_range(frame["score"]))
    return fig


def target_projection(series: pd.DataFrame, target: dict, unit: str, title: str) -> go.Figure:
    """A KPI's values, the recent trend extended to the target year, and the target.

    ``series`` has year_start, academic_year, value; ``target`` is one row of
    ``pipelines.metrics.projection.progress_table`` (year_start, academic_year, target_value,
    trend_start_year, trend_start_value, projected_value, status). The x axis is numeric so
    the years between the last value and the target year keep their width.
    """
    fig = go.Figure(
        go.Scatter(
            x=series["year_start"],
            y=series["value"],
            mode="lines+markers",
            name="actual",
            line={"color": OUTBOUND, "width": 3},
            customdata=series["academic_year"],
            hovertemplate="%{customdata}: %{y:,.1f} " + unit + "<extra></extra>",
        )
    )
    on_track = target["status"] in ("on track", "met")
    colour = GOOD if on_track else RISK
    if target.get("trend_start_year") is not None and target.get("projected_value") is not None:
        fig.add_trace(
            go.Scatter(
                x=[target["trend_start_year"], target["year_start"]],
                y=[target["trend_start_value"], target["projected_value"]],
                mode="lines",
                name="recent trend, extended",
                line={"color": colour, "width": 2, "dash": "dash"},
                hovertemplate="trend: %{y:,.1f} " + unit + "<extra></extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[target["year_start"]],
            y=[target["target_value"]],
            mode="markers+text",
            name="target",
            marker={"symbol": "star", "size": 16, "color": colour},
            text=[f"target {target['target_value']:,.1f} ({target['status']})"],
            textposition="top center",
            hovertemplate=f"target {target['academic_year']}: "
            + "%{y:,.1f} "
            + unit
            + "<extra></extra>",
        )
    )
    first = int(min([*series["year_start"], target["year_start"]]))
    last = int(max([*series["year_start"], target["year_start"]]))
    ticks = list(range(first, last + 1))
    fig.update_layout(
        title=title,
        xaxis={
            "title": "Academic year",
            "tickmode": "array",
            "tickvals": ticks,
            "ticktext": [f"{y}/{(y + 1) % 100:02d}" for y in ticks],
        },
        yaxis_title=unit,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=360,
        legend={"orientation": "h", "y": -0.25},
    )
    fig.update_yaxes(rangemode="tozero", separatethousands=True)
    return fig
