"""Pure functions returning plotly figures; no Streamlit, no queries."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

OUTBOUND = "#1f5fa8"
INBOUND = "#e07b24"
NEUTRAL = "#5b6b7a"


def trend_line(frame: pd.DataFrame, title: str, unit: str) -> go.Figure:
    """A KPI over academic years; ``frame`` has columns academic_year, value."""
    fig = go.Figure(
        go.Scatter(
            x=frame["academic_year"],
            y=frame["value"],
            mode="lines+markers",
            line={"color": OUTBOUND, "width": 3},
            hovertemplate="%{x}: %{y:,.1f} " + unit + "<extra></extra>",
        )
    )
    fig.update_layout(
        title=title,
        xaxis_title="Academic year",
        yaxis_title=unit,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=320,
    )
    fig.update_yaxes(rangemode="tozero", separatethousands=True)
    return fig


# --- Data quality page ---

GOOD = "#2e7d32"
RISK = "#c62828"


def quality_scores(frame: pd.DataFrame) -> go.Figure:
    """The data-quality score per academic year; ``frame`` has academic_year, score."""
    fig = go.Figure(
        go.Bar(
            x=frame["academic_year"],
            y=frame["score"],
            marker_color=OUTBOUND,
            text=[f"{v:,.1f}" for v in frame["score"]],
            textposition="outside",
            hovertemplate="%{x}: score %{y:,.1f} of 100<extra></extra>",
        )
    )
    fig.update_layout(
        title="Data-quality score by academic year",
        xaxis_title="Academic year",
        yaxis_title="Score (0-100)",
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=300,
    )
    fig.update_yaxes(range=[0, 115])
    return fig


def completeness_heatmap(frame: pd.DataFrame) -> go.Figure:
    """Filled share (%) per column (rows, contract order) and academic year (columns).

    ``frame`` has academic_year, column_name, column_position, filled_pct, filled, records.
    """
    ordered = frame.sort_values(["column_position", "academic_year"])
    columns = list(dict.fromkeys(ordered["column_name"]))
    years = sorted(ordered["academic_year"].unique())
    grid = ordered.pivot(index="column_name", columns="academic_year", values="filled_pct")
    grid = grid.reindex(index=columns, columns=years)
    fig = go.Figure(
        go.Heatmap(
            z=grid.values,
            x=years,
            y=columns,
            zmin=0,
            zmax=100,
            colorscale="Blues",
            colorbar={"title": "% filled"},
            text=[[f"{v:,.0f}" if v == v else "" for v in row] for row in grid.values],
            texttemplate="%{text}",
            hovertemplate="%{y}, %{x}: %{z:,.1f} % filled<extra></extra>",
        )
    )
    fig.update_layout(
        title="Completeness: share of mobilities with a value (%)",
        xaxis_title="Academic year",
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=max(320, 22 * len(columns) + 120),
    )
    fig.update_yaxes(autorange="reversed")
    return fig


# --- Targets page ---


def target_projection(series: pd.DataFrame, target: dict, unit: str, title: str) -> go.Figure:
    """A KPI's values, the recent trend extended to the target year, and the target.

    ``series`` has year_start, academic_year, value; ``target`` is one row of
    ``pipelines.projection.progress_table`` (year_start, academic_year, target_value,
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
