"""Five-year trend tables: outbound and inbound realised mobilities by kind and academic year."""

from __future__ import annotations

import pandas as pd

from pipelines import metrics
from pipelines.report.inputs import Inputs
from pipelines.report.labels import COUNTED
from pipelines.report.model import Chart, Table, finish_table, with_total_row


def _trend_by_kind(inputs: Inputs, direction: str) -> Table:
    c = inputs.counts
    c = c[c["direction"] == direction]
    kinds = {k: v for k, v in metrics.KINDS.items() if k != "projects"}
    pivot = (
        c.pivot_table(
            index="kind", columns="academic_year", values="mobilities", aggfunc="sum", fill_value=0
        )
        if len(c)
        else pd.DataFrame()
    )
    frame = pd.DataFrame({"Kind of mobility": list(kinds.values())})
    for year in inputs.trend_years:
        column = pivot[year] if year in pivot.columns else pd.Series(dtype="int64")
        frame[year] = [int(column.get(k, 0)) for k in kinds]
    frame = with_total_row(frame, list(inputs.trend_years))
    name = "Outbound" if direction == "outbound" else "Inbound"
    return finish_table(
        key=f"trend_{direction}",
        title=f"Five-year trend: {name.lower()} mobilities by kind",
        note=f"{name} realised mobilities of students, staff and researchers by kind of "
        f"mobility and academic year. {COUNTED}",
        frame=frame,
        units=dict.fromkeys(inputs.trend_years, "mobilities"),
        suppression=inputs.suppression,
        counts=list(inputs.trend_years),
        total_row=True,
        chart=Chart(
            "line",
            f"{name} mobilities by kind, five years",
            "mobilities",
            category="Kind of mobility",
            series=tuple(inputs.trend_years),
        ),
    )


def trend_outbound(inputs: Inputs) -> Table:
    return _trend_by_kind(inputs, "outbound")


def trend_inbound(inputs: Inputs) -> Table:
    return _trend_by_kind(inputs, "inbound")
