"""Rules for codes of published classifications: countries (ISO 3166), languages (ISO 639),
CEFR and EQF levels, ISCED-F fields; each also reads the names people write instead."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from pipelines.contract import reference
from pipelines.contract.rules.base import NULL_MARKERS, ParseContext, Rule, _map_unique


@dataclass(frozen=True)
class Country(Rule):
    """ISO 3166-1 alpha-2 from a code, an Erasmus variant (UK, EL) or an English name."""

    reason: ClassVar[str] = "unknown country: use ISO 3166-1 alpha-2 (DE), UK/EL, or a name"
    null_markers: ClassVar[frozenset[str]] = NULL_MARKERS - {"na"}  # NA is Namibia

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        return _map_unique(text, reference.country_iso2)

    def describe(self) -> str:
        return "country: ISO 3166-1 alpha-2 (`DE`), alpha-3, Erasmus `UK`/`EL`, or English name"


_LIST_SPLIT = re.compile(r"\s*[;,/|]\s*")


@dataclass(frozen=True)
class CountryList(Rule):
    """Several countries separated by ``;`` ``,`` ``/`` or ``|``; stored as ``DE;FR`` (sorted)."""

    reason: ClassVar[str] = "list contains an unknown country"
    null_markers: ClassVar[frozenset[str]] = NULL_MARKERS - {"na"}

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        def convert(value: str) -> str | None:
            codes = [reference.country_iso2(part) for part in _LIST_SPLIT.split(value) if part]
            if not codes or any(code is None for code in codes):
                return None
            return ";".join(sorted(set(codes)))  # type: ignore[arg-type]

        return _map_unique(text, convert)

    def describe(self) -> str:
        return "countries separated by `;` (codes or names), e.g. `DE;FR;IT`"


@dataclass(frozen=True)
class Language(Rule):
    """ISO 639-1 two-letter code from a code or an English language name."""

    reason: ClassVar[str] = "unknown language: use ISO 639-1 (en) or an English name"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        return _map_unique(text, reference.language_iso639_1)

    def describe(self) -> str:
        return "language: ISO 639-1 code (`en`) or English name (`German`)"


_CEFR = re.compile(r"^\s*(?:CEFR\s*)?([ABC][12])\s*[+-]?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Cefr(Rule):
    """CEFR level A1..C2 (``b2``, ``B2+`` and ``CEFR B2`` are read as B2)."""

    reason: ClassVar[str] = "not a CEFR level (A1, A2, B1, B2, C1, C2)"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        return text.str.extract(_CEFR, expand=False).str.upper()

    def describe(self) -> str:
        return "CEFR level `A1` … `C2`"


EQF_ALIASES = {
    "short cycle": 5,
    "short-cycle": 5,
    "isced 5": 5,
    "bachelor": 6,
    "bachelor's": 6,
    "first cycle": 6,
    "isced 6": 6,
    "master": 7,
    "master's": 7,
    "second cycle": 7,
    "isced 7": 7,
    "doctorate": 8,
    "doctoral": 8,
    "phd": 8,
    "third cycle": 8,
    "isced 8": 8,
}
_EQF_NUMBER = re.compile(r"^\s*(?:EQF\s*(?:level\s*)?)?([5-8])\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Eqf(Rule):
    """EQF level 5..8 from ``7``, ``EQF 7``, ``master``, ``second cycle``, ``ISCED 7``."""

    reason: ClassVar[str] = "not an EQF level 5-8 (or short cycle, bachelor, master, doctorate)"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        numbers = pd.to_numeric(text.str.extract(_EQF_NUMBER, expand=False), errors="coerce")
        named = text.str.lower().map(EQF_ALIASES)
        return numbers.fillna(named).astype("Int64")

    def describe(self) -> str:
        return "EQF level `5` … `8` (or `short cycle`, `bachelor`, `master`, `doctorate`)"


@dataclass(frozen=True)
class Isced(Rule):
    """ISCED-F 2013 field code (2, 3 or 4 digits), ``0413 Business``, or a field name."""

    reason: ClassVar[str] = "not an ISCED-F 2013 field code or name"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        return _map_unique(text, reference.isced_code)

    def describe(self) -> str:
        return "ISCED-F 2013 code (`041`, `0413`) or field name"
