"""The dashboard's only entry point: page router (st.navigation)."""

import streamlit as st

st.set_page_config(page_title="Mobility Atlas", page_icon="🌍", layout="wide")

pages = [
    st.Page("pages/overview.py", title="Overview", icon="📊", default=True),
    st.Page("pages/targets.py", title="Targets", icon="🎯"),
    st.Page("pages/data_quality.py", title="Data quality", icon="🩺"),
    st.Page("pages/import_data.py", title="Import data", icon="📥"),
]
st.navigation(pages).run()
