"""Targets edited in a table: validated row by row, saved through the ordinary import path.

Each row is checked by the contract's own model (``pipelines.contract.Target``: known KPI, an
academic year, a value within the KPI's sensible range), so the editor accepts exactly what
a targets file would. Saving writes the whole table as a CSV file and imports it with
``replace=True``: added and changed targets are upserted, removed ones go to history, and
the save appears in the import history like any file, so it can be undone there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
from pydantic import ValidationError

from pipelines import metrics
from pipelines.contract import Target
from pipelines.ingest.load import ImportResult, commit, prepare
from pipelines.roles import Actor

COLUMNS = tuple(Target.model_fields)
SOURCE = "targets editor"


@dataclass(frozen=True)
class TargetProblem:
    """Why one row of the edited table cannot be saved."""

    row: int  # 1-based, as the table shows rows
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.column}: {self.message}"


def _blank(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _range_message(row: dict[str, Any]) -> str:
    low, high = metrics.sensible_range(row["kpi_id"])
    unit = metrics.get(row["kpi_id"]).unit
    try:
        shown = f"{float(row['value']):,.10g}"
    except (TypeError, ValueError):
        shown = str(row["value"])
    return f"{shown} is outside the sensible range {low:,.0f} to {high:,.0f} ({unit})"


def _problems(number: int, row: dict[str, Any], error: ValidationError) -> list[TargetProblem]:
    found = []
    for item in error.errors(include_url=False):
        message = item["msg"].removeprefix("Value error, ")
        if item["loc"]:
            column = str(item["loc"][0])
            if item["type"] in ("float_type", "missing") and _blank(row.get(column)):
                message = "required value missing"
        else:  # a rule across columns: its message starts with the column it names
            column, _, message = message.partition(": ")
            if column == "value":
                message = _range_message(row)
        found.append(TargetProblem(number, column, message))
    return found


def validate_rows(
    rows: pd.DataFrame | list[dict[str, Any]],
) -> tuple[list[Target], list[TargetProblem]]:
    """The valid targets and every problem; wholly empty rows (added, never filled) are skipped."""
    if isinstance(rows, pd.DataFrame):
        rows = rows.to_dict("records")
    targets: list[Target] = []
    problems: list[TargetProblem] = []
    seen: dict[tuple[str, str, str | None], int] = {}
    for number, raw in enumerate(rows, start=1):
        row = {c: (None if _blank(raw.get(c)) else raw.get(c)) for c in COLUMNS}
        if all(v is None for v in row.values()):
            continue
        try:
            target = Target.model_validate(row)
        except ValidationError as error:
            problems.extend(_problems(number, row, error))
            continue
        key = (target.kpi_id, target.academic_year, target.faculty)
        if key in seen:
            problems.append(
                TargetProblem(
                    number,
                    "kpi_id",
                    f"same KPI, academic year and faculty as row {seen[key]}",
                )
            )
            continue
        seen[key] = number
        targets.append(target)
    return targets, problems


def _number(value: float) -> str:
    return np.format_float_positional(value, trim="-")


def write_csv(targets: list[Target], folder: Path) -> Path:
    """The targets as an import file named for the moment of saving."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d_%H-%M-%S")
    path = folder / f"targets-edited-{stamp}.csv"
    frame = pd.DataFrame([t.model_dump() for t in targets], columns=list(COLUMNS))
    frame["value"] = frame["value"].map(_number)
    frame.to_csv(path, index=False)
    return path


def save_targets(
    con: duckdb.DuckDBPyConnection,
    targets: list[Target],
    key: bytes,
    folder: Path,
    actor: Actor | None = None,
) -> ImportResult:
    """Replace the stored targets by ``targets`` as one import (undoable), recorded as
    ``actor``'s targets change in the audit trail."""
    prepared = prepare(write_csv(targets, folder), table="targets")
    prepared.source = SOURCE
    return commit(con, prepared, key, replace=True, actor=actor, action="targets")
