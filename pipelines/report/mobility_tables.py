"""Tables of mobility counts by direction: students by partner country, kind, study level and
faculty; staff by type; dual degrees; online and blended mobility; internships.

Each table shows outbound, inbound and total realised mobilities of the report year per row,
with a Total row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from pipelines import metrics
from pipelines.report.inputs import Inputs
from pipelines.report.labels import (
    BOTH,
    COUNTED,
    DIRECTION_COLUMNS,
    HOST_TYPES,
    IN,
    LEVELS,
    NOT_SET,
    OUT,
    ROLES,
    STAFF_ACTIVITIES,
    country_labeller,
    faculty_order,
    plain_label,
    study_level_label,
)
from pipelines.report.model import Chart, Table, finish_table, with_total_row


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


def _students(inputs: Inputs) -> pd.DataFrame:
    rows = inputs.year_counts
    return rows[rows["person_role"] == "student"]


def students_by_country(inputs: Inputs) -> Table:
    return _direction_table(
        inputs,
        _students(inputs),
        "partner_country",
        country_labeller(inputs),
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
        study_level_label,
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
        plain_label,
        "Faculty",
        "students_by_faculty",
        "Student mobility by faculty",
        "Student mobilities by own faculty (home faculty of outbound, host faculty of "
        "inbound students).",
        order=faculty_order(rows["faculty"].dropna().unique().tolist()),
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
        country_labeller(inputs),
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
