"""Reshaping shared by every page: the sidebar's filter options. No Streamlit."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipelines import metrics
from pipelines.contract.reference import NOT_SET


@dataclass(frozen=True)
class FilterOptions:
    """The values each sidebar filter offers, from the warehouse."""

    year_starts: list[int]
    year_labels: list[str]
    faculties: list[str]
    levels: list[int]
    programmes: list[str]
    degree_programmes: list[str]
    kinds: list[str]


def filter_options(years: pd.DataFrame, values: pd.DataFrame) -> FilterOptions:
    """From ``shared/filter_years`` (year_start, academic_year) and ``shared/filter_values``
    (filter, value): each filter's values, NOT_SET last, kinds in registry order."""

    def of(name: str) -> list[str]:
        found = values.loc[values["filter"] == name, "value"].tolist()
        # NOT_SET last: a real name first
        return sorted(found, key=lambda v: (v == NOT_SET, v))

    kinds = [k for k in metrics.KINDS if k in set(of("kind"))]
    return FilterOptions(
        year_starts=[int(y) for y in years["year_start"]],
        year_labels=years["academic_year"].tolist(),
        faculties=of("faculty"),
        levels=sorted(int(v) for v in of("level")),
        programmes=of("programme"),
        degree_programmes=of("degree_programme"),
        kinds=kinds,
    )


def first_value(frame: pd.DataFrame, column: str = "value") -> object | None:
    """The first row's ``column``, or None for no rows."""
    return frame[column].iloc[0] if len(frame) else None


def to_long(frame: pd.DataFrame, key: str, name: str, value: str) -> pd.DataFrame:
    """Wide columns -> rows (for charts with one trace per former column)."""
    return frame.melt(id_vars=key, var_name=name, value_name=value)


def has_rows(frame: pd.DataFrame, column: str) -> bool:
    """True when ``frame`` has a non-zero total in ``column``."""
    return bool(len(frame)) and bool(frame[column].sum())


def direction_total(frame: pd.DataFrame, direction: str) -> int:
    """Sum of ``mobilities`` over the rows of one direction."""
    return int(frame.loc[frame["direction"] == direction, "mobilities"].sum())


def top_groups(frame: pd.DataFrame, group: str, value: str, top: int) -> pd.DataFrame:
    """The rows of the ``top`` groups with the largest total ``value``."""
    keep = frame.groupby(group)[value].sum().nlargest(top).index
    return frame[frame[group].isin(keep)]
