"""Overview: headline KPIs of the selected year against the year before, progress towards the
leadership and EU targets, the six kinds of mobility side by side, and the multi-year trend."""

import streamlit as st

from dashboard import charts, compare, components, filters, formatting, queries
from dashboard.data.compare import kpis_as_text, kpis_side_by_side
from dashboard.data.overview import HEADLINE_KPIS, headcount_scope, headline_cards, kpi_series
from dashboard.queries import overview as overview_queries
from dashboard.queries import targets as targets_queries
from pipelines import metrics
from pipelines.metrics import projection

flt = filters.current()
year = flt.year_to
st.title("Overview")
st.caption(
    f"{queries.institution_name()} · headline figures for **{formatting.academic_year(year)}** "
    f"(the last year of the range) compared with {formatting.academic_year(year - 1)} · "
    f"filters: {flt.describe()}"
)

by_year = overview_queries.headline_by_year(flt.with_years(min(flt.year_from, year - 1), year))
cards = headline_cards(by_year, year, headcount_scope(flt), flt.direction)
columns = st.columns(3)
for i, row in enumerate(cards.itertuples()):
    # why there is no figure: the KPI means nothing under the direction filter, or a rate
    # lacks its headcounts
    missing = (
        ("Not applicable", row.not_applicable)
        if row.not_applicable
        else ("Not available", row.unavailable)
        if row.unavailable
        else None
    )
    detail = formatting.of_total(row.numerator, row.denominator)
    columns[i % 3].metric(
        row.name,
        missing[0].lower() if missing else formatting.kpi_value(row.value, row.unit),
        None if missing else formatting.kpi_delta(row.value, row.previous_value, row.unit),
        delta_color="inverse" if row.good_direction == "down" else "normal",
        help=row.definition + (f" {missing[0]}: {missing[1]}." if missing else detail),
        border=True,
    )
    if missing:
        columns[i % 3].caption(f"{missing[0]}: {missing[1]}.")
if flt.beyond_faculty:
    st.caption(
        "Counts follow every filter. Rates divide by the enrolled students or graduates of the "
        "selected faculties, levels and degree programmes (headcounts); funding programme, "
        "kind and direction filters narrow only the numerator, so read those rates as shares "
        "of all students."
    )

comparison = compare.choose(flt, "overview_compare")
if comparison:
    sides = []
    for side in comparison.sides:
        side_by_year = overview_queries.headline_by_year(
            side.with_years(side.year_to, side.year_to)
        )
        sides.append(
            headline_cards(side_by_year, side.year_to, headcount_scope(side), side.direction)
        )
    both = kpis_side_by_side(*sides, comparison.labels)
    components.table(
        kpis_as_text(both, comparison.labels),
        f"headline compared {' '.join(comparison.labels)}",
        note="The headline KPIs of each side in its academic year; the difference of rates "
        "in percentage points (pp). Every other sidebar filter applies to both sides.",
        scope=f"{flt.describe()} · {comparison.describe()}",
    )

st.header("Progress towards targets")
scope = flt.single_faculty
progress = overview_queries.target_progress_projected(year, scope)
if progress.empty:
    components.no_data("targets")
else:
    mixed_scopes = progress["scope"].nunique(dropna=False) > 1
    components.table(
        progress,
        f"targets {formatting.academic_year(year)}",
        note=f"Values of {formatting.academic_year(year)} for the "
        f"{'whole university' if scope == 'all' else scope} from the KPI mart; only the "
        "faculty filter applies here. Progress is the value as a share of the target (KPIs "
        f"where more is better). **Projection**: {projection.METHOD} Status: on track or at "
        "risk; met or missed once the target year has a value; not available for a rate over "
        "headcounts where the year has none. The EU reference targets: "
        f"{metrics.EU_GRADUATE_MOBILITY_TARGET:.0f} % of graduates with a learning mobility "
        f"by 2030 ({metrics.REFERENCE_GRADUATES}) and "
        f"{metrics.EU_FEWER_OPPORTUNITIES_TARGET:.0f} % of participants with fewer "
        f"opportunities ({metrics.REFERENCE_INCLUSION}). "
        + metrics.SOURCE_EU_2024
        + " "
        + metrics.SOURCE_EU_INCLUSION
        + " The download has every column (reached, source of the target).",
        # what fits the page; reached and the target's source are in the download, and the
        # scope where every row has the same (the caption names it): its room goes to the
        # KPI names and the kind of target, which were cut ("Leadership targe…")
        column_order=[
            "target_kind",
            "kpi",
            "unit",
            *(["scope"] if mixed_scopes else []),
            "current_value",
            "target_value",
            "target_year",
            "projected_value",
            "status",
            "progress_pct",
        ],
        column_config={
            "target_kind": st.column_config.TextColumn(
                "Target", width=105 if mixed_scopes else 125
            ),
            "kpi": st.column_config.TextColumn("KPI", width=215 if mixed_scopes else 265),
            "unit": st.column_config.TextColumn("Unit", width=70 if mixed_scopes else 85),
            "scope": st.column_config.TextColumn("For", width=90),
            "current_value": st.column_config.NumberColumn(
                f"Value {formatting.academic_year(year)}", format="localized", width=95
            ),
            "target_year": st.column_config.TextColumn("Target year", width=75),
            "target_value": st.column_config.NumberColumn(
                "Target value", format="localized", width=80
            ),
            "reached": st.column_config.CheckboxColumn("Reached"),
            "progress_pct": st.column_config.ProgressColumn(
                "Progress", format="%.0f %%", min_value=0, max_value=100, width=85
            ),
            "projected_value": st.column_config.NumberColumn(
                "Projected",
                format="localized",
                width=75,
                help="Where the trend of the last three years leads by the target year",
            ),
            "status": st.column_config.TextColumn(
                "Status",
                width=75,
                help="Where the trend of the last three years leads (see below); hover a "
                "cut text to read it whole",
            ),
            "note": "Source of the target",
        },
    )

st.header(f"The six kinds of mobility in {formatting.academic_year(year)}")
kinds = overview_queries.kinds_side_by_side(flt, year)
for column, row in zip(components.cells(len(kinds)), kinds.itertuples(), strict=True):
    if row.kind == "projects":
        column.metric(
            row.kind_name, formatting.count(row.total), help="Active projects", border=True
        )
        column.caption("active projects")
    else:
        column.metric(
            row.kind_name, formatting.count(row.total), help="Realised mobilities", border=True
        )
        column.caption(f"{formatting.count(row.outbound)} out · {formatting.count(row.inbound)} in")
components.caption(
    ["outbound_mobilities", "inbound_mobilities", "projects_active"],
    note="Projects follow the faculty filter only.",
    scope=flt.describe(),
)
components.download(kinds, f"kinds {formatting.academic_year(year)}", flt.describe())

st.header("Trend")
trend = overview_queries.mobilities_by_year(flt)
components.chart(
    charts.direction_trend(trend, "mobilities", "Realised mobilities per year", "mobilities"),
    trend,
    "mobilities per year",
    ["outbound_mobilities", "inbound_mobilities"],
    scope=flt.describe(),
)
rates = [k for k in HEADLINE_KPIS if metrics.get(k).is_rate]
choice = st.selectbox("Indicator", rates, format_func=lambda k: metrics.get(k).name)
kpi = metrics.get(choice)
series = kpi_series(by_year, choice, flt.year_from)
if why := kpi.not_applicable(flt.direction):
    components.not_applicable(kpi.name, why)
else:
    own = targets_queries.own_targets(choice, flt.single_faculty)
    notes = ["The dashed line is the EU reference target."] if kpi.reference_target else []
    if not own.empty:
        notes.append("Diamonds: the university's own targets (Targets page).")
    components.chart(
        charts.trend_line(series, kpi.name, kpi.unit, kpi.reference_target, own),
        series,
        f"trend {kpi.name}",
        [choice],
        note=" ".join(notes),
        scope=flt.describe(),
    )
