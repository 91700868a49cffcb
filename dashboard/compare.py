"""Compare mode: the same view for two academic years, two faculties or two degree programmes,
side by side, on the Overview and the Flows and Outcomes pages. The other sidebar filters
apply to both sides; the choice of the two sides lives on the page (it is not a filter of
the whole app)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from dashboard import formatting, queries
from dashboard.filters import Filters, offers_a_choice
from pipelines.contract.reference import NOT_SET

YEARS, FACULTIES, PROGRAMMES = "years", "faculties", "degree_programmes"
# what each comparison sets side by side, in words: (the switch's choice, the plural)
WORDS = {
    YEARS: ("Two academic years", "academic years"),
    FACULTIES: ("Two faculties", "faculties"),
    PROGRAMMES: ("Two degree programmes", "degree programmes"),
}


@dataclass(frozen=True)
class Comparison:
    """The two sides: their names and the filters of each."""

    labels: tuple[str, str]
    sides: tuple[Filters, Filters]
    by: str

    def describe(self) -> str:
        return f"{WORDS[self.by][1]} compared ({self.labels[0]}; {self.labels[1]})"


def choose(flt: Filters, key: str) -> Comparison | None:
    """The page's compare switch and the two sides, or None when it is off (or when there
    are not two years, faculties or degree programmes to compare)."""
    if not st.toggle("Compare two years, faculties or programmes side by side", key=f"{key}_on"):
        return None
    options = queries.filter_options()
    ways = [YEARS, FACULTIES] + ([PROGRAMMES] if offers_a_choice(options.degree_programmes) else [])
    by = st.radio(
        "Compare", ways, format_func=lambda way: WORDS[way][0], horizontal=True, key=f"{key}_by"
    )
    if by == YEARS:
        choices: list = [y for y in options.year_starts if flt.year_from <= y <= flt.year_to]
    else:
        # the sidebar's choice narrows the sides; named values only ("(not set)" is no side)
        chosen = getattr(flt, by) or getattr(options, by)
        choices = [value for value in chosen if value != NOT_SET]
    if len(choices) < 2:
        st.info(
            "Two academic years in the selected range are needed; widen the years in the sidebar."
            if by == YEARS
            else f"There are not two {WORDS[by][1]} to compare."
        )
        return None
    words = formatting.academic_year if by == YEARS else str
    # by default the last two years of the range (A the earlier), or the first two others
    defaults = (len(choices) - 2, len(choices) - 1) if by == YEARS else (0, 1)
    a, b = (
        column.selectbox(side, choices, index=index, format_func=words, key=f"{key}_{side.lower()}")
        for column, side, index in zip(st.columns(2), "AB", defaults, strict=True)
    )
    if by == YEARS:
        sides = (flt.with_years(a, a), flt.with_years(b, b))
    else:
        sides = (replace(flt, **{by: (a,)}), replace(flt, **{by: (b,)}))
    return Comparison((f"A: {words(a)}", f"B: {words(b)}"), sides, by)
