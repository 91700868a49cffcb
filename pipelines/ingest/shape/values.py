"""The file's own wording mapped to contract values by a profile's value maps
(``Incoming`` -> ``inbound``)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from pipelines.ingest.columns import fold


def apply_value_maps(values: pd.Series, mapping: Mapping[str, str]) -> pd.Series:
    """The file's wording replaced by contract values (compared folded); others untouched."""
    table = {fold(k): v for k, v in mapping.items()}
    return values.map(lambda v: table.get(fold(v), v) if isinstance(v, str) else v)
