"""From a file's cells to contract columns, row by row, without ever taking the university
itself for its own partner.

Steps, in order (``shape``):

1. Columns read as the mapping says (``pipelines.ingest.columns``), constants filled in for
   columns the file lacks or leaves empty, the file's own wording mapped to contract values
   (``Incoming`` -> ``inbound``) by the profile's value maps.
2. Home/host (sending/receiving) columns taken from the partner's side of each row, chosen by
   the row's direction; the own faculty from the own side.
3. The own institution (settings: name and its variants, Erasmus and SCHAC codes, country)
   is never stored as a partner. A row whose partner side names the university itself takes
   the partner from the other side when the file names another institution there (and says
   so in a note); otherwise the row is rejected with the reason. A row with no partner
   institution at all whose country is the own country is rejected too: that country is
   the host side of an incoming student, not a partner's.
4. A missing partner country is resolved from the partner: known partners, agreements and
   the EC institution list when imported (``PartnerDirectory``), else from the Erasmus
   code's country prefix. It is never guessed from anything else; a row still without a
   country is rejected by the contract's required-column check.

One module per job: the steps' result (``result``), value maps (``values``), the sides by
direction (``sides``), the own institution (``own_institution``), the partner's country
(``partner_country``) and how names and codes are compared (``names``).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from pipelines.contract import model_for
from pipelines.contract.rules import blank
from pipelines.ingest.columns import ColumnMapping
from pipelines.ingest.shape.names import code_key, name_key
from pipelines.ingest.shape.own_institution import OwnInstitution, _refuse_own_partner
from pipelines.ingest.shape.partner_country import (
    PartnerDirectory,
    _refuse_own_country,
    _refuse_unknown_country,
    _resolve_countries,
)
from pipelines.ingest.shape.result import REJECTION_COLUMNS, Shaped
from pipelines.ingest.shape.sides import _take_sides
from pipelines.ingest.shape.values import apply_value_maps


def shape(
    frame: pd.DataFrame,
    mapping: ColumnMapping,
    constants: Mapping[str, str] | None = None,
    value_maps: Mapping[str, Mapping[str, str]] | None = None,
    own: OwnInstitution | None = None,
    directory: PartnerDirectory | None = None,
) -> Shaped:
    """The file's cells as contract columns; see the module docstring for the steps."""
    model = model_for(mapping.table)
    value_maps = value_maps or {}
    out = pd.DataFrame(index=frame.index)
    for header, column in mapping.columns.items():
        out[column] = frame[header]
    for column, value in (constants or {}).items():
        if column not in model.model_fields or value in (None, ""):
            continue
        if column in out:
            out[column] = out[column].where(~blank(out[column]), value)
        else:
            out[column] = pd.Series(value, index=frame.index, dtype="object")
    for column in list(out.columns):
        if value_maps.get(column):
            out[column] = apply_value_maps(out[column], value_maps[column])
    shaped = Shaped(out, pd.DataFrame(columns=REJECTION_COLUMNS))
    if mapping.sided:
        _take_sides(frame, mapping, shaped, own, value_maps)
    if own is not None:
        _refuse_own_partner(shaped, own)
    _resolve_countries(shaped, directory, model)
    _refuse_unknown_country(shaped, mapping)
    if own is not None and own.country:
        _refuse_own_country(shaped, own)
    return shaped


__all__ = [
    "OwnInstitution",
    "PartnerDirectory",
    "Shaped",
    "apply_value_maps",
    "code_key",
    "name_key",
    "shape",
]
