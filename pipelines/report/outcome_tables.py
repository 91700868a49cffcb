"""Tables of outcomes by faculty: recognition of credits, language outcomes, inclusion and
graduates with a mobility experience against the EU target.

One row per faculty of the report year and, for a whole-university report, a Total row; the
values are the ``kpi_values`` mart's numerators, denominators and values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from pipelines import metrics
from pipelines.report.inputs import Inputs
from pipelines.report.labels import NOT_SET, faculty_order
from pipelines.report.model import TOTAL, Chart, Table, finish_table


def _faculty_frame(inputs: Inputs, columns: Mapping[str, Callable[[str], object]]) -> pd.DataFrame:
    """One row per faculty of the report year (and a Total row for the whole university), or
    the one faculty or degree programme of the report."""
    if inputs.whole_university:
        b = inputs.bases
        present = set(b.loc[b["academic_year"] == inputs.year, "faculty"])
        keys = [*faculty_order(list(present)), "all"]
        if NOT_SET not in present:
            keys.remove(NOT_SET)
    else:
        keys = [inputs.scope_value]
    rows = [
        {inputs.row_heading: TOTAL if key == "all" else key}
        | {name: get(key) for name, get in columns.items()}
        for key in keys
    ]
    return pd.DataFrame(rows)


def _kpi_part(inputs: Inputs, kpi_id: str, part: str) -> Callable[[str], object]:
    k = inputs.kpis
    k = k[(k["academic_year"] == inputs.year) & (k["kpi_id"] == kpi_id)]
    k = k[k["dimension"].isin(("all", inputs.row_dimension))]
    values = {
        ("all" if d == "all" else v): x
        for d, v, x in zip(k["dimension"], k["dimension_value"], k[part], strict=True)
    }
    return lambda key: values.get(key, 0.0 if part == "numerator" else None)


def _base(inputs: Inputs, column: str) -> Callable[[str], object]:
    b = inputs.bases[inputs.bases["academic_year"] == inputs.year]
    # a programme's report has the programme's mobilities only: its one row is their sum
    per_faculty = b.groupby("faculty")[column].sum()
    if inputs.programme is not None:
        per_faculty = pd.Series({inputs.programme: per_faculty.sum()})
    return lambda key: int(per_faculty.sum() if key == "all" else per_faculty.get(key, 0))


def recognition(inputs: Inputs) -> Table:
    n_rec, n_succ = "Mobilities, recognition data", "Mobilities, achievement data"
    frame = _faculty_frame(
        inputs,
        {
            n_rec: _base(inputs, "recognition_base"),
            "ECTS planned": _kpi_part(inputs, "recognition_rate", "denominator"),
            "ECTS recognised": _kpi_part(inputs, "recognition_rate", "numerator"),
            "Recognition rate (%)": _kpi_part(inputs, "recognition_rate", "value"),
            n_succ: _base(inputs, "success_base"),
            "Credit success rate (%)": _kpi_part(inputs, "credit_success_rate", "value"),
        },
    )
    return finish_table(
        key="recognition",
        title="Recognition of credits",
        note=f"{metrics.get('recognition_rate').definition} "
        f"{metrics.get('credit_success_rate').definition} ECTS figures are shown only where "
        "the number of mobilities behind them is shown.",
        frame=frame,
        units={
            n_rec: "mobilities",
            "ECTS planned": "ECTS",
            "ECTS recognised": "ECTS",
            "Recognition rate (%)": "%",
            n_succ: "mobilities",
            "Credit success rate (%)": "%",
        },
        suppression=inputs.suppression,
        counts=(n_rec, n_succ),
        total_row=inputs.whole_university,
        derived={
            "ECTS planned": (n_rec,),
            "ECTS recognised": (n_rec,),
            "Recognition rate (%)": (n_rec,),
            "Credit success rate (%)": (n_succ,),
        },
    )


def language(inputs: Inputs) -> Table:
    assessed, improved = "Mobilities with CEFR before and after", "Improved by a level or more"
    frame = _faculty_frame(
        inputs,
        {
            assessed: _kpi_part(inputs, "language_improvement_share", "denominator"),
            improved: _kpi_part(inputs, "language_improvement_share", "numerator"),
            "Language improvement (%)": _kpi_part(inputs, "language_improvement_share", "value"),
        },
    )
    frame[[assessed, improved]] = frame[[assessed, improved]].fillna(0).astype("int64")
    return finish_table(
        key="language",
        title="Language outcomes",
        note=metrics.get("language_improvement_share").definition,
        frame=frame,
        units={assessed: "mobilities", improved: "mobilities", "Language improvement (%)": "%"},
        suppression=inputs.suppression,
        counts=(assessed, improved),
        total_row=inputs.whole_university,
        derived={"Language improvement (%)": (assessed, improved)},
    )


def inclusion(inputs: Inputs) -> Table:
    out, fewer = "Outbound student mobilities", "With fewer opportunities"
    needs = "With special needs support"
    target = metrics.get("fewer_opportunities_share").reference_target
    frame = _faculty_frame(
        inputs,
        {
            out: _kpi_part(inputs, "fewer_opportunities_share", "denominator"),
            fewer: _kpi_part(inputs, "fewer_opportunities_share", "numerator"),
            "Share (%)": _kpi_part(inputs, "fewer_opportunities_share", "value"),
            "EU target (%)": lambda _key: target,
            needs: _base(inputs, "special_needs"),
        },
    )
    frame[[out, fewer]] = frame[[out, fewer]].fillna(0).astype("int64")
    return finish_table(
        key="inclusion",
        title="Inclusion: participants with fewer opportunities",
        note=f"{metrics.get('fewer_opportunities_share').definition} Special needs: realised "
        "outbound student mobilities with special needs support. EU reference: "
        f"{target:.0f} % ({metrics.REFERENCE_INCLUSION}). {metrics.SOURCE_EU_INCLUSION}",
        frame=frame,
        units={
            out: "mobilities",
            fewer: "mobilities",
            "Share (%)": "%",
            "EU target (%)": "%",
            needs: "mobilities",
        },
        suppression=inputs.suppression,
        counts=(out, fewer, needs),
        total_row=inputs.whole_university,
        derived={"Share (%)": (out, fewer)},
    )


def graduates_share(inputs: Inputs) -> Table:
    kpi = metrics.get("graduates_mobility_share")
    students, graduates = "Students with credit mobility", "Graduates"
    frame = _faculty_frame(
        inputs,
        {
            students: _kpi_part(inputs, kpi.id, "numerator"),
            graduates: _kpi_part(inputs, kpi.id, "denominator"),
            "Share (%)": _kpi_part(inputs, kpi.id, "value"),
        },
    )
    frame = frame[frame[graduates].notna()].reset_index(drop=True)
    frame[students] = frame[students].fillna(0).astype("int64")
    frame["EU target (%)"] = kpi.reference_target
    frame["Gap to target (pp)"] = [
        None if v is None or v != v else v - kpi.reference_target for v in frame["Share (%)"]
    ]
    return finish_table(
        key="graduates_share",
        title="Graduates with a mobility experience against the EU target",
        note=f"{kpi.definition} EU target: at least {kpi.reference_target:.0f} % by 2030. "
        "Faculties without graduate headcounts are left out; the Total row is the whole "
        "university.",
        frame=frame,
        units={
            students: "people",
            graduates: "people",
            "Share (%)": "%",
            "EU target (%)": "%",
            "Gap to target (pp)": "pp",
        },
        suppression=inputs.suppression,
        counts=(students,),
        total_row=inputs.whole_university and (frame[inputs.row_heading] == TOTAL).any(),
        derived={"Share (%)": (students,), "Gap to target (pp)": (students,)},
        chart=Chart(
            "hbar",
            "Graduates with a mobility experience (%)",
            "%",
            category=inputs.row_heading,
            series=("Share (%)",),
            reference=kpi.reference_target,
            reference_label=f"EU target {kpi.reference_target:.0f} %",
        ),
    )
