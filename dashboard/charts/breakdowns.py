"""Bars per category: split by direction or by another attribute, rates against a target,
plain counts in the frame's order, the per-country balance and the Benchmark page's shares
per scope."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from dashboard.charts.style import (
    BENCHMARK_COLOURS,
    DIRECTION_COLOURS,
    DIRECTION_ORDER,
    INBOUND,
    NEUTRAL,
    OUTBOUND,
    PALETTE,
    TARGET,
    category_colours,
    layout,
    unit_suffix,
)


def direction_bars(
    frame: pd.DataFrame,
    category: str,
    value: str,
    title: str,
    unit: str,
    category_title: str,
    horizontal: bool = True,
    barmode: str = "stack",
    ranked_by: str | None = None,
) -> go.Figure:
    """Bars per category, split by direction; ``frame`` is long: category, direction, value.

    Largest first: by both directions together, or by one (``ranked_by``: the direction the
    categories were chosen by, so that a "top countries (outbound)" chart reads in the order
    it was picked in)."""
    axes = {"x": value, "y": category} if horizontal else {"x": category, "y": value}
    fig = px.bar(
        frame,
        **axes,
        color="direction",
        orientation="h" if horizontal else "v",
        barmode=barmode,
        color_discrete_map=DIRECTION_COLOURS,
        category_orders={"direction": DIRECTION_ORDER},
        labels={value: unit, category: category_title, "direction": "Direction"},
    )
    # largest first: at the top of horizontal bars, at the left of vertical ones
    category_axis = fig.update_yaxes if horizontal else fig.update_xaxes
    if ranked_by:
        ranked = (
            frame[frame["direction"] == ranked_by]
            .sort_values([value, category], ascending=[False, True])[category]
            .tolist()
        )
        order = ranked + [c for c in frame[category].unique() if c not in ranked]
        category_axis(categoryorder="array", categoryarray=order[::-1] if horizontal else order)
    else:
        category_axis(categoryorder="total ascending" if horizontal else "total descending")
    point = "%{y}" if horizontal else "%{x}"
    number = "%{x:,.0f}" if horizontal else "%{y:,.0f}"
    fig.update_traces(
        hovertemplate=point + ": " + number + " " + unit + "<extra>%{fullData.name}</extra>"
    )
    value_axis = fig.update_xaxes if horizontal else fig.update_yaxes
    value_axis(separatethousands=True)
    height = max(320, 28 * frame[category].nunique() + 120) if horizontal else 380
    return layout(fig, title, height)


def category_bars(
    frame: pd.DataFrame,
    category: str,
    value: str,
    colour: str,
    title: str,
    unit: str,
    category_title: str,
    colour_title: str,
    horizontal: bool = False,
    category_sorted: bool = False,
) -> go.Figure:
    """Stacked bars per category split by a non-direction attribute (kind, activity, gender);
    a direction value keeps its colour. Horizontal bars are ordered by total, largest on top,
    unless ``category_sorted`` (keep the frame's order)."""
    # the same value gets the same colour in every chart: known orders first, then by name
    palette = category_colours(list(frame[colour].dropna().unique()))
    ordered = list(palette)
    axes = {"x": value, "y": category} if horizontal else {"x": category, "y": value}
    fig = px.bar(
        frame,
        **axes,
        color=colour,
        orientation="h" if horizontal else "v",
        color_discrete_map=palette,
        category_orders={colour: ordered},
        labels={value: unit, category: category_title, colour: colour_title},
    )
    number = "%{x:,.0f}" if horizontal else "%{y:,.0f}"
    fig.update_traces(hovertemplate="%{fullData.name}: " + number + " " + unit + "<extra></extra>")
    (fig.update_xaxes if horizontal else fig.update_yaxes)(separatethousands=True)
    if horizontal and not category_sorted:
        fig.update_yaxes(categoryorder="total ascending")
    elif horizontal:
        fig.update_yaxes(autorange="reversed")
    height = max(320, 28 * frame[category].nunique() + 120) if horizontal else 380
    return layout(fig, title, height)


def rate_bars(
    frame: pd.DataFrame,
    category: str,
    value: str,
    title: str,
    category_title: str,
    target: float | None = None,
    target_text: str | None = None,
) -> go.Figure:
    """A percentage per category as horizontal bars, optionally with a target line (named
    ``target_text``, by default "target 20 %")."""
    data = frame.dropna(subset=[value]).sort_values(value)
    fig = go.Figure(
        go.Bar(
            x=data[value],
            y=data[category],
            orientation="h",
            marker_color=NEUTRAL,
            texttemplate="%{x:,.1f} %",
            textposition="inside",
            insidetextanchor="end",
            hovertemplate="%{y}: %{x:,.1f} %<extra></extra>",
        )
    )
    if target is not None:
        fig.add_vline(
            x=target,
            line={"color": TARGET, "dash": "dash"},
            annotation_text=target_text or f"target {target:,.0f} %",
            annotation_position="top",
        )
    fig.update_xaxes(title="%", rangemode="tozero")
    fig.update_yaxes(title=category_title)
    return layout(fig, title, max(300, 26 * len(data) + 120))


def histogram_bars(
    frame: pd.DataFrame, category: str, value: str, title: str, unit: str, category_title: str
) -> go.Figure:
    """Plain bars in the neutral colour, in the frame's order (e.g. duration bands)."""
    fig = go.Figure(
        go.Bar(
            x=frame[category],
            y=frame[value],
            marker_color=NEUTRAL,
            hovertemplate="%{x}: %{y:,.0f} " + unit + "<extra></extra>",
        )
    )
    fig.update_xaxes(title=category_title, type="category")
    fig.update_yaxes(title=unit, separatethousands=True)
    return layout(fig, title, 340)


def balance_bars(frame: pd.DataFrame, title: str) -> go.Figure:
    """Inbound minus outbound per country: positive bars in the inbound colour, negative in the
    outbound colour; ``frame`` has country_name, balance."""
    data = frame.sort_values("balance")
    colours = [INBOUND if b > 0 else OUTBOUND for b in data["balance"]]
    fig = go.Figure(
        go.Bar(
            x=data["balance"],
            y=data["country_name"],
            orientation="h",
            marker_color=colours,
            hovertemplate="%{y}: %{x:+,.0f} mobilities (in − out)<extra></extra>",
        )
    )
    fig.update_xaxes(title="inbound − outbound (mobilities)", separatethousands=True)
    fig.update_yaxes(title="Partner country")
    return layout(fig, title, max(320, 24 * len(data) + 120))


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


def compare_bars(
    frame: pd.DataFrame, category: str, labels: tuple[str, str], title: str, unit: str
) -> go.Figure:
    """Two bars per category, side A and side B of a comparison (``frame``: ``category`` and
    one column per label, as ``dashboard.data.compare.side_by_side`` gives), in the frame's
    order from the top. Not the direction colours: A and B are not directions."""
    long = frame.melt(id_vars=[category], value_vars=list(labels), var_name="side", value_name=unit)
    fig = px.bar(
        long,
        x=unit,
        y=category,
        color="side",
        barmode="group",
        orientation="h",
        color_discrete_map={labels[0]: NEUTRAL, labels[1]: PALETTE[0]},
        category_orders={"side": list(labels), category: frame[category].tolist()},
        labels={category: "", "side": ""},
    )
    number = "%{x:,.1f}" if unit == "%" else "%{x:,.0f}"
    fig.update_traces(
        hovertemplate="%{y}: " + number + unit_suffix(unit) + "<extra>%{fullData.name}</extra>"
    )
    fig.update_xaxes(separatethousands=True)
    return layout(fig, title, max(320, 44 * len(frame) + 120))
