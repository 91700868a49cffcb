"""Pure functions returning plotly figures; no Streamlit, no queries.

One colour per direction on every page (OUTBOUND, INBOUND); other categories use PALETTE.
Axis titles carry units and numbers use thousands separators.
"""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

OUTBOUND = "#1f5fa8"
INBOUND = "#e07b24"
NEUTRAL = "#5b6b7a"
TARGET = "#2e7d32"
DIRECTION_COLOURS = {"outbound": OUTBOUND, "inbound": INBOUND}
DIRECTION_ORDER = ["outbound", "inbound"]
# A calm qualitative palette for categories that are not directions (kinds, activities, ...).
# Categories whose order (and so colour) is fixed; others follow by name.
CATEGORY_ORDER = [
    "teaching",
    "training",
    "research",
    "conference",
    "female",
    "male",
    "other",
    "virtual",
    "blended",
    "coordinator",
    "partner",
]
PALETTE = ["#3d7a8c", "#8c6bb1", "#7a9a3d", "#c4575b", "#d6a43a", "#6b8ebd", "#9c755f"]

# plotly.js fetches map outlines from its CDN; the dashboard serves them itself
# (dashboard/static, see SOURCE.md there) so maps work on a machine without internet.
PLOTLY_CONFIG = {"topojsonURL": "app/static/", "displaylogo": False}


def _layout(fig: go.Figure, title: str, height: int = 360) -> go.Figure:
    fig.update_layout(
        title=title,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=height,
        legend_title_text="",
        separators=".,",
    )
    return fig


def _unit_suffix(unit: str) -> str:
    return " %" if unit == "%" else f" {unit}"


def trend_line(
    frame: pd.DataFrame, title: str, unit: str, reference: float | None = None
) -> go.Figure:
    """A KPI over academic years; ``frame`` has columns academic_year, value.

    ``reference`` draws a target line (e.g. the EU's 23 %).
    """
    fmt = ",.1f" if unit == "%" else ",.0f"
    fig = go.Figure(
        go.Scatter(
            x=frame["academic_year"],
            y=frame["value"],
            mode="lines+markers",
            line={"color": NEUTRAL, "width": 3},
            name=title,
            hovertemplate="%{x}: %{y:" + fmt + "}" + _unit_suffix(unit) + "<extra></extra>",
        )
    )
    if reference is not None:
        fig.add_hline(
            y=reference,
            line={"color": TARGET, "dash": "dash"},
            annotation_text=f"target {reference:,.0f}{_unit_suffix(unit)}",
            annotation_position="top left",
        )
    fig.update_xaxes(title="Academic year", type="category")
    fig.update_yaxes(title=unit, rangemode="tozero", separatethousands=True)
    return _layout(fig, title, 320)


def direction_trend(
    frame: pd.DataFrame, value: str, title: str, unit: str, colour: str = "direction"
) -> go.Figure:
    """Lines over academic years, one per direction (in the direction colours) or per another
    category (``colour``); ``frame``: academic_year, ``colour``, ``value``."""
    is_direction = colour == "direction"
    fig = px.line(
        frame,
        x="academic_year",
        y=value,
        color=colour,
        markers=True,
        color_discrete_map=DIRECTION_COLOURS if is_direction else None,
        color_discrete_sequence=None if is_direction else PALETTE,
        category_orders={"direction": DIRECTION_ORDER},
        labels={"academic_year": "Academic year", value: unit, colour: colour.replace("_", " ")},
    )
    fig.update_traces(hovertemplate="%{x}: %{y:,.0f} " + unit + "<extra>%{fullData.name}</extra>")
    fig.update_xaxes(type="category", categoryorder="category ascending")
    fig.update_yaxes(rangemode="tozero", separatethousands=True)
    return _layout(fig, title, 340)


def direction_bars(
    frame: pd.DataFrame,
    category: str,
    value: str,
    title: str,
    unit: str,
    category_title: str,
    horizontal: bool = True,
    barmode: str = "stack",
) -> go.Figure:
    """Bars per category, split by direction; ``frame`` is long: category, direction, value."""
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
    if horizontal:
        fig.update_yaxes(categoryorder="total ascending")
    else:
        fig.update_xaxes(categoryorder="total descending")
    point = "%{y}" if horizontal else "%{x}"
    number = "%{x:,.0f}" if horizontal else "%{y:,.0f}"
    fig.update_traces(
        hovertemplate=point + ": " + number + " " + unit + "<extra>%{fullData.name}</extra>"
    )
    value_axis = fig.update_xaxes if horizontal else fig.update_yaxes
    value_axis(separatethousands=True)
    height = max(320, 28 * frame[category].nunique() + 120) if horizontal else 380
    return _layout(fig, title, height)


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
    present = set(frame[colour].dropna())
    ordered = [v for v in CATEGORY_ORDER if v in present] + sorted(present - set(CATEGORY_ORDER))
    palette = {
        c: DIRECTION_COLOURS.get(c, PALETTE[i % len(PALETTE)]) for i, c in enumerate(ordered)
    }
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
    return _layout(fig, title, height)


def rate_bars(
    frame: pd.DataFrame,
    category: str,
    value: str,
    title: str,
    category_title: str,
    target: float | None = None,
) -> go.Figure:
    """A percentage per category as horizontal bars, optionally with a target line."""
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
            annotation_text=f"target {target:,.0f} %",
            annotation_position="top",
        )
    fig.update_xaxes(title="%", rangemode="tozero")
    fig.update_yaxes(title=category_title)
    return _layout(fig, title, max(300, 26 * len(data) + 120))


def world_map(frame: pd.DataFrame, value: str, direction: str, scope: str = "world") -> go.Figure:
    """Choropleth of mobilities per country; ``frame`` has iso3, country_name and ``value``."""
    colour = DIRECTION_COLOURS.get(direction, NEUTRAL)
    fig = go.Figure(
        go.Choropleth(
            locations=frame["iso3"],
            z=frame[value],
            text=frame["country_name"],
            locationmode="ISO-3",
            colorscale=[[0, "#f2f5f9"], [1, colour]],
            marker_line_color="#ffffff",
            marker_line_width=0.5,
            colorbar={"title": {"text": "mobilities"}, "tickformat": ",d"},
            hovertemplate="%{text}: %{z:,.0f} mobilities<extra></extra>",
        )
    )
    fig.update_geos(
        scope=scope,
        showframe=False,
        showcoastlines=False,
        projection_type="natural earth" if scope == "world" else "mercator",
        projection_rotation_lon=10 if scope == "world" else None,
        lataxis_range=[-58, 85] if scope == "world" else None,
        showcountries=True,
        countrycolor="#d0d7de",
    )
    title = f"{direction.capitalize()} mobilities by partner country"
    return _layout(fig, title, 460)


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
    return _layout(fig, title, max(320, 24 * len(data) + 120))


def sankey(frame: pd.DataFrame, title: str) -> go.Figure:
    """Faculty -> region -> country; ``frame`` has faculty, region, country_name, mobilities."""
    faculties = frame["faculty"].unique().tolist()
    regions = frame["region"].unique().tolist()
    countries = frame["country_name"].unique().tolist()
    labels = faculties + regions + countries
    index = {("faculty", v): i for i, v in enumerate(faculties)}
    index.update({("region", v): len(faculties) + i for i, v in enumerate(regions)})
    index.update(
        {("country", v): len(faculties) + len(regions) + i for i, v in enumerate(countries)}
    )
    first = frame.groupby(["faculty", "region"], as_index=False)["mobilities"].sum()
    second = frame.groupby(["region", "country_name"], as_index=False)["mobilities"].sum()
    sources = [index[("faculty", f)] for f in first["faculty"]] + [
        index[("region", r)] for r in second["region"]
    ]
    targets = [index[("region", r)] for r in first["region"]] + [
        index[("country", c)] for c in second["country_name"]
    ]
    values = first["mobilities"].tolist() + second["mobilities"].tolist()
    node_colours = (
        [OUTBOUND] * len(faculties) + [NEUTRAL] * len(regions) + ["#9fb7d6"] * len(countries)
    )
    fig = go.Figure(
        go.Sankey(
            node={
                "label": labels,
                "color": node_colours,
                "pad": 12,
                "hovertemplate": "%{label}: %{value:,.0f} mobilities<extra></extra>",
            },
            link={
                "source": sources,
                "target": targets,
                "value": values,
                "color": "rgba(31, 95, 168, 0.25)",
                "hovertemplate": "%{source.label} → %{target.label}: %{value:,.0f} mobilities"
                "<extra></extra>",
            },
            valueformat=",.0f",
        )
    )
    return _layout(fig, title, max(420, 18 * len(countries) + 100))


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
    return _layout(fig, title, 420)


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
    return _layout(fig, title, 340)


# --- Benchmark page ---

# Not the direction colours: blue and orange mean outbound and inbound on every page.
BENCHMARK_COLOURS = {"institution": PALETTE[0], "country": PALETTE[1], "programme": NEUTRAL}


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


# --- Data quality page ---

GOOD = TARGET
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
