"""Widgets of the data-management pages (Targets, Data quality, Import data): their start,
messages that survive a rerun, a progress bar for pipeline callbacks, the partner-mapping
editor. The blocks every page shares (tables, downloads) are in ``dashboard/components.py``.

Kept out of the pages so they stay thin and so the Import and Data quality pages map
partners with the same code. Writes go through ``pipelines.manage``.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import filters, queries
from pipelines import manage
from pipelines.build import BuildFailed
from pipelines.partner_mapping import MappingRefused, PartnerMapping

_FLASH = "_flash_messages"
NEW_PARTNER = "(new partner)"


def flash(kind: str, text: str) -> None:
    """Show ``text`` (``success``, ``info``, ``warning`` or ``error``) after the next rerun."""
    st.session_state.setdefault(_FLASH, []).append((kind, text))


def show_flashes() -> None:
    """Show and forget the messages left by the previous run."""
    for kind, text in st.session_state.pop(_FLASH, []):
        getattr(st, kind)(text)


def page_start(title: str, about: str) -> None:
    """Title, what the page is for, messages left by the last write, and the empty state."""
    st.title(title)
    st.caption(about)
    show_flashes()
    if not queries.has_data():
        filters.empty_warehouse()
        st.stop()


def after_write() -> None:
    """New numbers everywhere: forget every cached query and run the page again."""
    st.cache_data.clear()
    st.rerun()


def progress_bar(text: str) -> Callable[[int, int, str], None]:
    """A pipeline progress callback drawing a Streamlit progress bar."""
    bar = st.progress(0.0, text=text)

    def update(done: int, total: int, stage: str) -> None:
        bar.progress(min(done / max(total, 1), 1.0), text=f"{text}: {stage}")

    return update


def write_errors() -> tuple[type[Exception], ...]:
    """Exceptions of a write action that are a message for the person, not a traceback."""
    return (manage.WarehouseBusy, BuildFailed, MappingRefused)


def partner_mapping_editor(unknown: pd.DataFrame, key: str) -> None:
    """Map unknown partners (rows of ``data_quality_unknown_partners``) to known ones.

    Each row gets a "map to" cell: a known partner, or "(new partner)" to confirm it as it
    is. Saving stores the mappings and rebuilds; later imports are mapped automatically.
    """
    if unknown.empty:
        st.success("Every partner is known: nothing to map.")
        return
    known = queries.known_partners()
    labels = {
        k: f"{name} ({country}) · {k}"
        for k, name, country in zip(
            known["partner_key"], known["partner_name"], known["partner_country"], strict=True
        )
    }
    frame = unknown[
        [
            "partner_key",
            "partner_name",
            "partner_country",
            "mobilities",
            "suggested_partner_name",
        ]
    ].assign(map_to=pd.Series([None] * len(unknown), index=unknown.index, dtype="object"))
    options = [NEW_PARTNER, *labels]
    edited = st.data_editor(
        frame,
        key=key,
        hide_index=True,
        column_order=[
            "partner_name",
            "partner_country",
            "mobilities",
            "suggested_partner_name",
            "map_to",
            "partner_key",
        ],
        disabled=[c for c in frame.columns if c != "map_to"],
        column_config={
            "partner_key": st.column_config.TextColumn("Found as (key)"),
            "partner_name": st.column_config.TextColumn("Name in the data"),
            "partner_country": st.column_config.TextColumn("Country"),
            "mobilities": st.column_config.NumberColumn("Mobilities", format="localized"),
            "suggested_partner_name": st.column_config.TextColumn(
                "Suggestion", help="Known partner of the same country with the most alike name"
            ),
            "map_to": st.column_config.SelectboxColumn(
                "Map to",
                width="large",
                options=options,
                format_func=lambda k: labels.get(k, k),
                help="A known partner, or (new partner) to confirm it as a partner of its own",
            ),
        },
    )
    chosen = [
        PartnerMapping(source, source if target == NEW_PARTNER else target)
        for source, target in zip(edited["partner_key"], edited["map_to"], strict=True)
        if isinstance(target, str) and target
    ]
    if st.button(
        f"Save {len(chosen):,} mapping(s)", key=f"{key}_save", disabled=not chosen, type="primary"
    ):
        try:
            with st.spinner("Saving mappings and rebuilding the marts …"):
                saved = manage.map_partners(queries.warehouse_path(), chosen)
        except write_errors() as exc:
            st.error(f"Mappings not saved: {exc}")
            return
        flash("success", f"Saved {saved:,} partner mapping(s); the dashboards use them now.")
        after_write()


def stored_mappings(mappings: pd.DataFrame, key: str) -> None:
    """The stored partner mappings, and a way to forget some (the data keeps its own keys)."""
    if mappings.empty:
        return
    st.markdown("**Stored mappings**")
    st.dataframe(
        mappings,
        hide_index=True,
        column_config={
            "source_key": "Found as (key)",
            "mapped_to": "Mapped to",
            "partner_key": "Partner key",
            "new_partner": st.column_config.CheckboxColumn("New partner"),
            "mapped_at": st.column_config.DatetimeColumn("Mapped (UTC)", format="YYYY-MM-DD"),
        },
    )
    forget = st.multiselect("Forget mappings", mappings["source_key"], key=f"{key}_forget")
    if st.button("Forget", key=f"{key}_forget_button", disabled=not forget):
        try:
            with st.spinner("Forgetting mappings and rebuilding the marts …"):
                manage.map_partners(queries.warehouse_path(), [], remove=list(forget))
        except write_errors() as exc:
            st.error(f"Mappings not changed: {exc}")
            return
        flash("success", f"Forgot {len(forget):,} partner mapping(s).")
        after_write()
