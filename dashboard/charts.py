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


# --- Benchmark page ---

BENCHMARK_COLOURS = {"institution": OUTBOUND, "country": INBOUND, "programme": NEUTRAL}


def benchmark_share_bars(
    frame: pd.DataFrame,
    title: str,
    scope_labels: dict[str, str],
    category_title: str,
    by_share: bool = True,
) -> go.Figure:
    """Grouped horizontal bars: each category's share (%) in each scope.

    ``frame`` has columns scope, category, participants, share_pct. Categories are shown in
    the order of the first scope's shares, largest on top, or (``by_share`` False) in their
    own order, first on top.
    """
    categories = set(frame["category"])
    if by_share:
        first = frame[frame["scope"] == next(iter(scope_labels))]
        order = first.sort_values("share_pct")["category"].tolist()
        order = sorted(categories - set(order), reverse=True) + order
    else:
        order = sorted(categories, reverse=True)
    fig = go.Figure()
    for scope, label in scope_labels.items():
        part = frame[frame["scope"] == scope].set_index("category").reindex(order)
        fig.add_trace(
            go.Bar(
                y=order,
                x=part["share_pct"],
                name=label,
                orientation="h",
                marker_color=BENCHMARK_COLOURS.get(scope, NEUTRAL),
                customdata=part["participants"],
                hovertemplate="%{y}: %{x:,.1f} % (%{customdata:,} participants)"
                + f"<extra>{label}</extra>",
            )
        )
    fig.update_layout(
        title=title,
        barmode="group",
        xaxis_title="Share of participants (%)",
        yaxis_title=category_title,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        height=max(320, 60 + 26 * len(order) * max(1, len(scope_labels)) // 2),
    )
    fig.update_xaxes(rangemode="tozero", ticksuffix=" %")
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


# plotly.js loads its map outlines from this folder (served by Streamlit from
# dashboard/static, see .streamlit/config.toml), never from the internet
MAP_CONFIG = {"topojsonURL": "./app/static/"}


def flow_map(frame: pd.DataFrame, title: str) -> go.Figure:
    """Choropleth of Europe: participants received by each country (``receiving_iso3``)."""
    shown = frame[frame["receiving_iso3"].notna()]
    fig = go.Figure(
        go.Choropleth(
            locations=shown["receiving_iso3"],
            z=shown["participants"],
            text=shown["receiving_country_name"],
            locationmode="ISO-3",
            colorscale="Blues",
            colorbar={"title": "participants"},
            hovertemplate="%{text}: %{z:,.0f} participants<extra></extra>",
        )
    )
    fig.update_geos(
        scope="europe",
        resolution=110,
        showcountries=True,
        countrycolor="#9aa5b1",
        showland=True,
        landcolor="#f2f5f9",
        projection_type="natural earth",
    )
    fig.update_layout(title=title, margin={"l": 0, "r": 0, "t": 50, "b": 0}, height=520)
    return fig
