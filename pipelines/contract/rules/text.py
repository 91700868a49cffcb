"""Rules for written words: free text, identifiers, Erasmus institution codes, fixed choices."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.contract.rules.base import TEXT, ParseContext, Rule, _map_unique

# Python's \s in RE2 (Arrow's engine) terms: Unicode separators and the same control
# characters; pandas would run r"\s+" through Python's re once per value instead.
_WHITESPACE = r"[\pZ\t\n\x{0B}\f\r\x{1C}-\x{1F}\x{85}]+"


def collapse_whitespace(text: pd.Series) -> pd.Series:
    """Every run of whitespace as one space, computed in Arrow."""
    arrow = pa.array(text.astype(TEXT))
    collapsed = pc.replace_substring_regex(arrow, _WHITESPACE, " ")
    return pd.Series(pd.arrays.ArrowStringArray(collapsed), index=text.index)


@dataclass(frozen=True)
class Text(Rule):
    """Free text, whitespace collapsed, at most ``max_length`` characters."""

    max_length: int = 200
    reason: ClassVar[str] = "text too long"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        collapsed = collapse_whitespace(text)
        return collapsed.where(collapsed.str.len() <= self.max_length)

    def describe(self) -> str:
        return f"text, at most {self.max_length} characters"


@dataclass(frozen=True)
class Code(Rule):
    """An identifier: trimmed, inner whitespace collapsed, upper-cased if ``upper``."""

    max_length: int = 64
    upper: bool = False
    reason: ClassVar[str] = "identifier too long"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        collapsed = collapse_whitespace(text)
        if self.upper:
            collapsed = collapsed.str.upper()
        return collapsed.where(collapsed.str.len() <= self.max_length)

    def describe(self) -> str:
        return f"identifier, at most {self.max_length} characters"


_ERASMUS_CODE = re.compile(r"^([A-Z]{1,3})\s+(\S+)$")


@dataclass(frozen=True)
class ErasmusCode(Rule):
    """An Erasmus institution code in the EC's fixed-width form: ``D  KONSTAN01``.

    The country prefix is padded to three characters, as the EC writes it, so ``d konstan01``
    and ``D  KONSTAN01`` become the same code; ``IRLDUBLIN01`` (no space) stays as it is.
    """

    reason: ClassVar[str] = "not an Erasmus code (country prefix, space, city and number)"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        upper = collapse_whitespace(text.str.upper())
        parts = upper.str.extract(_ERASMUS_CODE)
        padded = parts[0].str.ljust(3) + parts[1]
        unpadded = upper.str.len().between(4, 20) & ~upper.str.contains(" ", regex=False)
        return padded.fillna(upper).where(parts[0].notna() | unpadded)

    def describe(self) -> str:
        return "Erasmus code, e.g. `D  KONSTAN01` (spacing and case are normalised)"


def _fold(value: str) -> str:
    return re.sub(r"[\s_\-]+", " ", value.strip().casefold())


@dataclass(frozen=True)
class Choice(Rule):
    """One of a fixed set of values; ``aliases`` maps other spellings to them (case-insensitive)."""

    values: tuple[str, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)

    @property
    def reason(self) -> str:  # type: ignore[override]
        return "not one of: " + ", ".join(self.values)

    def lookup(self) -> dict[str, str]:
        table = {_fold(v): v for v in self.values}
        table.update({_fold(k): v for k, v in self.aliases.items()})
        return table

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        table = self.lookup()
        return _map_unique(text, lambda v: table.get(_fold(v)))

    def describe(self) -> str:
        return "one of " + ", ".join(f"`{v}`" for v in self.values)
