"""The scale chart: seconds and peak memory of each step against the record count, log-log.

Written as plain SVG from a small template: plotly's static export needs Chrome (kaleido),
which this machine does not have, and a chart of a few lines needs no plotting library. On
log-log axes a line of slope 1 grows linearly with the records; steeper is worse.
"""

from __future__ import annotations

import math
from html import escape

COLOURS = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#393b79",
    "#637939",
)
PANEL_W, PANEL_H = 420, 300
LEFT, TOP, GAP = 70, 40, 90


def _decades(low: float, high: float) -> list[float]:
    """Powers of ten covering low..high (at least two)."""
    first = math.floor(math.log10(low))
    last = max(math.ceil(math.log10(high)), first + 1)
    return [10.0**k for k in range(first, last + 1)]


def _label(value: float) -> str:
    for size, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


def _panel(
    x0: float,
    title: str,
    series: dict[str, list[tuple[float, float]]],
    colours: dict[str, str],
    records: list[float],
) -> list[str]:
    """One log-log panel: axes, grid at each decade, a line and markers per series."""
    values = [y for points in series.values() for _, y in points if y > 0]
    if not values:
        return []
    xs, ys = _decades(min(records), max(records)), _decades(min(values), max(values))

    def px(x: float) -> float:
        share = (math.log10(x) - math.log10(xs[0])) / (math.log10(xs[-1]) - math.log10(xs[0]))
        return x0 + share * PANEL_W

    def py(y: float) -> float:
        share = (math.log10(y) - math.log10(ys[0])) / (math.log10(ys[-1]) - math.log10(ys[0]))
        return TOP + PANEL_H - share * PANEL_H

    parts = [
        f'<text x="{x0 + PANEL_W / 2}" y="{TOP - 14}" text-anchor="middle" '
        f'font-weight="bold">{escape(title)}</text>',
        f'<rect x="{x0}" y="{TOP}" width="{PANEL_W}" height="{PANEL_H}" fill="none" '
        'stroke="#999"/>',
    ]
    for x in xs:
        parts.append(
            f'<line x1="{px(x):.1f}" y1="{TOP}" x2="{px(x):.1f}" y2="{TOP + PANEL_H}" '
            'stroke="#e5e5e5"/>'
            f'<text x="{px(x):.1f}" y="{TOP + PANEL_H + 16}" text-anchor="middle">'
            f"{_label(x)}</text>"
        )
    for y in ys:
        parts.append(
            f'<line x1="{x0}" y1="{py(y):.1f}" x2="{x0 + PANEL_W}" y2="{py(y):.1f}" '
            'stroke="#e5e5e5"/>'
            f'<text x="{x0 - 6}" y="{py(y) + 4:.1f}" text-anchor="end">{_label(y)}</text>'
        )
    parts.append(
        f'<text x="{x0 + PANEL_W / 2}" y="{TOP + PANEL_H + 34}" text-anchor="middle">'
        "mobility records</text>"
    )
    for name, points in series.items():
        shown = [(x, y) for x, y in points if y > 0]
        colour = colours[name]
        if len(shown) > 1:
            path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in shown)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>'
            )
        parts.extend(
            f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3.5" fill="{colour}">'
            f"<title>{escape(name)}: {y:,.2f} at {x:,.0f}</title></circle>"
            for x, y in shown
        )
    return parts


def svg(figures: dict[str, list[tuple[int, float, float]]]) -> str:
    """The chart of ``figures``: step name -> [(records, seconds, peak MB)] of its runs."""
    figures = {name.replace("`", ""): points for name, points in figures.items()}  # markdown
    names = list(figures)
    colours = {name: COLOURS[i % len(COLOURS)] for i, name in enumerate(names)}
    records = sorted({r for points in figures.values() for r, _, _ in points}) or [1, 10]
    seconds = {n: [(r, s) for r, s, _ in points] for n, points in figures.items()}
    memory = {n: [(r, m) for r, _, m in points] for n, points in figures.items()}
    right = LEFT + PANEL_W + GAP
    legend_top = TOP + PANEL_H + 56
    rows = math.ceil(len(names) / 3)
    width, height = right + PANEL_W + 20, legend_top + 20 * rows + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        *_panel(LEFT, "seconds (log)", seconds, colours, records),
        *_panel(right, "peak memory, MB (log)", memory, colours, records),
    ]
    column_w = (width - LEFT) / 3
    for i, name in enumerate(names):
        x = LEFT + (i % 3) * column_w
        y = legend_top + 20 * (i // 3)
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 9}" width="14" height="4" fill="{colours[name]}"/>'
            f'<text x="{x + 20:.1f}" y="{y - 3}">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
