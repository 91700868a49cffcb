"""Data contract: what each import file must contain, shown inside the app so the link of
every empty state works without internet (the text is docs/data-contract.md)."""

import streamlit as st

from dashboard import content

st.markdown(content.data_contract())
