"""The KPI registry: every indicator of the university's own records, once."""

from __future__ import annotations

from pipelines.metrics.kpi import (
    CREDIT_MOBILITY_MIN_DAYS,
    CREDIT_MOBILITY_MIN_ECTS,
    EU_FEWER_OPPORTUNITIES_TARGET,
    EU_GRADUATE_MOBILITY_TARGET,
    HEADCOUNT_DIMENSIONS,
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
    Kpi,
)

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
        counts="outbound",
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
        counts="inbound",
    ),
    Kpi(
        "student_exchange_outbound",
        "Outbound exchange students",
        "Realised physical study periods abroad of the university's students "
        "(credit mobility for study, excluding dual degrees, traineeships and online mobility).",
        "mobilities",
        "up",
        SOURCE_INTERNAL,
        counts="outbound",
    ),
    Kpi(
        "student_exchange_inbound",
        "Inbound exchange students",
        "Realised physical study periods of partner students at the university.",
        "mobilities",
        "up",
        SOURCE_INTERNAL,
        counts="inbound",
    ),
    Kpi(
        "dual_degree_students",
        "Dual and joint degree students",
        "Distinct students in a realised dual or joint degree mobility (both "
        "directions) in the year.",
        "people",
        "up",
        SOURCE_INTERNAL,
    ),
    Kpi(
        "staff_mobility_outbound",
        "Outbound staff and researcher mobilities",
        "Realised physical teaching, training, research and conference mobilities "
        "of the university's staff and researchers.",
        "mobilities",
        "up",
        SOURCE_ERASMUS_STAFF,
        counts="outbound",
    ),
    Kpi(
        "staff_mobility_inbound",
        "Inbound staff and researcher mobilities",
        "Realised physical teaching, training, research and conference visits of "
        "partner staff and researchers.",
        "mobilities",
        "up",
        SOURCE_ERASMUS_STAFF,
        counts="inbound",
    ),
    Kpi(
        "projects_active",
        "Active international projects",
        "International projects and grants (Erasmus+ KA2, Jean Monnet, Horizon, "
        "Erasmus Mundus, ...) running on at least one day of the academic year.",
        "projects",
        "up",
        SOURCE_INTERNAL,
        dimensions=ORG_DIMENSIONS,
    ),
    Kpi(
        "project_funding_own",
        "Project funding (own share)",
        "The university's own share of the budget of projects starting in the "
        "academic year, in EUR.",
        "EUR",
        "up",
        SOURCE_INTERNAL,
        dimensions=ORG_DIMENSIONS,
    ),
    Kpi(
        "online_mobilities",
        "Online and blended mobilities",
        "Realised virtual exchanges, online courses with partners and blended "
        "(intensive) programmes, both directions.",
        "mobilities",
        "up",
        SOURCE_INTERNAL,
    ),
    Kpi(
        "internships_outbound",
        "Outbound internships and placements",
        "Realised physical traineeships and placements abroad (at universities, "
        "companies or organisations) of the university's students and graduates.",
        "mobilities",
        "up",
        SOURCE_INTERNAL,
        counts="outbound",
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
        counts="outbound",
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
        counts="inbound",
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
        counts="both",
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
        counts="outbound",
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
        reference_note=REFERENCE_GRADUATES,
        formula="rate",
        numerator="credit_students_outbound",
        denominator="graduates",
        counts="outbound",
    ),
    Kpi(
        "fewer_opportunities_share",
        "Participants with fewer opportunities",
        "Realised outbound student mobilities of participants flagged with fewer "
        "opportunities, as a percentage of all realised outbound student mobilities (an "
        "unset flag counts as no, as in Erasmus+ reporting).",
        "%",
        "up",
        SOURCE_EU_INCLUSION,
        headline=True,
        reference_target=EU_FEWER_OPPORTUNITIES_TARGET,
        reference_note=REFERENCE_INCLUSION,
        formula="rate",
        numerator="fewer_opportunities",
        denominator="student_mobilities_outbound",
        counts="outbound",
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
        counts="outbound",
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
        counts="outbound",
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
        "and the preceding academic years (window: 2 academic years unless set otherwise on "
        "the Settings page).",
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
        dimensions=("all", "faculty", "country", "level", "degree_programme"),
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
        counts="outbound",
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
