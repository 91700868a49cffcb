"""The base of every contract model: a column with its rule, description, example and other
header names (``column``), the model's class-level facts (table, grain, key), and rules over
several columns (``RowRule``), which the bulk validator and pydantic both apply."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, model_validator

from pipelines.contract.rules import (
    Rule,
    field_rule,
)


@dataclass(frozen=True)
class RowRule:
    """A check over several columns: ``bad(frame)`` is True on rows that break it."""

    column: str
    reason: str
    bad: Callable[[pd.DataFrame], pd.Series]


def column(
    description: str, example: Any, *aliases: str, default: Any = ..., added_later: bool = False
) -> Any:
    """A contract column; its own name is always accepted as a header, plus ``aliases``.

    ``added_later``: an optional column added to a table after records were stored. It enters
    a record's fingerprint only when it has a value (``ContractModel.added_later``), so the
    records of warehouses that existed before keep their fingerprints and re-importing an
    earlier file changes nothing."""
    extra: dict[str, Any] = {"aliases": list(aliases)}
    if added_later:
        extra["added_later"] = True
    return Field(default, description=description, examples=[example], json_schema_extra=extra)


class ContractModel(BaseModel):
    """Base of every input table model."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    table: ClassVar[str]
    label: ClassVar[str]
    grain: ClassVar[str]
    key: ClassVar[tuple[str, ...]]
    row_rules: ClassVar[tuple[RowRule, ...]] = ()

    @model_validator(mode="after")
    def _check_row_rules(self) -> ContractModel:
        frame = pd.DataFrame([self.model_dump()])
        for rule in self.row_rules:
            if bool(rule.bad(frame).fillna(False).iloc[0]):
                raise ValueError(f"{rule.column}: {rule.reason}")
        return self

    @classmethod
    def derive(cls, frame: pd.DataFrame) -> pd.DataFrame:
        """Fill values that follow from others (after defaults, before required checks)."""
        return frame

    @classmethod
    def source_table(cls) -> str:
        """Warehouse table holding the imported rows (``raw_<table>`` for the own contract)."""
        return f"raw_{cls.table}"

    @classmethod
    def rules(cls) -> dict[str, Rule]:
        """Column name -> the rule that reads it."""
        found = {}
        for name, info in cls.model_fields.items():
            rule = field_rule(info.metadata)
            if rule is None:  # pragma: no cover - every contract field has one
                raise TypeError(f"{cls.__name__}.{name} has no rule")
            found[name] = rule
        return found

    @classmethod
    def required(cls) -> tuple[str, ...]:
        return tuple(name for name, info in cls.model_fields.items() if info.is_required())

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        return {
            name: info.default
            for name, info in cls.model_fields.items()
            if not info.is_required() and info.default is not None
        }

    @classmethod
    def added_later(cls) -> tuple[str, ...]:
        """Optional columns added after the table's first release (``column(added_later=)``)."""
        return tuple(
            name
            for name, info in cls.model_fields.items()
            if isinstance(info.json_schema_extra, dict)
            and info.json_schema_extra.get("added_later")
        )

    @classmethod
    def aliases(cls) -> dict[str, list[str]]:
        """Column name -> other accepted header names."""
        out = {}
        for name, info in cls.model_fields.items():
            extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
            out[name] = list(extra.get("aliases", []))
        return out


def end_before_start(start: str, end: str) -> Callable[[pd.DataFrame], pd.Series]:
    def bad(frame: pd.DataFrame) -> pd.Series:
        s = pd.to_datetime(frame[start], errors="coerce")
        e = pd.to_datetime(frame[end], errors="coerce")
        return (e < s).fillna(False)

    return bad
