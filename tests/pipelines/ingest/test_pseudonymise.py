"""Pseudonyms computed in bulk in DuckDB (HMAC-SHA256 written out in SQL) are the ones the
reference implementation, Python's ``hmac`` per identifier, gives: for any text, any key."""

from __future__ import annotations

import hashlib
import hmac

import duckdb
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.ingest.pseudonymise import PSEUDONYM_HEX_CHARS, Pseudonymiser

IDENTIFIERS = st.lists(
    st.one_of(
        st.text(min_size=1, max_size=16),
        st.text(alphabet="sS0123456789 \t\x1fßİǅÄä", min_size=1, max_size=10),
    ),
    min_size=1,
    max_size=40,
)


def _reference(key: bytes, identifier: str) -> str:
    """Python's hmac over the identifier trimmed and case-folded, as documented."""
    message = identifier.strip().casefold().encode("utf-8")
    return "p_" + hmac.new(key, message, hashlib.sha256).hexdigest()[:PSEUDONYM_HEX_CHARS]


@settings(max_examples=60, deadline=None)
@given(IDENTIFIERS, st.binary(min_size=16, max_size=100))
def test_bulk_pseudonyms_equal_the_reference(identifiers, key):
    pseudonymiser = Pseudonymiser(key)
    frame = pd.DataFrame({"person_id": identifiers})
    frame["_pseudonym"] = pseudonymiser.beyond_ascii(frame["person_id"])
    expression, params = pseudonymiser.sql("person_id", "_pseudonym")
    con = duckdb.connect()
    con.register("people", frame)
    bulk = [row[0] for row in con.execute(f"select {expression} from people", params).fetchall()]
    assert bulk == [_reference(key, value) for value in identifiers]


def test_the_key_is_bound_not_written_into_the_sql():
    key = bytes(range(32))
    expression, params = Pseudonymiser(key).sql("person_id", "_pseudonym")
    assert key.hex() not in expression and "\\x" not in expression
    assert set(params) == {"hmac_inner", "hmac_outer", "hmac_space"}
