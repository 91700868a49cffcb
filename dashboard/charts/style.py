"""The charts' shared look: one colour per direction on every page (OUTBOUND, INBOUND),
PALETTE for other categories, the target/risk colours, the standard layout and the plotly
configs that keep map outlines local."""

from __future__ import annotations

import plotly.graph_objects as go

from pipelines.contract import reference

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
    # study levels by their EQF level, not by name (Bachelor, Doctorate, Master)
    *(reference.level_label(level) for level in reference.EQF_LEVELS),
    reference.NOT_SET,
]
PALETTE = ["#3d7a8c", "#8c6bb1", "#7a9a3d", "#c4575b", "#d6a43a", "#6b8ebd", "#9c755f"]
# the Targets page: a target on track or met, or at risk
GOOD = TARGET
RISK = "#c62828"
# Not the direction colours: blue and orange mean outbound and inbound on every page.
BENCHMARK_COLOURS = {"institution": PALETTE[0], "country": PALETTE[1], "programme": NEUTRAL}

# plotly.js fetches map outlines from its CDN; the dashboard serves them itself
# (dashboard/static, see SOURCE.md there) so maps work on a machine without internet.
PLOTLY_CONFIG = {"topojsonURL": "app/static/", "displaylogo": False}

# plotly.js loads its map outlines from this folder (served by Streamlit from
# dashboard/static, see .streamlit/config.toml), never from the internet
MAP_CONFIG = {"topojsonURL": "./app/static/"}


def layout(fig: go.Figure, title: str, height: int = 360) -> go.Figure:
    """The title, margins, height, legend and number separators most figures share."""
    fig.update_layout(
        title=title,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        height=height,
        legend_title_text="",
        separators=".,",
    )
    return fig


def unit_suffix(unit: str) -> str:
    """A unit after a number: ' %' or ' mobilities'."""
    return " %" if unit == "%" else f" {unit}"


# A4 landscape at the browser's 96 pixels per inch, less the print margins (page_style.py)
PRINT_WIDTH = 1000
PRINT_MAX_HEIGHT = 620


def for_print(fig: go.Figure) -> go.Figure:
    """The figure at a fixed size that fits an A4 landscape page: a chart that follows the
    screen's width is cut or shrunk unevenly by the browser's print."""
    height = fig.layout.height or 360
    return fig.update_layout(
        width=PRINT_WIDTH, height=min(height, PRINT_MAX_HEIGHT), autosize=False
    )
