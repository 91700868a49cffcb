"""Pure functions returning plotly figures; no Streamlit, no queries.

One colour per direction on every page (OUTBOUND, INBOUND); other categories use PALETTE.
Axis titles carry units and numbers use thousands separators.

The figures live in modules by kind: ``trends`` (values over academic years),
``breakdowns`` (bars per category), ``flows`` (maps and the sankey), ``matrices``
(heatmaps); ``describe`` writes a chart's text alternative; ``style`` holds the colours,
the standard layout and the plotly configs. Every public name is re-exported here, so
pages call ``charts.trend_line(...)`` and so on.
"""

from dashboard.charts.breakdowns import (
    balance_bars,
    benchmark_share_bars,
    category_bars,
    compare_bars,
    direction_bars,
    histogram_bars,
    rate_bars,
)
from dashboard.charts.describe import describe
from dashboard.charts.flows import flow_map, sankey, world_map
from dashboard.charts.matrices import cefr_heatmap, completeness_heatmap, flow_matrix
from dashboard.charts.style import (
    BENCHMARK_COLOURS,
    CATEGORY_ORDER,
    DIRECTION_COLOURS,
    DIRECTION_ORDER,
    GOOD,
    INBOUND,
    MAP_CONFIG,
    NEUTRAL,
    OUTBOUND,
    PALETTE,
    PLOTLY_CONFIG,
    RISK,
    TARGET,
    category_colours,
    for_print,
    in_words,
    readable,
)
from dashboard.charts.trends import direction_trend, quality_scores, target_projection, trend_line

__all__ = [
    "BENCHMARK_COLOURS",
    "CATEGORY_ORDER",
    "DIRECTION_COLOURS",
    "DIRECTION_ORDER",
    "GOOD",
    "INBOUND",
    "MAP_CONFIG",
    "NEUTRAL",
    "OUTBOUND",
    "PALETTE",
    "PLOTLY_CONFIG",
    "RISK",
    "TARGET",
    "balance_bars",
    "benchmark_share_bars",
    "category_bars",
    "category_colours",
    "cefr_heatmap",
    "compare_bars",
    "completeness_heatmap",
    "describe",
    "direction_bars",
    "direction_trend",
    "flow_map",
    "flow_matrix",
    "for_print",
    "histogram_bars",
    "in_words",
    "quality_scores",
    "rate_bars",
    "readable",
    "sankey",
    "target_projection",
    "trend_line",
    "world_map",
]
