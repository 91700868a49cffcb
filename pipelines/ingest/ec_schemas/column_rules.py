"""The EC's own column rules: its "no value" markers, country, gender, study-level, activity
and month spellings, where the contract's rules (``pipelines.contract.rules``) read them wrong
or not at all; the contract's rules are reused as they are everywhere else."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from pipelines.contract import reference
from pipelines.contract.rules import (
    NULL_MARKERS,
    Choice,
    Country,
    Date,
    Eqf,
    ParseContext,
    Rule,
    Text,
    _map_unique,
)
from pipelines.ingest.institutions import on_distinct

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
