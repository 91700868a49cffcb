"""The headcounts table: students and staff per year, the denominators of the rates."""

from __future__ import annotations

from typing import Annotated, ClassVar

from pipelines.contract.base import ContractModel, RowRule, column
from pipelines.contract.rules import (
    AcademicYear,
    Eqf,
    Number,
    Text,
)
from pipelines.contract.vocabulary import DEGREE_PROGRAMME_HEADERS


class Headcount(ContractModel):
    """Denominators: students, graduates and staff per academic year and faculty."""

    table: ClassVar[str] = "headcounts"
    label: ClassVar[str] = "Headcounts"
    grain: ClassVar[str] = (
        "one row per academic year, faculty and (optionally) study level and degree programme"
    )
    key: ClassVar[tuple[str, ...]] = ("academic_year", "faculty", "study_level", "degree_programme")
    row_rules: ClassVar[tuple[RowRule, ...]] = (
        RowRule(
            "enrolled_students",
            "no count given (enrolled students, graduates or academic staff)",
            lambda f: f[["enrolled_students", "graduates", "academic_staff"]].isna().all(axis=1),
        ),
    )

    academic_year: Annotated[str, AcademicYear()] = column(
        "Academic year.",
        "2024/25",
        "year",
        "academic year",
        "study year",
    )
    faculty: Annotated[str, Text(max_length=100)] = column(
        "Faculty.",
        "Faculty of Engineering",
        "department",
        "school",
    )
    study_level: Annotated[int | None, Eqf()] = column(
        "EQF level, or empty for all levels of the faculty.",
        6,
        "eqf level",
        "level",
        "cycle",
        default=None,
    )
    degree_programme: Annotated[str | None, Text(max_length=150)] = column(
        "Degree programme, as in the mobilities; empty for the faculty's total. A faculty "
        "gives its students either per programme or as totals, never both in one year.",
        "Computer Science (BSc)",
        *DEGREE_PROGRAMME_HEADERS,
        default=None,
        added_later=True,
    )
    enrolled_students: Annotated[int | None, Number(maximum=10_000_000, integer=True)] = column(
        "Enrolled students (headcount).",
        4200,
        "students",
        "enrolment",
        "enrollment",
        "enrolled",
        default=None,
    )
    graduates: Annotated[int | None, Number(maximum=10_000_000, integer=True)] = column(
        "Graduates in the year.",
        900,
        "graduations",
        "degrees awarded",
        default=None,
    )
    academic_staff: Annotated[int | None, Number(maximum=10_000_000, integer=True)] = column(
        "Academic staff (headcount).",
        310,
        "staff",
        "academic staff headcount",
        default=None,
    )
    international_degree_students: Annotated[
        int | None, Number(maximum=10_000_000, integer=True)
    ] = column(
        "Enrolled foreign degree-seeking students.",
        350,
        "international students",
        "foreign students",
        "degree mobile students",
        default=None,
    )
