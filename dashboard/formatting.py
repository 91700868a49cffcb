"""How numbers are written on pages: thousands separators and units."""

from __future__ import annotations

import math

import pandas as pd
import pycountry

from pipelines import exports, metrics
from pipelines.contract import reference, vocabulary


def missing(value: object) -> bool:
    """No number to write: None or NaN."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def kpi_value(value: float | None, unit: str) -> str:
    if missing(value):
        return "–"
    if unit == "%":
        return f"{value:,.1f} %"
    if unit == "EUR":
        return f"€{value:,.0f}"
    if unit == "days":
        return f"{value:,.0f} days"
    return f"{value:,.0f}"


def kpi_delta(value: float | None, previous: float | None, unit: str) -> str | None:
    if missing(value) or missing(previous):
        return None
    change = value - previous
    if unit == "%":
        return f"{change:+,.1f} pp"
    return f"{change:+,.0f}"


LEVELS = {level: reference.level_label(level) for level in reference.EQF_LEVELS}
DIRECTIONS = {"both": "Both", "outbound": "Outbound", "inbound": "Inbound"}


def academic_year(year_start: int) -> str:
    """2024 -> '2024/25', as the warehouse labels academic years."""
    return f"{year_start}/{(year_start + 1) % 100:02d}"


def year_range(year_from: int, year_to: int) -> str:
    if year_from == year_to:
        return f"academic year {academic_year(year_from)}"
    return f"academic years {academic_year(year_from)} to {academic_year(year_to)}"


def level_label(level: int | None) -> str:
    if level is None:
        return reference.NOT_SET
    return reference.level_label(int(level))


def kind_label(kind: str) -> str:
    return metrics.KINDS.get(kind, kind)


def direction_label(direction: str) -> str:
    return DIRECTIONS.get(direction, direction)


WHOLE_UNIVERSITY = "Whole university"


def scope_label(faculty: str | None) -> str:
    """A target's or KPI's scope in words: a faculty, or "Whole university" for the key
    "all" (or no faculty), never the key itself."""
    return WHOLE_UNIVERSITY if missing(faculty) or faculty in ("", "all") else str(faculty)


def count(value: float | None, unit: str = "") -> str:
    """A whole number with thousands separators and its unit: '1,234 mobilities'."""
    if missing(value):
        return "–"
    return f"{value:,.0f} {unit}".strip()


def of_total(numerator: float | None, denominator: float | None) -> str:
    """' (1,893 of 2,000)' after a rate's definition; nothing when either count is missing,
    rather than '(1,893 of –)'."""
    if missing(numerator) or missing(denominator):
        return ""
    return f" ({count(numerator)} of {count(denominator)})"


def language_name(code: str) -> str:
    """ISO 639-1 code -> English name ('de' -> 'German'); unknown codes stay as they are."""
    language = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    return language.name if language else code


def benchmark_value(value: float | None, unit: str) -> str:
    """A Benchmark-page figure: counts with separators, months and percentages to one decimal."""
    if missing(value):
        return "–"
    if unit == "months":
        return f"{value:,.1f} months"
    return kpi_value(value, unit)


FILTERS_COLUMN = "filters applied"


def download_frame(frame: pd.DataFrame, scope: str = "") -> pd.DataFrame:
    """What a page's CSV holds: whole numbers written as such (a count summed in DuckDB or
    with a gap arrives as a float and was written "634.0"), and the filters the figures
    follow in a last column, so that a file read later still says what it counts."""
    frame = frame.copy()
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_float_dtype(values):
            present = values.dropna()
            if len(present) and (present == present.round()).all():
                frame[column] = values.round().astype("Int64")
    if scope:
        frame[FILTERS_COLUMN] = scope
    return frame


def word(value: object) -> object:
    """One value as a reader sees it: a contract code in words ("Higher education"), a
    direction in words ("Outbound"); anything else as it is. Tables (``in_words``) and charts
    (``charts.in_words``) follow this one rule."""
    if isinstance(value, str) and value in vocabulary.CODES:
        return vocabulary.code_words(value)
    if isinstance(value, str) and value in DIRECTIONS:
        return direction_label(value)
    return value


def in_words(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as a page shows it: a text column holding only contract codes (agreement
    types, activities, roles, ...) in words ("Dual degree", "Erasmus+"), and an empty code
    as "(not set)" rather than "None"; directions as words. Other columns, and the
    downloads, are unchanged."""
    frame = frame.copy()
    for column in frame.columns:
        values = frame[column]
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        present = set(values.dropna())
        if not present or not all(isinstance(v, str) for v in present):
            continue
        if present <= vocabulary.CODES:
            frame[column] = values.map(word, na_action="ignore").fillna(reference.NOT_SET)
        elif present <= set(DIRECTIONS):
            # as the charts' legends say them ("Outbound")
            frame[column] = values.map(word, na_action="ignore")
    return frame


# abbreviations a column name writes in lower case
ABBREVIATIONS = {"ects": "ECTS", "eqf": "EQF", "cefr": "CEFR", "isced": "ISCED", "eu": "EU"}


def heading(column: str) -> str:
    """A column name as a table heading: "ects_recognised" -> "ECTS recognised"."""
    words = [ABBREVIATIONS.get(w, w) for w in str(column).replace("_", " ").split()]
    if not words:
        return str(column)
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def printable(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as the print view writes it: whole numbers with separators (1,894), other
    numbers to one decimal (79.6), dates without a time (2029-08-31), nothing for a gap."""
    frame = download_frame(frame)
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            out[column] = values.dt.strftime("%Y-%m-%d").fillna("")
        elif pd.api.types.is_integer_dtype(values):
            out[column] = [f"{v:,}" if pd.notna(v) else "" for v in values]
        elif pd.api.types.is_float_dtype(values):
            out[column] = [f"{v:,.1f}" if pd.notna(v) else "" for v in values]
        else:
            out[column] = values.map(lambda v: "" if v is None or v is pd.NA else v)
    return out


def csv_bytes(frame) -> bytes:
    """A table as UTF-8 CSV for a download button (what is on screen, aggregates only), with
    text that a spreadsheet would run as a formula neutralised (``pipelines.exports``)."""
    return exports.csv_bytes(frame)
