"""Tables of KPI values: the headline indicators and their five-year trend, with each value's
suppression flag (:func:`kpi_flag`)."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from pipelines import metrics
from pipelines.report.inputs import Inputs
from pipelines.report.model import CONFIDENTIAL, PRIMARY, Chart, Table, finish_table

# KPIs whose numerator and denominator are not counts of people: the count they rest on.
KPI_BASES = {
    "recognition_rate": "recognition_base",
    "credit_success_rate": "success_base",
    "average_duration_days": "duration_base",
}


def _kpi_bases(inputs: Inputs) -> dict[str, dict[str, int]]:
    """Per academic year: the counts the ECTS rates and the average stay rest on."""
    bases = inputs.bases.groupby("academic_year")[["recognition_base", "success_base"]].sum()
    c = inputs.counts
    physical = c[
        (c["person_role"] == "student") & (c["direction"] == "outbound") & (c["mode"] == "physical")
    ]
    duration = physical.groupby("academic_year")["mobilities"].sum()
    return {
        year: {
            "recognition_base": int(bases["recognition_base"].get(year, 0)),
            "success_base": int(bases["success_base"].get(year, 0)),
            "duration_base": int(duration.get(year, 0)),
        }
        for year in inputs.trend_years
    }


def kpi_flag(
    kpi: metrics.Kpi,
    value: float | None,
    numerator: float | None,
    denominator: float | None,
    bases: Mapping[str, int],
    threshold: int,
) -> str:
    """Whether a KPI value may be shown: ``<`` small count, ``c`` rests on few people, ``""``."""

    def small(n: float | None) -> bool:
        return n is not None and not math.isnan(n) and 0 < n < threshold

    if value is None or math.isnan(value):
        return ""
    if kpi.unit in ("mobilities", "people"):
        if kpi.id == "net_flow":
            return ""
        return PRIMARY if small(value) else ""
    if kpi.id in KPI_BASES:
        return CONFIDENTIAL if small(bases.get(KPI_BASES[kpi.id])) else ""
    if kpi.unit == "%":
        hide = small(numerator) or (kpi.headcount_denominator is None and small(denominator))
        return CONFIDENTIAL if hide else ""
    return ""


def _kpi_cells(inputs: Inputs, kpi_ids: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Values and suppression flags of KPIs (rows) by academic year (columns)."""
    scoped = inputs.scoped_kpis().set_index(["kpi_id", "academic_year"])
    bases = _kpi_bases(inputs)
    values = pd.DataFrame(index=kpi_ids, columns=list(inputs.trend_years), dtype="object")
    flags = pd.DataFrame("", index=kpi_ids, columns=list(inputs.trend_years))
    for kpi_id in kpi_ids:
        kpi = metrics.get(kpi_id)
        for year in inputs.trend_years:
            if (kpi_id, year) not in scoped.index:
                continue
            row = scoped.loc[(kpi_id, year)]
            values.loc[kpi_id, year] = float(row["value"])
            if inputs.suppression.enabled:
                flags.loc[kpi_id, year] = kpi_flag(
                    kpi,
                    float(row["value"]),
                    _num(row["numerator"]),
                    _num(row["denominator"]),
                    bases[year],
                    inputs.suppression.threshold,
                )
    return values, flags


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


def _kpi_table(
    key: str,
    title: str,
    note: str,
    frame: pd.DataFrame,
    flags: pd.DataFrame,
    units: list[str],
    inputs: Inputs,
    chart: Chart | None = None,
) -> Table:
    return finish_table(
        key=key,
        title=title,
        note=note,
        frame=frame,
        units={},
        suppression=inputs.suppression,
        chart=chart,
        preset=flags.reset_index(drop=True),
        row_units=tuple(units),
    )


def headline_kpis(inputs: Inputs) -> Table:
    ids = [k.id for k in metrics.KPIS if k.headline]
    values, flags = _kpi_cells(inputs, ids)
    year = inputs.year
    previous = inputs.trend_years[-2] if len(inputs.trend_years) > 1 else None
    frame = pd.DataFrame(
        {
            "Indicator": [metrics.get(i).name for i in ids],
            year: values[year].to_numpy(),
            f"{previous or 'Previous year'}": (
                values[previous].to_numpy() if previous else [None] * len(ids)
            ),
        }
    )
    prev_column = frame.columns[2]
    change = []
    for cur, prev in zip(frame[year], frame[prev_column], strict=True):
        change.append(
            None
            if cur is None or prev is None or pd.isna(cur) or pd.isna(prev)
            else float(cur) - float(prev)
        )
    frame["Change"] = change
    frame["Unit"] = [metrics.get(i).unit for i in ids]
    frame["Definition"] = [metrics.get(i).definition for i in ids]
    cell_flags = pd.DataFrame(
        {
            year: flags[year].to_numpy(),
            prev_column: flags[previous].to_numpy() if previous else [""] * len(ids),
        }
    )
    cell_flags["Change"] = [
        CONFIDENTIAL if a or b else ""
        for a, b in zip(cell_flags[year], cell_flags[prev_column], strict=True)
    ]
    return _kpi_table(
        "headline",
        "Headline indicators",
        f"The registry's headline KPIs for {inputs.year} and the year before; change in the "
        "KPI's unit (percentage points for rates). Definitions in the appendix.",
        frame,
        cell_flags,
        [metrics.get(i).unit for i in ids],
        inputs,
    )


def trend_kpis(inputs: Inputs) -> Table:
    ids = [k.id for k in metrics.KPIS if k.headline]
    values, flags = _kpi_cells(inputs, ids)
    frame = pd.DataFrame(
        {"Indicator": [f"{metrics.get(i).name} ({metrics.get(i).unit})" for i in ids]}
    )
    for year in inputs.trend_years:
        frame[year] = values[year].to_numpy()
    return _kpi_table(
        "trend_kpis",
        "Five-year trend of the headline indicators",
        "Headline KPIs in the report year and the four years before it (where the warehouse "
        "has data).",
        frame,
        flags.reset_index(drop=True),
        [metrics.get(i).unit for i in ids],
        inputs,
    )
