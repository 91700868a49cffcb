"""Home/host (sending/receiving) columns read from the side each row's direction names: the
partner's side for partner columns, the own side for the own faculty. Where a row gives no
direction, the side that is the university itself tells it; where the partner's side names
the university and the other side another institution, the partner is taken from there."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from pipelines.contract import model_for
from pipelines.contract.rules import blank
from pipelines.ingest.columns import OWN_SIDE_COLUMNS, PARTNER_COLUMNS, ColumnMapping
from pipelines.ingest.shape.own_institution import OwnInstitution
from pipelines.ingest.shape.result import IDENTITY, Shaped, _rows_text
from pipelines.ingest.shape.values import apply_value_maps


def _side_frame(
    frame: pd.DataFrame, mapping: ColumnMapping, side: pd.Series, columns: tuple[str, ...]
) -> pd.DataFrame:
    """For each row, the values of ``columns`` on that row's ``side`` (sending/receiving)."""
    out = pd.DataFrame(index=frame.index)
    for column in columns:
        sides = mapping.sided.get(column, {})
        values = pd.Series(pd.NA, index=frame.index, dtype="object")
        for name, header in sides.items():
            values = values.where(side.ne(name), frame[header].astype("object"))
        out[column] = values
    return out


def _take_sides(
    frame: pd.DataFrame,
    mapping: ColumnMapping,
    shaped: Shaped,
    own: OwnInstitution | None,
    value_maps: Mapping[str, Mapping[str, str]],
) -> None:
    out = shaped.frame
    model = model_for(mapping.table)
    if own is not None and any(c in mapping.sided for c in IDENTITY):
        _direction_from_own_side(frame, mapping, shaped, own)
    direction = (
        model.rules()["direction"].apply(out["direction"])
        if "direction" in out
        else pd.Series(pd.NA, index=out.index, dtype="object")
    )
    inbound = direction.eq("inbound").fillna(False).astype(bool)
    partner_side = pd.Series("receiving", index=out.index).where(~inbound, "sending")
    own_side = pd.Series("sending", index=out.index).where(~inbound, "receiving")
    partner_cols = tuple(c for c in PARTNER_COLUMNS if c in mapping.sided)
    own_cols = tuple(c for c in OWN_SIDE_COLUMNS if c in mapping.sided)
    partner = _side_frame(frame, mapping, partner_side, partner_cols)
    if own is not None and any(c in partner_cols for c in IDENTITY):
        other = _side_frame(frame, mapping, own_side, partner_cols)
        named_other = ~other[[c for c in IDENTITY if c in other]].apply(blank).all(axis=1)
        # only where the direction is read: an unreadable one is rejected, not guessed
        swap = own.matches(partner) & named_other & ~own.matches(other) & direction.notna()
        if swap.any():
            partner.loc[swap] = other.loc[swap]
            shaped.notes.append(
                f"{int(swap.sum()):,} row(s) named {own.label} itself on the partner's side; "
                f"the partner was taken from the other side (rows {_rows_text(out.index[swap])}): "
                "check their direction"
            )
    for column in partner_cols:
        values = partner[column]
        if value_maps.get(column):
            values = apply_value_maps(values, value_maps[column])
        out[column] = values
    for column in own_cols:
        out[column] = _side_frame(frame, mapping, own_side, (column,))[column]


def _direction_from_own_side(
    frame: pd.DataFrame, mapping: ColumnMapping, shaped: Shaped, own: OwnInstitution
) -> None:
    """Where a row gives no direction, the side that is the university itself tells it:
    the own institution sending is an outbound mobility, receiving an inbound one."""
    out = shaped.frame
    columns = tuple(c for c in IDENTITY if c in mapping.sided)
    given = out["direction"] if "direction" in out else pd.Series(pd.NA, index=out.index)
    open_rows = blank(given)
    if not open_rows.any():
        return
    sending = own.matches(_side_frame(frame, mapping, pd.Series("sending", out.index), columns))
    receiving = own.matches(_side_frame(frame, mapping, pd.Series("receiving", out.index), columns))
    derived = pd.Series(pd.NA, index=out.index, dtype="object")
    derived[sending & ~receiving] = "outbound"
    derived[receiving & ~sending] = "inbound"
    filled = open_rows & derived.notna()
    if filled.any():
        out["direction"] = given.astype("object").where(~filled, derived)
        shaped.notes.append(
            f"direction not in the file for {int(filled.sum()):,} row(s): taken from the side "
            f"that is {own.label} (sending: outbound, receiving: inbound)"
        )
