"""The benchmark contract: the European Commission's Erasmus files as three source tables.

These tables are kept apart from the university's own import contract (``pipelines.contract``):
they describe the whole programme, not the university, and are stored in ``ec_*`` tables,
never in ``raw_*``. Each model lists, per column, every header the EC has used for it over
the years (LLP 2008-09 to 2012-13 raw and cleaned files, Erasmus+ KA1 2014-2019 CSV and the
later releases); ``pipelines.ingest.erasmus_ec`` detects the variant and maps it.

The same machinery as the own contract reads them: the column rules of ``pipelines.contract.rules``
(reused where they fit, specialised here where the EC writes its own codes), the bulk
validator, and the transactional upsert of ``pipelines.ingest.load``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, ClassVar

import pandas as pd

from pipelines.contract import GENDERS, ContractModel, RowRule, column, reference
from pipelines.contract.rules import (
    NULL_MARKERS,
    AcademicYear,
    Choice,
    Code,
    Country,
    Date,
    Eqf,
    Flag,
    Number,
    ParseContext,
    Rule,
    Text,
    _map_unique,
)
from pipelines.ingest.institutions import InstitutionCode, code_country, on_distinct

# The EC's "no value" markers beyond the shared ones: XX for an unknown country or
# nationality, "Undefined" genders in Erasmus+ files, 00/0000 for a missing month.
EC_NULL_MARKERS = NULL_MARKERS | {"xx", "unknown", "undefined", "00/0000", "00-0000", "0000-00"}

MOBILITY_TYPES = ("study", "placement", "combined", "teaching", "training", "other")
PROFILES = ("learner", "staff")
REST_OF_WORLD = "ZZ"  # ISO 3166 user-assigned code: the EC's "Rest of the world"


@dataclass(frozen=True)
class Verbatim(Text):
    """Free text kept as written (only trimmed): enterprise names may hold line breaks."""

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        return text.where(text.str.len() <= self.max_length)


@dataclass(frozen=True)
class EcCountry(Country):
    """A country code as the EC writes it; ``XX`` and ``unknown`` mean no value."""

    null_markers: ClassVar[frozenset[str]] = EC_NULL_MARKERS - {"na"}


@dataclass(frozen=True)
class FlowCountry(Country):
    """A country name of the EC flow table; ``Rest of the world`` becomes ``ZZ``."""

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        def convert(value: str) -> str | None:
            if value.strip().casefold() in ("rest of the world", "other countries"):
                return REST_OF_WORLD
            return reference.country_iso2(value)

        return _map_unique(text, convert)

    def describe(self) -> str:
        return "country name or code; `Rest of the world` is stored as `ZZ`"


@dataclass(frozen=True)
class EcGender(Choice):
    """F/M (LLP) or Female/Male (Erasmus+); ``Undefined`` and ``?`` mean no value."""

    null_markers: ClassVar[frozenset[str]] = EC_NULL_MARKERS


_EQF_IN_TEXT = re.compile(r"EQF[\s\-]*(?:level\s*)?([5-8])", re.IGNORECASE)
_ISCED_IN_TEXT = re.compile(r"ISCED[\s\-]*([5-8])", re.IGNORECASE)
LLP_LEVELS = {"s": 5, "1": 6, "2": 7, "3": 8}


@dataclass(frozen=True)
class EcStudyLevel(Rule):
    """EQF level from the LLP cycle codes (S, 1, 2, 3) or an Erasmus+ education-level text.

    LLP files code the Bologna cycle: ``S`` short cycle (EQF 5), ``1`` first cycle (6),
    ``2`` second cycle (7), ``3`` doctorate (8). Erasmus+ files write e.g. ``ISCED-6 - First
    cycle / Bachelor's or equivalent level (EQF-6)``; the EQF number is taken from the text.
    """

    reason: ClassVar[str] = "not a study level (S, 1, 2, 3 or an EQF/ISCED level 5-8)"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        fallback = Eqf()

        def convert(value: str) -> int | None:
            folded = value.strip().casefold()
            if folded in LLP_LEVELS:
                return LLP_LEVELS[folded]
            for pattern in (_EQF_IN_TEXT, _ISCED_IN_TEXT):
                match = pattern.search(value)
                if match:
                    return int(match.group(1))
            found = fallback.apply(pd.Series([value])).iloc[0]
            return None if found is pd.NA else int(found)

        return _map_unique(text, convert).astype("Int64")

    def describe(self) -> str:
        return "LLP cycle `S`/`1`/`2`/`3` or an EQF/ISCED level 5-8 (stored as EQF 5-8)"


@dataclass(frozen=True)
class EcActivity(Rule):
    """What the mobility is: LLP codes S/P/C, or an Erasmus+ ``Activity (mob)`` text.

    Every value is accepted: an Erasmus+ activity that is not a study period, a traineeship
    or staff teaching/training (youth exchanges, school staff, ...) is ``other``.
    """

    reason: ClassVar[str] = "not a mobility type"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        codes = {"s": "study", "p": "placement", "c": "combined"}

        def convert(value: str) -> str:
            folded = value.strip().casefold()
            if folded in codes:
                return codes[folded]
            if folded in MOBILITY_TYPES:
                return folded
            if "traineeship" in folded or "placement" in folded:
                return "placement"
            if "teaching" in folded:
                return "teaching"
            if "training" in folded and "staff" in folded:
                return "training"
            if "stud" in folded:
                return "study"
            return "other"

        return _map_unique(text, convert)

    def describe(self) -> str:
        return "LLP `S` study, `P` placement, `C` combined, or an Erasmus+ activity text"


@dataclass(frozen=True)
class EcDate(Date):
    """A month or date as the EC writes it: ``09-2008``, ``09/2008``, ``Sep-08``, ``2019-09``.

    ``00/0000`` and the other EC markers mean no value.
    """

    null_markers: ClassVar[frozenset[str]] = EC_NULL_MARKERS

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        def parse(values: pd.Series) -> pd.Series:
            out = Date.clean(self, values, ctx)
            missing = out.isna()
            if missing.any():
                months = pd.to_datetime(values[missing], format="%b-%y", errors="coerce")
                out.loc[missing] = months.dt.date.astype("object").where(months.notna())
            return out

        return on_distinct(text, parse)


def _earliest(*columns: pd.Series) -> pd.Series:
    stacked = pd.concat([pd.to_datetime(c, errors="coerce") for c in columns], axis=1)
    first = stacked.min(axis=1)
    return first.dt.date.astype("object").where(first.notna(), pd.NA)


class EcModel(ContractModel):
    """Base of the benchmark tables: stored as ``ec_<name>``, apart from ``raw_*``."""

    @classmethod
    def source_table(cls) -> str:
        return cls.table


class EcMobility(EcModel):
    """One EC record: one student mobility (LLP) or an aggregate of similar ones (Erasmus+)."""

    table: ClassVar[str] = "ec_mobilities"
    label: ClassVar[str] = "EC Erasmus mobility records"
    grain: ClassVar[str] = (
        "one row per record of an EC file; a record counts `participants` mobilities"
    )
    key: ClassVar[tuple[str, ...]] = ("record_id",)
    row_rules: ClassVar[tuple[RowRule, ...]] = (
        RowRule(
            "start_date",
            "no start date and no academic year: the record cannot be placed in a year",
            lambda f: (f["start_date"].isna() & f["reported_year"].isna()).astype(bool),
        ),
    )

    @classmethod
    def derive(cls, frame: pd.DataFrame) -> pd.DataFrame:
        """Start from the study or placement start; countries from institution codes."""
        frame["start_date"] = frame["start_date"].fillna(
            _earliest(frame["study_start"], frame["placement_start"])
        )
        frame["home_country"] = frame["home_country"].fillna(
            code_country(frame["home_erasmus_code"])
        )
        frame["host_country"] = frame["host_country"].fillna(
            code_country(frame["host_erasmus_code"])
        )
        return frame

    record_id: Annotated[str, Code(max_length=64)] = column(
        "Identifier given at import: the file's SHA-256 prefix and the record's row number.",
        "3f2a9c1b7d4e:2",
    )
    person_id: Annotated[str | None, Code(max_length=128)] = column(
        "Student identifier (2012-13 raw files only); pseudonymised at import.",
        "123456",
        "student_id",
        default=None,
    )
    home_erasmus_code: Annotated[str | None, InstitutionCode()] = column(
        "Erasmus code of the sending (home) institution.",
        "D  KONSTAN01",
        "home_institution",
        "homeinstitution",
        "home_institution_cde",
        "sending organisation erasmus code",
        "sending organization erasmus code",
        default=None,
    )
    home_country: Annotated[str, EcCountry()] = column(
        "Country of the sending institution (from the file, else from its code's prefix).",
        "DE",
        "countryofhomeinstitution",
        "countrycodeofhomeinstitution",
        "home_institution_ctry_cde",
        "sending country code",
        "sending country",
    )
    home_name: Annotated[str | None, Text(max_length=300)] = column(
        "Name of the sending organisation (Erasmus+ files).",
        "Universität Konstanz",
        "sending organization",
        "sending organisation",
        "sending organisation name",
        default=None,
    )
    home_city: Annotated[str | None, Text(max_length=100)] = column(
        "City of the sending organisation (Erasmus+ files).",
        "Konstanz",
        "sending city",
        default=None,
    )
    host_erasmus_code: Annotated[str | None, InstitutionCode()] = column(
        "Erasmus code of the receiving (host) institution; empty for placements.",
        "UK BATH01",
        "host_institution",
        "hostinstitution",
        "host_institution_cde",
        "receiving organisation erasmus code",
        "receiving organization erasmus code",
        default=None,
    )
    host_country: Annotated[str | None, EcCountry()] = column(
        "Country of the receiving institution (from the file, else from its code's prefix).",
        "GB",
        "countryofhostinstitution",
        "host_institution_country_cde",
        "receiving country code",
        "receiving country",
        default=None,
    )
    host_name: Annotated[str | None, Text(max_length=300)] = column(
        "Name of the receiving organisation (Erasmus+ files).",
        "University of Bath",
        "receiving organization",
        "receiving organisation",
        "receiving organination name",
        default=None,
    )
    host_city: Annotated[str | None, Text(max_length=100)] = column(
        "City of the receiving organisation (Erasmus+ files).",
        "Bath",
        "receiving city",
        default=None,
    )
    placement_enterprise: Annotated[str | None, Verbatim(max_length=500)] = column(
        "Enterprise of a work placement, as written (may span lines).",
        "KULTURWERK BBK BERLIN",
        "work_placement",
        "workplacement",
        "placemententerprise",
        "placement_enterprise_value",
        default=None,
    )
    placement_country: Annotated[str | None, EcCountry()] = column(
        "Country of the work placement.",
        "DE",
        "country_work_placement",
        "countryofworkplacement",
        "countryofplacement",
        "placement_enterprise_ctry_cde",
        default=None,
    )
    mobility_type: Annotated[str, EcActivity()] = column(
        "study, placement, combined (LLP S/P/C), teaching, training or other.",
        "study",
        "mobilitytype",
        "mobility_type_cde",
        "activity (mob)",
        "activity",
    )
    participant_profile: Annotated[str | None, Choice(PROFILES, {"student": "learner"})] = column(
        "Learner or staff (Erasmus+); LLP student files are learners.",
        "learner",
        "participant profile",
        default="learner",
    )
    study_level: Annotated[int | None, EcStudyLevel()] = column(
        "EQF level: S=5 short cycle, 1=6 first cycle, 2=7 second cycle, 3=8 doctorate.",
        6,
        "level_study",
        "levelstudy",
        "student_study_level_cde",
        "education level",
        default=None,
    )
    field_of_education: Annotated[str | None, Text(max_length=200)] = column(
        "Subject area or field of education, as written.",
        "0413",
        "subjectarea",
        "student_subject_area_value",
        "field of education",
        default=None,
    )
    age: Annotated[int | None, Number(minimum=10, maximum=100, integer=True)] = column(
        "Age at the start of the mobility.",
        23,
        "student_age_value",
        "participant age",
        default=None,
    )
    gender: Annotated[str | None, EcGender(GENDERS, {"f": "female", "m": "male", "x": "other"})] = (
        column(
            "female, male or other.",
            "female",
            "sex",
            "student_gender_cde",
            "participant gender",
            default=None,
        )
    )
    nationality: Annotated[str | None, EcCountry()] = column(
        "Nationality (ISO alpha-2; UK/EL accepted, XX is unknown).",
        "DE",
        "student_nationality_cde",
        "participant nationality",
        default=None,
    )
    study_months: Annotated[float | None, Number(maximum=24, unit="months")] = column(
        "Length of the study period in months (0 when there is none).",
        4.5,
        "length_study",
        "lengthstudyperiod",
        "length_study_period_value",
        default=None,
    )
    placement_months: Annotated[float | None, Number(maximum=24, unit="months")] = column(
        "Length of the work placement in months (0 when there is none).",
        0,
        "length_work",
        "lengthworkplacement",
        "lengthplacement",
        "length_placement_value",
        default=None,
    )
    duration_days: Annotated[float | None, Number(maximum=3000, unit="days")] = column(
        "Duration in calendar days (Erasmus+ files).",
        150,
        "mobility duration",
        "mobility duration - calendar days",
        "duration - calendar days",
        default=None,
    )
    study_start: Annotated[dt.date | None, EcDate()] = column(
        "Month the study period starts.",
        "09-2008",
        "study_start_date",
        "studystartdate",
        default=None,
    )
    placement_start: Annotated[dt.date | None, EcDate()] = column(
        "Month the work placement starts.",
        "01-2009",
        "work_start_date",
        "placementstartdate",
        "placement_start_date",
        default=None,
    )
    start_date: Annotated[dt.date | None, EcDate()] = column(
        "Start of the mobility (Erasmus+), else the earlier of study and placement start.",
        "2019-09",
        "mobility start month",
        "mobility start year/month",
        "mobility start month/year",
        default=None,
    )
    reported_year: Annotated[str | None, AcademicYear()] = column(
        "Academic year as the file states it (Erasmus+ column, or the LLP raw file's year).",
        "2019/20",
        "academic year",
        default=None,
    )
    ects_total: Annotated[float | None, Number(maximum=200)] = column(
        "ECTS credits anticipated.",
        30,
        "totalectscredits",
        "total_ects_credits_amt",
        default=None,
    )
    fewer_opportunities: Annotated[bool | None, Flag()] = column(
        "Participant with fewer opportunities (Erasmus+; no includes not relevant).",
        "No",
        "fewer opportunities",
        default=None,
    )
    special_needs: Annotated[bool | None, Flag()] = column(
        "Participant with special needs (Erasmus+).",
        "No",
        "special needs",
        default=None,
    )
    participants: Annotated[int | None, Number(minimum=1, maximum=1e6, integer=True)] = column(
        "Mobilities this record stands for: Erasmus+ aggregates similar ones; LLP rows are 1.",
        1,
        "actual participants",
        "number of participants",
        default=1,
    )
    project_reference: Annotated[str | None, Code(max_length=64)] = column(
        "Erasmus+ project reference.",
        "2016-1-AT01-KA103-016290",
        "project reference",
        default=None,
    )


class EcInstitution(EcModel):
    """An institution of the EC's Erasmus charter list (EUC.json)."""

    table: ClassVar[str] = "ec_institutions"
    label: ClassVar[str] = "EC Erasmus institution list"
    grain: ClassVar[str] = "one row per Erasmus institution code"
    key: ClassVar[tuple[str, ...]] = ("erasmus_code",)

    @classmethod
    def derive(cls, frame: pd.DataFrame) -> pd.DataFrame:
        """Country from the code when missing; upper-case city names in title case."""
        frame["country"] = frame["country"].fillna(code_country(frame["erasmus_code"]))
        city = frame["city"].astype("string")
        upper = city.str.isupper().fillna(False).astype(bool)
        frame["city"] = city.where(~upper, city.str.title()).astype("object")
        return frame

    erasmus_code: Annotated[str, InstitutionCode()] = column(
        "Erasmus institution code.", "D  KONSTAN01", "institutional_code", "erasmus code"
    )
    name: Annotated[str, Text(max_length=300)] = column(
        "Name of the institution.",
        "UNIVERSITAET KONSTANZ",
        "organisation_name",
        "organization_name",
        "institution name",
    )
    country: Annotated[str | None, EcCountry()] = column(
        "Country (ISO alpha-2; UK and EL accepted).", "DE", default=None
    )
    city: Annotated[str | None, Text(max_length=100)] = column(
        "City (all-capital names are written in title case).", "Konstanz", default=None
    )
    charter: Annotated[str | None, Code(max_length=20, upper=True)] = column(
        "Charter type: EUC, EUCX (extended, incl. placements), EUCP.", "EUCX", "code", default=None
    )
    application_reference: Annotated[str | None, Code(max_length=100)] = column(
        "Charter application reference.",
        "28505-IC-1-2007-1-AT-ERASMUS-EUC-1",
        "application_reference_number",
        default=None,
    )


class EcCountryFlow(EcModel):
    """One cell of the EC's country-to-country flow table (cumulative since 2014)."""

    table: ClassVar[str] = "ec_country_flows"
    label: ClassVar[str] = "EC Erasmus+ country flow table"
    grain: ClassVar[str] = "one row per sending and receiving country"
    key: ClassVar[tuple[str, ...]] = ("sending_country", "receiving_country")

    sending_country: Annotated[str, FlowCountry()] = column(
        "Sending country.", "Austria", "(from)", "from", "sending country"
    )
    receiving_country: Annotated[str, FlowCountry()] = column(
        "Receiving country.", "Belgium", "(to)", "to", "receiving country"
    )
    participants: Annotated[int, Number(maximum=1e9, integer=True)] = column(
        "Participants (all KA1 learning mobility, cumulative since 2014).",
        6825,
        "(weight)",
        "weight",
    )


EC_MODELS: dict[str, type[EcModel]] = {
    m.table: m for m in (EcMobility, EcInstitution, EcCountryFlow)
}
