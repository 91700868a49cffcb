"""The KPI registry: every indicator once, with its definition, unit, good direction and source.

``kpi`` says what a KPI is, ``registry`` lists the university's KPIs, ``benchmark`` the
indicators over the EC's Erasmus files; ``values`` reads computed values, ``projection``
extends a trend to a target, ``targets`` saves leadership's targets.

Pages, reports, the ``mobility kpi`` command and tests read definitions from here; the values are
computed by the SQL model ``pipelines/transform/sql/marts/kpi_values.sql`` (one ``kpi_id`` per entry
below, checked by ``tests/pipelines/metrics/test_metrics.py``). Which mobilities a KPI counts is
defined once in ``pipelines/transform/sql/intermediate/int_kpi_bases.sql`` (one flag per
measure); how its value follows from its measures (its formula) once below; kpi_values and the
dashboard's filtered KPI queries both apply them.

Conventions shared by all KPIs:

* A mobility counts when it is *realised*: status ``ongoing`` or ``completed``.
* It belongs to the academic year in which it starts (first month: setting ``year_start_month``).
* *Physical* means mode ``physical``; virtual and blended participation is counted as online
  mobility (kind 5) and not in the physical ratios.
* Rates are percentages (0-100) of a stated numerator over a stated denominator; a rate with
  no denominator (no headcount, no ECTS planned) is missing, never zero.
"""

from __future__ import annotations

from pipelines.metrics.benchmark import BENCHMARK_BY_ID, BENCHMARK_INDICATORS, SOURCE_EC_ERASMUS
from pipelines.metrics.kpi import (
    ALL_DIMENSIONS,
    CREDIT_MOBILITY_MIN_DAYS,
    CREDIT_MOBILITY_MIN_ECTS,
    EU_FEWER_OPPORTUNITIES_TARGET,
    EU_GRADUATE_MOBILITY_TARGET,
    HEADCOUNT_DIMENSIONS,
    HEADCOUNT_MEASURES,
    ORG_DIMENSIONS,
    REFERENCE_GRADUATES,
    REFERENCE_INCLUSION,
    SOURCE_CEFR,
    SOURCE_EQUATIC,
    SOURCE_ERASMUS_STAFF,
    SOURCE_EU_2024,
    SOURCE_EU_INCLUSION,
    SOURCE_EUROSTAT,
    SOURCE_INTERNAL,
    SOURCE_UIS,
    Dimension,
    Direction,
    Formula,
    Kpi,
    Unit,
)
from pipelines.metrics.registry import (
    BY_ID,
    KIND_COUNT_KPIS,
    KINDS,
    KPI_IDS,
    KPIS,
    get,
    sensible_range,
)

__all__ = [
    "ALL_DIMENSIONS",
    "BENCHMARK_BY_ID",
    "BENCHMARK_INDICATORS",
    "BY_ID",
    "CREDIT_MOBILITY_MIN_DAYS",
    "CREDIT_MOBILITY_MIN_ECTS",
    "EU_FEWER_OPPORTUNITIES_TARGET",
    "EU_GRADUATE_MOBILITY_TARGET",
    "HEADCOUNT_DIMENSIONS",
    "HEADCOUNT_MEASURES",
    "KINDS",
    "KIND_COUNT_KPIS",
    "KPIS",
    "KPI_IDS",
    "ORG_DIMENSIONS",
    "REFERENCE_GRADUATES",
    "REFERENCE_INCLUSION",
    "SOURCE_CEFR",
    "SOURCE_EC_ERASMUS",
    "SOURCE_EQUATIC",
    "SOURCE_ERASMUS_STAFF",
    "SOURCE_EUROSTAT",
    "SOURCE_EU_2024",
    "SOURCE_EU_INCLUSION",
    "SOURCE_INTERNAL",
    "SOURCE_UIS",
    "Dimension",
    "Direction",
    "Formula",
    "Kpi",
    "Unit",
    "get",
    "sensible_range",
]
