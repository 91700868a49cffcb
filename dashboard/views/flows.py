"""Flows and countries: where our people go and where our guests come from."""

import streamlit as st

from dashboard import charts, compare, components, filters
from dashboard.data.compare import side_by_side
from dashboard.data.flows import largest_balances, top_countries
from dashboard.queries import flows as flows_queries

flt = filters.current()
scope = flt.describe()
st.title("Flows and countries")
st.caption(f"Realised mobilities by partner country · {scope}")

flows = flows_queries.country_flows(flt)
if flows.empty:
    components.no_data("mobilities")
    st.stop()

left, right = st.columns([1, 1])
with left:
    direction = components.choice(
        "Map shows",
        {"outbound": "Outbound: where we go", "inbound": "Inbound: who comes"},
        "flows_direction",
        default="inbound" if flt.direction == "inbound" else "outbound",
    )
with right:
    region = components.choice("Area", {"world": "World", "europe": "Europe"}, "flows_scope")
kpi = f"{direction}_mobilities"
components.chart(
    charts.world_map(flows, direction, direction, region),
    flows[["country", "iso3", "country_name", "region", "outbound", "inbound", "balance"]],
    "mobilities by country",
    [kpi],
    scope=scope,
)

comparison = compare.choose(flt, "flows_compare")
if comparison:
    per_side = [flows_queries.country_flows(side) for side in comparison.sides]
    both = side_by_side(*per_side, ["country", "country_name"], "total", comparison.labels)
    top = both.head(15)
    components.chart(
        charts.compare_bars(
            top, "country_name", comparison.labels, "Mobilities per country, compared", "mobilities"
        ),
        both,
        f"countries compared {' '.join(comparison.labels)}",
        ["outbound_mobilities", "inbound_mobilities"],
        note="Realised mobilities with each partner country (both directions unless the "
        "direction filter says otherwise); the 15 largest of either side; the download has "
        "every country and the difference B − A.",
        scope=f"{scope} · {comparison.describe()}",
    )

left, right = st.columns(2)
with left:
    top = top_countries(flows, direction)
    components.chart(
        charts.direction_bars(
            top,
            "country_name",
            "mobilities",
            f"Top countries ({direction})",
            "mobilities",
            "Partner country",
            ranked_by=direction,
        ),
        top,
        f"top countries {direction}",
        ["outbound_mobilities", "inbound_mobilities"],
        note=f"The 15 countries with most {direction} mobilities; bars show both directions.",
        scope=scope,
    )
with right:
    balance = largest_balances(flows)
    if flt.direction != "both":
        components.not_applicable(
            "Balance per country (inbound − outbound)",
            f"the direction filter shows {flt.direction} mobilities only",
        )
    else:
        components.chart(
            charts.balance_bars(balance, "Balance per country (inbound − outbound)"),
            balance,
            "balance per country",
            ["outbound_mobilities", "inbound_mobilities"],
            note="Balance = inbound − outbound realised mobilities (all kinds); the 20 largest "
            "imbalances either way. Positive: the country sends us more than it receives.",
            scope=scope,
        )

st.header("From faculty to destination")
destinations = flows_queries.faculty_destinations(flt)
if destinations.empty:
    components.no_data("outbound mobilities")
else:
    components.chart(
        charts.sankey(destinations, "Outbound: faculty → region → country"),
        destinations,
        "faculty to destination",
        ["outbound_mobilities"],
        note="The 20 largest destination countries; the others are merged per region.",
        scope=scope,
    )

st.header("Trend per country")
names = dict(zip(flows["country"], flows["country_name"], strict=True))
# in the URL (a shared link shows the same countries); each country keeps its colour while
# others are added or removed: colours follow the order in which they were chosen
chosen = filters.url_choices(
    "Countries", list(names), "countries", default=list(names)[:5], format_func=names.get
)
if chosen:
    trend = flows_queries.country_trend(flt, tuple(chosen))
    components.chart(
        charts.direction_trend(
            trend,
            "mobilities",
            "Realised mobilities per year",
            "mobilities",
            "country_name",
            order=[names[c] for c in chosen],
        ),
        trend,
        "trend per country",
        ["outbound_mobilities", "inbound_mobilities"],
        note="Both directions together unless the direction filter says otherwise.",
        scope=scope,
    )
else:
    st.info("Choose one or more countries to see their trend.")
