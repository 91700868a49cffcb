"""The few style rules Streamlit's theme cannot set, applied once by ``app.py`` to every page.

Card labels wrap instead of being cut with an ellipsis: Streamlit keeps a metric's label on
one line, which at 1024 px cuts "Graduates with a mobility experience" to "Graduates with
a…" (tests/browser/test_layout_browser.py).
"""

from __future__ import annotations

import streamlit as st

CSS = """
<style>
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
