"""The university itself (from the settings), which is never stored as its own partner: a row
whose partner is the university and names no other institution is refused."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from pipelines.ingest.shape.names import code_key, name_key
from pipelines.ingest.shape.result import IDENTITY, Shaped, _add_problems
from pipelines.settings import Settings


def _split_variants(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n|]", text or "") if part.strip()]


@dataclass(frozen=True)
class OwnInstitution:
    """The university itself, from the settings (``mobility settings``)."""

    names: tuple[str, ...] = ()
    country: str | None = None
    erasmus_code: str | None = None
    schac_code: str | None = None

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> OwnInstitution:
        """From the settings as stored (``pipelines/settings.py``)."""
        typed = Settings.from_stored(settings)
        # only a name the settings hold: the model's default name is no one's
        name = typed.institution_name if settings.get("institution_name") else ""
        names = [name, *_split_variants(typed.own_name_variants)]
        return cls(
            names=tuple(n for n in names if n.strip()),
            country=typed.own_country or None,
            erasmus_code=typed.own_erasmus_code.strip() or None,
            schac_code=typed.own_schac_code.strip() or None,
        )

    @property
    def label(self) -> str:
        return self.names[0] if self.names else (self.erasmus_code or self.schac_code or "")

    def matches(self, identity: pd.DataFrame) -> pd.Series:
        """True on rows whose name, Erasmus code or SCHAC code is the university's own."""
        hit = pd.Series(False, index=identity.index)
        keys = {name_key(n) for n in self.names}
        if "partner_name" in identity and keys:
            hit |= (
                identity["partner_name"]
                .map(lambda v: isinstance(v, str) and name_key(v) in keys)
                .astype(bool)
            )
        if "partner_erasmus_code" in identity and self.erasmus_code:
            own = code_key(self.erasmus_code)
            hit |= (
                identity["partner_erasmus_code"]
                .map(lambda v: isinstance(v, str) and code_key(v) == own)
                .astype(bool)
            )
        if "partner_schac_code" in identity and self.schac_code:
            own = self.schac_code.strip().lower()
            hit |= (
                identity["partner_schac_code"]
                .map(lambda v: isinstance(v, str) and v.strip().lower() == own)
                .astype(bool)
            )
        return hit


def _refuse_own_partner(shaped: Shaped, own: OwnInstitution) -> None:
    out = shaped.frame
    identity = out[[c for c in IDENTITY if c in out]]
    if identity.empty:
        return
    bad = own.matches(identity)
    if not bad.any():
        return
    column = next(c for c in IDENTITY if c in identity)
    _add_problems(
        shaped,
        out.index[bad],
        column,
        identity.loc[bad, column],
        f"the partner is {own.label} itself, and the file names no other institution for "
        "this row: check its direction, or map the home/host (sending/receiving) columns",
    )
