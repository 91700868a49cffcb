"""Queries of the Data quality page: scores, rules and issues, rejected rows, and the
unknown partners with their suggested matches and mappings."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.data import data_quality as data_quality_data
from dashboard.queries.core import (
    CACHE_TTL_SECONDS,
    Version,
    run,
    warehouse_path,
    warehouse_version,
)
from pipelines import access
from pipelines.partners import matching as partner_matching


def quality_scores() -> pd.DataFrame:
    """The data-quality score of every academic year."""
    return run("data_quality/scores")


def quality_rules() -> pd.DataFrame:
    """The rules behind the score and the issue lists, in the order the page shows them."""
    return run("data_quality/rules")


def duration_rules() -> pd.DataFrame:
    """Plausible durations per activity (the implausible_duration rule)."""
    return run("data_quality/duration_rules")


def quality_rule_table() -> pd.DataFrame:
    """Pass rate (%) of each rule (rows) in each academic year (columns)."""
    return data_quality_data.rule_table(run("data_quality/rule_table"))


def completeness() -> pd.DataFrame:
    """Share of mobilities with a value, per contract column and academic year."""
    return run("data_quality/completeness")


def quality_issues(rule_id: str, academic_year: str | None = None) -> pd.DataFrame:
    """Mobilities failing one rule, in one academic year or all (None)."""
    return run("data_quality/issues", rule_id=rule_id, academic_year=academic_year)


def rejected_rows(rule_id: str | None = None) -> pd.DataFrame:
    """Rejected rows of each file's latest active import; only one rule's if given."""
    return run("data_quality/rejected_rows", rule_id=rule_id)


def unknown_partners(agreement_activities_only: bool = True) -> pd.DataFrame:
    """Unknown partners, most used first, each with its suggestion (``partner_suggestions``);
    by default only those of activities needing one."""
    unknown = run(
        "data_quality/unknown_partners", agreement_activities_only=agreement_activities_only
    )
    return with_suggestions(unknown)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _partner_suggestions(path: str, version: Version) -> pd.DataFrame:
    with access.reading(path) as con:
        return partner_matching.suggest_for_warehouse(con)


def partner_suggestions() -> pd.DataFrame:
    """What each unknown partner most likely is: the best known partner or institution of the
    EC list, with where it comes from and a score 0-100 (``pipelines/partners/matching.py``,
    the only place that suggests matches). Cached per warehouse version."""
    return _partner_suggestions(str(warehouse_path()), warehouse_version())


def with_suggestions(unknown: pd.DataFrame) -> pd.DataFrame:
    """Unknown partners with each one's suggestion (:func:`partner_suggestions`); the Import
    page's unknown partners of one import get theirs here too."""
    return data_quality_data.with_suggestions(unknown, partner_suggestions())


def mapping_choices(countries: list[str]) -> pd.DataFrame:
    """What an unknown partner can be mapped to: every known partner, and the institutions of
    the EC list (when imported) in ``countries`` that are not known partners yet (not the
    university's own code). Columns partner_key, partner_name, partner_country, source."""
    return run("data_quality/mapping_choices", countries=countries)


def partner_mappings() -> pd.DataFrame:
    """Stored mappings with the name of the partner each points to."""
    return run("data_quality/partner_mappings")
