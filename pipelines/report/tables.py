"""The standard tables of the accreditation report, built from the marts' aggregates.

Every builder takes the query results of one report (:class:`Inputs`) and returns finished
:class:`~pipelines.report.model.Table` objects, suppressed according to the report's mode.
Counts are *realised mobilities* (status ongoing or completed, by academic year of start), as
in the KPI registry: one person moving twice counts twice. KPI values and their definitions
come from the ``kpi_values`` mart and ``pipelines.metrics``; nothing here redefines a KPI.

This module lists the tables in the report's order; the builders live in one module per
kind of table:

* ``mobility_tables``: counts by direction (students, staff, dual degrees, online, internships);
* ``project_agreement_tables``: international projects and partner agreements;
* ``outcome_tables``: recognition, language, inclusion and graduates by faculty;
* ``kpi_tables``: headline KPIs and their five-year trend, with the KPI suppression flags;
* ``trend_tables``: five-year trends of mobilities by kind;
* ``inputs`` (what every builder takes) and ``labels`` (row labels and their order).

"""

from __future__ import annotations

from collections.abc import Callable

from pipelines.report.inputs import Inputs
from pipelines.report.kpi_tables import headline_kpis, trend_kpis
from pipelines.report.mobility_tables import (
    dual_degrees,
    internships,
    online_blended,
    staff_by_type,
    students_by_country,
    students_by_faculty,
    students_by_kind,
    students_by_level,
)
from pipelines.report.model import Table
from pipelines.report.outcome_tables import graduates_share, inclusion, language, recognition
from pipelines.report.project_agreement_tables import agreements, projects
from pipelines.report.trend_tables import trend_inbound, trend_outbound

__all__ = ["Inputs", "build_tables"]


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
