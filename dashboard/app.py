"""The dashboard's only entry point: page router (st.navigation) and the shared sidebar filters.

One ``st.Page`` per line, grouped by section: other pages are added with one line each.
The filters are drawn here, not in the pages, because widgets of the entry point keep their
state when the user switches pages (see dashboard/filters.py); only on the pages they apply
to, so the benchmark, data-management, report and help pages show no filters that do nothing.

Pages live in ``views/``, not ``pages/``: a folder named ``pages`` beside the entry point
switches Streamlit into its old multipage mode until some session has run ``st.navigation``.
A freshly started server then runs a shared link such as ``/flows?faculty=...`` as the bare
page file, without this router or the filters, and AppTest does so on every page switch.

Who is using it decides which pages exist for them (``dashboard/auth.py``): without sign-in or
a role only the sign-in or "No access" page; each page below carries the least role that may
open it, and pages above the person's role are not registered at all.
"""

import streamlit as st

from dashboard import admin, auth, components, filters, page_style, queries
from pipelines.access import UPDATING, WarehouseUpdating
from pipelines.roles import Role

st.set_page_config(page_title="Mobility Atlas", page_icon="🌍", layout="wide")
page_style.apply()

actor = auth.session_actor()
if actor is None:  # not signed in, or no role: one page, whatever the URL asked for
    st.navigation([st.Page(auth.gate_page, title="Sign in", default=True)], position="hidden").run()
    st.stop()

# The pages the sidebar filters apply to: the university's own mobility.
mobility = [
    st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("views/flows.py", title="Flows and countries", icon=":material/public:"),
    st.Page("views/partners.py", title="Partners and agreements", icon=":material/handshake:"),
    st.Page("views/outcomes.py", title="Outcomes", icon=":material/school:"),
    st.Page("views/inclusion.py", title="Inclusion", icon=":material/diversity_3:"),
    st.Page("views/staff.py", title="Staff and research", icon=":material/work:"),
    st.Page("views/programmes.py", title="Programmes", icon=":material/category:"),
    st.Page("views/country.py", title="Country explorer", icon=":material/travel_explore:"),
]
# Each page with the least role that may open it; pages above the person's role are not
# registered at all, so their URLs lead to the default page (docs/deploy.md lists the roles).
sections = {
    "Mobility": [(page, Role.VIEWER) for page in mobility],
    "Benchmark": [
        (
            st.Page("views/benchmark.py", title="Erasmus benchmark", icon=":material/leaderboard:"),
            Role.VIEWER,
        ),
    ],
    "Data management": [
        (
            st.Page("views/import_data.py", title="Import data", icon=":material/upload_file:"),
            Role.DATA_MANAGER,
        ),
        (
            st.Page("views/data_quality.py", title="Data quality", icon=":material/rule:"),
            Role.DATA_MANAGER,
        ),
        (st.Page("views/targets.py", title="Targets", icon=":material/flag:"), Role.DATA_MANAGER),
        (st.Page("views/settings.py", title="Settings", icon=":material/settings:"), Role.ADMIN),
    ],
    "Reports": [
        (st.Page("views/reports.py", title="Reports", icon=":material/summarize:"), Role.VIEWER),
    ],
    "Help": [
        (
            st.Page("views/data_contract.py", title="Data contract", icon=":material/description:"),
            Role.VIEWER,
        ),
    ],
}
pages = {
    name: allowed
    for name, entries in sections.items()
    if (allowed := [page for page, least in entries if actor.role >= least])
}
# expanded: all pages listed, none hidden behind "View more"
page = st.navigation(pages, expanded=True)
# each page its own browser title (a screen reader announces it, a tab shows it)
st.set_page_config(page_title=f"{page.title} · Mobility Atlas")
auth.sidebar_identity(actor)
try:
    if (status := queries.build_status()) and status.program_updated:
        admin.program_updated(actor)  # the pages would read marts of another version
        st.stop()
    if note := queries.stale_build_note():
        st.warning(note, icon=":material/update:")
    on_mobility_page = page.url_path in {p.url_path for p in mobility}
    if on_mobility_page:
        flt = filters.sidebar()
    else:
        # other pages have their own options; the filters wait, unchanged, for the next page
        filters.keep()
    components.start_view()
    page.run()
    if on_mobility_page and flt is not None:
        # the filters as the page ended: a page may rerun itself once (filters.py)
        components.view_download(page.title, filters.current().describe())
except WarehouseUpdating:
    # only a warehouse without a published copy is ever locked for readers (access.py)
    st.info(UPDATING, icon=":material/hourglass_top:")
