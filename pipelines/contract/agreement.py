"""The agreements table: partner agreements with their places per academic year."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from pipelines.contract.base import ContractModel, RowRule, column, end_before_start
from pipelines.contract.rules import (
    Cefr,
    Choice,
    Code,
    Country,
    Date,
    Eqf,
    ErasmusCode,
    Isced,
    Language,
    Number,
    Text,
)
from pipelines.contract.vocabulary import (
    AGREEMENT_ACTIVITIES,
    AGREEMENT_TYPES,
)


class Agreement(ContractModel):
    """A partner agreement with its places per academic year (EWP IIA-like)."""

    table: ClassVar[str] = "agreements"
    label: ClassVar[str] = "Agreements"
    grain: ClassVar[str] = "one row per agreement (one cooperation condition)"
    key: ClassVar[tuple[str, ...]] = ("agreement_id",)
    row_rules: ClassVar[tuple[RowRule, ...]] = (
        RowRule(
            "valid_to", "valid to before valid from", end_before_start("valid_from", "valid_to")
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
