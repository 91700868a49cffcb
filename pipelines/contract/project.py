"""The projects table: international projects and the university's role in them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

import pandas as pd

from pipelines.contract.base import ContractModel, RowRule, column, end_before_start
from pipelines.contract.rules import (
    Choice,
    Code,
    CountryList,
    Date,
    Number,
    Text,
)
from pipelines.contract.vocabulary import (
    PROJECT_ROLES,
)


class Project(ContractModel):
    """An international project or grant in which the university takes part."""

    table: ClassVar[str] = "projects"
    label: ClassVar[str] = "Projects"
    grain: ClassVar[str] = "one row per project"
    key: ClassVar[tuple[str, ...]] = ("project_id",)
    row_rules: ClassVar[tuple[RowRule, ...]] = (
        RowRule(
            "end_date", "end date before start date", end_before_start("start_date", "end_date")
        ),
        RowRule(
            "budget_own_share",
            "own share larger than the total budget",
            lambda f: (
                pd.to_numeric(f["budget_own_share"], errors="coerce")
                > pd.to_numeric(f["budget_total"], errors="coerce")
            ).fillna(False),
        ),
    )

    project_id: Annotated[str, Code()] = column(
        "Project reference.",
        "2024-1-DE01-KA220-HED-000123456",
        "project reference",
        "project number",
        "grant agreement number",
        "reference",
        "id",
    )
    title: Annotated[str | None, Text(max_length=300)] = column(
        "Project title.",
        "Digital Skills for Engineers",
        "project title",
        "name",
        "acronym",
        default=None,
    )
    programme: Annotated[str, Text(max_length=100)] = column(
        "Funding programme and action.",
        "Erasmus+ KA2",
        "program",
        "funding programme",
        "funding scheme",
    )
    role: Annotated[
        str,
        Choice(
            PROJECT_ROLES,
            {
                "lead": "coordinator",
                "applicant": "coordinator",
                "lead partner": "coordinator",
                "beneficiary": "partner",
                "co-beneficiary": "partner",
                "participant": "partner",
            },
        ),
    ] = column(
        "Our role.",
        "partner",
        "our role",
        "participation role",
    )
    start_date: Annotated[dt.date, Date()] = column(
        "Project start.",
        "2024-11-01",
        "start",
        "from",
    )
    # a project starting within the window may run up to ten years (Horizon, Mundus)
    end_date: Annotated[dt.date, Date(end_of_period=True, extra_years_ahead=10)] = column(
        "Project end.",
        "2027-10-31",
        "end",
        "to",
    )
    budget_total: Annotated[float | None, Number(maximum=1e10, unit="EUR")] = column(
        "Total budget of the project, EUR.",
        400000,
        "total budget",
        "budget",
        "eu grant",
        "grant amount",
        default=None,
    )
    budget_own_share: Annotated[float | None, Number(maximum=1e10, unit="EUR")] = column(
        "Our share of the budget, EUR.",
        85000,
        "own share",
        "our share",
        "own budget",
        "budget share",
        default=None,
    )
    partner_countries: Annotated[str | None, CountryList()] = column(
        "Countries of the partners, separated by ;.",
        "DE;FR;PL",
        "countries",
        "partner country list",
        "consortium countries",
        default=None,
    )
    faculty: Annotated[str | None, Text(max_length=100)] = column(
        "Own faculty leading our part.",
        "Faculty of Engineering",
        "department",
        "school",
        default=None,
    )
