"""Reports: the accreditation report pack as XLSX, PDF and HTML, with the CLI's options.

Thin, as every page: options -> ``pipelines.report`` -> download buttons. The report code lives
in ``pipelines.report`` because ``mobility report`` makes the same files; it opens the
warehouse read-only and closes it again, as ``dashboard/queries/`` does. Each file is made
only when its button is clicked (``st.download_button`` with a callable).
"""

from functools import partial

import streamlit as st

from dashboard import auth, filters, queries
from pipelines import report
from pipelines.roles import Role

WHOLE, FACULTY, PROGRAMME = "Whole university", "faculty", "programme"

st.title("Reports")
st.caption(
    "Standard tables for accreditation and annual reporting, with KPI definitions, the import "
    "files they come from, and small-cell suppression."
)
if not queries.has_data():
    filters.empty_warehouse()
    st.stop()


@st.cache_data(ttl=queries.CACHE_TTL_SECONDS, show_spinner="Preparing the report tables…")
def build(
    path: str, version: float | None, year: str, scope: tuple[str, str], suppress: bool
) -> report.Report:
    """The report's tables, cached per options and warehouse version."""
    kind, name = scope
    return report.build_report(
        path,
        year,
        name if kind == FACULTY else None,
        suppress,
        programme=name if kind == PROGRAMME else None,
    )


def scope_words(scope: tuple[str, str]) -> str:
    kind, name = scope
    return f"{name} (degree programme)" if kind == PROGRAMME else name


path = str(queries.warehouse_path())
years, faculties, programmes = report.options(path)
scopes = [
    (WHOLE, WHOLE),
    *((FACULTY, f) for f in faculties),
    *((PROGRAMME, p) for p in programmes),
]
# the scope takes the width a long programme name needs; the switch goes below them
left, middle = st.columns([1, 3])
year = left.selectbox("Academic year", years, index=len(years) - 1)
scope = middle.selectbox(
    "Scope",
    scopes,
    format_func=scope_words,
    help="The whole university, one faculty or one degree programme (its mobilities and KPIs; "
    "agreements and projects are those of its faculty).",
)
# viewers may read and download the reports, but only with small cells suppressed
may_show_all = auth.actor().role >= Role.DATA_MANAGER
suppress = (
    st.toggle(
        "Small-cell suppression",
        value=True,
        disabled=not may_show_all,
        help="Counts of people below the threshold (Settings: smallest count shown in exports, "
        "default 5) are shown as <5, and further cells are hidden so they cannot be worked out "
        "from the totals. "
        + (
            "Turn off for internal use only."
            if may_show_all
            else "Only data managers may turn it off."
        ),
    )
    or not may_show_all
)
if not suppress:
    st.warning(
        "Suppression is off: the files show every count, however small. For internal use "
        "only; do not publish or send them outside the university."
    )

made = build(path, queries.warehouse_version(), year, scope, suppress)
hidden = sum(t.hidden_cells() for t in made.tables)
st.markdown(
    f"**{made.cover.institution}** · {made.cover.academic_year} · {made.cover.scope} · "
    f"{len(made.tables)} tables · {hidden:,} cells suppressed"
)
st.caption(made.cover.suppression.describe())

labels = {"pdf": "Download PDF (A4)", "xlsx": "Download Excel", "html": "Download HTML"}
for column, fmt in zip(st.columns(3), ("pdf", "xlsx", "html"), strict=True):
    column.download_button(
        labels[fmt],
        data=partial(report.render, made, fmt),
        file_name=report.file_name(made, fmt),
        mime=report.FORMATS[fmt],
        on_click="ignore",
        icon=":material/download:",
        width="stretch",
    )

with st.expander("Tables in the report"):
    st.markdown(
        "\n".join(
            f"{i}. {t.title}"
            + (f" ({t.hidden_cells():,} cells suppressed)" if t.hidden_cells() else "")
            for i, t in enumerate(made.tables, start=1)
        )
    )
