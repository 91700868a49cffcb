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

from pipelines import config

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


# --- Benchmark page ---
# The EC Erasmus files (marts benchmark_*): a home institution against its country and the
# whole programme. Every record counts its `participants` weight. A year of None means all
# imported years. SQL below is constant text; every value from a widget is a bound parameter.

BENCHMARK_SCOPES = ("institution", "country", "programme")

_BENCHMARK_SCOPED = """
    with base as (
        select * from benchmark_mobilities where (?::varchar is null or academic_year = ?)
    ),
    home as (
        select country, code_key from benchmark_institutions where erasmus_code = ?
    ),
    scoped as (
        select 'institution' as scope, * from base
        where home_code_key = (select code_key from home)
        union all
        select 'country', * from base where home_country = (select country from home)
        union all
        select 'programme', * from base
    )
"""

# category expression per breakdown: constants chosen by key, never user text
_BENCHMARK_CATEGORIES = {
    "destination": "destination_country_name",
    "level": (
        "case study_level when 5 then 'EQF 5 · short cycle' when 6 then 'EQF 6 · first cycle' "
        "when 7 then 'EQF 7 · second cycle' when 8 then 'EQF 8 · doctorate' end"
    ),
}


def has_benchmark() -> bool:
    """True when EC benchmark records have been imported and built."""
    if warehouse_version() is None:
        return False
    try:
        return bool(len(query("select 1 from benchmark_mobilities limit 1")))
    except duckdb.CatalogException:
        return False


def benchmark_years() -> list[str]:
    frame = query("select distinct academic_year from benchmark_mobilities order by academic_year")
    return frame["academic_year"].tolist()


def benchmark_default_year() -> str:
    """The academic year with the most participants (partial years are not the default)."""
    frame = query(
        "select academic_year from benchmark_mobilities group by academic_year "
        "order by sum(participants) desc, academic_year desc limit 1"
    )
    return str(frame["academic_year"].iloc[0])


def benchmark_home_institutions() -> pd.DataFrame:
    """Institutions that send participants: erasmus_code, label, country, participants."""
    return query(
        """
        select erasmus_code,
               name || ' · ' || erasmus_code || coalesce(' · ' || city, '') as label,
               country, country_name, outbound_participants
        from benchmark_institutions
        where outbound_participants > 0
        order by outbound_participants desc, erasmus_code
        """
    )


def own_erasmus_code() -> str | None:
    """The setting own_erasmus_code, normalised as the EC files are, or None."""
    from pipelines.ingest.institutions import normalise_codes

    frame = query("select value from settings where key = 'own_erasmus_code'")
    if not len(frame) or not str(frame["value"].iloc[0]).strip():
        return None
    return normalise_codes(frame["value"]).iloc[0]


def benchmark_institution(erasmus_code: str) -> dict[str, str | None]:
    """Name, country and country name of one institution (empty values if unknown)."""
    frame = query(
        "select name, country, country_name from benchmark_institutions where erasmus_code = ?",
        erasmus_code,
    )
    if not len(frame):
        return {"name": None, "country": None, "country_name": None}
    return {k: (None if pd.isna(v) else str(v)) for k, v in frame.iloc[0].items()}


def benchmark_summary(home_code: str, year: str | None) -> dict[str, dict[str, float | None]]:
    """Per scope: participants, average stay (months), placement and female shares (%)."""
    frame = _benchmark_summary(home_code, year)
    out: dict[str, dict[str, float | None]] = {scope: {} for scope in BENCHMARK_SCOPES}
    for row in frame.to_dict(orient="records"):
        scope = row.pop("scope")
        out[scope] = {k: (None if pd.isna(v) else float(v)) for k, v in row.items()}
    return out


def _benchmark_summary(home_code: str, year: str | None) -> pd.DataFrame:
    return query(
        _BENCHMARK_SCOPED
        + """
        select
            scope,
            sum(participants) as participants,
            sum(duration_months * participants) / sum(participants)
                filter (where duration_months is not null) as average_duration_months,
            100.0 * coalesce(sum(participants) filter (where includes_placement), 0)
                / sum(participants) as placement_share,
            100.0 * coalesce(sum(participants) filter (where gender = 'female'), 0)
                / sum(participants) filter (where gender is not null) as female_share
        from scoped
        group by scope
        """,
        year,
        year,
        home_code,
    )


def benchmark_shares(breakdown: str, home_code: str, year: str | None, top: int = 12):
    """Shares (%) of a breakdown per scope.

    ``breakdown`` is ``destination`` (the institution's ``top`` largest destinations) or
    ``level`` (every level of any scope). Returns scope, category, participants, share_pct.
    """
    every = breakdown == "level"
    category = _BENCHMARK_CATEGORIES[breakdown]
    return query(
        _BENCHMARK_SCOPED
        + f"""
        , counted as (
            select scope, {category} as category, sum(participants) as participants
            from scoped
            where {category} is not null
            group by all
        ),
        shares as (
            select *, 100.0 * participants / sum(participants) over (partition by scope)
                as share_pct
            from counted
        ),
        top as (
            select category from shares where scope = 'institution'
            order by participants desc, category limit ?
        )
        select s.scope, s.category, s.participants, s.share_pct
        from shares as s
        where ? or s.category in (select category from top)
        order by s.category
        """,
        year,
        year,
        home_code,
        top,
        every,
    )


def benchmark_flow_periods() -> pd.DataFrame:
    """source, period and participants of each national-flow table available."""
    return query(
        "select source, period, sum(participants) as participants from benchmark_country_flows "
        "group by all order by source desc, period"
    )


_BENCHMARK_FLOWS = """
    select sending_country, sending_country_name, sending_iso3,
           receiving_country, receiving_country_name, receiving_iso3,
           sum(participants) as participants
    from benchmark_country_flows
    where source = ? and (?::varchar is null or period = ?)
      and (? or sending_country <> receiving_country)
      and (?::varchar is null or sending_country = ?)
    group by all
    order by participants desc
"""


def benchmark_flows(
    source: str, period: str | None, within: bool, sending: str | None = None
) -> pd.DataFrame:
    """Country-to-country flows of one source (period None: all periods summed).

    ``sending`` limits them to one sending country (ISO alpha-2), for the map.
    """
    return query(_BENCHMARK_FLOWS, source, period, period, within, sending, sending)


def benchmark_unknown_institutions() -> pd.DataFrame:
    """Institution codes in the records that the EC institution list does not know."""
    return query(
        """
        select erasmus_code, name, country, outbound_participants, inbound_participants
        from benchmark_institutions
        where not in_institution_list
        order by participants desc, erasmus_code
        """
    )


def benchmark_has_institution_list() -> bool:
    return bool(query("select count(*) as n from ec_institutions")["n"].iloc[0])
