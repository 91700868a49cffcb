"""The report's typeface: Source Sans Pro, embedded in the PDF and used in the charts.

ReportLab's built-in Helvetica knows only Latin-1, and partner names are not Latin-1
("Sveučilište u Zagrebu", "Universitatea Babeș-Bolyai"), so a Unicode TrueType font is
embedded. It comes from the PyPI package font-source-sans-pro (SIL Open Font License), so a
fresh machine needs no system fonts; it is also the typeface of Streamlit's interface.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import font_source_sans_pro
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "SourceSansPro"
BOLD = "SourceSansPro-Bold"
ITALIC = "SourceSansPro-It"
FAMILY = "'Source Sans Pro', 'Source Sans 3', 'Segoe UI', Arial, sans-serif"


@cache
def register() -> None:
    """Register the fonts with ReportLab once per process."""
    folder = Path(font_source_sans_pro.font_directory)
    for name, file in (
        (REGULAR, "Regular"),
        (BOLD, "Bold"),
        (ITALIC, "It"),
        (BOLD + "It", "BoldIt"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(folder / f"SourceSansPro-{file}.ttf")))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD + "It")
