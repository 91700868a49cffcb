"""Building blocks every page repeats: a chart or table with its KPI definitions and a CSV
download of exactly the data behind it, and the empty state of one block.

Kept apart from pages so that each page stays a list of 'query -> block' steps, and every
block on every page has the same caption and download (the issue's rule for all pages).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import charts, filters, formatting, queries
from dashboard.data import view_workbook
from pipelines import metrics


def definitions(kpi_ids: Sequence[str]) -> str:
    """The registry's definitions of these KPIs, as one caption text."""
    return " ".join(f"**{k.name}**: {k.definition}" for k in map(metrics.get, kpi_ids))


def caption(kpi_ids: Sequence[str], note: str = "", scope: str = "") -> None:
    parts = [definitions(kpi_ids)] if kpi_ids else []
    if note:
        parts.append(note)
    if scope:
        parts.append(f"Filters: {scope}.")
    st.caption(" ".join(parts))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "data"


VIEW_BLOCKS = "view_blocks"


def start_view() -> None:
    """Begin collecting the blocks a page shows (``download`` adds each), for the
    workbook of the whole view (``view_download``)."""
    st.session_state[VIEW_BLOCKS] = []


def view_download(title: str, scope: str) -> None:
    """Below a page: every chart's and table's data of the view in one XLSX workbook, one
    sheet per block and a first sheet naming the view and its filters."""
    blocks = list(st.session_state.get(VIEW_BLOCKS) or [])
    if not blocks:
        return
    institution = queries.institution_name()
    st.divider()
    st.download_button(
        "Download all the data of this view (XLSX, one sheet per chart or table)",
        # written when clicked, not on every run of the page
        lambda: view_workbook.workbook_bytes(title, scope, blocks, institution),
        file_name=f"{_slug(title)}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="download-view-xlsx",
        on_click="ignore",
        icon=":material/table_view:",
    )


def download(data: pd.DataFrame, name: str, scope: str = "") -> None:
    """A CSV of the aggregated data behind a block (never person-level rows), with the
    filters it follows (``scope``, ``formatting.download_frame``); the block is also kept
    for the workbook of the whole view."""
    frame = formatting.download_frame(data, scope)
    st.session_state.setdefault(VIEW_BLOCKS, []).append((name, frame))
    st.download_button(
        f"Download CSV ({len(data):,} rows)",
        formatting.csv_bytes(frame),
        file_name=f"{_slug(name)}.csv",
        mime="text/csv",
        key=f"download-{_slug(name)}",
        on_click="ignore",
        icon=":material/download:",
    )


def no_data(what: str) -> None:
    st.info(
        f"No {what} match the filters. Widen the filters in the sidebar, or import the data "
        "(see the Data contract page).",
        icon=":material/filter_alt_off:",
    )


def cells(count: int, per_row: int = 3) -> list:
    """Columns for ``count`` cards (metrics, buttons), at most ``per_row`` side by side, in
    as many rows as needed: five or six cards in one row cut their labels and values at
    1024 px ("Outboun…", "2,…")."""
    found: list = []
    for start in range(0, count, per_row):
        found.extend(st.columns(per_row)[: min(per_row, count - start)])
    return found


def not_applicable(what: str, why: str) -> None:
    """In place of a chart or figure that would mean nothing under the filters (a balance of
    one direction, an outbound rate among inbound mobilities): says so, rather than drawing
    a value that looks real."""
    st.info(f"{what}: not applicable, because {why}.", icon=":material/block:")


def chart(
    fig: go.Figure,
    data: pd.DataFrame,
    name: str,
    kpi_ids: Sequence[str] = (),
    note: str = "",
    scope: str = "",
) -> None:
    """A chart (``figure``), its caption (KPI definitions, what it counts, the filters) and
    its CSV."""
    figure(fig, name, data)
    caption(kpi_ids, note, scope)
    download(data, name, scope)


# rows of a chart's data shown as a table under it; the CSV has them all
CHART_TABLE_ROWS = 60


def figure(
    fig: go.Figure, name: str, data: pd.DataFrame | None = None, config: dict | None = None
) -> None:
    """Every chart of the dashboard is drawn here, accessible to all who read it: its text
    alternative (``charts.describe``: the title, the largest values or the trend) is the
    chart's accessible name, its text reaches 4.5:1 (``charts.readable``), contract codes
    are words (``charts.in_words``), and ``data``, the figures behind it, is a real table
    one click away ("Chart data as a table"). In the print view the chart is drawn at a
    fixed size that fits A4 landscape."""
    printing = filters.print_view()
    fig = charts.readable(charts.in_words(fig))
    st.plotly_chart(
        charts.for_print(fig) if printing else fig,
        config=config or charts.PLOTLY_CONFIG,
        key=f"chart-{_slug(name)}",
        width="content" if printing else "stretch",
        alt=charts.describe(fig),
    )
    if data is None or data.empty or printing:
        return
    with st.expander("Chart data as a table", icon=":material/table:"):
        shown = formatting.printable(formatting.in_words(data.head(CHART_TABLE_ROWS)))
        st.table(shown.rename(columns=formatting.heading), hide_index=True, border="horizontal")
        if len(data) > CHART_TABLE_ROWS:
            st.caption(f"The first {CHART_TABLE_ROWS} of {len(data):,} rows; the CSV has all.")


WHOLE_TABLE_ROWS = 25


def table(
    data: pd.DataFrame,
    name: str,
    kpi_ids: Sequence[str] = (),
    note: str = "",
    scope: str = "",
    column_config: dict | None = None,
    height: int | str | None = None,
    column_order: Sequence[str] | None = None,
) -> None:
    """A table with the same caption and CSV download as a chart.

    Height: by default a table of up to ``WHOLE_TABLE_ROWS`` rows is shown whole (Streamlit's
    own default shows ten and hides the rest in an inner scroll, where a reader misses them),
    a longer one in a box of that many rows. ``column_order``: the columns shown on screen,
    where a table has more than fit the page; the download keeps every column."""
    if filters.print_view():
        # a plain table prints whole, every row and column (a data grid is a picture of the
        # rows in view); the labels of column_config are kept
        shown = data[list(column_order)] if column_order else data
        printed = formatting.printable(formatting.in_words(shown))
        st.table(printed.rename(columns=_labels(column_config)), hide_index=True)
    else:
        if height is None:
            whole = len(data) <= WHOLE_TABLE_ROWS
            height = "content" if whole else 35 * (WHOLE_TABLE_ROWS + 1) + 3
        st.dataframe(
            formatting.in_words(data),
            hide_index=True,
            column_config=column_config,
            column_order=column_order,
            key=f"table-{_slug(name)}",
            height=height,
        )
    caption(kpi_ids, note, scope)
    download(data, name, scope)


def _labels(column_config: dict | None) -> dict[str, str]:
    """Column name -> the heading ``column_config`` gives it (a text or a column's label)."""
    labels = {}
    for column, config in (column_config or {}).items():
        if isinstance(config, str):
            labels[column] = config
        elif isinstance(config, dict) and config.get("label"):
            labels[column] = config["label"]
    return labels


def latest_table(data: pd.DataFrame, name: str, shown: int = 20) -> None:
    """The first ``shown`` rows (the newest, for a log) as a plain table whose cells wrap, so
    long text never makes it wider than the page, and every row as a CSV download."""
    st.table(data.head(shown), hide_index=True, border="horizontal")
    if len(data) > shown:
        st.caption(f"The latest {shown} of {len(data):,}; the download has them all.")
    download(data, name)


def count_column(label: str, help: str | None = None) -> st.column_config.NumberColumn:
    """A whole-number column with thousands separators."""
    return st.column_config.NumberColumn(label, help=help, format="localized")


def percent_column(label: str, help: str | None = None) -> st.column_config.NumberColumn:
    return st.column_config.NumberColumn(label, help=help, format="%.1f %%")


def euro_column(label: str, help: str | None = None) -> st.column_config.NumberColumn:
    return st.column_config.NumberColumn(label, help=help, format="euro")


def choice(label: str, options: dict[str, str], key: str, default: str | None = None) -> str:
    """A row of buttons choosing one of ``options`` (value -> label); never empty (a second
    click on the chosen button would otherwise deselect it)."""
    first = default or next(iter(options))
    chosen = st.segmented_control(
        label, list(options), default=first, format_func=options.get, key=key
    )
    return chosen or first
