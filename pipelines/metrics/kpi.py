"""What a KPI is (its definition, unit, formula and measures) and the sources KPIs cite."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Unit = Literal["mobilities", "people", "projects", "agreements", "EUR", "%", "days", "months"]
Direction = Literal["up", "down", "neutral"]
Dimension = Literal["all", "faculty", "country", "level", "kind", "degree_programme"]
# The mobilities a KPI counts, by direction: one direction only, the two set against each
# other (a difference or balance), or either (None: the direction filter narrows it).
Counts = Literal["outbound", "inbound", "both"]

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
    "experience by 2030."
)
# The 20 % was the Commission's proposal; the Council did not adopt an inclusion target (it
# asked for a methodology first), so pages and reports cite it as a reference, never as an
# agreed EU target, and always in these words.
SOURCE_EU_INCLUSION = (
    "European Commission proposal 'Europe on the Move', COM(2023) 719: at least 20% of "
    "learners in learning mobility should be people with fewer opportunities by 2030. The "
    "Council Recommendation of 13 May 2024 did not adopt this target; it asked the Commission "
    "for a methodology for an inclusion target, so 20% is a reference, not an agreed EU target."
)
REFERENCE_GRADUATES = "Council Recommendation of 13 May 2024, for 2030"
REFERENCE_INCLUSION = "proposed by the Commission for 2030 (COM(2023) 719), not adopted"
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
# kpi_value, kpi_numerator and kpi_denominator (pipelines/transform/sql/macros.sql) apply it, in
# kpi_values and in every filtered KPI query, so a formula is written once, here.
Formula = Literal["count", "rate", "difference", "mean"]


ALL_DIMENSIONS: tuple[Dimension, ...] = (
    "all",
    "faculty",
    "country",
    "level",
    "kind",
    "degree_programme",
)


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
    dimensions: tuple[Dimension, ...] = ALL_DIMENSIONS
    headline: bool = False
    reference_target: float | None = None
    formula: Formula = "count"
    numerator: str | None = None  # default: the KPI's id
    denominator: str | None = None
    counts: Counts | None = None
    reference_note: str | None = None  # whose reference target, for when (with reference_target)

    def not_applicable(self, direction: str) -> str | None:
        """Why the KPI has no meaning when the direction filter shows only ``direction``
        ("outbound", "inbound"; "both": no filter), or None: an outbound KPI among inbound
        mobilities would read as a real 0 % or a fall."""
        if direction == "both" or self.counts is None or self.counts == direction:
            return None
        if self.counts == "both":
            return "it sets inbound against outbound, and the direction filter shows one"
        return f"it counts {self.counts} mobilities, and the direction filter shows {direction}"

    @property
    def numerator_measure(self) -> str:
        return self.numerator or self.id

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"

    @property
    def headcount_denominator(self) -> str | None:
        """The headcount the KPI divides by (a column of the headcounts mart), if any: a
        large population, so only the numerator can be small, and a missing headcount
        makes the rate unavailable rather than zero."""
        return self.denominator if self.denominator in HEADCOUNT_MEASURES else None


# The headcounts mart's measures that KPIs divide by, as a sentence names them.
HEADCOUNT_MEASURES = {
    "enrolled_students": "enrolled students",
    "graduates": "graduates",
    "academic_staff": "academic staff",
}

HEADCOUNT_DIMENSIONS: tuple[Dimension, ...] = ("all", "faculty", "level", "degree_programme")
ORG_DIMENSIONS: tuple[Dimension, ...] = ("all", "faculty", "country")
