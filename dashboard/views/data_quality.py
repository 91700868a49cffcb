"""Data quality: is the data complete and clean? A score per year, the rules behind it, and
the records each rule finds, to fix at the source (rules: pipelines/transform/quality.py)."""

import streamlit as st

from dashboard import admin, charts, components
from dashboard.queries import data_quality as data_quality_queries

ALL_YEARS = "All years"
ISSUE_COLUMNS = {
    "mobility_id": "Mobility id",
    "academic_year": "Academic year",
    "detail": "What is wrong",
    "direction": "Direction",
    "activity": "Activity",
    "faculty": "Faculty",
    "partner_name": "Partner",
    "partner_country": "Country",
    "start_date": st.column_config.DateColumn("Start"),
    "end_date": st.column_config.DateColumn("End"),
    "duration_days": st.column_config.NumberColumn("Days", format="localized"),
    "status": "Status",
    "import_id": st.column_config.NumberColumn("Import #", format="%d"),
}
REJECTION_COLUMNS = {
    "file_name": "File",
    "import_id": st.column_config.NumberColumn("Import #", format="%d"),
    "table_name": "Table",
    "row_number": st.column_config.NumberColumn("Row", format="%d"),
    "column_name": "Column",
    "value": "Value",
    "reason": "Reason",
}

admin.page_start(
    "Data quality",
    "Is the data complete and clean? A score per academic year, the rules behind it, and the "
    "records each rule finds, to fix in the source system and import again.",
)

scores = data_quality_queries.quality_scores()
rules = data_quality_queries.quality_rules()
rule_text = dict(zip(rules["rule_id"], rules["description"], strict=True))
rule_name = dict(zip(rules["rule_id"], rules["name"], strict=True))
score_rows = {r["academic_year"]: r for r in scores.to_dict("records")}
years = list(score_rows)
SCORE_HELP = (
    "Mean of the pass rates (share of mobilities passing) of the rules marked 'in score' "
    "that apply to the year, equal weights; 100 means no rule found anything."
)

year = st.selectbox("Academic year", [ALL_YEARS, *years], index=len(years), key="dq_year")
chosen = None if year == ALL_YEARS else year
if chosen is not None:
    previous = years[years.index(chosen) - 1] if years.index(chosen) > 0 else None
    row = score_rows[chosen]
    c1, c2, c3 = st.columns(3)
    c1.metric(
        f"Data-quality score {chosen}",
        f"{row['score']:,.1f} / 100",
        f"{row['score'] - score_rows[previous]['score']:+,.1f}" if previous else None,
        help=SCORE_HELP,
        border=True,
    )
    c2.metric("Mobilities checked", f"{row['mobilities']:,}", border=True)
    c3.metric(
        "Mobilities with an issue",
        f"{row['mobilities_with_issues']:,}",
        help="Mobilities failing at least one rule, in the score or not.",
        border=True,
    )

components.figure(charts.quality_scores(scores), "quality scores", scores)
st.markdown("**Rules that make up the score**: pass rate (%) of each rule per academic year")
st.dataframe(
    data_quality_queries.quality_rule_table(),
    hide_index=True,
    column_config={
        "rule": "Rule",
        "in_score": st.column_config.CheckboxColumn("In score"),
        **{y: st.column_config.NumberColumn(y, format="%.1f") for y in years},
    },
)
with st.expander("What each rule checks"):
    st.dataframe(
        rules.drop(columns="rule_id"),
        hide_index=True,
        column_config={
            "name": "Rule",
            "description": st.column_config.TextColumn("What it finds", width="large"),
            "applies_to": "Applies to",
            "in_score": st.column_config.CheckboxColumn("In score"),
        },
    )
    st.markdown("Plausible durations (days from start to end, both included):")
    st.dataframe(data_quality_queries.duration_rules(), hide_index=True)
    st.caption(SCORE_HELP)

tabs = st.tabs(
    [
        "Completeness",
        "Rejected rows",
        rule_name["suspected_duplicate"],
        "Unknown partners or countries",
        rule_name["outside_agreement"],
        rule_name["end_before_start"],
        rule_name["implausible_duration"],
        rule_name["missing_reporting_fields"],
    ]
)

with tabs[0]:
    st.caption("Share of mobilities with a value in each column of the import contract.")
    completeness = data_quality_queries.completeness()
    components.figure(charts.completeness_heatmap(completeness), "completeness", completeness)
    components.download(completeness, "completeness by column and year")


def rejection_list(rule_id: str | None, label: str, name: str) -> None:
    """Count, list and download of rejected rows (of one rule, or all)."""
    if rule_id is not None:
        st.caption(rule_text[rule_id])
    rows = data_quality_queries.rejected_rows(rule_id)
    st.metric(label, f"{len(rows):,}")
    st.dataframe(rows, hide_index=True, column_config=REJECTION_COLUMNS)
    components.download(rows, name)


with tabs[1]:
    st.caption(
        "Rows the importer rejected, with the reason, from each file's latest import "
        "(importing a corrected file under the same name replaces its list)."
    )
    rejection_list(None, "Rejected cells", "rejected rows")


def issue_tab(rule_id: str) -> None:
    """Count, list and download of the mobilities failing one rule in the chosen year."""
    st.caption(rule_text[rule_id])
    issues = data_quality_queries.quality_issues(rule_id, chosen)
    st.metric(f"{rule_name[rule_id]}: mobilities", f"{len(issues):,}")
    if issues.empty:
        st.success(f"None in {year.lower() if chosen is None else chosen}.")
        return
    st.dataframe(issues, hide_index=True, column_config=ISSUE_COLUMNS)
    components.download(issues, f"{rule_id} {chosen or 'all years'}")


with tabs[2]:
    issue_tab("suspected_duplicate")

with tabs[3]:
    issue_tab("unknown_partner")
    st.markdown("**Map unknown partners**")
    only_needed = st.toggle(
        "Only partners of activities that need an agreement (study, teaching, training, "
        "dual degree)",
        value=True,
        key="dq_only_agreement_partners",
    )
    admin.partner_mapping_editor(
        data_quality_queries.unknown_partners(only_needed), key="dq_partner_mapping"
    )
    admin.stored_mappings(data_quality_queries.partner_mappings(), key="dq_stored_mappings")
    rejection_list(
        "unknown_code", "Rows rejected for an unknown country or code", "rejected unknown codes"
    )

with tabs[4]:
    issue_tab("outside_agreement")

with tabs[5]:
    rejection_list(
        "end_before_start", "Rows rejected for an end before the start", "rejected end before start"
    )

with tabs[6]:
    issue_tab("implausible_duration")

with tabs[7]:
    issue_tab("missing_reporting_fields")
