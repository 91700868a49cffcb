"""Programmes: dual and joint degrees, online and blended mobility, internships, projects."""

import streamlit as st

from dashboard import charts, components, filters
from dashboard.data.shared import has_rows, to_long, top_groups
from dashboard.queries import programmes as programmes_queries

flt = filters.current()
scope = flt.describe()
st.title("Programmes")
st.caption(f"Dual and joint degrees, online mobility, internships and projects · {scope}")

st.header("Dual and joint degrees")
degrees = programmes_queries.dual_degrees_by_year(flt)
if degrees.empty:
    components.no_data("dual or joint degree mobilities")
else:
    long = to_long(degrees, "academic_year", "measure", "count")
    components.chart(
        charts.direction_trend(
            long, "count", "Dual and joint degrees per year", "people / partners", "measure"
        ),
        degrees,
        "dual degrees per year",
        ["dual_degree_students"],
        note="students: distinct students in a realised dual or joint degree period; "
        "completed: periods with status completed (the import contract has no graduation "
        "field, so this stands in for graduates); ongoing: periods still running, so that "
        "completed counts of the latest years are not final; partners: distinct partner "
        "institutions.",
        scope=scope,
    )
    components.table(
        programmes_queries.dual_degree_partners(flt),
        "dual degree partners",
        ["dual_degree_students"],
        scope=scope,
        column_config={
            "partner_name": "Partner",
            "country_name": "Country",
            "outbound": components.count_column("Our students there"),
            "inbound": components.count_column("Their students here"),
            "students": components.count_column("Students"),
            "completed": components.count_column("Completed"),
        },
    )

st.header("Online and blended mobility")
online = programmes_queries.online_by_year(flt)
if not has_rows(online, "online"):
    components.no_data("online or blended mobilities")
else:
    left, right = st.columns(2)
    with left:
        long = to_long(
            online[["academic_year", "virtual", "blended"]],
            "academic_year",
            "mode",
            "mobilities",
        )
        components.chart(
            charts.category_bars(
                long,
                "academic_year",
                "mobilities",
                "mode",
                "Online and blended mobilities",
                "mobilities",
                "Academic year",
                "Mode",
            ),
            online,
            "online mobilities per year",
            ["online_mobilities"],
            scope=scope,
        )
    with right:
        share = online.rename(columns={"online_share": "value"})
        components.chart(
            charts.trend_line(share, "Share of all mobility", "%"),
            online,
            "online share per year",
            ["online_share"],
            note="Share of the realised mobilities that match the filters.",
            scope=scope,
        )

st.header("Internships and placements")
left, right = st.columns(2)
for column, by, title, label in (
    (left, "host_type", "By host type", "Host type"),
    (right, "country", "By country (top 20)", "Country"),
):
    with column:
        frame = programmes_queries.internships(flt, by)
        if frame.empty:
            components.no_data("internships or placements")
            continue
        shown = frame if by == "host_type" else top_groups(frame, "grp", "mobilities", 20)
        components.chart(
            charts.direction_bars(shown, "grp", "mobilities", title, "mobilities", label),
            frame,
            f"internships by {by}",
            ["internships_outbound"],
            note="Both directions: incoming trainees are hosted by the university.",
            scope=scope,
        )

st.header("Projects and grants")
projects = programmes_queries.projects_in_range(flt)
if projects.empty:
    components.no_data("projects")
else:
    note = "Projects running in at least one of the selected years; only the years and "
    note += "faculty filters apply to projects."
    left, right = st.columns(2)
    with left:
        funding = programmes_queries.project_funding(flt)
        components.chart(
            charts.category_bars(
                funding,
                "programme",
                "budget_own_share",
                "role",
                "Own share of budgets by programme",
                "EUR",
                "Programme",
                "Role",
                horizontal=True,
            ),
            funding,
            "project funding",
            ["project_funding_own", "projects_active"],
            note=note + " Own share of the whole budget of each project.",
            scope=scope,
        )
    with right:
        countries = programmes_queries.project_countries(flt)
        components.chart(
            charts.histogram_bars(
                top_groups(countries, "country_name", "projects", 20),
                "country_name",
                "projects",
                "Partner countries (top 20)",
                "projects",
                "Country",
            ),
            countries,
            "project partner countries",
            ["projects_active"],
            note=note,
            scope=scope,
        )
    components.table(
        projects,
        "projects",
        ["projects_active"],
        note=note + " The download has every column (project id, start, budget, partners).",
        scope=scope,
        # what fits the page's width; the rest is in the download
        column_order=[
            "title",
            "programme",
            "role",
            "faculty",
            "end_date",
            "budget_own_share",
            "state",
        ],
        column_config={
            "project_id": "Project",
            "title": st.column_config.TextColumn("Title", width=240),
            "programme": st.column_config.TextColumn("Programme", width=100),
            "role": st.column_config.TextColumn("Role", width=90),
            "faculty": st.column_config.TextColumn("Faculty", width=170),
            "start_date": st.column_config.DateColumn("Start"),
            "end_date": st.column_config.DateColumn("End", width=90),
            "budget_total": components.euro_column("Budget (EUR)"),
            "budget_own_share": components.euro_column("Own share (EUR)"),
            "partner_countries": "Partner countries",
            "state": st.column_config.TextColumn("State", width=80),
        },
    )
