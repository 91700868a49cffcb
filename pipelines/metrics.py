"""The KPI registry: every indicator once, with its definition, unit, good direction and source.

Pages, reports, the ``mobility kpi`` command and tests read definitions from here; the values
are computed by the SQL model ``pipelines/sql/marts/kpi_values.sql`` (one ``kpi_id`` per entry
below, checked by ``tests/pipelines/test_metrics.py``). Which mobilities a KPI counts is
defined once in ``pipelines/sql/intermediate/int_kpi_bases.sql`` (one flag per measure); how
its value follows from its measures (its formula) once below; kpi_values and the dashboard's
filtered KPI queries both apply them.

Conventions shared by all KPIs:

* A mobility counts when it is *realised*: status ``ongoing`` or ``completed``.
* It belongs to the academic year in which it starts (first month: setting ``year_start_month``).
* *Physical* means mode ``physical``; virtual and blended participation is counted as online
  mobility (kind 5) and not in the physical ratios.
* Rates are percentages (0-100) of a stated numerator over a stated denominator; a rate with
  no denominator (no headcount, no ECTS planned) is missing, never zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["mobilities", "people", "projects", "agreements", "EUR", "%", "days", "months"]
Direction = Literal["up", "down", "neutral"]
Dimension = Literal["all", "faculty", "country", "level", "kind"]

EU_GRADUATE_MOBILITY_TARGET = 23.0
EU_FEWER_OPPORTUNITIES_TARGET = 20.0
CREDIT_MOBILITY_MIN_DAYS = 90
CREDIT_MOBILITY_MIN_ECTS = 15

SOURCE_UIS = (
    "UNESCO Institute for Statistics, glossary: outbound mobility ratio, inbound mobility "
    "rate, net flow of internationally mobile students (adapted to one institution)."
)
SOURCE_EUROSTAT = (
    "Eurostat, Methodological manual on learning mobility in tertiary education (2015): "
    "credit mobility is a stay of at least 3 months or at least 15 ECTS credits."
)
SOURCE_EU_2024 = (
    "Council Recommendation 'Europe on the Move' - learning mobility opportunities for "
    "everyone (13 May 2024): at least 23% of higher-education graduates with a learning-mobility "
    "experience by 2030; at least 20% of participants with fewer opportunities."
)
SOURCE_EQUATIC = (
    "eQuATIC (Erasmus Quality Assessment Tool for Institutional Cooperation): recognition "
    "rate and credit success from learning agreements and transcripts."
)
SOURCE_CEFR = "Council of Europe, Common European Framework of Reference for Languages (A1-C2)."
SOURCE_ERASMUS_STAFF = (
    "Erasmus+ Programme Guide: staff mobility for teaching (STA) and training (STT)."
)
SOURCE_INTERNAL = "Mobility Atlas definition, stated here."


# How a KPI's value follows from the counts it is made of (its measures): the macros
# kpi_value, kpi_numerator and kpi_denominator (pipelines/sql/macros.sql) apply it, in
# kpi_values and in every filtered KPI query, so a formula is written once, here.
Formula = Literal["count", "rate", "difference", "mean"]


@dataclass(frozen=True)
class Kpi:
    """One indicator. ``dimensions`` are the breakdowns in which it is meaningful.

    ``numerator`` and ``denominator`` name measures: columns of the KPI count models
    (int_kpi_mobility_counts, int_kpi_headcounts, int_kpi_organisation_counts), whose
    mobilities are chosen by the flags of int_kpi_bases. ``formula``: *count* (the numerator
    itself; the default, with the KPI's id as its measure), *rate* (a percentage of the
    denominator), *difference* (numerator minus denominator), *mean* (a mean measure, shown
    without numerator and denominator).
    """

    id: str
    name: str
    definition: str
    unit: Unit
    good_direction: Direction
    source: str
    dimensions: tuple[Dimension, ...] = ("all", "faculty", "country", "level", "kind")
    headline: bool = False
    reference_target: float | None = None
    formula: Formula = "count"
    numerator: str | None = None  # default: the KPI's id
    denominator: str | None = None

    @property
    def numerator_measure(self) -> str:
        return self.numerator or self.id

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"


ALL_DIMENSIONS: tuple[Dimension, ...] = ("all", "faculty", "country", "level", "kind")
HEADCOUNT_DIMENSIONS: tuple[Dimension, ...] = ("all", "faculty", "level")
ORG_DIMENSIONS: tuple[Dimension, ...] = ("all", "faculty", "country")

KPIS: tuple[Kpi, ...] = (
    Kpi(
        "outbound_mobilities",
        "Outbound mobilities",
        "Realised mobilities of the university's students, staff and researchers abroad "
        "(all kinds, physical, virtual and blended), by academic year of start.",
        "mobilities",
        "up",
        SOURCE_INTERNAL,
        headline=True,
    ),
    Kpi(
        "inbound_mobilities",
        "Inbound mobilities",
        "Realised mobilities of students, staff and researchers from partners hosted by the "
        "university (all kinds), by academic year of start.",
        "mobilities",
        "up",
        SOURCE_INTERNAL,
        headline=True,
    ),
    Kpi(
        "student_exchange_outbound",
        "Outbound exchange students",
        "Kind 1. Realised physical study periods abroad of the university's students "
        "(credit mobility for study, excluding dual degrees, traineeships and online mobility).",
        "mobilities",
        "up",
        SOURCE_INTERNAL,
    ),
    Kpi(
        "student_exchange_inbound",
        "Inbound exchange students",
        "Kind 1. Realised physical study periods of partner students at the university.",
        "mobilities",
        "up",
        SOURCE_INTERNAL,
    ),
    Kpi(
        "dual_degree_students",
        "Dual and joint degree students",
        "Kind 2. Distinct students in a realised dual or joint degree mobility (both "
        "directions) in the year.",
        "people",
        "up",
        SOURCE_INTERNAL,
    ),
    Kpi(
        "staff_mobility_outbound",
        "Outbound staff and researcher mobilities",
        "Kind 3. Realised physical teaching, training, research and conference mobilities "
        "of the university's staff and researchers.",
        "mobilities",
        "up",
        SOURCE_ERASMUS_STAFF,
    ),
    Kpi(
        "staff_mobility_inbound",
        "Inbound staff and researcher mobilities",
        "Kind 3. Realised physical teaching, training, research and conference visits of "
        "partner staff and researchers.",
        "mobilities",
        "up",
        SOURCE_ERASMUS_STAFF,
    ),
    Kpi(
        "projects_active",
        "Active international projects",
        "Kind 4. International projects and grants (Erasmus+ KA2, Jean Monnet, Horizon, "
        "Erasmus Mundus, ...) running on at least one day of the academic year.",
        "projects",
        "up",
        SOURCE_INTERNAL,
        dimensions=ORG_DIMENSIONS,
    ),
    Kpi(
        "project_funding_own",
        "Project funding (own share)",
        "Kind 4. The university's own share of the budget of projects starting in the "
        "academic year, in EUR.",
        "EUR",
        "up",
        SOURCE_INTERNAL,
        dimensions=ORG_DIMENSIONS,
    ),
    Kpi(
        "online_mobilities",
        "Online and blended mobilities",
        "Kind 5. Realised virtual exchanges, online courses with partners and blended "
        "(intensive) programmes, both directions.",
        "mobilities",
        "up",
        SOURCE_INTERNAL,
    ),
    Kpi(
        "internships_outbound",
        "Outbound internships and placements",
        "Kind 6. Realised physical traineeships and placements abroad (at universities, "
        "companies or organisations) of the university's students and graduates.",
        "mobilities",
        "up",
        SOURCE_INTERNAL,
    ),
    Kpi(
        "outbound_mobility_ratio",
        "Outbound mobility ratio",
        "Distinct students of the university with a realised physical mobility abroad in "
        "the year, as a percentage of enrolled students (headcounts).",
        "%",
        "up",
        SOURCE_UIS,
        dimensions=HEADCOUNT_DIMENSIONS,
        headline=True,
        formula="rate",
        numerator="students_outbound",
        denominator="enrolled_students",
    ),
    Kpi(
        "inbound_mobility_rate",
        "Inbound mobility rate",
        "Distinct incoming students with a realised physical mobility in the year, as a "
        "percentage of enrolled students (headcounts).",
        "%",
        "up",
        SOURCE_UIS,
        dimensions=HEADCOUNT_DIMENSIONS,
        formula="rate",
        numerator="students_inbound",
        denominator="enrolled_students",
    ),
    Kpi(
        "net_flow",
        "Net flow of mobile students",
        "Distinct incoming minus distinct outgoing students with a realised physical "
        "mobility in the year (positive: the university receives more than it sends).",
        "people",
        "neutral",
        SOURCE_UIS,
        formula="difference",
        numerator="students_inbound",
        denominator="students_outbound",
    ),
    Kpi(
        "credit_mobility_outbound",
        "Outbound credit mobility (Eurostat)",
        f"Realised physical outbound student mobilities (study, traineeship or dual degree) "
        f"that last at least {CREDIT_MOBILITY_MIN_DAYS} days or earn at least "
        f"{CREDIT_MOBILITY_MIN_ECTS} ECTS (achieved, else planned).",
        "mobilities",
        "up",
        SOURCE_EUROSTAT,
    ),
    Kpi(
        "graduates_mobility_share",
        "Graduates with a mobility experience",
        "Distinct students with a realised outbound credit mobility (Eurostat criteria) in "
        "the year, as a percentage of the year's graduates. An institutional proxy for the EU "
        "indicator, which follows each graduate's whole degree.",
        "%",
        "up",
        SOURCE_EU_2024,
        dimensions=HEADCOUNT_DIMENSIONS,
        headline=True,
        reference_target=EU_GRADUATE_MOBILITY_TARGET,
        formula="rate",
        numerator="credit_students_outbound",
        denominator="graduates",
    ),
    Kpi(
        "fewer_opportunities_share",
        "Participants with fewer opportunities",
        "Realised outbound student mobilities of participants flagged with fewer "
        "opportunities, as a percentage of all realised outbound student mobilities (an "
        "unset flag counts as no, as in Erasmus+ reporting).",
        "%",
        "up",
        SOURCE_EU_2024,
        headline=True,
        reference_target=EU_FEWER_OPPORTUNITIES_TARGET,
        formula="rate",
        numerator="fewer_opportunities",
        denominator="student_mobilities_outbound",
    ),
    Kpi(
        "recognition_rate",
        "Credit recognition rate",
        "ECTS recognised at home as a percentage of ECTS in the learning agreement, over "
        "completed outbound student mobilities where both are known.",
        "%",
        "up",
        SOURCE_EQUATIC,
        headline=True,
        formula="rate",
        numerator="ects_recognised",
        denominator="ects_planned_recognition",
    ),
    Kpi(
        "credit_success_rate",
        "Credit success rate",
        "ECTS achieved abroad as a percentage of ECTS in the learning agreement, over "
        "completed outbound student mobilities where both are known.",
        "%",
        "up",
        SOURCE_EQUATIC,
        formula="rate",
        numerator="ects_achieved",
        denominator="ects_planned_success",
    ),
    Kpi(
        "language_improvement_share",
        "Language improvement",
        "Share of realised mobilities with a CEFR level before and after where the level "
        "after is at least one step higher (e.g. B1 to B2).",
        "%",
        "up",
        SOURCE_CEFR,
        formula="rate",
        numerator="language_improved",
        denominator="language_assessed",
    ),
    Kpi(
        "agreement_utilisation",
        "Agreement utilisation",
        "Realised mobilities under partner agreements (both directions) as a percentage of "
        "the places per year those agreements offer in the year.",
        "%",
        "up",
        SOURCE_INTERNAL,
        dimensions=ORG_DIMENSIONS,
        formula="rate",
        numerator="agreement_mobilities",
        denominator="agreement_places",
    ),
    Kpi(
        "dormant_agreements",
        "Dormant agreements",
        "Agreements valid in the year with no realised mobility in either direction in this "
        "and the preceding academic years (window: setting dormant_years, default 2).",
        "agreements",
        "down",
        SOURCE_INTERNAL,
        dimensions=ORG_DIMENSIONS,
    ),
    Kpi(
        "online_share",
        "Online and blended share",
        "Realised virtual and blended mobilities as a percentage of all realised mobilities.",
        "%",
        "neutral",
        SOURCE_INTERNAL,
        dimensions=("all", "faculty", "country", "level"),
        formula="rate",
        numerator="online_mobilities",
        denominator="realised",
    ),
    Kpi(
        "staff_mobility_rate",
        "Staff mobility rate",
        "Distinct staff and researchers of the university with a realised physical outbound "
        "mobility, as a percentage of academic staff (headcounts).",
        "%",
        "up",
        SOURCE_ERASMUS_STAFF,
        dimensions=("all", "faculty"),
        formula="rate",
        numerator="staff_outbound_people",
        denominator="academic_staff",
    ),
    Kpi(
        "female_share",
        "Female participants",
        "Share of women among realised mobilities whose gender is known (both directions).",
        "%",
        "neutral",
        SOURCE_INTERNAL,
        formula="rate",
        numerator="female",
        denominator="gender_known",
    ),
    Kpi(
        "average_duration_days",
        "Average stay (students, outbound)",
        "Mean length in calendar days (start and end day included) of realised physical "
        "outbound student mobilities.",
        "days",
        "neutral",
        SOURCE_INTERNAL,
        formula="mean",
    ),
    Kpi(
        "cancellation_rate",
        "Cancellation rate",
        "Cancelled mobilities as a percentage of all recorded mobilities starting in the year.",
        "%",
        "down",
        SOURCE_INTERNAL,
        formula="rate",
        numerator="cancelled",
        denominator="records",
    ),
)

BY_ID: dict[str, Kpi] = {kpi.id: kpi for kpi in KPIS}
KPI_IDS: tuple[str, ...] = tuple(BY_ID)

KIND_COUNT_KPIS: dict[str, tuple[str, ...]] = {
    "student_exchange": ("student_exchange_outbound", "student_exchange_inbound"),
    "dual_degree": ("dual_degree_students",),
    "staff_research": ("staff_mobility_outbound", "staff_mobility_inbound"),
    "projects": ("projects_active", "project_funding_own"),
    "online": ("online_mobilities",),
    "internship": ("internships_outbound",),
}

KINDS: dict[str, str] = {
    "student_exchange": "Student exchange",
    "dual_degree": "Dual and joint degrees",
    "staff_research": "Staff and researcher exchange",
    "projects": "Projects and grants",
    "online": "Online and blended mobility",
    "internship": "Internships and placements",
}


def get(kpi_id: str) -> Kpi:
    """The KPI with this id; KeyError names the unknown id."""
    try:
        return BY_ID[kpi_id]
    except KeyError:
        raise KeyError(f"unknown KPI {kpi_id!r}") from None


def sensible_range(kpi_id: str) -> tuple[float, float]:
    """Bounds a target for this KPI must respect (used to validate leadership targets)."""
    kpi = get(kpi_id)
    if kpi.unit == "%":
        return (0.0, 100.0)
    if kpi.id == "net_flow":
        return (-1e7, 1e7)
    return (0.0, 1e12)


# --- Benchmark indicators (EC Erasmus files; Benchmark page) ---
# Computed over the European Commission's record-level files (marts benchmark_*), not over
# the university's own records, so they are not part of KPIS (kpi_values.sql): one definition
# each, shown as help on the Benchmark page. Every record counts its `participants` weight.

SOURCE_EC_ERASMUS = (
    "European Commission, DG EAC: Erasmus student mobility record-level files 2008-09 to "
    "2012-13 and Erasmus+ KA1 mobility open data (aggregated rows with a Participants count)."
)

BENCHMARK_INDICATORS: tuple[Kpi, ...] = (
    Kpi(
        "benchmark_participants",
        "Outbound mobilities",
        "Participants in the EC records sent by the institution, country or whole programme "
        "in the academic year (an aggregated Erasmus+ row counts its Participants).",
        "mobilities",
        "up",
        SOURCE_EC_ERASMUS,
        dimensions=("all",),
    ),
    Kpi(
        "benchmark_average_duration_months",
        "Average stay abroad",
        "Participant-weighted mean length in months, over records with a known length: LLP "
        "study plus placement months; Erasmus+ calendar days / 30.44.",
        "months",
        "neutral",
        SOURCE_EC_ERASMUS,
        dimensions=("all",),
    ),
    Kpi(
        "benchmark_placement_share",
        "Share with a work placement",
        "Participants whose mobility is a work placement (LLP P, Erasmus+ traineeship) or "
        "combines study and placement (LLP C), as a percentage of all participants.",
        "%",
        "neutral",
        SOURCE_EC_ERASMUS,
        dimensions=("all",),
    ),
    Kpi(
        "benchmark_female_share",
        "Women",
        "Women as a percentage of participants whose gender is recorded.",
        "%",
        "neutral",
        SOURCE_EC_ERASMUS,
        dimensions=("all",),
    ),
    Kpi(
        "benchmark_destination_share",
        "Destination-country share",
        "Participants going to a country as a percentage of all participants of the "
        "institution, country or programme (destination: the host institution's country, "
        "else the placement's country).",
        "%",
        "neutral",
        SOURCE_EC_ERASMUS,
        dimensions=("all",),
    ),
    Kpi(
        "benchmark_level_share",
        "Study-level mix",
        "Participants at a study level (EQF 5 short cycle, 6 first cycle, 7 second cycle, "
        "8 doctorate) as a percentage of participants whose level is recorded.",
        "%",
        "neutral",
        SOURCE_EC_ERASMUS,
        dimensions=("all",),
    ),
)
BENCHMARK_BY_ID: dict[str, Kpi] = {kpi.id: kpi for kpi in BENCHMARK_INDICATORS}
