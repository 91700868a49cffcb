"""What a report is made of: tables whose hidden cells are already removed, and the cover.

Renderers (XLSX, PDF, HTML) only ever see :class:`Table` objects built by
:func:`finish_table`, which runs small-cell suppression and blanks every hidden value
*before* a renderer or a chart can read it: no export can leak a suppressed count by
mistake, because the number is no longer there.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pipelines.report.suppression import protect

TOTAL = "Total"
# Cell flags: why a value is not shown.
PRIMARY = "<"  # a count below the threshold
CONFIDENTIAL = "c"  # hidden so that a small count cannot be worked out (or rests on one)


@dataclass(frozen=True)
class Suppression:
    """The suppression mode of one report: on (the default) with a threshold, or off."""

    enabled: bool = True
    threshold: int = 5

    @property
    def primary_label(self) -> str:
        return f"<{self.threshold}"

    def describe(self) -> str:
        if not self.enabled:
            return (
                "Small-cell suppression OFF: all counts are shown, including counts below "
                f"{self.threshold}. For internal use only; do not publish."
            )
        return (
            f"Small-cell suppression ON: counts of people from 1 to {self.threshold - 1} are "
            f"shown as {self.primary_label}; cells marked c are hidden as well, so that no "
            "small count can be worked out from the totals, or because a value rests on fewer "
            f"than {self.threshold} people. Zeros are shown."
        )


@dataclass(frozen=True)
class Chart:
    """A chart of a table: ``kind`` bar (vertical), hbar (horizontal) or line."""

    kind: str
    title: str
    unit: str
    category: str  # column with the categories: bars, or lines (line charts)
    series: tuple[str, ...]  # value columns: one bar each, or the x axis of a line chart
    reference: float | None = None  # a horizontal target line (e.g. the EU 23 % target)
    reference_label: str = ""
    top: int | None = None  # keep the first N rows (tables come sorted by size)


@dataclass(frozen=True)
class Table:
    """One standard table. ``frame``'s first column holds the row labels.

    Hidden values are missing in ``frame``; ``flags`` (same shape) says why: ``<`` for a
    count below the threshold, ``c`` for a complementary or dependent cell, ``""`` otherwise.
    """

    key: str  # short and unique: the XLSX sheet name (at most 31 characters)
    title: str
    note: str
    frame: pd.DataFrame
    flags: pd.DataFrame
    units: Mapping[str, str]
    chart: Chart | None = None
    row_units: tuple[str, ...] | None = None  # KPI tables: each row has its own unit
    # how the counts hang together (what suppression protected): the count columns, the one
    # among them that is the row total, and whether the last row is the column total
    counts: tuple[str, ...] = ()
    row_total: str | None = None
    total_row: bool = False

    @property
    def label_column(self) -> str:
        return str(self.frame.columns[0])

    @property
    def value_columns(self) -> list[str]:
        return [str(c) for c in self.frame.columns[1:]]

    def unit(self, row: int, column: str) -> str:
        if self.row_units is not None and column not in ("Unit", "Definition"):
            return self.row_units[row]
        return self.units.get(column, "")

    def hidden_cells(self) -> int:
        return int((self.flags != "").to_numpy().sum())

    def cell_text(self, row: int, column: str, suppression: Suppression) -> str:
        """A cell as printed in the PDF and HTML: thousands separators, unit-aware decimals."""
        flag = self.flags.iloc[row][column]
        if flag == PRIMARY:
            return suppression.primary_label
        if flag == CONFIDENTIAL:
            return "c"
        value = self.frame.iloc[row][column]
        if column == self.label_column:
            return str(value)
        return format_number(value, self.unit(row, column))


def format_number(value: object, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "–"
    if isinstance(value, str):
        return value
    number = float(value)  # type: ignore[arg-type]
    if unit in ("%", "pp"):
        return f"{number:,.1f}"
    if unit == "EUR":
        return f"{number:,.0f}"
    return f"{number:,.0f}" if number.is_integer() else f"{number:,.1f}"


@dataclass(frozen=True)
class ImportRecord:
    table: str
    file_name: str
    sha256: str
    rows: int
    imported_at: dt.datetime


@dataclass(frozen=True)
class Cover:
    institution: str
    academic_year: str
    faculty: str | None
    generated_at: dt.datetime
    suppression: Suppression
    imports: tuple[ImportRecord, ...]
    built_at: dt.datetime | None
    build_models: int | None
    build_checks: int | None
    programme: str | None = None  # a degree programme's report; ``faculty`` is then its faculty

    @property
    def scope(self) -> str:
        if self.programme is not None:
            return f"{self.programme}, {self.faculty}" if self.faculty else self.programme
        return self.faculty or "Whole university"


@dataclass(frozen=True)
class Definition:
    kpi_id: str
    name: str
    definition: str
    unit: str
    source: str
    reference_target: float | None


@dataclass(frozen=True)
class Report:
    cover: Cover
    tables: tuple[Table, ...]
    definitions: tuple[Definition, ...]
    conventions: tuple[str, ...] = field(default_factory=tuple)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    @property
    def title(self) -> str:
        return f"Academic mobility report {self.cover.academic_year}"


def with_total_row(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """``frame`` plus a last row labelled Total with the sums of ``columns``."""
    total = {frame.columns[0]: TOTAL}
    for column in frame.columns[1:]:
        total[column] = frame[column].sum() if column in columns else pd.NA
    return pd.concat([frame, pd.DataFrame([total])], ignore_index=True)


def finish_table(
    *,
    key: str,
    title: str,
    note: str,
    frame: pd.DataFrame,
    units: Mapping[str, str],
    suppression: Suppression,
    counts: Sequence[str] = (),
    row_total: str | None = None,
    total_row: bool = False,
    derived: Mapping[str, Sequence[str]] | None = None,
    chart: Chart | None = None,
    preset: pd.DataFrame | None = None,
    row_units: tuple[str, ...] | None = None,
) -> Table:
    """Suppress and blank small counts, and return the finished table.

    ``counts`` are the columns holding counts of people (the only ones suppressed);
    ``row_total`` names the one among them that is the sum of the others in its row, and
    ``total_row`` says the last row is the sum of the rows above. ``derived`` maps a column
    (a rate, an ECTS sum) to the count columns it would reveal: it is hidden, flagged ``c``,
    whenever one of them is. ``preset`` holds flags decided by the caller (KPI tables, whose
    cells do not add up), applied with the rest.
    """
    frame = frame.reset_index(drop=True)
    flags = pd.DataFrame("", index=frame.index, columns=frame.columns)
    counts = list(counts)
    if preset is not None and suppression.enabled:
        for column in preset.columns:
            flags[column] = preset[column].to_numpy()
    if suppression.enabled and counts and len(frame):
        ordered = [c for c in counts if c != row_total] + ([row_total] if row_total else [])
        values = frame[ordered].fillna(0).to_numpy(dtype=np.int64)
        primary, complementary = protect(
            values, row_total is not None, total_row, suppression.threshold
        )
        for j, column in enumerate(ordered):
            flags.loc[primary[:, j], column] = PRIMARY
            flags.loc[complementary[:, j], column] = CONFIDENTIAL
        for column, sources in (derived or {}).items():
            reveals = (flags[list(sources)] != "").any(axis=1)
            flags.loc[reveals & (flags[column] == ""), column] = CONFIDENTIAL
    frame = frame.astype({c: "object" for c in frame.columns[1:]})
    for column in frame.columns[1:]:
        frame.loc[flags[column] != "", column] = None
        # object dtype on purpose: .map() would turn None back into NaN
        frame[column] = pd.Series(
            [_plain(v) for v in frame[column]], index=frame.index, dtype="object"
        )
    return Table(
        key,
        title,
        note,
        frame,
        flags,
        dict(units),
        chart,
        row_units=row_units,
        counts=tuple(counts),
        row_total=row_total,
        total_row=total_row,
    )


def _plain(value: object) -> object:
    """Numbers as plain Python ints and floats (None when missing), for every renderer."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return value
