"""The EC's record-level mobility files as one table: LLP student records (2008-09 to 2012-13)
and Erasmus+ KA1 records, each field listing every header the EC used for its column."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

import pandas as pd

from pipelines.contract import GENDERS, RowRule, column
from pipelines.contract.rules import AcademicYear, Choice, Code, Flag, Number, Text
from pipelines.ingest.ec_schemas.base import EcModel
from pipelines.ingest.ec_schemas.column_rules import (
    PROFILES,
    EcActivity,
    EcCountry,
    EcDate,
    EcGender,
    EcStudyLevel,
    Verbatim,
)
from pipelines.ingest.institutions import InstitutionCode, code_country


def _earliest(*columns: pd.Series) -> pd.Series:
    stacked = pd.concat([pd.to_datetime(c, errors="coerce") for c in columns], axis=1)
    first = stacked.min(axis=1)
    return first.dt.date.astype("object").where(first.notna(), pd.NA)


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
