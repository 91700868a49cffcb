"""Outcomes: are credits recognised, and do languages improve?"""

import streamlit as st

from dashboard import charts, compare, components, filters, queries
from dashboard.data.compare import side_by_side
from dashboard.data.outcomes import LANGUAGE_GROUPS, OUTCOME_GROUPS
from dashboard.data.targets import next_target
from dashboard.queries import outcomes as outcomes_queries
from dashboard.queries import targets as targets_queries

flt = filters.current()
scope = flt.describe()
st.title("Outcomes")
st.caption(f"Credit recognition and language learning · {scope}")

st.header("Credit recognition and credit success")
# by degree programme only where the files name programmes
groups = {
    key: words
    for key, words in OUTCOME_GROUPS.items()
    if key != "degree_programme"
    or filters.offers_a_choice(queries.filter_options().degree_programmes)
}
by = components.choice("Group by", groups, "outcomes_by")
credits = outcomes_queries.credit_outcomes(flt, by)
if credits.empty:
    components.no_data("completed outbound student mobilities with ECTS")
else:
    label = OUTCOME_GROUPS[by]
    shown = credits.head(25)

    def rates(kpi_id: str, title: str):
        """A rate per group, with the university's own target of the KPI as a line."""
        own = next_target(targets_queries.own_targets(kpi_id, flt.single_faculty), flt.year_to)
        text = f"own target {own[0]:,.1f} % by {own[1]}" if own else None
        return charts.rate_bars(shown, "grp", kpi_id, title, label, own and own[0], text)

    left, right = st.columns(2)
    with left:
        components.chart(
            rates("recognition_rate", "Credit recognition rate"),
            credits,
            f"recognition by {by}",
            ["recognition_rate"],
            note="At most 25 groups shown (most mobilities first); the CSV has all.",
            scope=scope,
        )
    with right:
        components.chart(
            rates("credit_success_rate", "Credit success rate"),
            credits,
            f"credit success by {by}",
            ["credit_success_rate"],
            scope=scope,
        )

comparison = compare.choose(flt, "outcomes_compare")
if comparison:
    label = OUTCOME_GROUPS[by]
    for kpi, rate, title, groups in (
        (
            "recognition_rate",
            "recognition_rate",
            f"Credit recognition rate per {label.lower()}, compared",
            lambda side: outcomes_queries.credit_outcomes(side, by),
        ),
        (
            "language_improvement_share",
            "language_improvement_share",
            "Share improving by at least one CEFR level per language, compared",
            lambda side: outcomes_queries.language_improvement(side, "language"),
        ),
    ):
        both = side_by_side(
            *(groups(side) for side in comparison.sides),
            ["grp"],
            rate,
            comparison.labels,
            counts=False,
        )
        if both.empty:
            continue
        components.chart(
            charts.compare_bars(both.head(15), "grp", comparison.labels, title, "%"),
            both,
            f"{kpi} compared {' '.join(comparison.labels)}",
            [kpi],
            note="The 15 groups with the highest rate on either side; a group without "
            "mobilities on a side has no rate there. The download has every group and the "
            "difference B − A in percentage points.",
            scope=f"{scope} · {comparison.describe()}",
        )

st.header("Language outcomes")
matrix = outcomes_queries.cefr_matrix(flt)
if matrix.empty:
    components.no_data("mobilities with CEFR levels before and after")
else:
    left, right = st.columns(2)
    with left:
        components.chart(
            charts.cefr_heatmap(matrix, "CEFR level before → after"),
            matrix,
            "cefr before after",
            ["language_improvement_share"],
            note="Cells right of the diagonal improved.",
            scope=scope,
        )
    with right:
        lang_by = components.choice("Improvement by", LANGUAGE_GROUPS, "language_by")
        improvement = outcomes_queries.language_improvement(flt, lang_by)
        components.chart(
            charts.rate_bars(
                improvement.head(25),
                "grp",
                "language_improvement_share",
                "Share improving by at least one level",
                LANGUAGE_GROUPS[lang_by],
            ),
            improvement,
            f"language improvement by {lang_by}",
            ["language_improvement_share"],
            scope=scope,
        )
