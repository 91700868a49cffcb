"""Erasmus institution codes: normalise them and tell the country they belong to.

The European Commission writes institution codes in a fixed-width form: a country prefix of
up to three characters padded with spaces, then the city and a number (``D  KONSTAN01``,
``UK BATH01``, ``IRLDUBLIN02``). Real files bend that form: a mixed-case ``Uk PRESTON03`` in
the EC institution list, a space inside the city part (``D  KOELN 03``), Belgian community
prefixes with no institution (``BENL XX``). Codes are normalised with the contract's own
:class:`~pipelines.contract.rules.ErasmusCode` rule; what it refuses is kept (upper-cased, prefix
padded) rather than rejected, so an odd code is reported as unknown, never dropped.

The prefix is not an ISO country code (``D`` is Germany, ``SF`` Finland, ``G`` Greece). The EC's own
prefixes that differ from ISO 3166-1 are listed here; two-letter prefixes that are ISO codes or
Erasmus variants (``UK``, ``EL``) go through :func:`pipelines.contract.reference.country_iso2`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from pipelines.contract import reference
from pipelines.contract.rules import ErasmusCode, ParseContext

# EC institution-code prefixes that are not ISO 3166-1 alpha-2 codes (nor the UK/EL variants).
EC_CODE_PREFIXES = {
    "A": "AT",
    "B": "BE",
    "BEDE": "BE",  # Belgium, German-speaking community (institution not given: "BEDE XX")
    "BEFR": "BE",  # Belgium, French community
    "BENL": "BE",  # Belgium, Flemish community
    "D": "DE",
    "E": "ES",
    "EUR": "IT",  # EURFIESOLE01: the European University Institute, Fiesole (Florence)
    "F": "FR",
    "G": "GR",
    "I": "IT",
    "IRL": "IE",
    "LUX": "LU",
    "N": "NO",
    "P": "PT",
    "S": "SE",
    "SF": "FI",
}
# Prefixes written without a space before the city (the code is fixed-width).
UNSPACED_PREFIXES = ("IRL", "LUX", "EUR")

_SPACES = re.compile(r"\s+")
_PREFIXED = re.compile(r"^([A-Z]{1,4})\s+(\S.*)$")


def on_distinct(text: pd.Series, clean: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``clean`` applied once per distinct value, then spread back over the rows.

    EC files repeat a few thousand codes and dates over hundreds of thousands of rows, so
    string rules run on the distinct values only.
    """
    positions, uniques = pd.factorize(text)
    cleaned = clean(pd.Series(uniques, dtype="string")).astype("object").to_numpy()
    return pd.Series(cleaned[positions], index=text.index, dtype="object")


@dataclass(frozen=True)
class InstitutionCode(ErasmusCode):
    """An Erasmus code as the EC files write it; unusual codes are kept, never refused.

    ``ErasmusCode`` normalises spacing and case; a code it does not accept (inner spaces,
    four-letter Belgian prefixes) is upper-cased with its prefix padded to three characters.
    """

    reason: ClassVar[str] = "not an institution code (at most 20 characters)"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        def normalise(values: pd.Series) -> pd.Series:
            strict = ErasmusCode.clean(self, values, ctx)
            loose = values.str.upper().str.replace(_SPACES, " ", regex=True)
            parts = loose.str.extract(_PREFIXED)
            # a prefix longer than the fixed width (BENL XX) keeps its space
            prefix = parts[0].str.ljust(3).where(parts[0].str.len() <= 3, parts[0] + " ")
            padded = (prefix + parts[1]).fillna(loose)
            out = strict.fillna(padded)
            return out.where(out.str.len() <= 20)

        return on_distinct(text, normalise)

    def describe(self) -> str:
        return "Erasmus institution code, e.g. `D  KONSTAN01` (spacing and case are normalised)"


def normalise_codes(codes: pd.Series) -> pd.Series:
    """Normalised institution codes (``d konstan01`` -> ``D  KONSTAN01``); blanks are <NA>."""
    return InstitutionCode().apply(codes)


def code_prefix(code: str) -> str | None:
    """The country prefix of a normalised code: ``D  KONSTAN01`` -> ``D``."""
    match = _PREFIXED.match(code)
    if match:
        return match.group(1)
    for prefix in UNSPACED_PREFIXES:
        if code.startswith(prefix):
            return prefix
    return None


def prefix_country(prefix: str) -> str | None:
    """ISO 3166-1 alpha-2 country of an EC code prefix, or None if it names none."""
    if prefix in EC_CODE_PREFIXES:
        return EC_CODE_PREFIXES[prefix]
    if len(prefix) == 2:
        return reference.country_iso2(prefix)
    return None


def code_country(codes: pd.Series) -> pd.Series:
    """Country (ISO alpha-2) of each normalised institution code, from its prefix.

    Computed once per distinct code: a year of EC records has ~250k rows but ~4k codes.
    """
    uniques = codes.dropna().unique()
    mapping = {}
    for code in uniques:
        prefix = code_prefix(str(code))
        mapping[code] = prefix_country(prefix) if prefix else None
    return codes.map(mapping).astype("object")
