"""The standard tables of the accreditation report, built from the marts' aggregates.

Every builder takes the query results of one report (:class:`Inputs`) and returns finished
:class:`~pipelines.report.model.Table` objects, suppressed according to the report's mode.
Counts are *realised mobilities* (status ongoing or completed, by academic year of start), as
in the KPI registry: one person moving twice counts twice. KPI values and their definitions
come from the ``kpi_values`` mart and ``pipelines.metrics``; nothing here redefines a KPI.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from pipelines import metrics, reference
from pipelines.report.model import (
    CONFIDENTIAL,
    PRIMARY,
    TOTAL,
    Chart,
    Suppression,
    Table,
    finish_table,
    with_total_row,
)

OUT, IN, BOTH = "Outbound", "Inbound", "Total"
DIRECTION_COLUMNS = (OUT, IN, BOTH)
NOT_SET = "(not set)"
LEVELS = {level: reference.level_label(level) for level in reference.EQF_LEVELS}
STAFF_ACTIVITIES = {
    "teaching": "Teaching (STA)",
    "training": "Training (STT)",
    "research": "Research visit",
    "conference": "Conference",
}
HOST_TYPES = {
    "higher_education": "Higher education institution",
    "enterprise": "Enterprise",
    "public_body": "Public body",
    "ngo": "Non-governmental organisation",
    "research_institute": "Research institute",
    "other": "Other",
}
ROLES = {"student": "students", "staff": "staff", "researcher": "researchers"}
# KPIs whose denominator is a headcount (enrolled students, graduates, academic staff): a
# large population, so only their numerator can be small.
HEADCOUNT_DENOMINATORS = frozenset(
    {
        "outbound_mobility_ratio",
        "inbound_mobility_rate",
        "graduates_mobility_share",
        "staff_mobility_rate",
    }
)
# KPIs whose numerator and denominator are not counts of people: the count they rest on.
KPI_BASES = {
    "recognition_rate": "recognition_base",
    "credit_success_rate": "success_base",
    "average_duration_days": "duration_base",
}
COUNTED = "Counts are realised mobilities (ongoing or completed) starting in the academic year."


@dataclass(frozen=True)
class Inputs:
    """The query results one report is built from."""

    year: str
    year_start: int
    faculty: str | None
    trend_years: tuple[str, ...]  # the report year and up to four before it, oldest first
    counts: pd.DataFrame  # mobility_counts.sql over the trend years
    bases: pd.DataFrame  # outcome_bases.sql over the trend years
    kpis: pd.DataFrame  # kpi_values.sql over the trend years
    agreements: pd.DataFrame
    projects: pd.DataFrame
    suppression: Suppression

    @property
    def year_counts(self) -> pd.DataFrame:
        return self.counts[self.counts["academic_year"] == self.year]

    def scoped_kpis(self) -> pd.DataFrame:
        """KPI values of the report's scope: the whole university, or the chosen faculty."""
        k = self.kpis
        if self.faculty is None:
            return k[k["dimension"] == "all"]
        return k[(k["dimension"] == "faculty") & (k["dimension_value"] == self.faculty)]

    def faculty_kpis(self, kpi_id: str) -> pd.DataFrame:
        """One KPI of the report year per faculty (only the chosen one in a faculty report)."""
        k = self.kpis
        rows = k[(k["academic_year"] == self.year) & (k["kpi_id"] == kpi_id)]
        rows = rows[rows["dimension"] == "faculty"]
        if self.faculty is not None:
            rows = rows[rows["dimension_value"] == self.faculty]
        return rows


def build_tables(inputs: Inputs) -> tuple[Table, ...]:
    """All standard tables, in the order the report shows them."""
    builders: tuple[Callable[[Inputs], Table], ...] = (
        headline_kpis,
        students_by_country,
        students_by_kind,
        students_by_level,
        students_by_faculty,
        staff_by_type,
        dual_degrees,
        online_blended,
        internships,
        projects,
        agreements,
        recognition,
        language,
        inclusion,
        graduates_share,
        trend_kpis,
        trend_outbound,
        trend_inbound,
    )
    return tuple(build(inputs) for build in builders)


# --- counts by direction -------------------------------------------------------------------


def _by_direction(
    rows: pd.DataFrame,
    by: str,
    label: Callable[[object], str],
    order: Mapping[str, int] | None = None,
) -> pd.DataFrame:
    """Outbound, inbound and total counts per value of ``by``; largest first unless ordered."""
    if rows.empty:
        frame = pd.DataFrame({"label": pd.Series(dtype="object")})
        frame[OUT] = pd.Series(dtype="int64")
        frame[IN] = pd.Series(dtype="int64")
    else:
        keyed = rows.assign(label=rows[by].map(label))
        pivot = keyed.pivot_table(
            index="label", columns="direction", values="mobilities", aggfunc="sum", fill_value=0
        )
        frame = pd.DataFrame(
            {
                "label": pivot.index.astype(str),
                OUT: pivot.get("outbound", pd.Series(0, index=pivot.index)).to_numpy(),
                IN: pivot.get("inbound", pd.Series(0, index=pivot.index)).to_numpy(),
            }
        )
    frame[BOTH] = frame[OUT] + frame[IN]
    if order is not None:
        frame["_order"] = frame["label"].map(lambda v: order.get(v, len(order)))
        frame = frame.sort_values(["_order", "label"]).drop(columns="_order")
    else:
        frame = frame.sort_values([BOTH, "label"], ascending=[False, True])
    return frame.astype({OUT: "int64", IN: "int64", BOTH: "int64"})


def _direction_table(
    inputs: Inputs,
    rows: pd.DataFrame,
    by: str,
    label: Callable[[object], str],
    header: str,
    key: str,
    title: str,
    note: str,
    order: Mapping[str, int] | None = None,
    chart: Chart | None = None,
) -> Table:
    frame = _by_direction(rows, by, label, order).rename(columns={"label": header})
    frame = with_total_row(frame, DIRECTION_COLUMNS)
    return finish_table(
        key=key,
        title=title,
        note=f"{note} {COUNTED}",
        frame=frame,
        units=dict.fromkeys(DIRECTION_COLUMNS, "mobilities"),
        suppression=inputs.suppression,
        counts=DIRECTION_COLUMNS,
        row_total=BOTH,
        total_row=True,
        chart=chart,
    )


def _country(inputs: Inputs) -> Callable[[object], str]:
    c = inputs.counts
    names = dict(zip(c["partner_country"], c["partner_country_name"], strict=True))
    return lambda code: f"{names.get(code) or code} ({code})"


def _students(inputs: Inputs) -> pd.DataFrame:
    rows = inputs.year_counts
    return rows[rows["person_role"] == "student"]


def _plain_label(value: object) -> str:
    return (
        NOT_SET if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    )


def _level(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NOT_SET
    return reference.level_label(int(value))  # type: ignore[call-overload]


def _faculty_order(labels: list[str]) -> dict[str, int]:
    ordered = [*sorted(v for v in labels if v != NOT_SET), NOT_SET]
    return {v: i for i, v in enumerate(ordered)}


def students_by_country(inputs: Inputs) -> Table:
    return _direction_table(
        inputs,
        _students(inputs),
        "partner_country",
        _country(inputs),
        "Partner country",
        "students_by_country",
        "Student mobility by partner country",
        "Students of the university abroad (outbound) and partner students hosted (inbound), "
        "all kinds of student mobility, by the partner's country.",
        chart=Chart(
            "hbar",
            "Student mobility: the ten largest partner countries",
            "mobilities",
            category="Partner country",
            series=(OUT, IN),
            top=10,
        ),
    )


def students_by_kind(inputs: Inputs) -> Table:
    order = {name: i for i, name in enumerate(metrics.KINDS.values())}
    return _direction_table(
        inputs,
        _students(inputs),
        "kind",
        lambda k: metrics.KINDS.get(str(k), str(k)),
        "Kind of mobility",
        "students_by_kind",
        "Student mobility by kind of mobility",
        "Student mobilities by the kinds of mobility of the KPI registry (exchange, dual "
        "degree, online and blended, internship).",
        order=order,
        chart=Chart(
            "bar",
            "Student mobility by kind",
            "mobilities",
            category="Kind of mobility",
            series=(OUT, IN),
        ),
    )


def students_by_level(inputs: Inputs) -> Table:
    order = {name: i for i, name in enumerate([*LEVELS.values(), NOT_SET])}
    return _direction_table(
        inputs,
        _students(inputs),
        "study_level",
        _level,
        "Study level",
        "students_by_level",
        "Student mobility by study level",
        "Student mobilities by the EQF level of the student's programme.",
        order=order,
    )


def students_by_faculty(inputs: Inputs) -> Table:
    rows = _students(inputs)
    return _direction_table(
        inputs,
        rows,
        "faculty",
        _plain_label,
        "Faculty",
        "students_by_faculty",
        "Student mobility by faculty",
        "Student mobilities by own faculty (home faculty of outbound, host faculty of "
        "inbound students).",
        order=_faculty_order(rows["faculty"].dropna().unique().tolist()),
    )


def staff_by_type(inputs: Inputs) -> Table:
    rows = inputs.year_counts
    rows = rows[rows["kind"] == "staff_research"]
    order = {name: i for i, name in enumerate(STAFF_ACTIVITIES.values())}
    return _direction_table(
        inputs,
        rows,
        "activity",
        lambda a: STAFF_ACTIVITIES.get(str(a), str(a).replace("_", " ").capitalize()),
        "Type of mobility",
        "staff_by_type",
        "Staff and researcher mobility by type",
        f"{metrics.get('staff_mobility_outbound').definition} Inbound: "
        f"{metrics.get('staff_mobility_inbound').definition[8:]}",
        order=order,
    )


def dual_degrees(inputs: Inputs) -> Table:
    rows = inputs.year_counts
    return _direction_table(
        inputs,
        rows[rows["kind"] == "dual_degree"],
        "partner_country",
        _country(inputs),
        "Partner country",
        "dual_degrees",
        "Dual and joint degrees by partner country",
        "Realised dual and joint degree mobilities (both directions) by the partner's country; "
        f"the KPI '{metrics.get('dual_degree_students').name}' counts distinct students.",
    )


def online_blended(inputs: Inputs) -> Table:
    rows = inputs.year_counts
    rows = rows[rows["kind"] == "online"]
    rows = rows.assign(group=rows["mode"].str.capitalize() + " · " + rows["person_role"].map(ROLES))
    return _direction_table(
        inputs,
        rows,
        "group",
        str,
        "Mode · participants",
        "online_blended",
        "Online and blended mobility",
        metrics.get("online_mobilities").definition,
    )


def internships(inputs: Inputs) -> Table:
    rows = inputs.year_counts
    order = {name: i for i, name in enumerate([*HOST_TYPES.values(), NOT_SET])}
    return _direction_table(
        inputs,
        rows[rows["kind"] == "internship"],
        "host_type",
        lambda h: NOT_SET if h is None or h != h else HOST_TYPES.get(str(h), str(h)),
        "Host organisation",
        "internships",
        "Internships and placements by host organisation",
        "Realised physical traineeships and placements (outbound: our students abroad; "
        "inbound: trainees hosted) by the kind of host organisation.",
        order=order,
    )


# --- projects and agreements ----------------------------------------------------------------


def projects(inputs: Inputs) -> Table:
    p = inputs.projects.sort_values(["programme", "role"])
    frame = pd.DataFrame(
        {
            "Programme": p["programme"].to_numpy(),
            "Our role": p["role"].str.capitalize().to_numpy(),
            "Projects running": p["projects"].astype("int64").to_numpy(),
            "Starting this year": p["starting"].astype("int64").to_numpy(),
            "Budget total (EUR)": p["budget_total"].astype(float).to_numpy(),
            "Own share (EUR)": p["budget_own_share"].astype(float).to_numpy(),
        }
    )
    frame = with_total_row(
        frame,
        ["Projects running", "Starting this year", "Budget total (EUR)", "Own share (EUR)"],
    )
    return finish_table(
        key="projects",
        title="International projects and grants",
        note=f"{metrics.get('projects_active').definition} Budgets are whole-project budgets "
        "and the university's own share, in EUR. Projects are not people: no suppression.",
        frame=frame,
        units={
            "Projects running": "projects",
            "Starting this year": "projects",
            "Budget total (EUR)": "EUR",
            "Own share (EUR)": "EUR",
        },
        suppression=inputs.suppression,
    )


def agreements(inputs: Inputs) -> Table:
    a = inputs.agreements.sort_values(["agreements", "partner_country"], ascending=[False, True])
    frame = pd.DataFrame(
        {
            "Partner country": [
                f"{n} ({c})"
                for n, c in zip(a["partner_country_name"], a["partner_country"], strict=True)
            ],
            "Agreements": a["agreements"].astype("int64").to_numpy(),
            "Places out": a["places_outbound"].astype("int64").to_numpy(),
            "Places in": a["places_inbound"].astype("int64").to_numpy(),
            "Realised out": a["realised_outbound"].astype("int64").to_numpy(),
            "Realised in": a["realised_inbound"].astype("int64").to_numpy(),
            "Dormant": a["dormant"].astype("int64").to_numpy(),
        }
    )
    frame = with_total_row(frame, list(frame.columns[1:]))
    places = frame["Places out"] + frame["Places in"]
    realised = frame["Realised out"] + frame["Realised in"]
    frame.insert(6, "Utilisation (%)", [_pct(r, p) for r, p in zip(realised, places, strict=True)])
    return finish_table(
        key="agreements",
        title="Partner agreements and their utilisation",
        note=f"Agreements valid in the academic year, by partner country. "
        f"{metrics.get('agreement_utilisation').definition} "
        f"{metrics.get('dormant_agreements').definition}",
        frame=frame,
        units={
            "Agreements": "agreements",
            "Places out": "places",
            "Places in": "places",
            "Realised out": "mobilities",
            "Realised in": "mobilities",
            "Utilisation (%)": "%",
            "Dormant": "agreements",
        },
        suppression=inputs.suppression,
        counts=("Realised out", "Realised in"),
        total_row=True,
        derived={"Utilisation (%)": ("Realised out", "Realised in")},
    )


# --- outcomes by faculty --------------------------------------------------------------------


def _faculty_frame(inputs: Inputs, columns: Mapping[str, Callable[[str], object]]) -> pd.DataFrame:
    """One row per faculty of the report year (and a Total row for the whole university)."""
    if inputs.faculty is None:
        b = inputs.bases
        present = set(b.loc[b["academic_year"] == inputs.year, "faculty"])
        keys = [*_faculty_order(list(present)), "all"]
        if NOT_SET not in present:
            keys.remove(NOT_SET)
    else:
        keys = [inputs.faculty]
    rows = [
        {"Faculty": TOTAL if key == "all" else key}
        | {name: get(key) for name, get in columns.items()}
        for key in keys
    ]
    return pd.DataFrame(rows)


def _kpi_part(inputs: Inputs, kpi_id: str, part: str) -> Callable[[str], object]:
    k = inputs.kpis
    k = k[(k["academic_year"] == inputs.year) & (k["kpi_id"] == kpi_id)]
    values = {
        ("all" if d == "all" else v): x
        for d, v, x in zip(k["dimension"], k["dimension_value"], k[part], strict=True)
    }
    return lambda key: values.get(key, 0.0 if part == "numerator" else None)


def _base(inputs: Inputs, column: str) -> Callable[[str], object]:
    b = inputs.bases[inputs.bases["academic_year"] == inputs.year]
    per_faculty = b.groupby("faculty")[column].sum()
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
        total_row=inputs.faculty is None,
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
        total_row=inputs.faculty is None,
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
        "outbound student mobilities with special needs support. EU target: at least "
        f"{target:.0f} % of participants with fewer opportunities by 2027.",
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
        total_row=inputs.faculty is None,
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
        total_row=inputs.faculty is None and (frame["Faculty"] == TOTAL).any(),
        derived={"Share (%)": (students,), "Gap to target (pp)": (students,)},
        chart=Chart(
            "hbar",
            "Graduates with a mobility experience (%)",
            "%",
            category="Faculty",
            series=("Share (%)",),
            reference=kpi.reference_target,
            reference_label=f"EU target {kpi.reference_target:.0f} %",
        ),
    )


# --- KPIs and trends --------------------------------------------------------------------------


def _pct(numerator: float, denominator: float) -> float | None:
    return 100.0 * numerator / denominator if denominator and denominator > 0 else None


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
        hide = small(numerator) or (kpi.id not in HEADCOUNT_DENOMINATORS and small(denominator))
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
