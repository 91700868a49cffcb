"""Country explorer: one partner country, every metric over time, its partners, both flows."""

import streamlit as st

from dashboard import charts, components, filters, formatting
from dashboard.data.country import by_kind_and_direction, by_year_and_direction, kpi_grid
from dashboard.data.shared import direction_total
from dashboard.queries import country as country_queries

flt = filters.current()
scope = flt.describe()
st.title("Country explorer")

countries = country_queries.countries_with_data()
names = dict(zip(countries["country"], countries["country_name"], strict=True))
country = filters.url_choice("Partner country", list(names), key="country", format_func=names.get)
name = names[country]
st.caption(f"{name} · {scope}")

by_year = country_queries.country_by_year(flt, country)
flows = by_year_and_direction(by_year)
kinds = by_kind_and_direction(by_year)
columns = st.columns(3)
columns[0].metric(
    f"Outbound to {name}",
    formatting.count(direction_total(kinds, "outbound")),
    border=True,
)
columns[1].metric(
    f"Inbound from {name}",
    formatting.count(direction_total(kinds, "inbound")),
    border=True,
)
partners = country_queries.country_partners(flt, country)
columns[2].metric("Partner institutions", formatting.count(len(partners)), border=True)

if by_year.empty:
    components.no_data(f"mobilities with {name}")
else:
    left, right = st.columns(2)
    with left:
        components.chart(
            charts.direction_trend(flows, "mobilities", f"Flows with {name}", "mobilities"),
            flows,
            f"flows {country}",
            ["outbound_mobilities", "inbound_mobilities"],
            scope=scope,
        )
    with right:
        components.chart(
            charts.direction_bars(
                kinds, "kind_name", "mobilities", "By kind of mobility", "mobilities", "Kind"
            ),
            kinds,
            f"kinds {country}",
            ["outbound_mobilities", "inbound_mobilities"],
            scope=scope,
        )

st.header(f"Every KPI for {name}")
kpis = country_queries.country_kpis(country, flt.year_from, flt.year_to)
if kpis.empty:
    components.no_data(f"KPI values for {name}")
else:
    grid = kpi_grid(kpis)
    st.dataframe(grid, hide_index=True, key="table-country-kpis", height=36 * len(grid) + 40)
    components.caption(
        [],
        note="KPIs with a partner-country breakdown, from the KPI mart (definitions: "
        "docs/kpis.md and the tooltips on the Overview). Only the year range applies here.",
    )
    components.download(kpis, f"kpis {country}")

st.header(f"Partners in {name}")
components.table(
    partners,
    f"partners {country}",
    ["outbound_mobilities", "inbound_mobilities"],
    note="Agreements: valid today (including those expiring soon).",
    scope=scope,
    column_config={
        "partner_name": "Partner",
        "city": "City",
        "outbound": components.count_column("Out"),
        "inbound": components.count_column("In"),
        "agreements": components.count_column("Valid agreements"),
        "last_year": "Last year with mobility",
    },
)
