"""Column rules of the import contract: raw text in, clean value or a reason out.

Each rule is written once, vectorised over a pandas Series, so the bulk path (whole files,
millions of rows) and the single-record path (pydantic models, e.g. a form in the app) share
it: a rule placed in a field's ``Annotated[...]`` metadata is both read by
:func:`pipelines.ingest.validate.validate_frame` and turned into a pydantic before-validator.

A rule returns the cleaned Series; entries that were not empty on input but are missing on
output are invalid, and the rule's ``reason`` says why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pandas as pd
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from pipelines.contract import reference

EARLIEST_DATE_YEAR = 1990
LATEST_DATE_YEARS_AHEAD = 5
DATE_WINDOW_SETTINGS = "change it in the settings: earliest_date_year, latest_date_years_ahead"


@dataclass(frozen=True)
class ParseContext:
    """What the reader learned about a file, and what the warehouse's settings say, that
    changes how values are read.

    ``decimal`` is the file's decimal separator: ``,`` for semicolon-separated files (the
    European spreadsheet convention), ``.`` otherwise. It decides the numbers that could be
    read either way, a single separator followed by exactly three digits: ``1.500`` is 1500
    and ``1,500`` is 1.5 in a decimal-comma file, the other way round in a decimal-point file.

    Dates are accepted from 1 January of ``earliest_date_year`` to 31 December of the year
    ``latest_date_years_ahead`` years after ``today`` (the day the rule runs when None); a
    date column may reach further ahead (``Date.extra_years_ahead``). None means no bound
    on that side.
    """

    decimal: str = "."
    earliest_date_year: int | None = EARLIEST_DATE_YEAR
    latest_date_years_ahead: int | None = LATEST_DATE_YEARS_AHEAD
    today: dt.date | None = None

    @classmethod
    def from_settings(cls, settings: Mapping[str, str], decimal: str = ".") -> ParseContext:
        """The context of a warehouse's settings as stored (``pipelines/settings.py``); a
        missing or unreadable setting keeps its default."""
        from pipelines.settings import Settings

        typed = Settings.from_stored(settings)
        return cls(
            decimal=decimal,
            earliest_date_year=typed.earliest_date_year,
            latest_date_years_ahead=typed.latest_date_years_ahead,
        )

    def date_window(self, extra_years_ahead: int = 0) -> tuple[dt.date, dt.date]:
        """First and last accepted date (a column may reach ``extra_years_ahead`` further)."""
        earliest = dt.date(self.earliest_date_year or dt.MINYEAR, 1, 1)
        if self.latest_date_years_ahead is None:
            return earliest, dt.date.max
        today = self.today or dt.date.today()
        last_year = today.year + self.latest_date_years_ahead + extra_years_ahead
        return earliest, dt.date(min(last_year, dt.MAXYEAR), 12, 31)


DEFAULT_CONTEXT = ParseContext()
# no plausibility window: what a value would be read as, to tell "not a date" from "too late"
UNBOUNDED_CONTEXT = ParseContext(earliest_date_year=None, latest_date_years_ahead=None)

# Arrow-backed strings: the .str methods run in C++ rather than once per value in Python,
# which is what makes whole-column rules fast on files of millions of rows.
TEXT = pd.StringDtype("pyarrow")


# Markers that exports write for "no value": R's NA, Excel's #N/A, the EC's ? and ???.
NULL_MARKERS = frozenset(
    {"n/a", "#n/a", "na", "null", "none", "nan", "-", "--", "?", "???", "? unknown ?"}
)


def blank(raw: pd.Series, markers: frozenset[str] = NULL_MARKERS) -> pd.Series:
    """True where a raw value counts as empty (missing, whitespace, or a null marker)."""
    text = raw.astype(TEXT).str.strip()
    # lower() runs in Arrow; casefold() would fall back to Python per value
    return (text.isna() | text.eq("") | text.str.lower().isin(markers)).astype(bool)


@dataclass(frozen=True)
class Rule:
    """Base class: subclasses implement :meth:`clean` on non-blank text."""

    reason: ClassVar[str] = "invalid value"
    null_markers: ClassVar[frozenset[str]] = NULL_MARKERS

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:  # pragma: no cover
        raise NotImplementedError

    def describe(self) -> str:
        """Allowed values in words, for the data contract documentation."""
        return self.reason

    def explain(self, raw: pd.Series, ctx: ParseContext = DEFAULT_CONTEXT) -> pd.Series:
        """Why each of these (invalid) raw values was refused: ``reason`` unless a rule can
        say more about a value (a date outside the accepted window)."""
        return pd.Series(self.reason, index=raw.index, dtype="object")

    def apply(self, raw: pd.Series, ctx: ParseContext = DEFAULT_CONTEXT) -> pd.Series:
        """Cleaned values; blank and invalid input both give <NA>."""
        text = raw.astype(TEXT).str.strip()
        empty = blank(text, self.null_markers)
        out = pd.Series(pd.NA, index=raw.index, dtype="object")
        if (~empty).any():
            cleaned = self.clean(text[~empty], ctx)
            out.loc[~empty] = cleaned.astype("object").where(cleaned.notna(), pd.NA)
        return out

    def one(self, value: Any) -> Any:
        """The same rule on a single value (the pydantic path); raises ValueError if invalid."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        raw = pd.Series([str(value) if not isinstance(value, str) else value], dtype="object")
        if blank(raw, self.null_markers).iloc[0]:
            return None
        cleaned = self.apply(raw).iloc[0]
        if cleaned is pd.NA or cleaned is None:
            raise ValueError(self.explain(raw).iloc[0])
        if isinstance(cleaned, pd.Timestamp):
            return cleaned.date()
        return cleaned

    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_before_validator_function(self.one, handler(source_type))


_WHITESPACE = r"\s+"  # a pattern string, not compiled: Arrow runs string patterns natively


@dataclass(frozen=True)
class Text(Rule):
    """Free text, whitespace collapsed, at most ``max_length`` characters."""

    max_length: int = 200
    reason: ClassVar[str] = "text too long"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        collapsed = text.str.replace(_WHITESPACE, " ", regex=True)
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
        collapsed = text.str.replace(_WHITESPACE, " ", regex=True)
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
        upper = text.str.upper().str.replace(_WHITESPACE, " ", regex=True)
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


def _map_unique(text: pd.Series, convert: Callable[[str], Any]) -> pd.Series:
    """Apply a scalar conversion once per distinct value: reference look-ups are slow per row."""
    uniques = text.dropna().unique()
    mapping = {value: convert(value) for value in uniques}
    return text.map(mapping)


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


# Day-first formats only: a university export never writes month-first dates without saying so.
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y")
_MONTH_FORMATS = ("%m-%Y", "%m/%Y", "%m.%Y", "%Y-%m")


@dataclass(frozen=True)
class Date(Rule):
    """A date in YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or a month MM-YYYY, inside the plausible
    window of the :class:`ParseContext` (by default 1990 to five years after the current
    year; ``extra_years_ahead`` more for a column such as an agreement's end).

    A month alone means its first day, or its last day when ``end_of_period`` (end dates), so
    that a stay of ``09-2024`` to ``01-2025`` lasts five months, not four.
    """

    end_of_period: bool = False
    extra_years_ahead: int = 0
    reason: ClassVar[str] = "not a date (YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or MM-YYYY)"

    def parse(self, text: pd.Series) -> pd.Series:
        """Timestamps of the values written in one of the formats (NaT where none fits)."""
        # Spreadsheet cells come back as "2024-09-01 00:00:00".
        text = text.str.replace(r"[ T]00:00(:00(\.0+)?)?$", "", regex=True)
        result = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
        for fmt in _DATE_FORMATS:
            missing = result.isna()
            if not missing.any():
                break
            result[missing] = pd.to_datetime(text[missing], format=fmt, errors="coerce")
        for fmt in _MONTH_FORMATS:
            missing = result.isna()
            if not missing.any():
                break
            parsed = pd.to_datetime(text[missing], format=fmt, errors="coerce")
            if self.end_of_period:
                parsed = parsed + pd.offsets.MonthEnd(0)
            result[missing] = parsed
        return result

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        result = self.parse(text)
        earliest, latest = ctx.date_window(self.extra_years_ahead)
        in_range = result.between(pd.Timestamp(earliest), pd.Timestamp(latest))
        return result.where(in_range).dt.date.astype("object").where(in_range)

    def window_reason(self, ctx: ParseContext) -> str:
        earliest, latest = ctx.date_window(self.extra_years_ahead)
        return f"date outside {earliest:%Y-%m-%d} … {latest:%Y-%m-%d} ({DATE_WINDOW_SETTINGS})"

    def explain(self, raw: pd.Series, ctx: ParseContext = DEFAULT_CONTEXT) -> pd.Series:
        text = raw.astype(TEXT).str.strip()
        readable = self.clean(text, UNBOUNDED_CONTEXT).notna().to_numpy(dtype=bool)
        reasons = pd.Series(self.reason, index=raw.index, dtype="object")
        reasons[readable] = self.window_reason(ctx)
        return reasons

    def describe(self) -> str:
        end = " (a month alone means its last day)" if self.end_of_period else ""
        ahead = LATEST_DATE_YEARS_AHEAD + self.extra_years_ahead
        return (
            f"date `YYYY-MM-DD`, `DD.MM.YYYY`, `DD/MM/YYYY` or month `MM-YYYY`{end}; "
            f"{EARLIEST_DATE_YEAR} to {ahead} years ahead (default settings)"
        )


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


_ACADEMIC_YEAR = re.compile(r"^\s*(\d{4})\s*(?:[/\-–]\s*(\d{2}|\d{4}))?\s*$")


def academic_year_label(start_year: int) -> str:
    """``2024`` -> ``2024/25``: the label used everywhere for an academic year."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


@dataclass(frozen=True)
class AcademicYear(Rule):
    """An academic year as ``2024/25``; accepts ``2024/2025``, ``2024-25`` and ``2024``."""

    reason: ClassVar[str] = "not an academic year (2024/25)"

    def clean(self, text: pd.Series, ctx: ParseContext) -> pd.Series:
        def convert(value: str) -> str | None:
            match = _ACADEMIC_YEAR.match(value)
            if not match:
                return None
            start = int(match.group(1))
            end = match.group(2)
            if end is not None and int(end) % 100 != (start + 1) % 100:
                return None
            if not 1950 <= start <= 2100:
                return None
            return academic_year_label(start)

        return _map_unique(text, convert)

    def describe(self) -> str:
        return "academic year `2024/25` (also `2024/2025`, `2024-25`, `2024`)"


def field_rule(metadata: Sequence[Any]) -> Rule | None:
    """The rule attached to a pydantic field (its ``Annotated`` metadata), if any."""
    for item in metadata:
        if isinstance(item, Rule):
            return item
    return None
