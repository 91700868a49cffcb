"""The only module that talks to DuckDB on behalf of the dashboard.

Read-only, bound parameters, cached. Each cache miss opens the warehouse read-only, runs
one query and closes it again, instead of holding one connection for the life of the
process: a held connection keeps a lock on the file, so `mobility ingest` or `mobility
build` could not write while the dashboard runs. Results are cached with
``st.cache_data`` keyed by the query's parameters *and* the warehouse file's modification
time, so a rebuild shows up on the next rerun without stale numbers.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from pipelines import config, projection

CACHE_TTL_SECONDS = 3600


def warehouse_path() -> Path:
    return config.warehouse_path()


def warehouse_version() -> float | None:
    """Modification time of the warehouse file, or None: part of every cache key."""
    path = warehouse_path()
    try:
        return os.stat(path).st_mtime
    except FileNotFoundError:
        return None


def _read(sql: str, params: list | None = None) -> pd.DataFrame:
    with duckdb.connect(str(warehouse_path()), read_only=True) as con:
        return con.execute(sql, params or []).fetchdf()


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _cached(sql: str, params: tuple, version: float | None) -> pd.DataFrame:
    return _read(sql, list(params))


def query(sql: str, *params: object) -> pd.DataFrame:
    """Run a read-only query with bound parameters; cached per parameters and warehouse version."""
    return _cached(sql, tuple(params), warehouse_version())


def has_data() -> bool:
    """True when the warehouse exists and its marts have been built."""
    if warehouse_version() is None:
        return False
    try:
        return bool(len(query("select 1 from kpi_values limit 1")))
    except duckdb.CatalogException:
        return False


def institution_name() -> str:
    frame = query("select value from settings where key = 'institution_name'")
    return str(frame["value"].iloc[0]) if len(frame) else "Our University"


def academic_years() -> list[str]:
    frame = query("select distinct academic_year from kpi_values order by academic_year")
    return frame["academic_year"].tolist()


def kpi_year_values(academic_year: str, faculty: str = "all") -> pd.DataFrame:
    """All KPIs of one year for the whole university or one faculty, with last year's values."""
    return query(
        """
        select k.kpi_id, k.name, k.definition, k.unit, k.good_direction, k.headline,
               cur.value, prev.value as previous_value
        from ref_kpis as k
        left join kpi_by_year as cur
            on cur.kpi_id = k.kpi_id and cur.academic_year = ? and cur.faculty = ?
        left join kpi_by_year as prev
            on prev.kpi_id = k.kpi_id and prev.year_start = cur.year_start - 1
            and prev.faculty = cur.faculty
        """,
        academic_year,
        faculty,
    )


def kpi_trend(kpi_id: str, faculty: str = "all") -> pd.DataFrame:
    return query(
        "select academic_year, value from kpi_by_year where kpi_id = ? and faculty = ? "
        "order by academic_year",
        kpi_id,
        faculty,
    )


# --- Import page ---


def import_history() -> pd.DataFrame:
    """Every import, newest first, with its counts and whether it was undone."""
    return query(
        """
        select import_id, imported_at, table_name, file_name, source, rows_read, rows_loaded,
               rows_updated, rows_unchanged, rows_deleted, rows_rejected, status, undone_at
        from imports
        order by import_id desc
        """
    )


def active_imports() -> pd.DataFrame:
    """Imports that can be undone, newest first, with a label naming file and table."""
    return query(
        """
        select import_id,
               '#' || import_id || ' · ' || file_name || ' → ' || table_name || ' · '
               || strftime(imported_at, '%Y-%m-%d %H:%M') as label
        from imports
        where status = 'active'
        order by import_id desc
        """
    )


def import_unknown_partners(import_id: int) -> pd.DataFrame:
    """Unknown partners (not mapped, no agreement) that occur in one import's records."""
    return query(
        "select * from data_quality_unknown_partners where list_contains(import_ids, ?) "
        "order by agreement_mobilities desc, mobilities desc, partner_key",
        import_id,
    )


# --- Data quality page ---


def quality_scores() -> pd.DataFrame:
    """The data-quality score of every academic year."""
    return query("select * from data_quality_scores order by year_start")


def quality_rules() -> pd.DataFrame:
    """The rules behind the score and the issue lists, in the order the page shows them."""
    return query(
        "select rule_id, name, description, applies_to, in_score from ref_quality_rules "
        "order by position"
    )


def duration_rules() -> pd.DataFrame:
    """Plausible durations per activity (the implausible_duration rule)."""
    return query(
        "select activity, mode, study_level, min_days, max_days, source "
        "from ref_duration_rules order by activity, study_level nulls first"
    )


def quality_rule_table() -> pd.DataFrame:
    """Pass rate (%) of each rule (rows) in each academic year (columns)."""
    return query(
        """
        pivot (
            select rule_position, rule_name as rule, in_score as in_score, academic_year,
                   pass_pct
            from data_quality_rule_years
        )
        on academic_year using first(pass_pct)
        group by rule_position, rule, in_score
        order by rule_position
        """
    ).drop(columns="rule_position")


def quality_rule_years() -> pd.DataFrame:
    """Applicable, failing and pass rate of every rule in every academic year (long form)."""
    return query("select * from data_quality_rule_years order by year_start, rule_position")


def completeness() -> pd.DataFrame:
    """Share of mobilities with a value, per contract column and academic year."""
    return query(
        "select academic_year, column_name, column_position, records, filled, filled_pct "
        "from data_quality_completeness order by year_start, column_position"
    )


def quality_issues(rule_id: str, academic_year: str | None = None) -> pd.DataFrame:
    """Mobilities failing one rule, in one academic year or all (None)."""
    return query(
        """
        select mobility_id, academic_year, detail, direction, activity, faculty,
               partner_name, partner_country, start_date, end_date, duration_days, status,
               import_id
        from data_quality_issues
        where rule_id = ? and (cast(? as varchar) is null or academic_year = ?)
        order by year_start, mobility_id
        """,
        rule_id,
        academic_year,
        academic_year,
    )


def rejected_rows(rule_id: str | None = None) -> pd.DataFrame:
    """Rejected rows of each file's latest active import; only one rule's if given."""
    return query(
        """
        select file_name, import_id, table_name, row_number, column_name, value, reason
        from data_quality_rejections
        where cast(? as varchar) is null or rule_id = ?
        order by import_id, row_number, column_name
        """,
        rule_id,
        rule_id,
    )


def unknown_partners(agreement_activities_only: bool = True) -> pd.DataFrame:
    """Unknown partners, most used first; by default only those of activities needing one."""
    return query(
        """
        select partner_key, partner_name, partner_erasmus_code, partner_schac_code,
               partner_country, mobilities, agreement_mobilities, first_academic_year,
               last_academic_year, suggested_partner_key, suggested_partner_name, similarity
        from data_quality_unknown_partners
        where not ? or agreement_mobilities > 0
        order by agreement_mobilities desc, mobilities desc, partner_key
        """,
        agreement_activities_only,
    )


def known_partners() -> pd.DataFrame:
    """Partners an unknown one can be mapped to, by country and name."""
    return query(
        "select partner_key, partner_name, partner_country, agreements, known_from "
        "from known_partners order by partner_country, partner_name, partner_key"
    )


def partner_mappings() -> pd.DataFrame:
    """Stored mappings with the name of the partner each points to."""
    return query(
        """
        select m.source_key, coalesce(k.partner_name, m.partner_key) as mapped_to,
               m.partner_key, m.source_key = m.partner_key as new_partner, m.mapped_at
        from partner_mappings as m
        left join known_partners as k on m.partner_key = k.partner_key
        order by m.mapped_at desc, m.source_key
        """
    )


# --- Targets page ---


def targets_for_editing() -> pd.DataFrame:
    """The stored targets in the columns of a targets file (faculty empty: university)."""
    return query(
        """
        select kpi_id, academic_year, nullif(faculty, 'all') as faculty, target_value as value,
               note
        from targets
        order by kpi_id, academic_year, faculty
        """
    )


def kpi_choices() -> pd.DataFrame:
    """KPIs a target can be set for, with name, unit and definition."""
    return query("select kpi_id, name, unit, definition from ref_kpis order by name")


def target_faculties() -> list[str]:
    """Faculties that have KPI values (a target's optional faculty)."""
    frame = query(
        "select distinct faculty from kpi_by_year where faculty <> 'all' order by faculty"
    )
    return frame["faculty"].tolist()


def target_progress() -> pd.DataFrame:
    """Every target with its KPI, latest value, projection and status (pipelines.projection)."""
    targets = query(
        """
        select t.kpi_id, t.kpi_name, t.unit, t.faculty, t.academic_year, t.year_start,
               t.target_value, t.note, k.good_direction, k.definition
        from targets as t
        inner join ref_kpis as k on t.kpi_id = k.kpi_id
        order by t.year_start, t.kpi_name, t.faculty
        """
    )
    series = query(
        """
        select v.kpi_id, v.faculty, v.year_start, v.value
        from kpi_by_year as v
        where exists (
            select 1 from targets as t where t.kpi_id = v.kpi_id and t.faculty = v.faculty
        )
        order by v.kpi_id, v.faculty, v.year_start
        """
    )
    return projection.progress_table(targets, series)


def target_series(kpi_id: str, faculty: str = "all") -> pd.DataFrame:
    """A KPI's values by academic year (year_start for a numeric axis)."""
    return query(
        "select academic_year, year_start, value from kpi_by_year "
        "where kpi_id = ? and faculty = ? order by year_start",
        kpi_id,
        faculty,
    )
