"""Rules for numbers and yes/no flags, as spreadsheets write them: a decimal comma or point,
thousands separators, currency signs; yes, ja, oui, 1 or x."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from pipelines.contract.rules.base import TEXT, ParseContext, Rule, _map_unique

# thousands groups: a first group of 1-3 digits not starting with 0 (0,500 is a decimal)
_GROUPED = {
    ",": re.compile(r"^-?[1-9]\d{0,2}(,\d{3})+$"),
    ".": re.compile(r"^-?[1-9]\d{0,2}(\.\d{3})+$"),
}
_NUMBER_NOISE = re.compile(r"[\s\u00a0'’€$£]|EUR$", re.IGNORECASE)
# what is left once the separators are settled: Python's float() would also take 1_000, inf
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
# read the same in either convention: whole numbers, and with a decimal point a plain decimal
_UNAMBIGUOUS = {".": r"^[+-]?(\d+|\d*\.\d+)$", ",": r"^[+-]?\d+$"}


def parse_number(value: str, decimal: str = ".") -> float | None:
    """One number written with a decimal comma or point, with or without thousands separators.

    ``1.234,5`` and ``1,234.5`` are unambiguous (the last separator is the decimal one), as is
    ``1.234.567``. A single separator followed by exactly three digits (``1,500``, ``1.500``)
    is read with the file's ``decimal`` convention: as the decimal separator when it is the
    file's, as a thousands separator when it is not. Any other single separator is a decimal
    one (``1,5`` and ``1.5`` are 1.5 in every file).
    """
    text = _NUMBER_NOISE.sub("", value)
    if "," in text and "." in text:
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        text = text.replace(thousands, "").replace(decimal_sep, ".")
    else:
        for sep in (",", "."):
            if sep not in text:
                continue
            grouped = _GROUPED[sep].match(text)
            if grouped and (text.count(sep) > 1 or decimal != sep):
                text = text.replace(sep, "")
            elif text.count(sep) == 1:
                text = text.replace(sep, ".")
            else:
                return None
            break
    if not _PLAIN_NUMBER.match(text):
        return None
    return float(text)


def parse_numbers(text: pd.Series, decimal: str) -> pd.Series:
    """:func:`parse_number` over a Series: numbers that read the same in the file's convention
    (``12``, and ``1.5`` in a decimal-point file) vectorised, the rest once per distinct value.

    ``pd.to_numeric`` alone would read ``1.500`` as 1.5 in a decimal-comma file, where it
    means 1500."""
    text = text.astype(TEXT)
    simple = text.str.match(_UNAMBIGUOUS[decimal]).fillna(False).astype(bool)
    plain = pd.Series(float("nan"), index=text.index, dtype="float64")
    if simple.any():
        plain[simple] = pd.to_numeric(text[simple].astype("object"), errors="coerce")
    rest = ~simple & text.notna()
    if rest.any():
        plain[rest] = _map_unique(text[rest], lambda v: parse_number(v, decimal)).astype("float64")
    return plain


@dataclass(frozen=True)
class Number(Rule):
    """A number between ``minimum`` and ``maximum``; decimal commas and thousands separators ok."""

    minimum: float = 0
    maximum: float = 1e12
    integer: bool = False
    unit: str = ""

    @property
    def reason(self) -> str:  # type: ignore[override]
        kind = "a whole number" if self.integer else "a number"
        return f"not {kind} between {self.minimum:g} and {self.maximum:g}"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        numbers = parse_numbers(text, ctx.decimal)
        ok = numbers.between(self.minimum, self.maximum)
        if self.integer:
            ok &= numbers.round().eq(numbers)
            return numbers.where(ok).astype("Int64")
        return numbers.where(ok)

    def describe(self) -> str:
        kind = "whole number" if self.integer else "number"
        unit = f" {self.unit}" if self.unit else ""
        return f"{kind}{unit}, {self.minimum:g} to {self.maximum:g}"


_TRUE = {"yes", "y", "true", "t", "1", "x", "ja", "j", "oui", "si", "sí", "1.0"}
_FALSE = {"no", "n", "false", "f", "0", "nein", "non", "0.0"}


@dataclass(frozen=True)
class Flag(Rule):
    """Yes/no: yes, y, true, 1, x (and ja, oui, sí) or no, n, false, 0 (and nein, non)."""

    reason: ClassVar[str] = "not yes/no"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        return _map_unique(
            text.str.lower(), lambda v: True if v in _TRUE else (False if v in _FALSE else None)
        )

    def describe(self) -> str:
        return "yes/no (`yes`, `no`, `true`, `false`, `1`, `0`)"
