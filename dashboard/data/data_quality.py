"""Data quality page: reshaping the results of ``dashboard/sql/data_quality/*.sql``.
No Streamlit."""

from __future__ import annotations

import pandas as pd


def with_suggestions(unknown: pd.DataFrame, suggestions: pd.DataFrame) -> pd.DataFrame:
    """Unknown partners, each with its suggestion (``partner_matching.suggest_for_warehouse``,
    without the column matched_on)."""
    suggestions = suggestions.drop(columns="matched_on")
    return unknown.merge(suggestions, on="partner_key", how="left", validate="one_to_one")


def rule_table(frame: pd.DataFrame) -> pd.DataFrame:
    """``data_quality/rule_table`` without its ordering column."""
    return frame.drop(columns="rule_position")
