"""Validate a frame of contract columns: every rule, every row, every reason kept.

The result splits the rows into valid ones (typed, cleaned) and rejections: one entry per
rejected row and column, with the raw value and the reason, ready for ``rejected_rows``.
Everything here is vectorised per column so that it scales to millions of rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from pipelines.rules import DEFAULT_CONTEXT, ParseContext, blank
from pipelines.schemas import ContractModel

REJECTION_COLUMNS = ["row_number", "column_name", "value", "reason"]
# Raw values of these columns are never written anywhere, not even with a rejection.
HIDDEN_VALUE_COLUMNS = frozenset({"person_id"})
HIDDEN = "(hidden: personal identifier)"


@dataclass
class Validation:
    valid: pd.DataFrame  # contract columns, cleaned; index = file row number
    rejections: pd.DataFrame  # REJECTION_COLUMNS
    rows_read: int

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
        return Validation(self.valid, rejections, self.rows_read + len(bad_rows))

    @property
    def rejected_row_count(self) -> int:
        return int(self.rejections["row_number"].nunique()) if len(self.rejections) else 0


def _rejections(rows: pd.Index, column: str, values: pd.Series, reason: str) -> pd.DataFrame:
    shown = values.loc[rows].astype("object").map(lambda v: "" if v is None else str(v))
    if column in HIDDEN_VALUE_COLUMNS:
        shown = shown.map(lambda v: HIDDEN if v else "")
    return pd.DataFrame(
        {
            "row_number": rows.astype("int64"),
            "column_name": column,
            "value": shown.values,
            "reason": reason,
        }
    )


def validate_frame(
    frame: pd.DataFrame,
    model: type[ContractModel],
    ctx: ParseContext = DEFAULT_CONTEXT,
    progress: Callable[[int], None] | None = None,
) -> Validation:
    """Apply the model's column rules, defaults, required checks, row rules and key uniqueness."""
    found: list[pd.DataFrame] = []
    clean = pd.DataFrame(index=frame.index)
    for column, rule in model.rules().items():
        if column in frame:
            raw = frame[column]
            values = rule.apply(raw, ctx)
            bad = values.isna() & ~blank(raw, rule.null_markers)
            if bad.any():
                found.append(_rejections(frame.index[bad.values], column, raw, rule.reason))
            clean[column] = values
        else:
            clean[column] = pd.Series(pd.NA, index=frame.index, dtype="object")
        if progress:
            progress(1)
    for column, default in model.defaults().items():
        clean[column] = clean[column].fillna(default)
    clean = model.derive(clean)
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
    rejections = (
        pd.concat(found, ignore_index=True).sort_values(
            ["row_number", "column_name"], kind="stable"
        )
        if found
        else pd.DataFrame(columns=REJECTION_COLUMNS)
    ).reset_index(drop=True)
    valid = clean.loc[~clean.index.isin(_rows(found))]
    return Validation(valid, rejections, len(frame))


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
