"""Validate a frame of contract columns: every rule, every row, every reason kept.

The result splits the rows into valid ones (typed, cleaned) and rejections: one entry per
rejected row and column, with the raw value and the reason, ready for ``rejected_rows``.
Everything here is vectorised per column so that it scales to millions of rows.

What rejects a row and what only empties a value (issue 9):

* An invalid value in an *optional* column is left empty and reported as a warning (same
  columns as a rejection, ready for ``import_warnings``); the row is kept. A bad CEFR level
  should not lose the whole mobility.
* The row is rejected instead when the value matters for what the row is: a required column,
  a key column (emptying it would make it another record), or a column that would not stay
  empty, because a default or a value derived from other columns would fill it (an emptied
  ``status`` would silently say ``completed``, an emptied ``mode`` ``physical``).
* Rules across columns and duplicate keys reject the row, as do unreadable rows.
* A row rejected for any reason lists all its problems as rejections, also those that alone
  would only have emptied a value; warnings are only about rows that are stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from pipelines.contract import ContractModel
from pipelines.contract.rules import DEFAULT_CONTEXT, ParseContext, Rule, blank

REJECTION_COLUMNS = ["row_number", "column_name", "value", "reason"]
# Raw values of these columns are never written anywhere, not even with a rejection.
HIDDEN_VALUE_COLUMNS = frozenset({"person_id"})
HIDDEN = "(hidden: personal identifier)"


def _no_warnings() -> pd.DataFrame:
    return pd.DataFrame(columns=REJECTION_COLUMNS)


@dataclass
class Validation:
    valid: pd.DataFrame  # contract columns, cleaned; index = file row number
    rejections: pd.DataFrame  # REJECTION_COLUMNS
    rows_read: int
    # REJECTION_COLUMNS: invalid values of valid rows, left empty (the row is kept)
    warnings: pd.DataFrame = field(default_factory=_no_warnings)

    def with_unparsed_rows(self, bad_rows: dict[int, str]) -> Validation:
        """Add rows the reader could not split into columns (they never reached the rules)."""
        extra = pd.DataFrame(
            {
                "row_number": list(bad_rows),
                "column_name": "(whole row)",
                "value": "",
                "reason": list(bad_rows.values()),
            }
        )
        rejections = pd.concat([self.rejections, extra], ignore_index=True)
        rejections = rejections.sort_values("row_number", kind="stable").reset_index(drop=True)
        return Validation(self.valid, rejections, self.rows_read + len(bad_rows), self.warnings)

    @property
    def rejected_row_count(self) -> int:
        return int(self.rejections["row_number"].nunique()) if len(self.rejections) else 0

    @property
    def warned_row_count(self) -> int:
        """Stored rows with at least one value left empty."""
        return int(self.warnings["row_number"].nunique()) if len(self.warnings) else 0


def _rejections(
    rows: pd.Index, column: str, values: pd.Series, reason: str | pd.Series
) -> pd.DataFrame:
    # a value emptied before a row rule saw it (None or <NA>) is shown as empty
    shown = values.loc[rows].astype("object").map(lambda v: "" if pd.isna(v) else str(v))
    if column in HIDDEN_VALUE_COLUMNS:
        shown = shown.map(lambda v: HIDDEN if v else "")
    return pd.DataFrame(
        {
            "row_number": rows.astype("int64"),
            "column_name": column,
            "value": shown.values,
            "reason": reason if isinstance(reason, str) else reason.to_numpy(dtype=object),
        }
    )


def apply_per_value(rule: Rule, raw: pd.Series, ctx: ParseContext) -> tuple[pd.Series, pd.Series]:
    """The rule's cleaned values and where they are invalid (not blank, yet empty after the
    rule), computed once per distinct raw value and taken back to every row.

    A file of a million mobilities holds a few hundred distinct countries or dates; running
    the rule on those and not on every cell is what keeps validation linear in the distinct
    values rather than the rows. The rule itself is the same one ``Rule.one`` runs for a single
    record, so both paths accept and reject the same values."""
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    if len(uniques) * 2 > len(raw):  # mostly distinct (identifiers): mapping back only adds work
        values = rule.apply(raw, ctx)
        return values, (values.isna() & ~blank(raw, rule.null_markers)).astype(bool)
    distinct = pd.Series(uniques, dtype=raw.dtype if len(uniques) else "object")
    cleaned = rule.apply(distinct, ctx).to_numpy(dtype=object, copy=True)
    missing = pd.isna(cleaned)
    cleaned[missing] = pd.NA  # one empty marker, as Rule.apply gives
    invalid = (missing & ~blank(distinct, rule.null_markers).to_numpy()).astype(bool)
    present = codes >= 0
    safe = np.where(present, codes, 0)
    if len(uniques):
        values = cleaned[safe]
        bad = invalid[safe] & present
        values[~present] = pd.NA
    else:
        values = np.full(len(raw), pd.NA, dtype=object)
        bad = np.zeros(len(raw), dtype=bool)
    return (
        pd.Series(values, index=raw.index, dtype="object"),
        pd.Series(bad, index=raw.index),
    )


def emptiable_columns(model: type[ContractModel]) -> tuple[str, ...]:
    """Columns whose invalid values are left empty with a warning instead of rejecting the row:
    optional, not part of the key, and not filled in when empty, neither by a default nor by
    ``derive()`` (``Mobility.mode``). A value that ``derive()`` fills from other columns of its
    row is still rejected, cell by cell, in :func:`validate_frame`."""
    empty_row = pd.DataFrame(
        {name: pd.Series([pd.NA], dtype="object") for name in model.model_fields}
    )
    for column, default in model.defaults().items():
        empty_row[column] = default
    filled = model.derive(empty_row).notna().iloc[0]
    strict = {*model.required(), *model.defaults(), *model.key, *filled[filled].index}
    return tuple(name for name in model.model_fields if name not in strict)


def validate_frame(
    frame: pd.DataFrame,
    model: type[ContractModel],
    ctx: ParseContext = DEFAULT_CONTEXT,
    progress: Callable[[int], None] | None = None,
) -> Validation:
    """Apply the model's column rules, defaults, required checks, row rules and key uniqueness.

    Invalid values of :func:`emptiable_columns` become warnings, every other problem rejects
    its row (see the module docstring)."""
    found: list[pd.DataFrame] = []
    emptied: list[pd.DataFrame] = []
    emptiable = set(emptiable_columns(model))
    clean = pd.DataFrame(index=frame.index)
    for column, rule in model.rules().items():
        if column in frame:
            raw = frame[column]
            values, bad = apply_per_value(rule, raw, ctx)  # invalid values come out empty
            if bad.any():
                reasons = rule.explain(raw[bad.values], ctx)  # a date says which window
                part = _rejections(frame.index[bad.values], column, raw, reasons)
                (emptied if column in emptiable else found).append(part)
            clean[column] = values
        else:
            clean[column] = pd.Series(pd.NA, index=frame.index, dtype="object")
        if progress:
            progress(1)
    for column, default in model.defaults().items():
        clean[column] = clean[column].fillna(default)
    clean = model.derive(clean)
    # an emptied value that derive() filled in would be stored as something the file never said
    for i, part in enumerate(emptied):
        filled = clean.loc[part["row_number"], part["column_name"].iloc[0]].notna().to_numpy()
        if filled.any():
            found.append(part.loc[filled])
            emptied[i] = part.loc[~filled]
    for column in model.required():
        missing = clean[column].isna()
        if column in frame:
            missing &= blank(frame[column], model.rules()[column].null_markers)
        if missing.any():
            source = frame[column] if column in frame else pd.Series("", index=frame.index)
            found.append(
                _rejections(frame.index[missing.values], column, source, "required value missing")
            )
    rejected_so_far = _rows(found)
    checkable = clean.loc[~clean.index.isin(rejected_so_far)]
    for rule in model.row_rules:
        bad = rule.bad(checkable).astype(bool)
        if bad.any():
            rows = checkable.index[bad.values]
            values = checkable[rule.column].astype("object")
            found.append(_rejections(rows, rule.column, values, rule.reason))
    found.extend(_duplicate_keys(clean.loc[~clean.index.isin(_rows(found))], model))
    rejected = _rows(found)
    # a rejected row lists all its problems; warnings are only about rows that are stored
    for part in emptied:
        gone = part["row_number"].isin(rejected)
        found.append(part.loc[gone])
    warnings = _sorted([part.loc[~part["row_number"].isin(rejected)] for part in emptied])
    valid = clean.loc[~clean.index.isin(rejected)]
    return Validation(valid, _sorted(found), len(frame), warnings)


def _sorted(parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [part for part in parts if len(part)]
    if not parts:
        return pd.DataFrame(columns=REJECTION_COLUMNS)
    return (
        pd.concat(parts, ignore_index=True)
        .sort_values(["row_number", "column_name"], kind="stable")
        .reset_index(drop=True)
    )


def _rows(found: list[pd.DataFrame]) -> set[int]:
    rows: set[int] = set()
    for part in found:
        rows.update(part["row_number"].tolist())
    return rows


def _duplicate_keys(clean: pd.DataFrame, model: type[ContractModel]) -> list[pd.DataFrame]:
    """Later rows repeating an earlier row's key are rejected, naming the first row."""
    if clean.empty:
        return []
    keys = clean[list(model.key)].astype("string")
    group = keys.groupby(list(model.key), dropna=False, sort=False).ngroup()
    dup = group.duplicated(keep="first")
    if not dup.any():
        return []
    first_row = pd.Series(clean.index, index=clean.index).groupby(group.values).transform("first")
    rows = clean.index[dup.values]
    reasons = first_row[dup].map(lambda r: f"duplicate key in the file (first at row {r})")
    column = model.key[0]
    part = _rejections(rows, column, clean[column], "")
    part["reason"] = reasons.values
    return [part]
