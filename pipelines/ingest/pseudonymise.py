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
# what str.strip() removes from an ASCII string
ASCII_WHITESPACE = " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"
HASH_BLOCK = 64  # SHA-256's block size, in bytes (RFC 2104)


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

    def sql(self, column: str, precomputed: str) -> tuple[str, dict[str, object]]:
        """A SQL expression giving ``one(column)`` for every row, with its bound parameters:
        HMAC-SHA256 written out as RFC 2104 defines it (``H(K^opad || H(K^ipad || m))``) over
        DuckDB's ``sha256``, so a million identifiers are hashed in bulk, not one Python call
        each. SQL's ``lower`` is Python's ``casefold`` only for ASCII text: identifiers with
        other characters take the pseudonym of :meth:`beyond_ascii`, in column
        ``precomputed``. The key travels as a bound parameter, never in the SQL text."""
        block = self._key if len(self._key) <= HASH_BLOCK else hashlib.sha256(self._key).digest()
        block = block.ljust(HASH_BLOCK, b"\0")
        params = {
            "hmac_inner": bytes(b ^ 0x36 for b in block),
            "hmac_outer": bytes(b ^ 0x5C for b in block),
            "hmac_space": ASCII_WHITESPACE,
        }
        message = f'encode(lower(trim("{column}", $hmac_space)))'
        digest = f"sha256($hmac_outer || unhex(sha256($hmac_inner || {message})))"
        expression = f"coalesce(\"{precomputed}\", 'p_' || left({digest}, {PSEUDONYM_HEX_CHARS}))"
        return expression, params

    def beyond_ascii(self, identifiers: pd.Series) -> pd.Series:
        """Pseudonyms of the identifiers :meth:`sql` does not hash (non-ASCII), else <NA>."""
        text = identifiers.astype("string")
        outside = text.notna() & text.str.contains(r"[^\x00-\x7f]", regex=True).fillna(False)
        out = pd.Series(pd.NA, index=identifiers.index, dtype="object")
        if outside.any():
            out[outside] = self.series(text[outside].astype("object"))
        return out
