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
