"""Benchmark: a home institution against its country and the whole Erasmus programme.

Reads the European Commission's Erasmus files (imported with ``mobility ingest --source
erasmus-ec``), never the university's own records. Thin: filters -> queries -> charts.
"""

import streamlit as st

from dashboard import charts, components, formatting
from dashboard.queries import benchmark as benchmark_queries
from pipelines import metrics
from pipelines.settings import where_set

# the EU Open Data Portal's search for the Commission's Erasmus mobility data sets
EC_DATA_SEARCH = "https://data.europa.eu/data/datasets?query=erasmus%20mobility&locale=en"

st.title("Erasmus benchmark")
st.caption(
    "A home institution compared with its country and with the whole Erasmus programme, "
    "from the European Commission's record-level mobility files."
)
if not benchmark_queries.has_benchmark():
    st.info(
        "No benchmark data yet. The benchmark compares the university with its country and "
        "the whole Erasmus programme, from files the European Commission publishes:\n\n"
        "1. Download the Erasmus mobility files (record-level, one per year or period), the "
        "EUC institution list (`EUC.json`) and, if wanted, the country flow table from the "
        f"[EU Open Data Portal]({EC_DATA_SEARCH}).\n"
        "2. Give them to whoever runs Mobility Atlas on the server: they are imported there "
        "(`mobility ingest --source erasmus-ec` followed by the files), because the files "
        "can be larger than an upload here allows.\n"
        f"3. Check the university's own Erasmus code ({where_set('own_erasmus_code')}): the "
        "page opens on it.\n\n"
        "Which files and versions are recognised: the guide on the benchmark data "
        "(docs/erasmus-ec.md).",
        icon=":material/travel_explore:",
    )
    st.stop()

ALL_YEARS = "All years"
years = benchmark_queries.benchmark_years()
institutions = benchmark_queries.benchmark_home_institutions()
labels = dict(zip(institutions["erasmus_code"], institutions["label"], strict=True))
codes = institutions["erasmus_code"].tolist()
own = benchmark_queries.own_erasmus_code()

left, right = st.columns([1, 3])
year_choice = left.selectbox(
    "Academic year",
    [*years, ALL_YEARS],
    index=years.index(benchmark_queries.benchmark_default_year()),
    help="Year of the mobility's start (its first month: "
    f"{where_set('year_start_month')}), or the "
    "year an EC file states. Defaults to the year with the most records.",
)
home = right.selectbox(
    "Home institution",
    codes,
    index=codes.index(own) if own in codes else 0,
    format_func=labels.get,
    help="Defaults to the university's own Erasmus code "
    f"({where_set('own_erasmus_code')}); pick any other institution "
    "to compare. Listed: every institution sending participants in the EC files.",
)
if own and own not in codes:
    st.caption(f"The own Erasmus code {own!r} sends no participants in the imported EC files.")
year = None if year_choice == ALL_YEARS else year_choice
chosen = benchmark_queries.benchmark_institution(home)
country_label = chosen["country_name"] or chosen["country"] or "its country"
scopes = {
    "institution": chosen["name"] or home,
    "country": f"{country_label} (all institutions)",
    "programme": "Whole programme",
}

summary = benchmark_queries.benchmark_summary(home, year)
indicators = (
    ("participants", "benchmark_participants", "mobilities"),
    ("average_duration_months", "benchmark_average_duration_months", "months"),
    ("placement_share", "benchmark_placement_share", "%"),
    ("female_share", "benchmark_female_share", "%"),
)
for column, (scope, label) in zip(st.columns(3), scopes.items(), strict=True):
    column.markdown(f"**{label}**")
    for field, kpi_id, unit in indicators:
        kpi = metrics.BENCHMARK_BY_ID[kpi_id]
        value = summary[scope].get(field)
        column.metric(
            kpi.name, formatting.benchmark_value(value, unit), help=kpi.definition, border=True
        )


def share_tab(breakdown: str, title: str, axis: str, kpi_id: str, file_name: str) -> None:
    """One breakdown's shares in the three scopes: chart, definition, download."""
    shares = benchmark_queries.benchmark_shares(breakdown, home, year)
    if shares.empty:
        st.info(f"No {axis.lower()} recorded for this institution in the chosen year.")
        return
    by_share = breakdown == "destination"
    components.figure(
        charts.benchmark_share_bars(shares, title, scopes, axis, by_share), title, shares
    )
    st.caption(metrics.BENCHMARK_BY_ID[kpi_id].definition)
    st.download_button(
        f"Download {title.lower()} (CSV)",
        formatting.csv_bytes(shares),
        file_name=file_name,
        mime="text/csv",
    )


destinations, levels, flows, unknown = st.tabs(
    ["Destination countries", "Study levels", "National flows", "Institution codes"]
)
with destinations:
    share_tab(
        "destination",
        "Destination-country shares",
        "Destination country",
        "benchmark_destination_share",
        "benchmark_destinations.csv",
    )
    st.caption("Shown: the institution's largest destinations.")
with levels:
    share_tab(
        "level", "Study-level mix", "Study level", "benchmark_level_share", "benchmark_levels.csv"
    )
with flows:
    periods = benchmark_queries.benchmark_flow_periods()
    sources = {
        "records": "EC records (this page's files)",
        "ec_flow_table": "EC flow table (Erasmus+ KA1 since 2014)",
    }
    available = [s for s in sources if s in set(periods["source"])]
    a, b = st.columns([2, 1])
    source = a.radio(
        "Source",
        available,
        format_func=sources.get,
        horizontal=True,
        help="The EC records, per academic year as chosen above; or the EC's own "
        "country-to-country table of all Erasmus+ learning mobility since 2014 "
        "(cumulative, no years), a second, official source for the national matrix.",
    )
    within = b.checkbox(
        "Include flows within a country",
        value=False,
        help="The EC data has some mobility hosted in the sending country itself.",
    )
    period = year if source == "records" else None
    matrix = benchmark_queries.benchmark_flows(source, period, within)
    what = f"{sources[source]}, {period or 'all periods'}"
    if matrix.empty:
        st.info("No country-to-country flows for this choice.")
    else:
        components.figure(charts.flow_matrix(matrix, f"National flows: {what}"), "flows", matrix)
        outgoing = benchmark_queries.benchmark_flows(source, period, within, chosen["country"])
        components.figure(
            charts.flow_map(outgoing, f"Where participants from {country_label} go ({what})"),
            "flows from country",
            outgoing,
            config=charts.MAP_CONFIG,
        )
        st.download_button(
            "Download national flows (CSV)",
            formatting.csv_bytes(matrix),
            file_name=f"benchmark_flows_{source}.csv",
            mime="text/csv",
        )
with unknown:
    if not benchmark_queries.benchmark_has_institution_list():
        st.warning(
            "No EC institution list imported: codes cannot be resolved to names and cities. "
            "Import EUC.json with `mobility ingest --source erasmus-ec EUC.json`."
        )
    missing = benchmark_queries.benchmark_unknown_institutions()
    st.markdown(
        f"**{len(missing):,}** institution code(s) in the EC records are not in the EC "
        "institution list. They are kept, with the country of their prefix, and counted "
        "everywhere on this page."
    )
    st.dataframe(
        missing,
        hide_index=True,
        column_config={
            "erasmus_code": "Erasmus code",
            "name": "Name (from the records, else the code)",
            "country": "Country",
            "outbound_participants": st.column_config.NumberColumn("Sent", format="localized"),
            "inbound_participants": st.column_config.NumberColumn("Received", format="localized"),
        },
    )
