"""The Import page's mapping step: how each file column is read, values for every row, the
file's own wording, and saving all that as an import profile.

Each rerun builds a draft ``ImportProfile`` from the widgets (starting from the chosen or
matching profile) and prepares the file with it; nothing is written until Import (or Save
profile) is pressed. Kept out of the page so the page stays a sequence of steps.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import admin, auth, queries
from pipelines import manage
from pipelines.contract import model_for
from pipelines.contract.rules import Choice
from pipelines.ingest.columns import map_headers
from pipelines.ingest.context import ImportContext
from pipelines.ingest.load import ImportFailed, Prepared
from pipelines.ingest.profiles import ImportProfile, ProfileRefused
from pipelines.ingest.readers import ReadError
from pipelines.ingest.upload import (
    NOT_IMPORTED,
    choice_label,
    column_choices,
    column_editor_rows,
    prepare_upload,
)
from pipelines.ingest.value_maps import coded_columns, unread_values

FROM_FILE = "(from the file)"
# columns a person may want to set for a whole file even when the file has them
ALWAYS_OFFERED = ("person_role", "direction", "activity", "programme", "status")
_CACHE = "_prepared_uploads"


OWN_SETTINGS = (
    "institution_name",
    "own_name_variants",
    "own_country",
    "own_erasmus_code",
    "own_schac_code",
)


def context(path: Path) -> ImportContext:
    return manage.import_context(path)


def own_institution_form(ctx: ImportContext) -> None:
    """The university itself: what the import never stores as a partner."""
    own = ctx.own
    missing = own is None or not own.country
    with st.expander("The university itself", expanded=missing and queries.has_data()):
        st.caption(
            "Imports never store the university or (without a named partner) its country as a "
            "partner: a row whose partner side names it takes the other side, or is refused. "
            "Files without a direction column take it from which side is the university."
        )
        admin.settings_form(
            OWN_SETTINGS, "own_institution", "Saved the university's own names, codes and country."
        )


def prepare(
    upload, table: str | None, sheet: str | None, ctx: ImportContext, profile
) -> Prepared | str:
    """The file read with ``profile``; a message instead when it cannot be read at all.
    Kept per session for the same file and profile, so a rerun does not read it again."""
    signature = (
        upload.file_id,
        table,
        sheet,
        profile.to_json() if profile else None,
        repr(ctx.own),
    )
    cache = st.session_state.setdefault(_CACHE, {})
    if signature not in cache:
        with st.spinner(f"Reading and checking {upload.name} …"):
            try:
                cache[signature] = prepare_upload(
                    upload.getvalue(),
                    upload.name,
                    table,
                    sheet,
                    context=ctx,
                    profile=profile,
                    complete=False,
                )
            except (ReadError, ImportFailed) as exc:
                cache[signature] = str(exc)
            except Exception as exc:  # never a traceback on the page: say what failed
                first = (str(exc).splitlines() or [""])[0][:200]
                cache[signature] = (
                    f"{upload.name}: could not be read ({type(exc).__name__}: {first}); "
                    "nothing was written"
                )
        for old in [k for k in cache if k[0] != upload.file_id]:
            del cache[old]
    return cache[signature]


def _draft(first: Prepared, base: ImportProfile | None) -> ImportProfile:
    return ImportProfile(
        name=base.name if base and not base.builtin else "draft",
        table=first.table,
        description=base.description if base else "",
        headers=[str(h) for h in first.raw.frame.columns],
        columns=dict(base.columns) if base else {},
        constants=dict(base.constants) if base else {},
        values={k: dict(v) for k, v in base.values.items()} if base else {},
    )


def editors(first: Prepared, base: ImportProfile | None, file_id: str) -> ImportProfile:
    """Column mapping and values for every row; returns the draft profile they make."""
    draft = _draft(first, base)
    if first.mapping.personal:
        st.caption("Dropped unread (personal data): " + ", ".join(map(str, first.mapping.personal)))
    rows = column_editor_rows(first)
    st.markdown("**How each column of the file is read**")
    st.caption(
        "Change *Imported as* where a column was not recognised or was read wrongly. Home and "
        "host (sending and receiving) columns are read for each row from its direction: the "
        "partner is the host side of an outgoing mobility and the home side of an incoming one."
    )
    edited = st.data_editor(
        rows,
        key=f"columns_{file_id}_{base.name if base else ''}",
        hide_index=True,
        height="content" if len(rows) <= 25 else 600,
        disabled=["header", "sample"],
        column_config={
            "header": st.column_config.TextColumn("Column in the file"),
            "sample": st.column_config.TextColumn("First values"),
            "target": st.column_config.SelectboxColumn(
                "Imported as",
                options=column_choices(first.table),
                format_func=choice_label,
                width="medium",
                required=False,
            ),
        },
    )
    for header, before, after in zip(rows["header"], rows["target"], edited["target"], strict=True):
        after = after if isinstance(after, str) else NOT_IMPORTED
        if after != before:
            draft.columns[str(header)] = after
    unknown = [h for h in first.mapping.unknown if h not in draft.columns]
    if unknown:
        st.warning(
            "Not imported, because their names were not recognised: "
            + ", ".join(f"**{h}**" for h in unknown)
            + ". If one of them matters, choose what it is above."
        )
    _constants(first, draft, file_id)
    return draft


def _constants(first: Prepared, draft: ImportProfile, file_id: str) -> None:
    model = model_for(first.table)
    mapping = map_headers([str(h) for h in first.raw.frame.columns], model, draft.columns)
    present = mapping.mapped()
    offered = [c for c in model.required() if c not in present and c != "mobility_id"]
    offered += [c for c in ALWAYS_OFFERED if c in model.model_fields and c not in offered]
    st.markdown("**Values for every row**")
    st.caption(
        "For what the file does not say: every row of a student list is a student, every row "
        "of a staff list a staff member. Where the file has the column, its values are kept "
        "and this value fills only its empty cells."
    )
    rules = model.rules()
    columns = st.columns(3)
    for i, column in enumerate(offered):
        required = column in model.required() and column not in present
        label = choice_label(column) + (" (required: not in the file)" if required else "")
        current = draft.constants.get(column, "")
        slot = columns[i % 3]
        rule = rules[column]
        if isinstance(rule, Choice):
            options = [FROM_FILE, *rule.values]
            value = slot.selectbox(
                label,
                options,
                index=options.index(current) if current in options else 0,
                key=f"const_{file_id}_{column}",
            )
            value = "" if value == FROM_FILE else value
        else:
            value = slot.text_input(label, value=current, key=f"const_{file_id}_{column}")
            try:
                rule.one(value)
            except ValueError as exc:
                slot.error(f"Not used: {exc}")
                value = ""
        if value:
            draft.constants[column] = value
        else:
            draft.constants.pop(column, None)


def value_editors(first: Prepared, draft: ImportProfile, file_id: str) -> None:
    """The file's values that coded columns cannot read, each mapped once by the person."""
    model = model_for(first.table)
    mapping = map_headers([str(h) for h in first.raw.frame.columns], model, draft.columns)
    unread = unread_values(first.raw.frame, mapping, draft.values)
    if not unread:
        return
    st.markdown("**Values in the file's own wording**")
    st.caption(
        "These values are not among the ones the table accepts. Choose what each means (a "
        "suggestion is filled in where one is close); the choice is kept in the profile."
    )
    rules = coded_columns(first.table)
    for column, frame in unread.items():
        edited = st.data_editor(
            frame,
            key=f"values_{file_id}_{column}",
            hide_index=True,
            disabled=["value", "rows"],
            column_config={
                "value": st.column_config.TextColumn(f"{choice_label(column)} in the file"),
                "rows": st.column_config.NumberColumn("Rows", format="localized"),
                "means": st.column_config.SelectboxColumn(
                    "Means", options=list(rules[column].values), required=False
                ),
            },
        )
        chosen = {
            str(v): str(m)
            for v, m in zip(edited["value"], edited["means"], strict=True)
            if isinstance(m, str) and m
        }
        if chosen:
            draft.values.setdefault(column, {}).update(chosen)


def prepare_with(
    first: Prepared,
    upload,
    sheet: str | None,
    ctx: ImportContext,
    base: ImportProfile | None,
    draft: ImportProfile,
) -> Prepared | str:
    """The file read as the widgets now say; ``first`` itself when they changed nothing, so
    an upload is validated once, not twice."""
    unchanged = (
        draft.columns == (base.columns if base else {})
        and draft.constants == (base.constants if base else {})
        and draft.values == (base.values if base else {})
    )
    if unchanged:
        return first
    # validated again as a profile: the widgets changed its dictionaries in place
    return prepare(
        upload, first.table, sheet, ctx, ImportProfile.model_validate(draft.model_dump())
    )


def profile_actions(prepared: Prepared, file_id: str) -> None:
    """Save the way this file was read as a named profile; download or upload a profile."""
    with st.expander("Save this mapping as an import profile", expanded=False):
        st.caption(
            "A profile remembers how this file was read. The next file with the same columns is "
            "read with it by itself, here and with `mobility ingest` (or `--profile NAME`)."
        )
        profile = prepared.profile
        name = st.text_input(
            "Profile name",
            value=profile.name
            if profile and not profile.builtin and profile.name != "draft"
            else "",
            key=f"profile_name_{file_id}",
        )
        spec = ImportProfile(
            name=name.strip() or "unnamed",
            table=prepared.table,
            headers=[str(h) for h in prepared.raw.frame.columns],
            columns={
                h: prepared.mapping.target_of(h)
                for h in prepared.raw.frame.columns
                if h not in prepared.mapping.personal
                and (h in prepared.mapping.chosen or h in prepared.mapping.ignored)
            },
            constants=prepared.constants,
            values=prepared.values,
            description=profile.description if profile else "",
        )
        left, right = st.columns(2)
        if left.button("Save profile", key=f"save_profile_{file_id}", disabled=not name.strip()):
            _store_profile(lambda: spec, "Saved the import profile {name!r}.", "Profile not saved")
        right.download_button(
            "Download profile (JSON)",
            spec.to_json(),
            file_name=f"{spec.name}.profile.json",
            mime="application/json",
            key=f"download_profile_{file_id}",
        )
        shared = st.file_uploader(
            "Or add a profile someone shared (a .json file downloaded here or written by "
            "`mobility profiles --export`)",
            type=["json"],
            key=f"profile_upload_{file_id}",
        )
        if shared is not None and st.button("Add this profile", key=f"add_profile_{file_id}"):
            _store_profile(
                lambda: ImportProfile.from_json(shared.getvalue()),
                "Added the import profile {name!r}: choose it above.",
                "Profile not added",
            )


def _store_profile(make: Callable[[], ImportProfile], done: str, failed: str) -> None:
    """Store the profile ``make`` gives in the warehouse; say so, or say why not."""
    try:
        profile = make()
        manage.save_profile(queries.warehouse_path(), profile, auth.actor())
    except (*admin.write_errors(), ProfileRefused) as exc:
        st.error(f"{failed}: {exc}")
    else:
        admin.flash("success", done.format(name=profile.name))
        st.rerun()


def problem_table(frame: pd.DataFrame, key: str) -> None:
    st.dataframe(
        frame,
        hide_index=True,
        key=key,
        column_config={
            "row_number": st.column_config.NumberColumn("Row", format="%d"),
            "column_name": "Column",
            "value": "Value",
            "reason": st.column_config.TextColumn("Reason", width="large"),
        },
    )
