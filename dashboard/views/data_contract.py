"""Data contract: what each import file must contain, shown inside the app so the link of
every empty state works without internet (the text is docs/data-contract.md), with the
import templates to download."""

import streamlit as st

from dashboard import components, content
from pipelines.config import TEMPLATES_DIR

st.markdown(content.data_contract())

st.header("Templates")
st.caption(
    "One CSV file per table, with the columns of the contract and example rows: fill it in, "
    "or map your own export's columns on the Import page."
)
templates = sorted(TEMPLATES_DIR.glob("*.csv"))
for column, path in zip(components.cells(len(templates)), templates, strict=True):
    column.download_button(
        f"{path.stem.capitalize()} template",
        path.read_bytes(),
        file_name=path.name,
        mime="text/csv",
        key=f"template-{path.stem}",
        on_click="ignore",
        icon=":material/download:",
    )
