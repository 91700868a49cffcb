"""Import data: upload a file, see what was understood and what is wrong, import it, undo it.

Nothing is written until the person presses Import; the file is read and validated by the
same functions as ``mobility ingest`` (``pipelines.ingest.upload``), written by
``pipelines.manage``.
"""

import streamlit as st

from dashboard import admin, auth, components, import_mapping, queries
from dashboard.queries import imports as imports_queries
from pipelines import manage
from pipelines.contract import MODELS
from pipelines.ingest.columns import guess_table
from pipelines.ingest.load import ImportFailed
from pipelines.ingest.profiles import find_profile
from pipelines.ingest.undo import UndoRefused
from pipelines.ingest.upload import preview_rows, rejections_csv

FILE_TYPES = ["csv", "txt", "tsv", "xlsx", "xlsm", "parquet", "pq"]
AUTO = "(from the header)"
AUTO_PROFILE = "(automatic: a saved profile for these columns, else their names)"

st.title("Import data")
st.caption(
    "Upload an export (CSV, Excel .xlsx or Parquet) for one of the five tables: your own "
    "templates, or a mobility system's export as it comes. Nothing is written until you press "
    "**Import**. Person identifiers are pseudonymised and names, e-mails and birth dates "
    "dropped unread. What each table holds: the Data contract page."
)
admin.show_flashes()

left, right = st.columns([2, 3])
table = left.selectbox(
    "Table",
    [AUTO, *MODELS],
    format_func=lambda t: t if t == AUTO else f"{t}: {MODELS[t].label}",
    help="Leave it to the header, or choose when a file could fit more than one table.",
)
# a new uploader after each import, so the imported file's preview does not linger
upload = right.file_uploader(
    "File", type=FILE_TYPES, key=f"upload_{st.session_state.get('imports_done', 0)}"
)
sheet = None
if upload is not None and upload.name.lower().endswith((".xlsx", ".xlsm")):
    sheet = st.text_input("Excel sheet (empty: the first)", key="sheet") or None

prepared = None
context = None
if queries.warehouse_version() is not None or upload is not None:
    context = import_mapping.context(queries.warehouse_path())
if queries.warehouse_version() is not None:
    import_mapping.own_institution_form(context)
if upload is not None:
    names = [p.name for p in context.profiles]
    choice = st.selectbox(
        "Import profile",
        [AUTO_PROFILE, *names],
        key=f"profile_{upload.file_id}",
        help="A saved way of reading one system's export: which column is what, values for "
        "every row, and the file's own wording. A saved profile made from a file with the same "
        "columns is used by itself.",
    )
    base = None if choice == AUTO_PROFILE else find_profile(context.profiles, choice)
    chosen_table = None if table == AUTO else table
    first = import_mapping.prepare(upload, chosen_table, sheet, context, base)
    if isinstance(first, str):
        st.error(f"This file cannot be imported: {first}")
    else:
        if base is None and first.profile is not None:
            base = first.profile
            st.info(
                f"Read with the saved profile **{base.name}**, made from a file with the same "
                "columns: nothing to choose unless something below looks wrong."
            )
        if base is None and first.suggested:
            st.info(
                f"This file fits the built-in profile **{first.suggested[0].name}**: "
                f"{first.suggested[0].description} Choose it above to use it."
            )
        st.header("1 · What was detected")
        st.markdown(f"**{first.path.name}** → table **{first.table}**")
        st.markdown(first.info.describe())
        draft = import_mapping.editors(first, base, upload.file_id)
        import_mapping.value_editors(first, draft, upload.file_id)
        prepared = import_mapping.prepare_with(first, upload, sheet, context, base, draft)
        if isinstance(prepared, str):
            st.error(f"This file cannot be imported: {prepared}")
            prepared = None

if prepared is not None and not prepared.ready:
    other = guess_table([str(h) for h in prepared.raw.frame.columns])
    st.warning(
        f"{prepared.path.name}: required column(s) missing for {prepared.table}: "
        + ", ".join(prepared.mapping.missing_required)
        + ". Choose which file column holds each, or give a value for every row above."
        + (
            f" The headers fit the {other} table: choose {other} (or let the table be "
            "recognised from the header)."
            if other and other != prepared.table
            else ""
        )
    )
elif prepared is not None:
    validation = prepared.validation
    for note in prepared.notes:
        st.caption(f"Note: {note}")
    import_mapping.profile_actions(prepared, upload.file_id)

    st.header("2 · Preview")
    st.caption("The first valid rows as they will be stored (columns with values only).")
    st.dataframe(preview_rows(prepared))

    st.header("3 · Validation")
    valid = len(validation.valid)
    warned = getattr(validation, "warnings", None)
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Rows read", f"{validation.rows_read:,}", border=True)
    c2.metric("Valid rows", f"{valid:,}", border=True)
    c3.metric("Rejected rows", f"{validation.rejected_row_count:,}", border=True)
    c4.metric(
        "Rows with a value left empty",
        f"{warned['row_number'].nunique() if warned is not None and len(warned) else 0:,}",
        border=True,
        help="A wrong value in an optional column (a CEFR level 'B3') is left empty and the "
        "row imported; the list below says which.",
    )
    if len(validation.rejections):
        st.warning(
            f"{validation.rejected_row_count:,} row(s) break a rule and will not be imported; "
            "fix them in the file and import it again (the rest can be imported now)."
        )
        import_mapping.problem_table(validation.rejections, "rejections")
        st.download_button(
            "Download rejected rows (CSV)",
            rejections_csv(prepared),
            file_name=f"{prepared.path.stem}-rejected.csv",
            mime="text/csv",
            key="download_rejections",
        )
    else:
        st.success("Every row is valid.")
    if warned is not None and len(warned):
        st.info(
            f"{warned['row_number'].nunique():,} row(s) will be imported with a value left "
            "empty, because it is not a valid value for an optional column:"
        )
        import_mapping.problem_table(warned, "warnings")

    if st.button(
        f"Import {valid:,} valid row(s) into {prepared.table}",
        type="primary",
        key="import",
        disabled=valid == 0,
    ):
        progress = admin.progress_bar(f"Importing {prepared.path.name}")
        try:
            result = manage.import_prepared(
                queries.warehouse_path(), prepared, auth.actor(), progress
            )
        except (*admin.write_errors(), ImportFailed) as exc:
            st.error(f"Not imported: {exc}")
        else:
            if result.already_imported_as is not None:
                admin.flash(
                    "info",
                    f"{result.file_name} was already imported (import "
                    f"#{result.already_imported_as}); nothing changed.",
                )
            else:
                admin.flash(
                    "success",
                    f"Imported {result.file_name} as import #{result.import_id}: "
                    f"{result.loaded:,} new, {result.updated:,} updated, "
                    f"{result.unchanged:,} unchanged, {result.rejected:,} rejected row(s). "
                    "The dashboards show the new numbers.",
                )
                st.session_state["last_import"] = result.import_id
            st.session_state["imports_done"] = st.session_state.get("imports_done", 0) + 1
            st.session_state.pop("undo_choice", None)  # offer the newest import for undo
            admin.after_write()

if queries.warehouse_version() is None:
    st.info("No warehouse yet: the first import creates it.")
    st.stop()

last_import = st.session_state.get("last_import")
if last_import is not None and queries.has_data():
    unknown = imports_queries.import_unknown_partners(last_import)
    if not unknown.empty:
        st.header(f"Partners of import #{last_import} that are not known")
        st.caption(
            "These partners have no agreement and no mapping. Map each once to a known "
            "partner (or confirm it as new); later imports with the same name or code follow."
        )
        admin.partner_mapping_editor(unknown, key="import_mapping")

st.header("Import history")
st.caption(
    "Records: new and updated ones written, rows rejected, rows imported with an invalid "
    "optional value left empty (emptied); an undone import says so."
)
history = imports_queries.import_history()
if history.empty:
    st.info("No imports yet.")
    st.stop()
components.latest_table(
    # the counts in one column (imports_queries.import_history), so the table fits a laptop's page;
    # each count on its own: `mobility imports`
    history.assign(imported_at=history["imported_at"].dt.strftime("%Y-%m-%d"))[
        ["import_id", "imported_at", "file_name", "table_name", "summary", "imported_by"]
    ].rename(
        columns={
            "import_id": "No.",
            "imported_at": "Imported (UTC)",
            "file_name": "File",
            "table_name": "Table",
            "summary": "Records",
            "imported_by": "By",
        }
    ),
    "import history",
)

with st.expander("Undo an import"):
    st.caption(
        "Undo removes exactly the records an import added and puts back the versions it "
        "replaced, then rebuilds the marts. An import that a later import changed cannot be "
        "undone before that later one (undo the newest first)."
    )
    active = imports_queries.active_imports()
    choice = st.selectbox(
        "Import",
        active["import_id"],
        format_func=dict(zip(active["import_id"], active["label"], strict=True)).get,
        key="undo_choice",
    )
    sure = st.checkbox("Yes, undo this import", key="undo_sure")
    if st.button("Undo import", key="undo", disabled=choice is None or not sure):
        progress = admin.progress_bar(f"Undoing import #{choice}")
        try:
            undone = manage.undo(queries.warehouse_path(), int(choice), auth.actor(), progress)
        except (*admin.write_errors(), UndoRefused) as exc:
            st.error(f"Not undone: {exc}")
        else:
            admin.flash(
                "success",
                f"Undid import #{undone.import_id} ({undone.file_name}): removed "
                f"{undone.removed:,} record(s), restored {undone.restored:,}.",
            )
            st.session_state.pop("last_import", None)
            admin.after_write()

st.header("Activity")
st.caption(
    "Every change to the data, newest first: imports, undos, targets, partner mappings, "
    "import profiles and settings, with who made it (the signed-in account, or the computer's "
    "user for local mode and the `mobility` command). Times in UTC."
)
changes = imports_queries.activity()
if changes.empty:
    st.info("No changes recorded yet.")
else:
    components.latest_table(
        changes.assign(logged_at=changes["logged_at"].dt.strftime("%Y-%m-%d %H:%M")).rename(
            columns={
                "logged_at": "When (UTC)",
                "who": "Who",
                "role": "Role",
                "action": "What",
                "detail": "Details",
            }
        ),
        "activity",
    )
