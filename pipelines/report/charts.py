"""Charts of the report as ReportLab drawings: vector graphics in the PDF, inline SVG in HTML.

One drawing serves both formats (``renderSVG`` turns it into SVG), so the PDF and the HTML
show the same chart, and nothing needs a browser or a plotting engine at run time (plotly's
static export would need Chrome through kaleido). Charts read the *suppressed* table: a
hidden value is simply not drawn, so a chart can never reveal a small count.
"""

from __future__ import annotations

import math

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from pipelines import palette
from pipelines.report import fonts
from pipelines.report.model import TOTAL, Table

# the dashboard's palette: outbound blue, inbound vermillion, then the categories' colours
PALETTE = [
    colors.HexColor(c)
    for c in (palette.OUTBOUND, palette.INBOUND, palette.NEUTRAL, *palette.CATEGORIES)
]
WIDTH, HEIGHT = 480, 230


def chart_drawing(table: Table) -> Drawing | None:
    """The table's chart, or None when it has none or nothing to show."""
    spec = table.chart
    if spec is None:
        return None
    fonts.register()
    rows = table.frame[table.frame[table.label_column] != TOTAL]
    if spec.top:
        rows = rows.head(spec.top)
    if rows.empty:
        return None
    if spec.kind == "line":
        categories = list(spec.series)
        names = [str(v) for v in rows[spec.category]]
        data = [[rows.iloc[i][s] for s in spec.series] for i in range(len(rows))]
    else:
        categories = [str(v) for v in rows[spec.category]]
        names = list(spec.series)
        data = [[_value(v) for v in rows[s]] for s in spec.series]
    data = [[_value(v) for v in series] for series in data]
    if spec.kind == "line":  # a line whose every point is hidden is left out, with its name
        kept = [i for i, series in enumerate(data) if any(v is not None for v in series)]
        data, names = [data[i] for i in kept], [names[i] for i in kept]
    if not any(v is not None for series in data for v in series):
        return None
    drawing = Drawing(WIDTH, HEIGHT)
    drawing.add(String(0, HEIGHT - 12, spec.title, fontName=fonts.BOLD, fontSize=10))
    top = max(v for series in data for v in series if v is not None)
    value_max = _nice_max(max(top, spec.reference or 0) * 1.02)
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(data))]
    if spec.kind == "hbar":
        chart = HorizontalBarChart()
        # room for the longest name whole ("Faculty of Economics and Business" was cut),
        # up to 45 % of the width; only a longer name is shortened
        label_room = min(max(_label_width(c) for c in categories) + 12, WIDTH * 0.45)
        chart.x, chart.y = label_room, 15
        chart.width, chart.height = WIDTH - label_room - 15, HEIGHT - 60
        # bars are drawn bottom-up: reverse rows so the largest is on top, and series so the
        # first series (outbound) is the upper bar of each pair
        data = [list(reversed(s)) for s in reversed(data)]
        categories = list(reversed(categories))
        colours = list(reversed(colours))
    elif spec.kind == "bar":
        chart = VerticalBarChart()
        chart.x, chart.y, chart.width, chart.height = 40, 45, WIDTH - 60, HEIGHT - 95
    else:
        chart = HorizontalLineChart()
        chart.x, chart.y, chart.width, chart.height = 35, 20, WIDTH - 215, HEIGHT - 55
        chart.joinedLines = 1
        for i in range(len(data)):
            chart.lines[i].strokeWidth = 2
            chart.lines[i].strokeColor = colours[i]
    chart.data = data
    if spec.kind == "hbar":
        chart.categoryAxis.categoryNames = [_fit(c, label_room - 12) for c in categories]
    else:
        chart.categoryAxis.categoryNames = [_short(c, 30) for c in categories]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = fonts.REGULAR
        axis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = value_max
    chart.valueAxis.valueStep = value_max / 5
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    if spec.kind in ("bar", "hbar"):
        for i in range(len(data)):
            chart.bars[i].fillColor = colours[i]
            chart.bars[i].strokeColor = None
        chart.barSpacing = 1
        chart.groupSpacing = 6
    drawing.add(chart)
    if spec.reference is not None:
        share = spec.reference / value_max
        red = colors.HexColor("#c0392b")
        if spec.kind == "hbar":
            x = chart.x + chart.width * share
            line = Line(x, chart.y, x, chart.y + chart.height)
            label = String(
                x - 3, chart.y + chart.height + 3, spec.reference_label, textAnchor="end"
            )
        else:
            y = chart.y + chart.height * share
            line = Line(chart.x, y, chart.x + chart.width, y)
            label = String(chart.x + chart.width - 2, y + 3, spec.reference_label, textAnchor="end")
        line.strokeColor, line.strokeDashArray, line.strokeWidth = red, [4, 3], 1.2
        label.fontName, label.fontSize, label.fillColor = fonts.REGULAR, 7, red
        drawing.add(line)
        drawing.add(label)
    if len(names) > 1:
        legend = Legend()
        legend.fontName = fonts.REGULAR
        legend.fontSize = 7
        legend.alignment = "right"
        legend.dx = legend.dy = 7
        legend.colorNamePairs = [
            (PALETTE[i % len(PALETTE)], _short(n, 34)) for i, n in enumerate(names)
        ]
        if spec.kind == "line":
            legend.x, legend.y = chart.x + chart.width + 20, chart.y + chart.height
            legend.boxAnchor = "nw"
            legend.columnMaximum = len(names)
        else:
            legend.x, legend.y = WIDTH - 5, HEIGHT - 8
            legend.boxAnchor = "ne"
            legend.columnMaximum = 1
            legend.deltax = 75
        drawing.add(legend)
    return drawing


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def chart_svg(table: Table) -> str | None:
    """The chart as an inline ``<svg>`` element (no XML declaration), or None."""
    drawing = chart_drawing(table)
    if drawing is None:
        return None
    svg = renderSVG.drawToString(drawing)
    svg = svg[svg.index("<svg") :]
    # the PDF embeds its font; the HTML names the families a browser has (the page's own)
    bold = f"font-family: {fonts.FAMILY}; font-weight: bold;"
    svg = svg.replace(f"font-family: {fonts.BOLD};", bold)
    return svg.replace(f"font-family: {fonts.REGULAR};", f"font-family: {fonts.FAMILY};")


def _value(value: object) -> float | None:
    return None if value is None or value != value else float(value)  # type: ignore[arg-type]


# the font size of axis labels
LABEL_SIZE = 7


def _label_width(text: str) -> float:
    return stringWidth(text, fonts.REGULAR, LABEL_SIZE)


def _fit(text: str, width: float) -> str:
    """The text whole if it fits ``width`` points, else cut with an ellipsis to fit."""
    if _label_width(text) <= width:
        return text
    while text and _label_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
