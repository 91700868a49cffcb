"""Compare mode: the same view for two academic years or two faculties, side by side, on the
Overview and the Flows page. The other sidebar filters apply to both sides; the choice of
the two sides lives on the page (it is not a filter of the whole app)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from dashboard import formatting, queries
from dashboard.filters import Filters

YEARS, FACULTIES = "years", "faculties"


@dataclass(frozen=True)
class Comparison:
    """The two sides: their names and the filters of each."""

    labels: tuple[str, str]
    sides: tuple[Filters, Filters]
    by: str

    def describe(self) -> str:
        what = "academic years" if self.by == YEARS else "faculties"
        return f"{what} compared ({self.labels[0]}; {self.labels[1]})"


def choose(flt: Filters, key: str) -> Comparison | None:
    """The page's compare switch and the two sides, or None when it is off (or when there
    are not two years or two faculties to compare)."""
    if not st.toggle("Compare two years or two faculties side by side", key=f"{key}_on"):
        return None
    options = queries.filter_options()
    by = st.radio(
        "Compare",
        [YEARS, FACULTIES],
        format_func={YEARS: "Two academic years", FACULTIES: "Two faculties"}.get,
        horizontal=True,
        key=f"{key}_by",
    )
    choices = (
        [y for y in options.year_starts if flt.year_from <= y <= flt.year_to]
        if by == YEARS
        else list(flt.faculties) or options.faculties
    )
    if len(choices) < 2:
        st.info(
            "Two academic years in the selected range are needed; widen the years in the sidebar."
            if by == YEARS
            else "There are not two faculties to compare."
        )
        return None
    words = formatting.academic_year if by == YEARS else str
    # by default the last two years of the range (A the earlier), or the first two faculties
    defaults = (len(choices) - 2, len(choices) - 1) if by == YEARS else (0, 1)
    a, b = (
        column.selectbox(side, choices, index=index, format_func=words, key=f"{key}_{side.lower()}")
        for column, side, index in zip(st.columns(2), "AB", defaults, strict=True)
    )
    if by == YEARS:
        sides = (flt.with_years(a, a), flt.with_years(b, b))
    else:
        sides = (replace(flt, faculties=(a,)), replace(flt, faculties=(b,)))
    return Comparison((f"A: {words(a)}", f"B: {words(b)}"), sides, by)
