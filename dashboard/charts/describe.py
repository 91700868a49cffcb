"""A chart's text alternative, generated from the figure itself: what it shows (its title),
and for each series its largest values, or for a line over years where it starts, where it
ends and its peak. Screen readers announce it as the chart's name (``components.figure``
passes it as ``alt``); sighted readers get the same figures from the table under the chart.

Read from the figure rather than written per chart, so a new chart cannot miss it and the
text never disagrees with what is drawn.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import plotly.graph_objects as go

# the largest values named per series, and the series named per chart: a name is a
# sentence or two, not the chart's data (that is the table one click away)
TOP = 3
SERIES = 4


def describe(fig: go.Figure) -> str:
    """One or two sentences: the title, then each series' largest values or trend."""
    title = _plain(fig.layout.title.text) or "Chart"
    traces = [t for t in fig.data if t.visible not in (False, "legendonly")]
    parts = [f"Chart: {title}."]
    for trace in traces[:SERIES]:
        if text := _series(trace, fig):
            parts.append(text)
    if len(traces) > SERIES:
        parts.append(f"And {len(traces) - SERIES} more series; the table has them all.")
    if len(parts) == 1:
        parts.append("No values.")
    return " ".join(parts)


def _series(trace, fig: go.Figure) -> str:
    kind = trace.type
    name = _plain(getattr(trace, "name", None) or "")
    lead = f"{name}: " if name and len(fig.data) > 1 else ""
    if kind == "sankey":
        return _sankey(trace)
    if kind == "pie":
        return lead + _largest(trace.labels, trace.values, "")
    if kind in ("choropleth", "choroplethmapbox", "choroplethmap"):
        # countries by name where the map carries them (its hover text), else by code
        names = trace.text if trace.text is not None and not isinstance(trace.text, str) else None
        return lead + _largest(names if names is not None else trace.locations, trace.z, "")
    if kind == "heatmap":
        return lead + _heatmap(trace)
    if kind in ("bar", "scatter", "scattergl"):
        horizontal = getattr(trace, "orientation", None) == "h"
        labels, values = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
        axis = fig.layout.xaxis if horizontal else fig.layout.yaxis
        unit = _plain(axis.title.text or "")
        if kind != "bar" and "lines" in (trace.mode or "lines"):
            return lead + _trend(labels, values, unit)
        return lead + _largest(labels, values, unit)
    return ""


def _largest(labels: Sequence | None, values: Sequence | None, unit: str) -> str:
    pairs = _pairs(labels, values)
    if not pairs:
        return "no values."
    ranked = sorted(pairs, key=lambda p: p[1], reverse=True)
    more = f" ({len(pairs)} in all)" if len(pairs) > TOP else ""
    if ranked[-1][1] < 0 < ranked[0][1]:
        # a balance: both ends mean something
        return (
            f"highest {_named(ranked[: TOP - 1], unit)}; lowest {_named(ranked[-1:], unit)}{more}."
        )
    return f"largest {_named(ranked[:TOP], unit)}{more}."


def _named(pairs: list[tuple[str, float]], unit: str) -> str:
    return "; ".join(f"{label} {_number(value, unit)}" for label, value in pairs)


def _trend(labels: Sequence | None, values: Sequence | None, unit: str) -> str:
    pairs = _pairs(labels, values)
    if not pairs:
        return "no values."
    (first, start), (last, end) = pairs[0], pairs[-1]
    if len(pairs) == 1:
        return f"{_number(start, unit)} in {first}."
    peak_label, peak = max(pairs, key=lambda p: p[1])
    text = f"from {_number(start, unit)} in {first} to {_number(end, unit)} in {last}"
    if peak > max(start, end):
        text += f", highest {_number(peak, unit)} in {peak_label}"
    return text + "."


def _heatmap(trace) -> str:
    cells = [
        (f"{row} × {column}", value)
        for row, line in zip(_seq(trace.y), _seq(trace.z), strict=False)
        for column, value in zip(_seq(trace.x), line, strict=False)
        if _is_number(value)
    ]
    if not cells:
        return "no values."
    top = sorted(cells, key=lambda c: c[1], reverse=True)[:TOP]
    return "highest " + "; ".join(f"{label} {_number(value, '')}" for label, value in top) + "."


def _sankey(trace) -> str:
    nodes = list(_seq(trace.node.label))
    links = trace.link
    flows = [
        (f"{nodes[s]} to {nodes[t]}", v)
        for s, t, v in zip(_seq(links.source), _seq(links.target), _seq(links.value), strict=False)
        if _is_number(v)
    ]
    if not flows:
        return "no flows."
    top = sorted(flows, key=lambda f: f[1], reverse=True)[:TOP]
    return "largest flows " + "; ".join(f"{label} {_number(v, '')}" for label, v in top) + "."


def _pairs(labels: Sequence | None, values: Sequence | None) -> list[tuple[str, float]]:
    if labels is None or values is None:
        return []
    return [
        (_plain(str(label)), float(value))
        for label, value in zip(labels, values, strict=False)
        if _is_number(value)
    ]


def _seq(values) -> list:
    """A trace's array (a tuple, a list or a NumPy array) as a list; None as empty."""
    return [] if values is None else list(values)


def _is_number(value) -> bool:
    try:
        return value is not None and not math.isnan(float(value))
    except (TypeError, ValueError):
        return False


def _number(value: float, unit: str) -> str:
    """1,894 mobilities, 4.2 %: a unit that is a percentage or a plain count noun (an axis
    title such as "Score (of 100; axis zoomed)" is left out)."""
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if "%" in unit:
        return f"{shown} %"
    return f"{shown} {unit}" if unit.islower() and unit.replace(" ", "").isalpha() else shown


def _plain(text: str | None) -> str:
    """Without plotly's HTML (<br>, <b>) and doubled spaces."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text or "")).strip()
