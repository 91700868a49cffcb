"""The few style rules Streamlit's theme cannot set, applied once by ``app.py`` to every page.

Printing (the sidebar's "Print view" draws tables whole and charts at A4 size): A4 landscape,
without the sidebar, the toolbars and the download buttons, no chart or table split
between pages.

Card labels wrap instead of being cut with an ellipsis: Streamlit keeps a metric's label on
one line, which at 1024 px cuts "Graduates with a mobility experience" to "Graduates with
a…" (tests/browser/test_layout_browser.py).
"""

from __future__ import annotations

import streamlit as st

CSS = """
<style>
@page { size: A4 landscape; margin: 12mm; }
@media print {
    [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
    [data-testid="stDownloadButton"], [data-testid="stElementToolbar"],
    [data-testid="stSidebarCollapsedControl"], [data-testid="stDecoration"] {
        display: none !important;
    }
    [data-testid="stMain"], [data-testid="stMainBlockContainer"] {
        margin: 0 !important;
        padding: 0 !important;
        max-width: none !important;
    }
    [data-testid="stPlotlyChart"], [data-testid="stTable"], [data-testid="stMetric"] {
        break-inside: avoid;
    }
}
[data-testid="stMetricLabel"],
[data-testid="stMetricLabel"] * {
    white-space: normal !important;
    overflow: visible !important;
    text-overflow: clip !important;
    height: auto !important;
}
</style>
"""


def apply() -> None:
    """Add the rules to the page (a style-only ``st.html`` takes no space)."""
    st.html(CSS)
