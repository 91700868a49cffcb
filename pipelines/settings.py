"""The warehouse's settings as one typed model: each setting's type, default, limits, label and
meaning are declared once here.

The ``settings`` table stores every value as text (``key``, ``value``, ``description``), so that
SQL models can read them and a new setting needs no schema change. ``Settings.check`` turns a
person's input into the stored text (or refuses it, saying why); ``Settings.from_stored``
reads the table back typed, keeping a setting's default where a stored value cannot be read.
``pipelines/warehouse.py`` stores them; the Settings page, ``mobility settings`` and the audit
trail take their labels and descriptions from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class Settings(BaseModel):
    model_config = ConfigDict(validate_assignment=True)

    institution_name: str = Field(
        "Our University", title="University name", description="Name shown on pages and reports."
    )
    own_erasmus_code: str = Field(
        "",
        title="Erasmus code",
        description="The university's own Erasmus code (e.g. D  KONSTAN01).",
    )
    own_schac_code: str = Field(
        "",
        title="SCHAC code",
        description="The university's own SCHAC code (e.g. uni-konstanz.de).",
    )
    own_country: str = Field(
        "",
        title="Country",
        description="The university's own country (e.g. DE or Germany); never stored as a "
        "partner's.",
    )
    own_name_variants: str = Field(
        "",
        title="Other names in exports",
        description="Other names the university appears under in exports, separated by ';' "
        "(never a partner).",
    )
    year_start_month: int = Field(
        9,
        title="First month of the academic year",
        description="First month of the academic year (1-12).",
    )
    dormant_years: int = Field(
        2,
        ge=0,
        title="Years without mobility before an agreement is dormant",
        description="Academic years without mobility before an agreement is dormant.",
    )
    expiring_months: int = Field(
        12,
        ge=0,
        title="Months before an agreement's end it counts as expiring",
        description="Agreements ending within this many months are 'expiring'.",
    )
    small_cell_threshold: int = Field(
        5,
        ge=0,
        title="Smallest count shown in exports",
        description="Counts below this are suppressed in exports.",
    )
    earliest_date_year: int = Field(
        1990,
        ge=1900,
        title="Earliest plausible year of a date",
        description="Dates before 1 January of this year are refused on import as implausible.",
    )
    latest_date_years_ahead: int = Field(
        5,
        ge=0,
        le=100,
        title="Years ahead a date may lie",
        description="Dates after the end of the year this many years from now are refused on "
        "import (mobility end dates: 5 more years; agreement and project end dates: 10 more).",
    )

    @field_validator("year_start_month", "dormant_years", "expiring_months",
                     "small_cell_threshold", "earliest_date_year", "latest_date_years_ahead",
                     mode="before")  # fmt: skip
    @classmethod
    def _whole_number(cls, value: Any) -> Any:
        # "5", " 5 " and 5 are five; "5.0", "-1" and "five" are refused (pydantic would take
        # "5.0" as 5, and a sign as a negative number)
        text = str(value).strip()
        if not text.isdigit():
            raise ValueError("must be a whole number")
        return int(text)

    @field_validator("year_start_month")
    @classmethod
    def _month(cls, month: int) -> int:
        if not 1 <= month <= 12:
            raise ValueError("must be a month number 1-12")
        return month

    @field_validator("earliest_date_year")
    @classmethod
    def _not_in_the_future(cls, year: int) -> int:
        if year > dt.date.today().year:
            raise ValueError(f"must be a year from 1900 to {dt.date.today().year} (e.g. 1990)")
        return year

    @field_validator("own_country")
    @classmethod
    def _country(cls, value: str) -> str:
        from pipelines.contract.reference import (
            country_iso2,  # the country table loads on first use
        )

        if not value.strip():
            return ""
        iso2 = country_iso2(value)
        if iso2 is None:
            raise ValueError(f"{value!r} is not a country (use e.g. DE or Germany)")
        return iso2

    @classmethod
    def check(cls, key: str, value: str) -> str:
        """The text stored for ``key`` set to ``value`` (an ISO code for a country name, "7"
        for " 7 "); raises ``KeyError`` for an unknown key, ``ValueError`` naming the key."""
        if key not in cls.model_fields:
            raise KeyError(f"unknown setting {key!r}; known: {', '.join(cls.model_fields)}")
        try:
            checked = cls.model_validate({key: value})
        except ValidationError as exc:
            raise ValueError(f"{key}: {_reason(exc.errors()[0])}") from None
        return str(getattr(checked, key))

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any]) -> Settings:
        """The settings as stored (text), typed; a value that cannot be read keeps its
        default, so a hand-edited table never stops an import or a page."""
        values: dict[str, Any] = {}
        for key in cls.model_fields:
            if key in stored and stored[key] is not None:
                try:
                    values[key] = cls.check(key, str(stored[key]))
                except ValueError:
                    continue
        return cls.model_validate(values)


def where_set(key: str) -> str:
    """How a page tells a reader where a setting is changed, in the Settings page's words
    rather than its key: 'Settings page, "First month of the academic year"'."""
    return f'Settings page, "{Settings.model_fields[key].title}"'


def _reason(error: Mapping[str, Any]) -> str:
    """Pydantic's error as a person reads it ("must be at most 12", not "Input should be")."""
    context = error.get("ctx") or {}
    if error["type"] == "greater_than_equal":
        return f"must be at least {context['ge']}"
    if error["type"] == "less_than_equal":
        return f"must be at most {context['le']}"
    return str(error["msg"]).removeprefix("Value error, ")
