"""Settings (admins only): the university itself, how years and agreements are counted, what
imports accept and exports show; and, read-only, who has which role.

Saving rebuilds the marts, so every page shows the new values at once. Each change is
recorded in the activity table (Import data page) with who made it.
"""

import pandas as pd
import streamlit as st

from dashboard import admin, auth
from dashboard.import_mapping import OWN_SETTINGS
from pipelines.roles import AccessConfigError, Role

admin.page_start(
    "Settings",
    "What the dashboard needs to know about the university and how it counts. Saving "
    "rebuilds the figures on every page; each change is recorded in the activity table on "
    "the Import data page.",
)

st.header("The university itself")
st.caption(
    "Imports never store the university or (without a named partner) its country as a "
    "partner; its name is shown on pages and reports."
)
admin.settings_form(OWN_SETTINGS, "settings_own", "Saved the university's own settings.")

st.header("Counting and checks")
st.caption(
    "How academic years start, when an agreement counts as dormant or expiring, which dates an "
    "import accepts, and the smallest count an export shows."
)
admin.settings_form(
    (
        "year_start_month",
        "dormant_years",
        "expiring_months",
        "small_cell_threshold",
        "earliest_date_year",
        "latest_date_years_ahead",
    ),
    "settings_counting",
    "Saved; the figures are rebuilt with the new settings.",
)

st.header("Who has access")
if not auth.signin_configured():
    st.info(
        "Local mode: no sign-in. Whoever opens this address may do everything. A shared "
        "server needs sign-in and roles in the secrets file (see the deployment guide, "
        "docs/deploy.md).",
        icon=":material/info:",
    )
    st.stop()
try:
    rules = auth.access_rules()
except AccessConfigError as exc:
    st.error(str(exc))
    st.stop()
st.caption(
    "From the secrets file of the server (changed there by whoever runs it). A person gets the "
    "highest role any line gives them; nobody else gets in."
)
rows = [
    {
        "Role": role.label,
        "E-mail addresses": ", ".join(rules.emails.get(role, ())) or "-",
        "Groups": ", ".join(rules.groups.get(role, ())) or "-",
    }
    for role in sorted(Role, reverse=True)
]
st.table(pd.DataFrame(rows), hide_index=True, border="horizontal")  # cells wrap: long lists fit
st.caption(f"People without access are told to ask {rules.contact}.")
