"""The mobilities table: one row per person per mobility."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar

import pandas as pd
from pydantic import model_validator

from pipelines.contract.base import ContractModel, RowRule, column, end_before_start
from pipelines.contract.rules import (
    Cefr,
    Choice,
    Code,
    Country,
    Date,
    Eqf,
    ErasmusCode,
    Flag,
    Isced,
    Language,
    Number,
    Text,
)
from pipelines.contract.vocabulary import (
    ACTIVITIES,
    ACTIVITY_ALIASES,
    DEGREE_PROGRAMME_HEADERS,
    DIRECTION_ALIASES,
    DIRECTIONS,
    GENDER_ALIASES,
    GENDERS,
    HOST_TYPE_ALIASES,
    HOST_TYPES,
    MODE_ALIASES,
    MODES,
    PERSON_ROLE_ALIASES,
    PERSON_ROLES,
    STATUS_ALIASES,
    STATUSES,
)


class Mobility(ContractModel):
    """One row per person per mobility (a stay, a visit or an online participation)."""

    table: ClassVar[str] = "mobilities"
    label: ClassVar[str] = "Mobilities"
    grain: ClassVar[str] = "one row per person per mobility"
    key: ClassVar[tuple[str, ...]] = ("mobility_id",)
    row_rules: ClassVar[tuple[RowRule, ...]] = (
        RowRule(
            "end_date", "end date before start date", end_before_start("start_date", "end_date")
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
    person_role: Annotated[str, Choice(PERSON_ROLES, PERSON_ROLE_ALIASES)] = column(
        "Who moves.",
        "student",
        "role",
        "participant profile",
        "participant type",
        "participant role",
        "profile",
    )
    direction: Annotated[str, Choice(DIRECTIONS, DIRECTION_ALIASES)] = column(
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
    mode: Annotated[str | None, Choice(MODES, MODE_ALIASES)] = column(
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
    degree_programme: Annotated[str | None, Text(max_length=150)] = column(
        "Degree programme of the student, as the university names it: the programme studied "
        "at home for outbound, the host programme for inbound; empty for staff.",
        "Computer Science (BSc)",
        *DEGREE_PROGRAMME_HEADERS,
        default=None,
        added_later=True,
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
    status: Annotated[str, Choice(STATUSES, STATUS_ALIASES)] = column(
        "Where the mobility stands. If the column is missing or empty, completed is assumed.",
        "completed",
        "mobility status",
        "state",
        default="completed",
    )
    gender: Annotated[str | None, Choice(GENDERS, GENDER_ALIASES)] = column(
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
    host_type: Annotated[str | None, Choice(HOST_TYPES, HOST_TYPE_ALIASES)] = column(
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
