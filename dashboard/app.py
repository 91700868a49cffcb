"""The dashboard's only entry point: page router (st.navigation)."""

import streamlit as st

st.set_page_config(page_title="Mobility Atlas", page_icon="🌍", layout="wide")

pages = [st.Page("pages/overview.py", title="Overview", icon="📊", default=True)]
pages.append(st.Page("pages/benchmark.py", title="Benchmark", icon="🇪🇺"))
st.navigation(pages).run()
