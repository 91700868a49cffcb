"""What every column rule shares: the reading context, blank values, and the ``Rule`` base.

A rule returns the cleaned Series; entries that were not empty on input but are missing on
output are invalid, and the rule's ``reason`` says why. ``Rule.one`` runs the same vectorised
rule on a single value, and ``Rule`` doubles as pydantic metadata, so a rule written once
serves whole files and single records alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import pandas as pd
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

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


def _map_unique(text: pd.Series, convert: Callable[[str], Any]) -> pd.Series:
    """Apply a scalar conversion once per distinct value: reference look-ups are slow per row."""
    uniques = text.dropna().unique()
    mapping = {value: convert(value) for value in uniques}
    return text.map(mapping)


def field_rule(metadata: Sequence[Any]) -> Rule | None:
    """The rule attached to a pydantic field (its ``Annotated`` metadata), if any."""
    for item in metadata:
        if isinstance(item, Rule):
            return item
    return None
