"""Partners and agreements: activity per partner, agreements that sleep or end soon."""

import streamlit as st

from dashboard import charts, components, filters
from dashboard.data.partners import partner_totals, partner_years, top_partners
from dashboard.queries import partners as partners_queries
from pipelines.settings import where_set

flt = filters.current()
scope = flt.describe()
st.title("Partners and agreements")
st.caption(f"Partner institutions and inter-institutional agreements · {scope}")

activity = partners_queries.partner_activity(flt)
totals = partner_totals(activity)
partner_columns = {
    "partner_name": "Partner",
    "country_name": "Country",
    "academic_year": "Academic year",
    "outbound": components.count_column("Out", "Realised outbound mobilities"),
    "inbound": components.count_column("In", "Realised inbound mobilities"),
    "balance": components.count_column("Balance (in − out)"),
    "places": components.count_column("Places", "Places per year under agreements, both ways"),
    "utilisation_pct": components.percent_column(
        "Utilisation",
        "Realised mobilities under the partner's agreements as a share of the places they "
        "offer. Above 100 %: more mobilities than places, which agreements often allow "
        "(places are a planning figure, not a cap).",
    ),
    "last_activity_year": st.column_config.TextColumn(
        "Last activity (any year)",
        help="The latest academic year with a realised mobility with the partner, over all "
        "years, not only the selected ones: a partner quiet in the selected years still shows "
        "when it was last active.",
    ),
}
note = (
    "Out and in follow every filter. Places and utilisation follow the years and the faculty "
    "filter (the faculty's own and university-wide agreements); utilisation above 100 % means "
    "more mobilities than places. Last activity: the latest academic year with any realised "
    "mobility with the partner, over all years."
)

st.header("Top partners")
top = top_partners(totals)
if top.empty:
    components.no_data("mobilities")
else:
    components.chart(
        charts.direction_bars(
            top, "partner_name", "mobilities", "Top 15 partners", "mobilities", "Partner"
        ),
        top,
        "top partners",
        ["outbound_mobilities", "inbound_mobilities"],
        scope=scope,
    )

st.header("Partner table")
for tab, frame, name in zip(
    st.tabs(["All selected years", "Per academic year"]),
    (totals, partner_years(activity)),
    ("partners", "partners per year"),
    strict=True,
):
    with tab:
        components.table(
            frame,
            name,
            ["agreement_utilisation"],
            note=note,
            scope=scope,
            column_config=partner_columns,
            height=420,
        )

agreement_columns = {
    "agreement_id": st.column_config.TextColumn("Agreement", width=130),
    "partner_name": st.column_config.TextColumn("Partner", width=220),
    "country_name": st.column_config.TextColumn("Country", width=110),
    "agreement_type": st.column_config.TextColumn("Type", width=80),
    "activity": "For",
    "faculty": st.column_config.TextColumn("Faculty", width=170),
    "valid_from": st.column_config.DateColumn("Valid from"),
    "valid_to": st.column_config.DateColumn("Valid to", width=90),
    "places_outbound": components.count_column("Places out"),
    "places_inbound": components.count_column("Places in"),
    "realised_outbound_total": components.count_column("Realised out (all years)"),
    "realised_inbound_total": components.count_column("Realised in (all years)"),
    "last_activity_year": st.column_config.TextColumn(
        "Last activity (any year)",
        width=130,
        help="The latest academic year with a realised mobility under the agreement.",
    ),
}
expiring_months = partners_queries.expiring_months_setting()
# one below the other, the whole width each: side by side, half a page hid the expiry date
# of each agreement behind a horizontal scroll
for title, frame, kpis, none, note, shown in (
    (
        "Dormant agreements",
        partners_queries.dormant_agreements(flt),
        ["dormant_agreements"],
        "No dormant agreement.",
        f"Window: {partners_queries.dormant_years_setting()} academic years up to the latest "
        f"({where_set('dormant_years')}). Only the faculty filter applies.",
        ["partner_name", "country_name", "last_activity_year", "valid_to", "agreement_id"],
    ),
    (
        f"Expiring within {expiring_months} months",
        partners_queries.expiring_agreements(flt),
        [],
        f"No agreement ends within the next {expiring_months} months.",
        f"Agreements whose validity ends within the next {expiring_months} months "
        f"({where_set('expiring_months')}), counted from today. Only the faculty filter "
        "applies.",
        ["valid_to", "partner_name", "country_name", "last_activity_year", "agreement_id"],
    ),
):
    st.header(title)
    if frame.empty:
        st.success(none)
    components.table(
        frame,
        title,
        kpis,
        note=note + " The download has every column of the agreements.",
        column_config=agreement_columns,
        # the columns that decide what to do first; places and realised counts in the download
        column_order=[*shown, "agreement_type", "faculty"],
    )
