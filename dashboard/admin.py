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

from dashboard import auth, filters, queries
from dashboard.queries import data_quality as data_quality_queries
from dashboard.queries import imports as imports_queries
from pipelines import manage
from pipelines.contract.reference import NOT_SET
from pipelines.partners import matching as partner_matching
from pipelines.partners.mapping import MappingRefused, PartnerMapping
from pipelines.roles import Actor, NotAllowed, Role
from pipelines.transform.build import BuildFailed
from pipelines.warehouse import SETTING_KEYS

_FLASH = "_flash_messages"
NEW_PARTNER = "(new partner)"


# what the partner-mapping editor shows of each unknown partner, in this order
SUGGESTION_COLUMNS = (
    "partner_name",
    "partner_country",
    "mobilities",
    "suggested_partner_name",
    "score",
    "suggestion_source",
)


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


def settings_form(keys: tuple[str, ...], form_key: str, saved: str) -> None:
    """The settings ``keys`` as a form an admin saves (then the marts are rebuilt); for
    anyone else the same values as a read-only list. ``saved``: the message after saving."""
    current = imports_queries.settings()
    actor = auth.actor()
    if actor.role < Role.ADMIN:
        for key in keys:
            setting = SETTING_KEYS[key]
            st.markdown(f"**{setting.label}:** {current.get(key) or NOT_SET}")
        st.caption("An admin changes these on the Settings page.")
        return
    with st.form(form_key):
        values = {
            key: st.text_input(
                SETTING_KEYS[key].label,
                value=current.get(key, ""),
                help=SETTING_KEYS[key].description,
                key=f"{form_key}_{key}",
            )
            for key in keys
        }
        if st.form_submit_button("Save"):
            progress = progress_bar("Saving and rebuilding")
            try:
                changed = manage.save_settings(queries.warehouse_path(), values, actor, progress)
            except (*write_errors(), KeyError, ValueError) as exc:
                message = str(exc).strip("'\"")
                for key in keys:  # the setting's name as the form shows it
                    message = message.replace(key, SETTING_KEYS[key].label)
                st.error(f"Not saved: {message}")
            else:
                flash("success", saved if changed else "Nothing changed.")
                after_write()


def program_updated(actor: Actor) -> None:
    """Instead of a page whose figures a newer program may not read: say so, and let someone
    who may rebuild do it here (anyone else is told whom to ask)."""
    st.title("Mobility Atlas was updated")
    st.info(
        "The figures were built by an earlier version of Mobility Atlas and must be rebuilt "
        "once before the pages can show them. This takes a few seconds to a few minutes; the "
        "data itself is unchanged.",
        icon=":material/update:",
    )
    if actor.role < Role.DATA_MANAGER:
        st.write(f"Ask {auth.access_rules().contact} to rebuild them (or to import data).")
        return
    if st.button("Rebuild the figures now", type="primary", key="rebuild"):
        try:
            manage.rebuild(queries.warehouse_path(), actor, progress_bar("Rebuilding"))
        except write_errors() as exc:
            st.error(f"Not rebuilt: {exc}")
        else:
            after_write()


def write_errors() -> tuple[type[Exception], ...]:
    """Exceptions of a write action that are a message for the person, not a traceback."""
    return (manage.WarehouseBusy, BuildFailed, MappingRefused, NotAllowed)


SOURCE_LABELS = {
    partner_matching.AGREEMENT: "partner with an agreement",
    partner_matching.CONFIRMED: "confirmed partner",
    partner_matching.EC_LIST: "EC institution list",
}


def _save_mappings(chosen: list[PartnerMapping], what: str) -> None:
    """Store ``chosen`` and rebuild (one transaction), then tell the person and rerun."""
    try:
        with st.spinner("Saving mappings and updating the dashboards …"):
            saved = manage.map_partners(queries.warehouse_path(), chosen, auth.actor())
    except write_errors() as exc:
        st.error(f"Mappings not saved: {exc}")
        return
    flash("success", f"Saved {saved:,} partner mapping(s){what}; the dashboards use them now.")
    after_write()


def _choice_labels(
    frame: pd.DataFrame, key: str, name: str, country: str, source: str
) -> dict[str, str]:
    """Partner key -> "name (country) · where it is known from", for the Map to choices."""
    return {
        k: f"{n} ({c}) · {SOURCE_LABELS.get(s, s)}"
        for k, n, c, s in zip(frame[key], frame[name], frame[country], frame[source], strict=True)
    }


def partner_mapping_editor(unknown: pd.DataFrame, key: str) -> None:
    """Map unknown partners (rows of ``data_quality_queries.unknown_partners`` or
    ``imports_queries.import_unknown_partners``, with their suggestions) to known ones.

    Each row shows its suggestion (``pipelines.partners.matching``) with its match score and
    where it comes from, and a "map to" cell filled in with it: a known partner, an
    institution of the EC list, or "(new partner)" to confirm it as it is. Saving stores the
    table's choices; "Accept all suggestions scoring at least N %" stores every suggestion at
    or above N in one go. Either rebuilds once; later imports are mapped automatically.
    """
    if unknown.empty:
        st.success("Every partner is known: nothing to map.")
        return
    own = unknown["suggested_partner_key"] == unknown["partner_key"]
    countries = sorted(unknown["partner_country"].dropna().unique().tolist())
    choices = data_quality_queries.mapping_choices(countries)
    labels = _choice_labels(choices, "partner_key", "partner_name", "partner_country", "source")
    suggested = unknown[unknown["suggested_partner_key"].notna() & ~own]
    for k, label in _choice_labels(
        suggested,
        "suggested_partner_key",
        "suggested_partner_name",
        "suggested_partner_country",
        "suggestion_source",
    ).items():
        labels.setdefault(k, label)
    # only a sure suggestion is filled in: pressing Save must not map a doubtful one unseen
    sure = unknown["score"].ge(partner_matching.ACCEPT_ALL_DEFAULT).fillna(False).astype(bool)
    prefill = unknown["suggested_partner_key"].where(sure, None).where(~own, NEW_PARTNER)
    frame = unknown[["partner_key", *SUGGESTION_COLUMNS]].assign(
        suggestion_source=unknown["suggestion_source"].map(SOURCE_LABELS).astype("object"),
        map_to=prefill.astype("object").where(prefill.notna(), None),
    )
    st.caption(
        "Each partner comes with a suggestion: the known partner or the institution of the EC "
        "list whose name is most alike (in the same country), or whose code is the same, with "
        "a match score. **Map to** is filled in with the suggestions scoring at least "
        f"{partner_matching.ACCEPT_ALL_DEFAULT} %: change or clear them, choose the others, or "
        f"choose {NEW_PARTNER} to confirm a partner as it is, then save."
    )
    edited = st.data_editor(
        frame,
        key=key,
        hide_index=True,
        column_order=[*SUGGESTION_COLUMNS, "map_to", "partner_key"],
        disabled=[c for c in frame.columns if c != "map_to"],
        column_config={
            "partner_key": st.column_config.TextColumn("Found as (key)"),
            "partner_name": st.column_config.TextColumn("Name in the data"),
            "partner_country": st.column_config.TextColumn("Country"),
            "mobilities": st.column_config.NumberColumn("Mobilities", format="localized"),
            "suggested_partner_name": st.column_config.TextColumn(
                "Suggestion",
                help="The known partner or EC-listed institution this one most likely is",
            ),
            "score": st.column_config.NumberColumn(
                "Match score",
                format="%d %%",
                help="How alike the names are, ignoring case, accents, punctuation and word "
                "order; 100 % when the Erasmus or SCHAC code is the same",
            ),
            "suggestion_source": st.column_config.TextColumn(
                "Suggested from",
                help="A partner with an agreement, a partner confirmed earlier, or the EC list "
                "of Erasmus institutions (mapping to it makes it a confirmed partner)",
            ),
            "map_to": st.column_config.SelectboxColumn(
                "Map to",
                width="large",
                options=[NEW_PARTNER, *labels],
                format_func=lambda k: labels.get(k, k),
                help="A known partner or an institution of the EC list, or (new partner) to "
                "confirm it as a partner of its own",
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
        _save_mappings(chosen, "")
        return

    st.markdown("**Accept the best suggestions in one go**")
    left, right = st.columns([2, 3], vertical_alignment="bottom")
    at_least = left.number_input(
        "Accept all suggestions scoring at least (%)",
        min_value=partner_matching.MIN_SCORE,
        max_value=100,
        value=partner_matching.ACCEPT_ALL_DEFAULT,
        step=1,
        key=f"{key}_at_least",
        help="Every partner listed above whose suggestion has at least this match score is "
        "mapped to it, whatever Map to says; the others stay for you to decide.",
    )
    bulk = partner_matching.accepted(unknown, at_least)
    if right.button(
        f"Accept all suggestions scoring at least {at_least} % ({len(bulk):,})",
        key=f"{key}_accept_all",
        disabled=not bulk,
    ):
        _save_mappings(bulk, f" (every suggestion scoring at least {at_least} %)")


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
                manage.map_partners(queries.warehouse_path(), [], auth.actor(), remove=list(forget))
        except write_errors() as exc:
            st.error(f"Mappings not changed: {exc}")
            return
        flash("success", f"Forgot {len(forget):,} partner mapping(s).")
        after_write()
