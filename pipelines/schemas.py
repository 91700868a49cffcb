"""The import contract: one pydantic model per input table (DESIGN section 4).

Each field carries, in one place: its type, whether it is required, the rule that reads and
checks raw values (``pipelines.rules``; used by the bulk validator and by pydantic alike), its
description, an example, and the other column names it is known by (``validation_alias``:
EWP, Erasmus+ and common spreadsheet headers). ``docs/data-contract.md`` and the templates
under ``data/templates/`` are generated from these models (``mobility contract``).

Rules spanning several columns (an end before its start) are ``RowRule`` objects listed in
``row_rules`` and likewise shared by both paths.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, model_validator

from pipelines import metrics
from pipelines.rules import (
    AcademicYear,
    Cefr,
    Choice,
    Code,
    Country,
    CountryList,
    Date,
    Eqf,
    ErasmusCode,
    Flag,
    Isced,
    Language,
    Number,
    Rule,
    Text,
    field_rule,
)


@dataclass(frozen=True)
class RowRule:
    """A check over several columns: ``bad(frame)`` is True on rows that break it."""

    column: str
    reason: str
    bad: Callable[[pd.DataFrame], pd.Series]


def column(description: str, example: Any, *aliases: str, default: Any = ...) -> Any:
    """A contract column; its own name is always accepted as a header, plus ``aliases``."""
    return Field(
        default,
        description=description,
        examples=[example],
        json_schema_extra={"aliases": list(aliases)},
    )


class ContractModel(BaseModel):
    """Base of every input table model."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    table: ClassVar[str]
    label: ClassVar[str]
    grain: ClassVar[str]
    key: ClassVar[tuple[str, ...]]
    row_rules: ClassVar[tuple[RowRule, ...]] = ()

    @model_validator(mode="after")
    def _check_row_rules(self) -> ContractModel:
        frame = pd.DataFrame([self.model_dump()])
        for rule in self.row_rules:
            if bool(rule.bad(frame).fillna(False).iloc[0]):
                raise ValueError(f"{rule.column}: {rule.reason}")
        return self

    @classmethod
    def derive(cls, frame: pd.DataFrame) -> pd.DataFrame:
        """Fill values that follow from others (after defaults, before required checks)."""
        return frame

    @classmethod
    def source_table(cls) -> str:
        """Warehouse table holding the imported rows (``raw_<table>`` for the own contract)."""
        return f"raw_{cls.table}"

    @classmethod
    def rules(cls) -> dict[str, Rule]:
        """Column name -> the rule that reads it."""
        found = {}
        for name, info in cls.model_fields.items():
            rule = field_rule(info.metadata)
            if rule is None:  # pragma: no cover - every contract field has one
                raise TypeError(f"{cls.__name__}.{name} has no rule")
            found[name] = rule
        return found

    @classmethod
    def required(cls) -> tuple[str, ...]:
        return tuple(name for name, info in cls.model_fields.items() if info.is_required())

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        return {
            name: info.default
            for name, info in cls.model_fields.items()
            if not info.is_required() and info.default is not None
        }

    @classmethod
    def aliases(cls) -> dict[str, list[str]]:
        """Column name -> other accepted header names."""
        out = {}
        for name, info in cls.model_fields.items():
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            out[name] = list(extra.get("aliases", []))
        return out


def _end_before_start(start: str, end: str) -> Callable[[pd.DataFrame], pd.Series]:
    def bad(frame: pd.DataFrame) -> pd.Series:
        s = pd.to_datetime(frame[start], errors="coerce")
        e = pd.to_datetime(frame[end], errors="coerce")
        return (e < s).fillna(False)

    return bad


PERSON_ROLES = ("student", "staff", "researcher")
DIRECTIONS = ("outbound", "inbound")
ACTIVITIES = (
    "study",
    "dual_degree",
    "traineeship",
    "teaching",
    "training",
    "research",
    "conference",
    "virtual",
    "blended",
)
MODES = ("physical", "virtual", "blended")
STATUSES = ("nominated", "approved", "ongoing", "completed", "cancelled")
GENDERS = ("female", "male", "other")
HOST_TYPES = ("higher_education", "enterprise", "public_body", "ngo", "research_institute", "other")

ACTIVITY_ALIASES = {
    "sms": "study",
    "studies": "study",
    "study period": "study",
    "study mobility": "study",
    "semester abroad": "study",
    "exchange": "study",
    "s": "study",
    "smp": "traineeship",
    "internship": "traineeship",
    "placement": "traineeship",
    "work placement": "traineeship",
    "p": "traineeship",
    "sta": "teaching",
    "staff teaching": "teaching",
    "teaching assignment": "teaching",
    "stt": "training",
    "staff training": "training",
    "research visit": "research",
    "research stay": "research",
    "conference visit": "conference",
    "virtual exchange": "virtual",
    "online": "virtual",
    "online course": "virtual",
    "bip": "blended",
    "blended intensive programme": "blended",
    "blended mobility": "blended",
    # the Erasmus+ programme's own wording (Beneficiary Module, EC data dictionaries)
    "student mobility for studies": "study",
    "student mobility for traineeships": "traineeship",
    "student mobility for traineeship": "traineeship",
    "staff mobility for teaching": "teaching",
    "staff mobility for teaching assignments": "teaching",
    "staff mobility for training": "training",
    "blended intensive programmes": "blended",
    "double degree": "dual_degree",
    "joint degree": "dual_degree",
    "dual degree": "dual_degree",
}


class Mobility(ContractModel):
    """One row per person per mobility (a stay, a visit or an online participation)."""

    table: ClassVar[str] = "mobilities"
    label: ClassVar[str] = "Mobilities"
    grain: ClassVar[str] = "one row per person per mobility"
    key: ClassVar[tuple[str, ...]] = ("mobility_id",)
    row_rules: ClassVar[tuple[RowRule, ...]] = (
        RowRule(
            "end_date", "end date before start date", _end_before_start("start_date", "end_date")
        ),
    )

    @classmethod
    def derive(cls, frame: pd.DataFrame) -> pd.DataFrame:
        """An empty mode follows the activity: virtual and blended are their own mode."""
        from_activity = frame["activity"].where(frame["activity"].isin(["virtual", "blended"]))
        frame["mode"] = frame["mode"].fillna(from_activity).fillna("physical")
        return frame

    @model_validator(mode="before")
    @classmethod
    def _derive_mode(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("mode"):
            try:
                activity = Mobility.rules()["activity"].one(data.get("activity"))
            except ValueError:
                return data  # the activity field reports it
            data = {**data, "mode": activity if activity in ("virtual", "blended") else "physical"}
        return data

    mobility_id: Annotated[str, Code()] = column(
        "Identifier of the mobility in the source system; stable across exports.",
        "OM-2024-00017",
        "omobility-id",
        "omobility id",
        "imobility-id",
        "mobility id",
        "mobility number",
        "mobility no",
        "id",
    )
    person_id: Annotated[str, Code(max_length=128)] = column(
        "Identifier of the person (student number, staff number, ESI). Replaced by a "
        "keyed hash at import; the original is never stored.",
        "s1234567",
        "student id",
        "student number",
        "matriculation number",
        "staff id",
        "staff number",
        "participant id",
        "person id",
        "global-id",
        "global id",
        "esi",
        "european student identifier",
    )
    person_role: Annotated[
        str,
        Choice(
            PERSON_ROLES,
            {
                "learner": "student",
                "teacher": "staff",
                "academic staff": "staff",
                "administrative staff": "staff",
                "professor": "staff",
                "lecturer": "staff",
                "phd": "researcher",
                "doctoral candidate": "researcher",
            },
        ),
    ] = column(
        "Who moves.",
        "student",
        "role",
        "participant profile",
        "participant type",
        "participant role",
        "profile",
    )
    direction: Annotated[
        str,
        Choice(
            DIRECTIONS,
            {
                "outgoing": "outbound",
                "out": "outbound",
                "outward": "outbound",
                "incoming": "inbound",
                "in": "inbound",
                "inward": "inbound",
            },
        ),
    ] = column(
        "outbound: our people abroad; inbound: partners' people with us.",
        "outbound",
        "mobility direction",
        "incoming outgoing",
        "in out",
        "flow",
    )
    activity: Annotated[str, Choice(ACTIVITIES, ACTIVITY_ALIASES)] = column(
        "What the mobility is for. Aliases: SMS=study, SMP=traineeship, "
        "STA=teaching, STT=training, BIP=blended.",
        "study",
        "activity type",
        "mobility type",
        "activity (mob)",
        "mobility activity",
        "type of mobility",
    )
    mode: Annotated[
        str | None,
        Choice(
            MODES,
            {
                "in person": "physical",
                "on site": "physical",
                "online": "virtual",
                "hybrid": "blended",
            },
        ),
    ] = column(
        "Physical, virtual or blended; if empty: virtual/blended activities take "
        "their own mode, all others are physical.",
        "physical",
        "mobility mode",
        "format",
        "delivery mode",
        default=None,
    )
    programme: Annotated[str | None, Text(max_length=100)] = column(
        "Funding or exchange programme.",
        "Erasmus+",
        "program",
        "funding programme",
        "mobility programme",
        "exchange programme",
        "exchange program",
        "scheme",
        default=None,
    )
    partner_erasmus_code: Annotated[str | None, ErasmusCode()] = column(
        "Partner's Erasmus institution code.",
        "D  KONSTAN01",
        "erasmus code",
        "partner erasmus",
        "host erasmus code",
        "partner institution code",
        "host institution code",
        "organisation erasmus code",
        "organization erasmus code",
        "institution erasmus code",
        "institution code",
        default=None,
    )
    partner_schac_code: Annotated[str | None, Code(max_length=100)] = column(
        "Partner's SCHAC code (EWP HEI id).",
        "uni-konstanz.de",
        "schac code",
        "schac",
        "hei id",
        "hei-id",
        "partner hei id",
        "hei",
        default=None,
    )
    partner_name: Annotated[str | None, Text(max_length=200)] = column(
        "Partner institution or host organisation.",
        "Universität Konstanz",
        "partner",
        "partner institution",
        "host institution",
        "host university",
        "partner university",
        "university",
        "host organisation",
        "host organization",
        "institution name",
        "organisation",
        "organization",
        "institution",
        default=None,
    )
    partner_country: Annotated[str, Country()] = column(
        "Country of the partner (ISO 3166-1 alpha-2; UK and EL accepted).",
        "DE",
        "host country",
        "country",
        "destination country",
        "destination",
        "partner country code",
        "country code",
    )
    partner_city: Annotated[str | None, Text(max_length=100)] = column(
        "City of the partner.",
        "Konstanz",
        "host city",
        "city",
        default=None,
    )
    faculty: Annotated[str | None, Text(max_length=100)] = column(
        "Own faculty: home faculty for outbound, host faculty for inbound.",
        "Faculty of Engineering",
        "own faculty",
        "home faculty",
        "host faculty",
        "department",
        "school",
        "organisational unit",
        "ounit",
        default=None,
    )
    study_level: Annotated[int | None, Eqf()] = column(
        "EQF level of the student's programme (5 short cycle, 6 bachelor, 7 master, "
        "8 doctorate); empty for staff.",
        6,
        "eqf level",
        "eqf",
        "level",
        "education level",
        "isced level",
        "cycle",
        "level of study",
        "study cycle",
        default=None,
    )
    field: Annotated[str | None, Isced()] = column(
        "Field of study (ISCED-F 2013).",
        "0413",
        "isced-f-code",
        "isced f code",
        "isced code",
        "isced",
        "subject area",
        "field of education",
        "field of study",
        "subject-area",
        default=None,
    )
    start_date: Annotated[dt.date, Date()] = column(
        "First day of the mobility (actual, else planned).",
        "2024-09-02",
        "start",
        "mobility start",
        "arrival date",
        "actual arrival date",
        "planned arrival date",
        "mobility start month",
        "start month",
        "from",
    )
    # a dual degree planned now may end several years after its start
    end_date: Annotated[dt.date, Date(end_of_period=True, extra_years_ahead=5)] = column(
        "Last day of the mobility (actual, else planned).",
        "2025-01-31",
        "end",
        "mobility end",
        "departure date",
        "actual departure date",
        "planned departure date",
        "mobility end month",
        "end month",
        "to",
    )
    status: Annotated[
        str,
        Choice(
            STATUSES,
            {
                "accepted": "approved",
                "confirmed": "approved",
                "in progress": "ongoing",
                "started": "ongoing",
                "running": "ongoing",
                "finished": "completed",
                "realised": "completed",
                "realized": "completed",
                "done": "completed",
                "canceled": "cancelled",
                "withdrawn": "cancelled",
                "rejected": "cancelled",
            },
        ),
    ] = column(
        "Where the mobility stands. If the column is missing or empty, completed is assumed.",
        "completed",
        "mobility status",
        "state",
        default="completed",
    )
    gender: Annotated[
        str | None,
        Choice(
            GENDERS,
            {
                "f": "female",
                "w": "female",
                "woman": "female",
                "m": "male",
                "man": "male",
                "x": "other",
                "d": "other",
                "diverse": "other",
                "non-binary": "other",
                "non binary": "other",
                "undefined": "other",
            },
        ),
    ] = column(
        "Gender of the participant.",
        "female",
        "sex",
        "participant gender",
        default=None,
    )
    nationality: Annotated[str | None, Country()] = column(
        "Nationality (ISO 3166-1 alpha-2).",
        "FR",
        "participant nationality",
        "citizenship",
        default=None,
    )
    fewer_opportunities: Annotated[bool | None, Flag()] = column(
        "Participant with fewer opportunities (Erasmus+ definition).",
        "no",
        "fewer opportunities flag",
        "with fewer opportunities",
        default=None,
    )
    special_needs: Annotated[bool | None, Flag()] = column(
        "Participant with special needs support.",
        "no",
        "disability",
        "special needs support",
        default=None,
    )
    ects_planned: Annotated[float | None, Number(maximum=120, unit="ECTS")] = column(
        "ECTS credits in the learning agreement.",
        30,
        "ects la",
        "learning agreement ects",
        "ects anticipated",
        "planned ects",
        "ects credits planned",
        "total ects credits",
        default=None,
    )
    ects_achieved: Annotated[float | None, Number(maximum=120, unit="ECTS")] = column(
        "ECTS credits achieved abroad (transcript of records).",
        28,
        "ects obtained",
        "ects earned",
        "transcript ects",
        "achieved ects",
        default=None,
    )
    ects_recognised: Annotated[float | None, Number(maximum=120, unit="ECTS")] = column(
        "ECTS credits recognised at home.",
        28,
        "ects recognized",
        "recognised ects",
        "recognized ects",
        default=None,
    )
    language: Annotated[str | None, Language()] = column(
        "Main language of the mobility (ISO 639-1).",
        "de",
        "language of instruction",
        "teaching language",
        "mobility language",
        "language taught",
        default=None,
    )
    cefr_before: Annotated[str | None, Cefr()] = column(
        "CEFR level in that language before the mobility.",
        "B1",
        "cefr-level",
        "cefr level",
        "language level before",
        "cefr start",
        default=None,
    )
    cefr_after: Annotated[str | None, Cefr()] = column(
        "CEFR level after the mobility.",
        "B2",
        "language level after",
        "cefr end",
        default=None,
    )
    grant_amount: Annotated[float | None, Number(maximum=1_000_000, unit="EUR")] = column(
        "Grant paid, in EUR.",
        2450,
        "grant",
        "grant eur",
        "total grant",
        "funding amount",
        default=None,
    )
    agreement_id: Annotated[str | None, Code()] = column(
        "Agreement the mobility falls under (see agreements).",
        "IIA-2021-DE-KONSTAN01",
        "iia id",
        "iia-id",
        "agreement",
        "agreement number",
        "inter-institutional agreement",
        default=None,
    )
    host_type: Annotated[
        str | None,
        Choice(
            HOST_TYPES,
            {
                "university": "higher_education",
                "hei": "higher_education",
                "company": "enterprise",
                "business": "enterprise",
                "private company": "enterprise",
                "public": "public_body",
                "government": "public_body",
                "ngo": "ngo",
                "non-profit": "ngo",
                "research centre": "research_institute",
                "research center": "research_institute",
            },
        ),
    ] = column(
        "Kind of host, for traineeships and placements.",
        "enterprise",
        "host organisation type",
        "organisation type",
        "type of host",
        default=None,
    )
    teaching_hours: Annotated[float | None, Number(maximum=500, unit="hours")] = column(
        "Teaching hours (staff teaching mobility).",
        8,
        "hours taught",
        default=None,
    )


AGREEMENT_TYPES = ("erasmus", "bilateral", "dual_degree", "joint_degree", "internship", "framework")
AGREEMENT_ACTIVITIES = ("any", "study", "traineeship", "teaching", "training")


class Agreement(ContractModel):
    """A partner agreement with its places per academic year (EWP IIA-like)."""

    table: ClassVar[str] = "agreements"
    label: ClassVar[str] = "Agreements"
    grain: ClassVar[str] = "one row per agreement (one cooperation condition)"
    key: ClassVar[tuple[str, ...]] = ("agreement_id",)
    row_rules: ClassVar[tuple[RowRule, ...]] = (
        RowRule(
            "valid_to", "valid to before valid from", _end_before_start("valid_from", "valid_to")
        ),
    )

    agreement_id: Annotated[str, Code()] = column(
        "Identifier of the agreement (one row per cooperation condition).",
        "IIA-2021-DE-KONSTAN01",
        "iia id",
        "iia-id",
        "agreement number",
        "agreement code",
        "id",
    )
    partner_erasmus_code: Annotated[str | None, ErasmusCode()] = column(
        "Partner's Erasmus institution code.",
        "D  KONSTAN01",
        "erasmus code",
        "partner erasmus",
        "partner institution code",
        default=None,
    )
    partner_schac_code: Annotated[str | None, Code(max_length=100)] = column(
        "Partner's SCHAC code.",
        "uni-konstanz.de",
        "schac code",
        "schac",
        "hei id",
        "hei-id",
        "partner hei id",
        default=None,
    )
    partner_name: Annotated[str, Text(max_length=200)] = column(
        "Partner institution.",
        "Universität Konstanz",
        "partner",
        "partner institution",
        "partner university",
        "institution name",
        "institution",
    )
    partner_country: Annotated[str, Country()] = column(
        "Country of the partner.",
        "DE",
        "country",
        "partner country code",
    )
    partner_city: Annotated[str | None, Text(max_length=100)] = column(
        "City of the partner.",
        "Konstanz",
        "city",
        default=None,
    )
    agreement_type: Annotated[
        str,
        Choice(
            AGREEMENT_TYPES,
            {
                "iia": "erasmus",
                "erasmus+": "erasmus",
                "inter-institutional agreement": "erasmus",
                "double degree": "dual_degree",
                "exchange": "bilateral",
                "mou": "framework",
                "traineeship": "internship",
                "placement": "internship",
            },
        ),
    ] = column(
        "Kind of agreement.",
        "erasmus",
        "type",
        "agreement kind",
        default="erasmus",
    )
    activity: Annotated[
        str,
        Choice(
            AGREEMENT_ACTIVITIES,
            {
                "sms": "study",
                "smp": "traineeship",
                "sta": "teaching",
                "stt": "training",
                "all": "any",
            },
        ),
    ] = column(
        "Mobility the places are for (SMS, SMP, STA, STT) or any.",
        "study",
        "mobility type",
        "activity type",
        default="any",
    )
    faculty: Annotated[str | None, Text(max_length=100)] = column(
        "Own faculty responsible; empty for university-wide agreements.",
        "Faculty of Engineering",
        "department",
        "school",
        default=None,
    )
    valid_from: Annotated[dt.date, Date()] = column(
        "First day of validity.",
        "2021-09-01",
        "start date",
        "from",
        "valid since",
    )
    # agreements are signed for a programme period or longer (an IIA valid to 2035)
    valid_to: Annotated[dt.date, Date(end_of_period=True, extra_years_ahead=10)] = column(
        "Last day of validity.",
        "2029-08-31",
        "end date",
        "to",
        "valid until",
        "expiry date",
        "expires",
    )
    places_outbound: Annotated[int, Number(maximum=1000, integer=True)] = column(
        "Places per academic year for our people going out.",
        2,
        "outgoing places",
        "places out",
        "outbound places",
        "places outgoing",
        default=0,
    )
    places_inbound: Annotated[int, Number(maximum=1000, integer=True)] = column(
        "Places per academic year for partner people coming in.",
        2,
        "incoming places",
        "places in",
        "inbound places",
        "places incoming",
        default=0,
    )
    months_per_year: Annotated[float | None, Number(maximum=1200, unit="months")] = column(
        "Total months per year (student mobility).",
        10,
        "total months",
        "months",
        default=None,
    )
    days_per_year: Annotated[float | None, Number(maximum=10000, unit="days")] = column(
        "Total days per year (staff mobility).",
        10,
        "total days",
        "days",
        default=None,
    )
    field: Annotated[str | None, Isced()] = column(
        "Field the agreement covers (ISCED-F 2013).",
        "041",
        "isced-f-code",
        "isced",
        "subject area",
        "field of education",
        default=None,
    )
    study_level: Annotated[int | None, Eqf()] = column(
        "EQF level covered.",
        7,
        "eqf level",
        "level",
        "cycle",
        default=None,
    )
    language: Annotated[str | None, Language()] = column(
        "Language requirement: language (ISO 639-1).",
        "de",
        "language of instruction",
        "language requirement",
        default=None,
    )
    cefr_min: Annotated[str | None, Cefr()] = column(
        "Language requirement: minimum CEFR level.",
        "B2",
        "cefr-level",
        "cefr level",
        "minimum level",
        default=None,
    )


PROJECT_ROLES = ("coordinator", "partner")


class Project(ContractModel):
    """An international project or grant in which the university takes part."""

    table: ClassVar[str] = "projects"
    label: ClassVar[str] = "Projects"
    grain: ClassVar[str] = "one row per project"
    key: ClassVar[tuple[str, ...]] = ("project_id",)
    row_rules: ClassVar[tuple[RowRule, ...]] = (
        RowRule(
            "end_date", "end date before start date", _end_before_start("start_date", "end_date")
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


class Headcount(ContractModel):
    """Denominators: students, graduates and staff per academic year and faculty."""

    table: ClassVar[str] = "headcounts"
    label: ClassVar[str] = "Headcounts"
    grain: ClassVar[str] = "one row per academic year, faculty and (optionally) study level"
    key: ClassVar[tuple[str, ...]] = ("academic_year", "faculty", "study_level")
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


def _target_out_of_range(frame: pd.DataFrame) -> pd.Series:
    def bad(kpi_id: Any, value: Any) -> bool:
        if kpi_id not in metrics.BY_ID or pd.isna(value):
            return False
        low, high = metrics.sensible_range(kpi_id)
        return not low <= float(value) <= high

    return pd.Series(
        [bad(k, v) for k, v in zip(frame["kpi_id"], frame["value"], strict=True)],
        index=frame.index,
        dtype=bool,
    )


class Target(ContractModel):
    """A target value set by leadership for a KPI in an academic year."""

    table: ClassVar[str] = "targets"
    label: ClassVar[str] = "Targets"
    grain: ClassVar[str] = "one row per KPI, academic year and faculty (empty: whole university)"
    key: ClassVar[tuple[str, ...]] = ("kpi_id", "academic_year", "faculty")
    row_rules: ClassVar[tuple[RowRule, ...]] = (
        RowRule(
            "value", "outside the sensible range for this KPI (0-100 for %)", _target_out_of_range
        ),
    )

    kpi_id: Annotated[str, Choice(metrics.KPI_IDS)] = column(
        "KPI identifier from the registry (see docs/kpis.md).",
        "outbound_mobility_ratio",
        "kpi",
        "indicator",
    )
    academic_year: Annotated[str, AcademicYear()] = column(
        "Academic year the target is for.",
        "2027/28",
        "year",
    )
    value: Annotated[float, Number(minimum=-1e7, maximum=1e12)] = column(
        "Target value in the KPI's unit.",
        12.5,
        "target",
        "target value",
    )
    faculty: Annotated[str | None, Text(max_length=100)] = column(
        "Faculty, or empty for the whole university.",
        "",
        "department",
        default=None,
    )
    note: Annotated[str | None, Text(max_length=500)] = column(
        "Where the target comes from.",
        "Strategy 2030",
        "comment",
        "source",
        default=None,
    )


MODELS: dict[str, type[ContractModel]] = {
    m.table: m for m in (Mobility, Agreement, Project, Headcount, Target)
}

# Columns holding personal data that the contract never stores: dropped at import, and the
# import summary says which were dropped.
PERSONAL_COLUMNS = frozenset(
    {
        "name",
        "full name",
        "first name",
        "firstname",
        "given name",
        "given names",
        "last name",
        "lastname",
        "surname",
        "family name",
        "student name",
        "participant name",
        "person name",
        "staff name",
        "e-mail",
        "email",
        "e mail",
        "mail",
        "email address",
        "e-mail address",
        "private email",
        "birth date",
        "date of birth",
        "birthdate",
        "dob",
        "birthday",
        "phone",
        "telephone",
        "mobile",
        "phone number",
        "address",
        "home address",
        "street",
        "passport",
        "passport number",
        "id card",
        "iban",
    }
)


def model_for(table: str) -> type[ContractModel]:
    """The contract model of a table; KeyError lists the known tables."""
    try:
        return MODELS[table]
    except KeyError:
        raise KeyError(f"unknown table {table!r}; known: {', '.join(MODELS)}") from None
