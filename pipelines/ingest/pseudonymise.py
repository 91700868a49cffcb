"""Replace person identifiers by a keyed hash (HMAC-SHA256) before anything is stored.

The key is 32 random bytes created on first use in a file beside the warehouse (see
``config.secret_path``), readable only by its owner. The same person gets the same
pseudonym in every import into warehouses sharing the key, so repeat participation can be
counted; without the key, nobody can test whether a known student number is in the data.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

import pandas as pd

PSEUDONYM_HEX_CHARS = 20  # 80 bits: no collision in any university's lifetime of records


def load_or_create_key(path: Path) -> bytes:
    if path.exists():
        key = bytes.fromhex(path.read_text().strip())
        if len(key) < 16:
            raise ValueError(f"{path}: pseudonymisation key is too short")
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    # Created with owner-only permissions from the start, never world-readable.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key.hex() + "\n")
    return key


class Pseudonymiser:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def one(self, identifier: str) -> str:
        normalised = identifier.strip().casefold()
        # hmac.digest is the one-shot C implementation: same value as hmac.new(...).digest()
        digest = hmac.digest(self._key, normalised.encode("utf-8"), hashlib.sha256).hex()
        return "p_" + digest[:PSEUDONYM_HEX_CHARS]

    def series(self, identifiers: pd.Series) -> pd.Series:
        """Pseudonyms for a column; each distinct identifier is hashed once."""
        uniques = identifiers.dropna().unique()
        mapping = {value: self.one(str(value)) for value in uniques}
        return identifiers.map(mapping)
