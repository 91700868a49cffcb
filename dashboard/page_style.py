"""The few style rules Streamlit's theme cannot set, applied once by ``app.py`` to every page.

Printing (the sidebar's "Print view" draws tables whole and charts at A4 size): A4 landscape,
without the sidebar, the toolbars and the download buttons, no chart or table split
between pages.

Card labels wrap instead of being cut with an ellipsis: Streamlit keeps a metric's label on
one line, which at 1024 px cuts "Graduates with a mobility experience" to "Graduates with
a…" (tests/browser/test_layout_browser.py).

Accessibility (WCAG 2.1 AA, docs/accessibility.md): captions in CAPTION_TEXT at full
opacity, since Streamlit draws them at 60 % opacity (#767d85, 4.16:1 on white); a visible
focus ring (FOCUS, 3 px) on every control a keyboard reaches, where Streamlit's own is
practically invisible on the sidebar's links (1.12:1); a table's toolbar shown while one of
its buttons has focus (it stays transparent otherwise); section headings are h2 under the
page's h1 (``st.header``), drawn at the size of Streamlit's subheader.
"""

from __future__ import annotations

import streamlit as st

# 7.0:1 on white, 6.3:1 on the sidebar (#f2f5f9)
CAPTION_TEXT = "#4f5964"
# the theme's primary colour: 6.4:1 on white, 5.9:1 on the sidebar (3:1 needed)
FOCUS = "#1f5fa8"

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
[data-testid="stCaptionContainer"] {
    opacity: 1 !important;
}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * {
    color: CAPTION_TEXT !important;
}
a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible,
textarea:focus-visible, [role="tab"]:focus-visible, [role="button"]:focus-visible,
[role="option"]:focus-visible, [tabindex]:focus-visible,
label:has(input:focus-visible), [data-baseweb="select"]:focus-within {
    outline: 3px solid FOCUS !important;
    outline-offset: 2px !important;
}
[data-testid="stElementToolbar"]:focus-within {
    opacity: 1 !important;
}
[data-testid="stMain"] h2 {
    font-size: 1.75rem;
}
</style>
""".replace("CAPTION_TEXT", CAPTION_TEXT).replace("FOCUS", FOCUS)


def apply() -> None:
    """Add the rules to the page (a style-only ``st.html`` takes no space)."""
    st.html(CSS)
