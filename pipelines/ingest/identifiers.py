"""A stable mobility identifier for files that have none.

Exports made for people (a MoveON student list, a spreadsheet) often carry no mobility
number. The identifier is then derived from what identifies a mobility: the person, the
direction, the activity, the start date and the partner (Erasmus code, else SCHAC code, else
name), each as the contract reads it, so ``01.09.2025`` and ``2025-09-01`` give the same id.
It is an HMAC-SHA256 with the warehouse's pseudonymisation key (the person identifier is
inside it, so a plain hash could be reversed by trying student numbers), shortened to 20 hex
characters and prefixed ``gen-``.

Re-importing the same rows gives the same ids, so nothing is duplicated; a later export that
changes one of these values (a corrected start date) gives a new id, and the old record stays
until the import that brought it is undone.
"""

from __future__ import annotations

import hashlib
import hmac

import pandas as pd

from pipelines.contract import ContractModel
from pipelines.ingest.shape import code_key, name_key

IDENTITY_COLUMNS = (
    "person_id",
    "direction",
    "activity",
    "start_date",
    "partner_erasmus_code",
    "partner_schac_code",
    "partner_name",
)
REQUIRED_PARTS = ("person_id", "start_date")
PREFIX = "gen-"


def _text(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


def generated_ids(frame: pd.DataFrame, model: type[ContractModel], key: bytes | None) -> pd.Series:
    """One id per row; <NA> where the person or the start date is missing or unreadable."""
    rules = model.rules()
    parts = {}
    for column in IDENTITY_COLUMNS:
        if column in frame:
            values = rules[column].apply(frame[column]).map(_text)
        else:
            values = pd.Series("", index=frame.index)
        if column == "partner_name":
            values = values.map(name_key)
        elif column == "partner_erasmus_code":
            values = values.map(code_key)
        parts[column] = values
    table = pd.DataFrame(parts)
    secret = key or b""

    def make(row: tuple[str, ...]) -> str:
        digest = hmac.new(secret, "|".join(row).encode("utf-8"), hashlib.sha256).hexdigest()
        return PREFIX + digest[:20]

    ids = pd.Series(
        [make(tuple(row)) for row in table.itertuples(index=False)], index=frame.index
    ).astype("object")
    incomplete = (table[list(REQUIRED_PARTS)] == "").any(axis=1)
    return ids.where(~incomplete, pd.NA)
