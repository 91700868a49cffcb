"""Targets: leadership's targets per KPI and year, progress towards them and a projection of
the recent trend (pipelines/metrics/projection.py), and the table to set them."""

import streamlit as st

from dashboard import admin, auth, charts, components, formatting, queries
from dashboard.queries import targets as targets_queries
from pipelines import manage
from pipelines.metrics import projection
from pipelines.metrics.targets import validate_rows

STATUS_ICON = {
    "on track": ":green[:material/check_circle:]",
    "met": ":green[:material/check_circle:]",
    "at risk": ":red[:material/warning:]",
    "missed": ":red[:material/cancel:]",
    "no trend": ":gray[:material/help:]",
}

admin.page_start(
    "Targets",
    "Leadership targets per KPI and academic year, where the recent trend leads, and the "
    "table to set them.",
)

progress = targets_queries.target_projections()
st.header("Progress")
st.caption(f"**Method.** {projection.METHOD}")
if progress.empty:
    st.info("No targets yet: add them in the table below.")
else:
    rows = progress.to_dict("records")
    st.dataframe(
        progress.assign(faculty=progress["faculty"].map(formatting.scope_label)),
        hide_index=True,
        height="content",
        column_order=[
            "kpi_name",
            "faculty",
            "academic_year",
            "target_value",
            "latest_year",
            "latest_value",
            "projected_value",
            "status",
            "unit",
        ],
        # widths that keep every column within the page at 1440 px, faculty names whole
        column_config={
            "kpi_name": st.column_config.TextColumn("KPI", width=225),
            "faculty": st.column_config.TextColumn("Faculty", width=200),
            "academic_year": st.column_config.TextColumn("Target year", width=80),
            "target_value": st.column_config.NumberColumn("Target", format="localized", width=65),
            "latest_year": st.column_config.TextColumn("Latest year", width=80),
            "latest_value": st.column_config.NumberColumn("Latest value", format="%,.1f", width=85),
            "projected_value": st.column_config.NumberColumn(
                "Projected",
                format="%,.1f",
                width=80,
                help="Where the trend of the last three years leads by the target year",
            ),
            "status": st.column_config.TextColumn("Status", width=75),
            "unit": st.column_config.TextColumn("Unit", width=80),
        },
    )
    choice = st.selectbox(
        "Target",
        range(len(rows)),
        format_func=lambda i: (
            f"{rows[i]['kpi_name']} · {formatting.scope_label(rows[i]['faculty'])} · "
            f"{rows[i]['academic_year']}"
        ),
        key="target_choice",
    )
    target = rows[choice]
    series = targets_queries.target_series(target["kpi_id"], target["faculty"])
    components.figure(
        charts.target_projection(
            series,
            target,
            target["unit"],
            f"{target['kpi_name']} ({formatting.scope_label(target['faculty'])}): "
            f"{formatting.kpi_value(target['target_value'], target['unit'])} "
            f"by {target['academic_year']}",
        ),
        "target projection",
        series,
    )
    st.markdown(f"**{STATUS_ICON[target['status']]} {target['status']}.** {target['explanation']}")
    st.caption(target["definition"])

st.header("Set targets")
st.caption(
    "Edit, add or delete rows, then save. Each row is checked like a targets file: a known "
    "KPI, an academic year (2027/28), a value in the KPI's unit within its sensible range "
    "(0-100 for %). Faculty: one faculty, or the whole university (also when left "
    "empty). A save is an import: it appears in the import history and can be undone there."
)
kpis = targets_queries.kpi_choices()
kpi_label = {
    k: f"{n} ({u})" for k, n, u in zip(kpis["kpi_id"], kpis["name"], kpis["unit"], strict=True)
}
# a new key after each save: the editor's pending edits belong to the table it was shown
editor_key = f"targets_editor_{st.session_state.get('targets_saves', 0)}"
# the whole university as a choice in words, not an empty cell Streamlit writes "None" in
stored_targets = targets_queries.targets_for_editing()
edited = st.data_editor(
    stored_targets.assign(faculty=stored_targets["faculty"].map(formatting.scope_label)),
    key=editor_key,
    num_rows="dynamic",
    hide_index=True,
    # every target in view (an inner scroll hid the last ones), widths that fit the page
    height="content",
    column_config={
        "kpi_id": st.column_config.SelectboxColumn(
            "KPI", options=list(kpi_label), format_func=kpi_label.get, required=True, width=250
        ),
        "academic_year": st.column_config.TextColumn(
            "Academic year", help="e.g. 2029/30", required=True, width=125
        ),
        "faculty": st.column_config.SelectboxColumn(
            "Faculty",
            options=[formatting.WHOLE_UNIVERSITY, *targets_queries.target_faculties()],
            help="A faculty, or the whole university (also when left empty)",
            width=235,
        ),
        "value": st.column_config.NumberColumn(
            "Target value", help="In the KPI's unit", format="localized", required=True, width=100
        ),
        "note": st.column_config.TextColumn("Note", help="Where the target comes from", width=230),
    },
)
pending = st.session_state.get(editor_key) or {}
edits = any(pending.get(k) for k in ("edited_rows", "added_rows", "deleted_rows"))
if st.button("Save targets", type="primary", key="save_targets", disabled=not edits):
    faculty = edited["faculty"].where(edited["faculty"] != formatting.WHOLE_UNIVERSITY)
    valid, problems = validate_rows(edited.assign(faculty=faculty))
    if problems:
        st.error(
            "Not saved: "
            + "; ".join(str(p) for p in problems)
            + ". Correct the rows and save again."
        )
    else:
        progress_update = admin.progress_bar("Saving targets")
        try:
            result = manage.save_targets(
                queries.warehouse_path(), valid, auth.actor(), progress_update
            )
        except admin.write_errors() as exc:
            st.error(f"Not saved: {exc}")
        else:
            if result.loaded or result.updated or result.deleted:
                admin.flash(
                    "success",
                    f"Saved targets as import #{result.import_id}: {result.loaded:,} new, "
                    f"{result.updated:,} changed, {result.deleted:,} removed.",
                )
            else:
                admin.flash("info", "Nothing changed.")
            st.session_state["targets_saves"] = st.session_state.get("targets_saves", 0) + 1
            admin.after_write()
