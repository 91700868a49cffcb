"""Inclusion: who gets to go? Fewer opportunities against the EU reference of 20 %, gender,
level, field."""

import streamlit as st

from dashboard import charts, components, filters
from dashboard.queries import inclusion as inclusion_queries
from pipelines import metrics

flt = filters.current()
scope = flt.describe()
target = metrics.EU_FEWER_OPPORTUNITIES_TARGET
st.title("Inclusion")
st.caption(f"Participants with fewer opportunities, gender balance, level and field · {scope}")

st.header(f"Participants with fewer opportunities (EU reference {target:.0f} %)")
per_year = inclusion_queries.fewer_opportunities(flt, "year")
if per_year.empty:
    components.no_data("outbound student mobilities")
else:
    latest = per_year.iloc[-1]
    st.metric(
        f"Share in {latest['grp']}",
        f"{latest['fewer_opportunities_share']:,.1f} %",
        f"{latest['fewer_opportunities_share'] - target:+,.1f} pp against the EU reference",
        help=metrics.get("fewer_opportunities_share").definition,
        border=True,
        width="content",
    )
    left, right = st.columns(2)
    with left:
        series = per_year.rename(
            columns={"grp": "academic_year", "fewer_opportunities_share": "value"}
        )
        components.chart(
            charts.trend_line(series, "Share with fewer opportunities", "%", target),
            per_year,
            "fewer opportunities per year",
            ["fewer_opportunities_share"],
            note=metrics.SOURCE_EU_INCLUSION,
            scope=scope,
        )
    with right:
        by_faculty = inclusion_queries.fewer_opportunities(flt, "faculty")
        components.chart(
            charts.rate_bars(
                by_faculty,
                "grp",
                "fewer_opportunities_share",
                "By faculty, all selected years",
                "Faculty",
                target,
            ),
            by_faculty,
            "fewer opportunities by faculty",
            ["fewer_opportunities_share"],
            scope=scope,
        )

st.header("Gender, level and field")
for by, title, label in (
    ("gender", "Gender balance", "Gender"),
    ("level", "Study level mix", "Study level"),
    ("field", "Field mix (ISCED-F broad field)", "Field"),
):
    mix = inclusion_queries.participant_mix(flt, by)
    if mix.empty:
        components.no_data("mobilities")
        break
    components.chart(
        charts.category_bars(
            mix,
            "direction",
            "share_pct",
            "grp",
            title,
            "% of the direction",
            "Direction",
            label,
            horizontal=True,
        ),
        mix,
        f"{by} mix",
        ["female_share"] if by == "gender" else ["outbound_mobilities", "inbound_mobilities"],
        note="Each bar is 100 % of the realised mobilities of one direction.",
        scope=scope,
    )
