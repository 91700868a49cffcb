"""Heatmaps of one value by two categories: CEFR level before against after, completeness
per column and academic year, and country-to-country flows."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import NEUTRAL, layout


def cefr_heatmap(frame: pd.DataFrame, title: str) -> go.Figure:
    """CEFR level before (rows) against after (columns); ``frame``: cefr_before, cefr_after,
    mobilities. Cells above the diagonal are improvements."""
    levels = ["A1", "A2", "B1", "B2", "C1", "C2"]
    grid = (
        frame.pivot_table(
            index="cefr_before", columns="cefr_after", values="mobilities", aggfunc="sum"
        )
        .reindex(index=levels, columns=levels)
        .fillna(0)
    )
    fig = go.Figure(
        go.Heatmap(
            z=grid.values,
            x=levels,
            y=levels,
            colorscale=[[0, "#ffffff"], [1, NEUTRAL]],
            text=[[f"{v:,.0f}" for v in row] for row in grid.values],
            texttemplate="%{text}",
            colorbar={"title": {"text": "mobilities"}, "tickformat": ",d"},
            hovertemplate="before %{y}, after %{x}: %{z:,.0f} mobilities<extra></extra>",
        )
    )
    fig.update_xaxes(title="CEFR level after")
    fig.update_yaxes(title="CEFR level before", autorange="reversed")
    return layout(fig, title, 420)


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


def flow_matrix(frame: pd.DataFrame, title: str, limit: int = 36) -> go.Figure:
    """Country-to-country heatmap: sending countries down, receiving countries across.

    ``frame`` has sending_country_name, receiving_country_name, participants; the ``limit``
    largest senders and receivers are shown, ordered by size.
    """
    senders = (
        frame.groupby("sending_country_name")["participants"].sum().nlargest(limit).index.tolist()
    )
    receivers = (
        frame.groupby("receiving_country_name")["participants"].sum().nlargest(limit).index.tolist()
    )
    grid = frame.pivot_table(
        index="sending_country_name",
        columns="receiving_country_name",
        values="participants",
        aggfunc="sum",
    ).reindex(index=senders, columns=receivers)
    fig = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(dtype="float64"),
            x=receivers,
            y=senders,
            colorscale="Blues",
            colorbar={"title": "participants"},
            hovertemplate="%{y} → %{x}: %{z:,.0f} participants<extra></extra>",
            hoverongaps=False,
        )
    )
    fig.update_layout(
        title=title,
        xaxis_title="Receiving country",
        yaxis_title="Sending country",
        yaxis={"autorange": "reversed"},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=max(420, 18 * len(senders) + 160),
    )
    return fig
