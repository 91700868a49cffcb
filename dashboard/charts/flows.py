"""Where mobilities go: choropleth maps (the university's partner countries, the
Benchmark page's national flows) and the faculty -> region -> country sankey."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import DIRECTION_COLOURS, NEUTRAL, OUTBOUND, PALETTE, layout


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
    return layout(fig, title, 460)


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
        [OUTBOUND] * len(faculties) + [NEUTRAL] * len(regions) + [PALETTE[4]] * len(countries)
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
    return layout(fig, title, max(420, 18 * len(countries) + 100))


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
