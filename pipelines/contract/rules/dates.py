"""Rules for time: dates (day-first formats or a month, inside a plausible window) and
academic years (``2024/25``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from pipelines.contract.rules.base import (
    DATE_WINDOW_SETTINGS,
    DEFAULT_CONTEXT,
    EARLIEST_DATE_YEAR,
    LATEST_DATE_YEARS_AHEAD,
    TEXT,
    UNBOUNDED_CONTEXT,
    ParseContext,
    Rule,
    _map_unique,
)

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
