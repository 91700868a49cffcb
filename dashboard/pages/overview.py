"""Overview: the latest academic year's headline KPIs and the trend of each."""

import streamlit as st

from dashboard import charts, formatting, queries

st.title("Overview")
if not queries.has_data():
    st.info(
        "The warehouse is empty. Import your data with `mobility ingest FILE` (see the "
        "[data contract](https://github.com/) in docs/data-contract.md) or run `make demo`."
    )
    st.stop()

years = queries.academic_years()
year = st.selectbox("Academic year", years, index=len(years) - 1)
st.caption(f"{queries.institution_name()} · academic year {year}")

values = queries.kpi_year_values(year)
headline = values[values["headline"]]
columns = st.columns(3)
for i, row in enumerate(headline.itertuples()):
    columns[i % 3].metric(
        row.name,
        formatting.kpi_value(row.value, row.unit),
        formatting.kpi_delta(row.value, row.previous_value, row.unit),
        delta_color="inverse" if row.good_direction == "down" else "normal",
        help=row.definition,
        border=True,
    )

st.subheader("Trend")
choice = st.selectbox(
    "Indicator",
    headline["kpi_id"],
    format_func=dict(zip(values["kpi_id"], values["name"], strict=True)).get,
)
chosen = values[values["kpi_id"] == choice].iloc[0]
st.plotly_chart(charts.trend_line(queries.kpi_trend(choice), chosen["name"], chosen["unit"]))
st.caption(chosen["definition"])
