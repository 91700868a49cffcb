"""The charts' shared look: one colour per direction on every page (OUTBOUND, INBOUND),
PALETTE for other categories, the target/risk colours, the standard layout and the plotly
configs that keep map outlines local.

Every colour here is chosen for readers with a colour-vision deficiency and for contrast
(WCAG 2.1 AA, docs/accessibility.md): chart marks reach 3:1 against the white page, text
(ticks, axis titles, legends) 4.5:1, and the categorical colours stay apart under
deuteranopia and protanopia (tests/dashboard/test_accessibility.py measures both).
"""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.formatting import word
from pipelines import palette
from pipelines.contract import reference
from pipelines.palette import INBOUND, NEUTRAL, OUTBOUND

# OUTBOUND, INBOUND, NEUTRAL and the categories' colours are shared with the report's PDF
# (pipelines/palette.py says why each was chosen)
# Text drawn inside a chart: Streamlit's plotly theme writes ticks and axis titles in #808495
# (3.72:1 on white); these reach 4.5:1 (``readable``).
TEXT = "#1b2733"
AXIS_TEXT = "#4a5561"
TARGET = "#2e7d32"
DIRECTION_COLOURS = {"outbound": OUTBOUND, "inbound": INBOUND}
DIRECTION_ORDER = ["outbound", "inbound"]
# Categories whose order is fixed (and so their colour, ``category_colours``); others follow
# by name.
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
PALETTE = list(palette.CATEGORIES)
# the Targets page: a target on track or met, or at risk
GOOD = TARGET
RISK = "#c62828"
# Not the direction colours: blue and orange mean outbound and inbound on every page.
BENCHMARK_COLOURS = {"institution": PALETTE[0], "country": PALETTE[1], "programme": NEUTRAL}

# plotly.js fetches map outlines from its CDN; the dashboard serves them itself
# (dashboard/static, see SOURCE.md there) so maps work on a machine without internet.
# No mode bar: its eight buttons per chart were tab stops a keyboard user had to pass (16 on
# the Overview alone); every chart has its data as a table and as a CSV instead.
PLOTLY_CONFIG = {"topojsonURL": "app/static/", "displaylogo": False, "displayModeBar": False}

# plotly.js loads its map outlines from this folder (served by Streamlit from
# dashboard/static, see .streamlit/config.toml), never from the internet
MAP_CONFIG = {**PLOTLY_CONFIG, "topojsonURL": "./app/static/"}


def category_colours(values: list[str], order: list[str] | None = None) -> dict[str, str]:
    """The colour of each category value, the same in every chart whatever else it shows: a
    value of CATEGORY_ORDER keeps its own place in PALETTE ("female" is never the colour of
    "teaching"), a direction its direction colour, other values follow ``order`` (the order
    a reader chose them in, so a country keeps its colour when another is added), else by
    name."""
    if order:
        return {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(order) if v in set(values)}
    known = [v for v in CATEGORY_ORDER if v in set(values)]
    others = sorted(set(values) - set(CATEGORY_ORDER) - set(DIRECTION_COLOURS))
    # "(not set)" and its variants ("(not set: staff)") in grey, last
    unset = [v for v in others if str(v).startswith(reference.NOT_SET[:-1])]
    others = [v for v in others if v not in unset]
    colours = {v: PALETTE[CATEGORY_ORDER.index(v) % len(PALETTE)] for v in known}
    colours.update(dict.fromkeys([reference.NOT_SET, *unset], NEUTRAL))
    # other values take the colours this chart does not use yet
    free = [c for c in PALETTE if c not in colours.values()] or PALETTE
    colours.update({v: free[i % len(free)] for i, v in enumerate(others)})
    colours.update(DIRECTION_COLOURS)
    directions = [d for d in DIRECTION_COLOURS if d in values]
    return {v: colours[v] for v in [*known, *others, *unset, *directions]}


def readable(fig: go.Figure) -> go.Figure:
    """Text inside the chart at 4.5:1 on white: title, ticks, axis titles, legend, colour
    bar (set on the figure, which Streamlit's theme does not override)."""
    fig.update_layout(
        font_color=AXIS_TEXT,
        title_font_color=TEXT,
        legend_font_color=TEXT,
        hoverlabel_font_color=TEXT,
    )
    fig.update_xaxes(tickfont_color=AXIS_TEXT, title_font_color=TEXT)
    fig.update_yaxes(tickfont_color=AXIS_TEXT, title_font_color=TEXT)
    return fig


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


def in_words(fig: go.Figure) -> go.Figure:
    """Contract codes a chart would show as words, in legends, on category axes and in
    hovers: "Higher education", not higher_education; "Outbound", not outbound. Applied to
    the finished figure (colours and orders are keyed on the codes before this)."""
    for trace in fig.data:
        if isinstance(trace.name, str):
            trace.name = word(trace.name)
        if trace.type != "bar":
            continue
        category = "y" if trace.orientation == "h" else "x"
        values = trace[category]
        if values is not None and len(values) and all(word(v) != v for v in values):
            trace[category] = [word(v) for v in values]
    for axis in ("xaxis", "yaxis"):
        order = fig.layout[axis].categoryarray
        if order is not None and len(order):
            fig.layout[axis].categoryarray = [word(v) for v in order]
    return fig


# more lines than this end too close together to be named at their ends
DIRECT_LABEL_LINES = 4
# a name's height: names of lines ending closer than this are moved apart
LABEL_PX = 15


def direct_labels(fig: go.Figure) -> go.Figure:
    """Each line named at its last point, in words, and no legend: a reader (a colour-blind
    one among them) need not match colours against a legend. Names of lines that end close
    together are moved apart; charts of more lines keep their legend."""
    lines = [t for t in fig.data if t.type == "scatter" and t.x is not None and len(t.x)]
    if not lines or len(lines) > DIRECT_LABEL_LINES:
        return fig
    ends = sorted((float(t.y[-1]), t.x[-1], str(word(t.name))) for t in lines)
    top = max(max(float(v) for v in t.y) for t in lines) or 1.0
    # the plot area's height in pixels, roughly: the figure less title and axis
    plot_px = (fig.layout.height or 360) - 120
    placed: list[float] = []
    for value, year, name in ends:
        at = value / top * plot_px
        shown = max(at, placed[-1] + LABEL_PX) if placed else at
        placed.append(shown)
        fig.add_annotation(
            x=year,
            y=value,
            text=name[:1].upper() + name[1:],
            showarrow=False,
            xanchor="left",
            xshift=8,
            yshift=shown - at,
            font={"color": TEXT},
        )
    longest = max(len(name) for _, _, name in ends)
    # room on the right for the longest name (about 7 px a character at plotly's 12 px)
    return fig.update_layout(showlegend=False, margin_r=7 * longest + 20)
