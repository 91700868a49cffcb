"""The bulk path (each rule once per distinct value, taken back to every row) accepts and
rejects exactly what the single-record path (``Rule.one``, pydantic) does, for every rule of
every table, on generated values: the rules are written once and must not drift apart."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.contract import MODELS
from pipelines.contract.rules import DEFAULT_CONTEXT, TEXT
from pipelines.ingest.validate import apply_per_value

# values in and just outside every rule's domain, and what exports write for "nothing"
POOL = [
    "DE", "de", "Germany", "UK", "EL", "NA", "XX", "Mars", "DEU", "DE;FR", "fr, it", "DE;XX",
    "2024-09-01", "01.09.2024", "31.02.2024", "09-2024", "2024-13-01", "1989-12-31",
    "2099-01-01", "2024-09-01 00:00:00", "2024/25", "2024/2026", "2024", "1900",
    "7,5", "7.5", "1.500", "1,500", "1.234,5", "-3", "1e3", "inf", "1_000", "€ 250",
    "yes", "No", "ja", "x", "maybe", "B2+", "cefr c1", "D1", "EQF 7", "master", "9",
    "0413", "041", "Business", "Mars studies", "en", "German", "Klingon",
    "D  KONSTAN01", "d konstan01", "IRLDUBLIN01", "A B C", "outbound", "Incoming", "SMS",
    "study", "staff", "female", "x" * 70, "y" * 250, "", "  ", "n/a", "?", "-", "None", "NULL",
]  # fmt: skip
VALUES = st.lists(
    st.one_of(st.sampled_from(POOL), st.text(max_size=12), st.none()), min_size=1, max_size=30
)
RULES = sorted(
    {repr(rule): rule for model in MODELS.values() for rule in model.rules().values()}.items()
)


def _single(rule, value):
    try:
        return rule.one(value), False
    except ValueError:
        return None, True


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(RULES), VALUES)
def test_every_rule_reads_a_column_as_it_reads_each_value(named_rule, values):
    _, rule = named_rule
    raw = pd.Series(values, dtype="object").astype(TEXT)
    bulk, bad = apply_per_value(rule, raw, DEFAULT_CONTEXT)
    for value, got, refused in zip(values, bulk.tolist(), bad.tolist(), strict=True):
        expected, invalid = _single(rule, value)
        assert refused == invalid, (rule, value)
        if not invalid:
            assert (None if pd.isna(got) else got) == expected, (rule, value)


def test_a_wrong_reading_would_be_caught():
    """The comparison can fail: a rule that reads one value differently in bulk is told apart."""
    rule = dict(RULES)[next(name for name, r in RULES if type(r).__name__ == "Country")]
    raw = pd.Series(["DE", "Germany", "XX"], dtype="object").astype(TEXT)
    bulk, bad = apply_per_value(rule, raw, DEFAULT_CONTEXT)
    assert bulk.tolist()[:2] == ["DE", "DE"] and bad.tolist() == [False, False, True]
    assert _single(rule, "XX") == (None, True) and _single(rule, "Germany") == ("DE", False)
