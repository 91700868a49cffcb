"""The file's own wording for coded columns, and what it most likely means in the contract.

A person maps each value once (``Incoming student`` -> ``inbound``); the map is kept in the
import profile. Suggestions come from the rule's own names and aliases, scored with
rapidfuzz (token set ratio: ``Student mobility for studies 2025`` still finds ``study``);
a suggestion is only a pre-filled choice, never applied without the person.
"""

from __future__ import annotations

import pandas as pd
from rapidfuzz import fuzz, process

from pipelines.contract import model_for
from pipelines.contract.rules import Choice, blank
from pipelines.ingest.columns import ColumnMapping
from pipelines.ingest.shape import apply_value_maps

SUGGEST_FROM = 70  # score (0-100) below which no value is suggested
MAX_VALUES = 50  # distinct unreadable values shown per column


def coded_columns(table: str) -> dict[str, Choice]:
    """Columns whose values come from a fixed list (the ones a value map applies to)."""
    return {c: r for c, r in model_for(table).rules().items() if isinstance(r, Choice)}


def suggest(value: str, rule: Choice) -> str | None:
    """The contract value ``value`` most likely means, or None when nothing is close."""
    lookup = rule.lookup()
    found = process.extractOne(
        value.casefold(), list(lookup), scorer=fuzz.token_set_ratio, score_cutoff=SUGGEST_FROM
    )
    return lookup[found[0]] if found else None


def unread_values(
    raw: pd.DataFrame,
    mapping: ColumnMapping,
    values: dict[str, dict[str, str]],
) -> dict[str, pd.DataFrame]:
    """Per coded column, the file's values its rule cannot read (after the value maps):
    value, how many rows, and a suggestion."""
    found: dict[str, pd.DataFrame] = {}
    for column, rule in coded_columns(mapping.table).items():
        headers = [h for h, c in mapping.columns.items() if c == column]
        headers += list(mapping.sided.get(column, {}).values())
        if not headers:
            continue
        cells = pd.concat([raw[h] for h in headers], ignore_index=True)
        cells = cells[~blank(cells)].astype("string").str.strip()
        mapped = apply_value_maps(cells.astype("object"), values.get(column, {}))
        unread = cells[rule.apply(pd.Series(mapped.values)).isna().values]
        if unread.empty:
            continue
        counts = unread.value_counts().head(MAX_VALUES)
        found[column] = pd.DataFrame(
            {
                "value": counts.index.astype(str),
                "rows": counts.values.astype(int),
                "means": [suggest(v, rule) for v in counts.index.astype(str)],
            }
        )
    return found
