"""Staff and research: teaching, training, research and conference mobility."""

import streamlit as st

from dashboard import charts, components, filters, formatting
from dashboard.data.shared import top_groups
from dashboard.data.staff import STAFF_GROUPS
from dashboard.queries import staff as staff_queries

flt = filters.current()
scope = flt.describe()
st.title("Staff and research")
st.caption(f"Physical teaching, training, research and conference mobility · {scope}")

summary = staff_queries.staff_summary(flt).iloc[0]
rate = staff_queries.kpi_value("staff_mobility_rate", flt.year_to, flt.single_faculty)
columns = components.cells(5)
columns[0].metric("Outbound (mobilities)", formatting.count(summary["outbound"]), border=True)
columns[1].metric("Inbound (mobilities)", formatting.count(summary["inbound"]), border=True)
columns[2].metric("Average stay (days)", formatting.count(summary["average_days"]), border=True)
columns[3].metric(
    "Teaching hours",
    formatting.count(summary["teaching_hours"]),
    help="Hours taught by outgoing and incoming teaching staff (teaching mobility, STA).",
    border=True,
)
columns[4].metric(
    f"Staff rate {formatting.academic_year(flt.year_to)}",
    formatting.kpi_value(rate, "%"),
    help=components.definitions(["staff_mobility_rate"])
    + " From the KPI mart: whole university or the one selected faculty.",
    border=True,
)

for by, title in (
    ("faculty", "By faculty"),
    ("country", "By partner country (top 20)"),
    ("duration", "By duration"),
):
    frame = staff_queries.staff_mobility(flt, by)
    if frame.empty:
        components.no_data("staff or researcher mobilities")
        break
    label = STAFF_GROUPS[by]
    shown = frame if by != "country" else top_groups(frame, "grp", "mobilities", 20)
    components.chart(
        charts.category_bars(
            shown,
            "grp",
            "mobilities",
            "activity",
            title,
            "mobilities",
            label,
            "Activity",
            horizontal=by != "duration",
        ),
        frame.drop(columns="band"),
        f"staff by {by}",
        ["staff_mobility_outbound", "staff_mobility_inbound"],
        note="Both directions unless the direction filter says otherwise."
        + (" Duration in calendar days, first and last day included." if by == "duration" else ""),
        scope=scope,
    )
