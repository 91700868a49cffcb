"""The only module that talks to DuckDB on behalf of the dashboard, and the only one of its
data layer that imports Streamlit: a cached facade over ``dashboard/data``.

The SQL lives in ``dashboard/sql/<page>/<query>.sql`` (named parameters only, always bound),
``dashboard/data/loader.py`` runs it on a connection, and ``dashboard/data/<page>.py`` reshapes
the results (DataFrames in and out, testable without Streamlit). This module adds the
connection and the cache: pages call its functions and never see SQL.

Read-only, bound parameters, cached. Each cache miss opens the warehouse's *published copy*
read-only, runs one query and closes it again (``pipelines/access.py``): writers (`mobility
ingest`, `mobility build`, the Import page) work on the main file and replace the copy
atomically when they are done, so a page never meets a writer's lock, never blocks one, and
shows the last completed build meanwhile. A warehouse without a published copy (older ones,
until their next write) is read directly, retrying for a moment while it is written, then
``access.WarehouseUpdating`` (app.py shows "the data is being updated"). Results are cached
with ``st.cache_data`` keyed by the query's name and parameters *and* the file read (its
inode, modification time and size), so a new copy shows up on the next rerun.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd
import streamlit as st

from dashboard.data import benchmark as benchmark_data
from dashboard.data import data_quality as data_quality_data
from dashboard.data import imports as imports_data
from dashboard.data import inclusion as inclusion_data
from dashboard.data import loader
from dashboard.data import outcomes as outcomes_data
from dashboard.data import overview as overview_data
from dashboard.data import targets as targets_data
from dashboard.data.benchmark import BENCHMARK_BREAKDOWNS as BENCHMARK_BREAKDOWNS
from dashboard.data.benchmark import BENCHMARK_SCOPES as BENCHMARK_SCOPES
from dashboard.data.country import by_kind_and_direction as by_kind_and_direction
from dashboard.data.country import by_year_and_direction as by_year_and_direction
from dashboard.data.country import kpi_grid as kpi_grid
from dashboard.data.flows import largest_balances as largest_balances
from dashboard.data.flows import top_countries as top_countries
from dashboard.data.outcomes import LANGUAGE_GROUPS as LANGUAGE_GROUPS
from dashboard.data.outcomes import OUTCOME_GROUPS as OUTCOME_GROUPS
from dashboard.data.overview import HEADCOUNT_DENOMINATORS as HEADCOUNT_DENOMINATORS
from dashboard.data.overview import HEADCOUNT_WORDS as HEADCOUNT_WORDS
from dashboard.data.overview import HEADLINE_KPIS as HEADLINE_KPIS
from dashboard.data.overview import headcount_scope as headcount_scope
from dashboard.data.overview import headline_cards as headline_cards
from dashboard.data.overview import kpi_series as kpi_series
from dashboard.data.overview import missing_headcount as missing_headcount
from dashboard.data.partners import ALL_YEARS as ALL_YEARS
from dashboard.data.partners import partner_totals as partner_totals
from dashboard.data.partners import partner_years as partner_years
from dashboard.data.partners import top_partners as top_partners
from dashboard.data.shared import FilterOptions as FilterOptions
from dashboard.data.shared import direction_total as direction_total
from dashboard.data.shared import filter_options as _filter_options
from dashboard.data.shared import first_value
from dashboard.data.shared import has_rows as has_rows
from dashboard.data.shared import to_long as to_long
from dashboard.data.shared import top_groups as top_groups
from dashboard.data.staff import STAFF_GROUPS as STAFF_GROUPS
from pipelines import access, config, warehouse
from pipelines.partners import matching as partner_matching
from pipelines.settings import Settings

if TYPE_CHECKING:
    from dashboard.filters import Filters

CACHE_TTL_SECONDS = 3600


def warehouse_path() -> Path:
    return config.warehouse_path()


Version = tuple[str, int, int, int] | None


def warehouse_version() -> Version:
    """The file pages read (published copy or warehouse) as name, inode, mtime and size, or
    None when there is no warehouse: part of every cache key."""
    return access.version(warehouse_path())


def _freeze(value: object) -> object:
    """Lists become tuples so that parameters can be part of the cache key."""
    return tuple(value) if isinstance(value, list) else value


def _unfreeze(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _run_cached(after: str | None, name: str, named: tuple, version: Version) -> pd.DataFrame:
    with access.reading(warehouse_path()) as con:
        return loader.run_after(con, after, name, **{k: _unfreeze(v) for k, v in named})


def run_after(after: str | None, name: str, /, **params: object) -> pd.DataFrame:
    """Run the query file ``name`` continuing ``after`` (``loader.run_after``), with its named
    parameters bound; cached per query, parameters and warehouse version."""
    frozen = tuple(sorted((key, _freeze(value)) for key, value in params.items()))
    return _run_cached(after, name, frozen, warehouse_version())


def run(name: str, /, **params: object) -> pd.DataFrame:
    """Run the query file ``dashboard/sql/<name>.sql``, cached (see :func:`run_after`)."""
    return run_after(None, name, **params)


def run_filtered(name: str, flt: Filters, /, **params: object) -> pd.DataFrame:
    """Run ``name`` after ``shared/filtered.sql`` with the sidebar filters bound, cached."""
    return run_after(loader.FILTERED, name, **flt.params(), **params)


# ---------------------------------------------------------------------------------------
# Shared
# ---------------------------------------------------------------------------------------


def has_data() -> bool:
    """True when the warehouse exists and its marts have been built."""
    if warehouse_version() is None:
        return False
    try:
        return bool(len(run("shared/has_data")))
    except duckdb.CatalogException:
        return False


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _build_status(path: str, version: Version) -> warehouse.BuildStatus:
    with access.reading(path) as con:
        return warehouse.build_status(con)


def build_status() -> warehouse.BuildStatus | None:
    """Whether the figures match the data and the program; None without a warehouse (or one
    from before the bookkeeping tables: nothing to compare)."""
    version = warehouse_version()
    if version is None:
        return None
    try:
        return _build_status(str(warehouse_path()), version)
    except duckdb.CatalogException:
        return None


def stale_build_note() -> str | None:
    """A sentence for every page when the marts are older than the sources (an import whose
    rebuild never ran), else None."""
    status = build_status()
    if status is None or not status.stale:
        return None
    return (
        f"The figures are older than the data: {status.reason} is newer than the last build "
        "of the figures (its rebuild did not run or did not finish). The next import, "
        "undo or save on the data-management pages rebuilds them, and so does "
        "`mobility build`."
    )


def institution_name() -> str:
    name = first_value(run("shared/setting", key="institution_name"))
    return Settings().institution_name if name is None else str(name)


def filter_options() -> FilterOptions:
    return _filter_options(run("shared/filter_years"), run("shared/filter_values"))


# ---------------------------------------------------------------------------------------
# Page: Overview
# ---------------------------------------------------------------------------------------


def headline_by_year(flt: Filters) -> pd.DataFrame:
    """The headline KPIs per academic year for the filtered mobilities, one row per year and KPI.

    Counted from the mobilities mart with the filters bound, so any combination of filters
    works; with no filter the values equal ``kpi_values`` (tested). Rates with a headcount
    denominator take enrolled students / graduates of the selected faculties and levels;
    programme, kind and direction filters narrow only the numerator.
    """
    return run_filtered("overview/headline_by_year", flt)


def target_progress(year_start: int, faculty: str) -> pd.DataFrame:
    """Leadership targets (targets mart) and the EU reference targets of the registry, with
    the KPI's value in the chosen year for the whole university or one faculty (kpi_by_year).
    """
    return run("overview/target_progress", year=year_start, faculty=faculty)


def target_progress_projected(year_start: int, faculty: str) -> pd.DataFrame:
    """:func:`target_progress` with where the recent trend leads by each target year.

    The trend is fitted on the KPI's values up to the chosen year (pipelines.metrics.projection:
    method, window and status rules live there), so the Overview answers "on track or at risk,
    as of this year". The whole university's targets are shown (and projected) beside a
    faculty's.
    """
    return overview_data.target_progress_projected(
        target_progress(year_start, faculty),
        run("overview/kpi_series_until", year=year_start, faculty=faculty),
        headcount_totals(year_start),
        year_start,
    )


def headcount_totals(year_start: int) -> pd.DataFrame:
    """Enrolled students, graduates and academic staff of one academic year per faculty, and
    of the whole university (faculty 'all'); a faculty without headcounts has no row."""
    return run("overview/headcount_totals", year=year_start)


def kinds_side_by_side(flt: Filters, year_start: int) -> pd.DataFrame:
    """The six kinds of mobility in one year: realised mobilities out and in per kind, and the
    active international projects (faculty filter only) as the sixth kind."""
    return overview_data.kinds_side_by_side(
        run_filtered("overview/kinds_side_by_side", flt, year=year_start)
    )


def mobilities_by_year(flt: Filters) -> pd.DataFrame:
    """Realised mobilities per academic year and direction (for the trend)."""
    return run_filtered("overview/mobilities_by_year", flt)


# ---------------------------------------------------------------------------------------
# Page: Flows and countries
# ---------------------------------------------------------------------------------------


def country_flows(flt: Filters) -> pd.DataFrame:
    """Realised mobilities per partner country and direction, with ISO-3 code for the map."""
    return run_filtered("flows/country_flows", flt)


def faculty_destinations(flt: Filters, top: int = 20) -> pd.DataFrame:
    """Outbound realised mobilities from own faculty to destination region and country; the
    countries beyond the ``top`` largest are merged into 'Other countries' of their region."""
    return run_filtered("flows/faculty_destinations", flt, top=top)


def country_trend(flt: Filters, countries: tuple[str, ...]) -> pd.DataFrame:
    """Realised mobilities (directions as filtered) per academic year for chosen countries."""
    return run_filtered("flows/country_trend", flt, countries=list(countries))


# ---------------------------------------------------------------------------------------
# Page: Partners and agreements
# ---------------------------------------------------------------------------------------


def partner_activity(flt: Filters) -> pd.DataFrame:
    """Per partner institution and academic year, plus one 'All selected years' row each:
    realised mobilities out and in (all filters), balance, places under agreements and their
    utilisation (years and faculty filter: the faculty's and university-wide agreements), and
    the last year with any realised mobility."""
    return run_filtered("partners/partner_activity", flt, all_years=ALL_YEARS)


def dormant_agreements(flt: Filters) -> pd.DataFrame:
    """Agreements dormant in the latest academic year (agreements mart), for the selected
    faculties (and university-wide agreements)."""
    return run(
        "partners/agreements_to_review", which="dormant", faculties=list(flt.faculties) or None
    )


def expiring_agreements(flt: Filters) -> pd.DataFrame:
    """Agreements that end within the next ``expiring_months`` (setting, default 12)."""
    return run(
        "partners/agreements_to_review", which="expiring", faculties=list(flt.faculties) or None
    )


def dormant_years_setting() -> int:
    value = first_value(run("shared/setting", key="dormant_years"))
    return 2 if value is None else int(value)


# ---------------------------------------------------------------------------------------
# Page: Outcomes
# ---------------------------------------------------------------------------------------


def credit_outcomes(flt: Filters, by: str) -> pd.DataFrame:
    """Recognition rate and credit success per faculty, partner or country (``by``), over
    completed outbound student mobilities, as the KPIs recognition_rate and
    credit_success_rate define them (each over the mobilities where its two figures are known).
    """
    if by not in OUTCOME_GROUPS:
        raise ValueError(f"cannot group credit outcomes by {by!r}")
    return run_filtered("outcomes/credit_outcomes", flt, by=by)


def cefr_matrix(flt: Filters) -> pd.DataFrame:
    """Realised mobilities by CEFR level before and after (both known)."""
    return run_filtered("outcomes/cefr_matrix", flt)


def language_improvement(flt: Filters, by: str) -> pd.DataFrame:
    """Share of realised mobilities improving by at least one CEFR level, per language or
    destination country (``by``)."""
    if by not in LANGUAGE_GROUPS:
        raise ValueError(f"cannot group language outcomes by {by!r}")
    frame = run_filtered("outcomes/language_improvement", flt, by=by)
    return outcomes_data.language_names(frame, by)


# ---------------------------------------------------------------------------------------
# Page: Inclusion
# ---------------------------------------------------------------------------------------


def fewer_opportunities(flt: Filters, by: str) -> pd.DataFrame:
    """fewer_opportunities_share per academic year or per faculty (``by``): realised outbound
    student mobilities with the flag set, over all realised outbound student mobilities."""
    if by not in inclusion_data.FEWER_OPPORTUNITIES_GROUPS:
        raise ValueError(f"cannot group by {by!r}")
    return run_filtered("inclusion/fewer_opportunities", flt, by=by)


def participant_mix(flt: Filters, by: str) -> pd.DataFrame:
    """Realised mobilities per direction and gender, study level or broad field (``by``),
    with each group's share of its direction."""
    if by not in inclusion_data.PARTICIPANT_GROUPS:
        raise ValueError(f"cannot group by {by!r}")
    frame = run_filtered("inclusion/participant_mix", flt, by=by)
    return inclusion_data.level_labels(frame, by)


# ---------------------------------------------------------------------------------------
# Page: Staff and research
# ---------------------------------------------------------------------------------------


def staff_mobility(flt: Filters, by: str) -> pd.DataFrame:
    """Realised physical staff and researcher mobilities (kind staff_research) per activity
    and faculty, partner country or duration band (``by``)."""
    if by not in STAFF_GROUPS:
        raise ValueError(f"cannot group staff mobility by {by!r}")
    return run_filtered("staff/staff_mobility", flt, by=by)


def staff_summary(flt: Filters) -> pd.DataFrame:
    """Totals of staff and researcher mobility: mobilities, people, days, teaching hours."""
    return run_filtered("staff/staff_summary", flt)


def kpi_value(kpi_id: str, year_start: int, faculty: str = "all") -> float | None:
    """One KPI from the KPI mart for the whole university ('all') or one faculty."""
    value = first_value(run("staff/kpi_value", kpi_id=kpi_id, year=year_start, faculty=faculty))
    return None if value is None else float(value)


# ---------------------------------------------------------------------------------------
# Page: Programmes
# ---------------------------------------------------------------------------------------


def dual_degrees_by_year(flt: Filters) -> pd.DataFrame:
    """Dual and joint degrees per academic year: distinct students (both directions), completed
    periods (the contract has no graduation field: a completed dual-degree period is the
    proxy for a graduate) and partner institutions."""
    return run_filtered("programmes/dual_degrees_by_year", flt)


def dual_degree_partners(flt: Filters) -> pd.DataFrame:
    return run_filtered("programmes/dual_degree_partners", flt)


def online_by_year(flt: Filters) -> pd.DataFrame:
    """Online (virtual) and blended mobilities per year and their share of all realised
    mobilities (online_share), both directions as filtered."""
    return run_filtered("programmes/online_by_year", flt)


def internships(flt: Filters, by: str) -> pd.DataFrame:
    """Realised internships and placements per direction and host type or country (``by``)."""
    if by not in ("host_type", "country"):
        raise ValueError(f"cannot group internships by {by!r}")
    return run_filtered("programmes/internships", flt, by=by)


PROJECTS = "programmes/chosen_projects"
"""The projects of the selected years and faculties, which the project queries continue."""


def _project_params(flt: Filters) -> dict[str, object]:
    return {
        "year_from": flt.year_from,
        "year_to": flt.year_to,
        "faculties": list(flt.faculties) or None,
    }


def projects_in_range(flt: Filters) -> pd.DataFrame:
    """International projects running in at least one of the selected years (years and
    faculty filter)."""
    return run_after(PROJECTS, "programmes/projects_in_range", **_project_params(flt))


def project_funding(flt: Filters) -> pd.DataFrame:
    """Projects and the university's own share of their budgets per programme and role."""
    return run_after(PROJECTS, "programmes/project_funding", **_project_params(flt))


def project_countries(flt: Filters) -> pd.DataFrame:
    """How many of the projects involve each partner country."""
    return run_after(PROJECTS, "programmes/project_countries", **_project_params(flt))


# ---------------------------------------------------------------------------------------
# Page: Country explorer
# ---------------------------------------------------------------------------------------


def countries_with_data() -> pd.DataFrame:
    """Partner countries with any mobility, most mobilities first: country, country_name."""
    return run("country/countries_with_data")


def country_by_year(flt: Filters, country: str) -> pd.DataFrame:
    """Realised mobilities with one partner country per academic year, kind and direction."""
    return run_filtered("country/country_by_year", flt, country=country)


def country_kpis(country: str, year_from: int, year_to: int) -> pd.DataFrame:
    """Every KPI of the registry for one partner country per academic year (kpi_values,
    dimension 'country'), long: academic_year, kpi_id, kpi, unit, value."""
    return run("country/country_kpis", country=country, year_from=year_from, year_to=year_to)


def country_partners(flt: Filters, country: str) -> pd.DataFrame:
    """Partner institutions in one country: realised mobilities out and in (filters apply),
    and the agreements with them valid today."""
    return run_filtered("country/country_partners", flt, country=country)


# --- Benchmark page ---
# The EC Erasmus files (marts benchmark_*): a home institution against its country and the
# whole programme. Every record counts its `participants` weight. A year of None means all
# imported years.


def has_benchmark() -> bool:
    """True when EC benchmark records have been imported and built."""
    if warehouse_version() is None:
        return False
    try:
        return bool(len(run("benchmark/has_benchmark")))
    except duckdb.CatalogException:
        return False


def benchmark_years() -> list[str]:
    return run("benchmark/years")["academic_year"].tolist()


def benchmark_default_year() -> str:
    """The academic year with the most participants (partial years are not the default)."""
    return str(run("benchmark/default_year")["academic_year"].iloc[0])


def benchmark_home_institutions() -> pd.DataFrame:
    """Institutions that send participants: erasmus_code, label, country, participants."""
    return run("benchmark/home_institutions")


def own_erasmus_code() -> str | None:
    """The setting own_erasmus_code, normalised as the EC files are, or None."""
    from pipelines.ingest.institutions import normalise_codes

    frame = run("shared/setting", key="own_erasmus_code")
    if not len(frame) or not str(frame["value"].iloc[0]).strip():
        return None
    return normalise_codes(frame["value"]).iloc[0]


def benchmark_institution(erasmus_code: str) -> dict[str, str | None]:
    """Name, country and country name of one institution (empty values if unknown)."""
    return benchmark_data.institution_fields(
        run("benchmark/institution", erasmus_code=erasmus_code)
    )


def benchmark_summary(home_code: str, year: str | None) -> dict[str, dict[str, float | None]]:
    """Per scope: participants, average stay (months), placement and female shares (%)."""
    return benchmark_data.summary_by_scope(
        run_after("benchmark/scoped", "benchmark/summary", home_code=home_code, year=year)
    )


def benchmark_shares(breakdown: str, home_code: str, year: str | None, top: int = 12):
    """Shares (%) of a breakdown per scope.

    ``breakdown`` is ``destination`` (the institution's ``top`` largest destinations) or
    ``level`` (every level of any scope). Returns scope, category, participants, share_pct.
    """
    if breakdown not in BENCHMARK_BREAKDOWNS:
        raise KeyError(breakdown)
    return run_after(
        "benchmark/scoped",
        "benchmark/shares",
        breakdown=breakdown,
        home_code=home_code,
        year=year,
        top=top,
    )


def benchmark_flow_periods() -> pd.DataFrame:
    """source, period and participants of each national-flow table available."""
    return run("benchmark/flow_periods")


def benchmark_flows(
    source: str, period: str | None, within: bool, sending: str | None = None
) -> pd.DataFrame:
    """Country-to-country flows of one source (period None: all periods summed).

    ``sending`` limits them to one sending country (ISO alpha-2), for the map.
    """
    return run("benchmark/flows", source=source, period=period, within=within, sending=sending)


def benchmark_unknown_institutions() -> pd.DataFrame:
    """Institution codes in the records that the EC institution list does not know."""
    return run("benchmark/unknown_institutions")


def benchmark_has_institution_list() -> bool:
    return bool(run("benchmark/institution_list_size")["n"].iloc[0])


# --- Import page ---


def settings() -> dict[str, str]:
    """Every setting's current value (``pipelines/warehouse.py`` SETTINGS)."""
    return imports_data.settings_dict(run("import/settings"))


def import_history() -> pd.DataFrame:
    """Every import, newest first, with its counts, whether it was undone and who made it
    (and undid it), where the warehouse has an audit trail."""
    imported_by = run("import/imported_by") if has_audit_trail() else None
    return imports_data.with_imported_by(run("import/import_history"), imported_by)


def has_audit_trail() -> bool:
    """False for a warehouse published before the audit trail existed (until its next write)."""
    return bool(len(run("import/has_audit_trail")))


def activity() -> pd.DataFrame:
    """Every change to the warehouse, newest first: who did what, when (``pipelines/audit.py``)."""
    if not has_audit_trail():
        return imports_data.no_activity()
    return run("import/activity")


def active_imports() -> pd.DataFrame:
    """Imports that can be undone, newest first, with a label naming file and table."""
    return run("import/active_imports")


def import_unknown_partners(import_id: int) -> pd.DataFrame:
    """Unknown partners (not mapped, no agreement) that occur in one import's records, each
    with its suggestion (``partner_suggestions``)."""
    unknown = run("import/unknown_partners", import_id=import_id)
    return _with_suggestions(unknown)


# --- Data quality page ---


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
    return _with_suggestions(unknown)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _partner_suggestions(path: str, version: Version) -> pd.DataFrame:
    with access.reading(path) as con:
        return partner_matching.suggest_for_warehouse(con)


def partner_suggestions() -> pd.DataFrame:
    """What each unknown partner most likely is: the best known partner or institution of the
    EC list, with where it comes from and a score 0-100 (``pipelines/partners/matching.py``,
    the only place that suggests matches). Cached per warehouse version."""
    return _partner_suggestions(str(warehouse_path()), warehouse_version())


def _with_suggestions(unknown: pd.DataFrame) -> pd.DataFrame:
    return data_quality_data.with_suggestions(unknown, partner_suggestions())


def mapping_choices(countries: list[str]) -> pd.DataFrame:
    """What an unknown partner can be mapped to: every known partner, and the institutions of
    the EC list (when imported) in ``countries`` that are not known partners yet (not the
    university's own code). Columns partner_key, partner_name, partner_country, source."""
    return run("data_quality/mapping_choices", countries=countries)


def partner_mappings() -> pd.DataFrame:
    """Stored mappings with the name of the partner each points to."""
    return run("data_quality/partner_mappings")


# --- Targets page ---


def targets_for_editing() -> pd.DataFrame:
    """The stored targets in the columns of a targets file (faculty empty: university)."""
    return run("targets/for_editing")


def kpi_choices() -> pd.DataFrame:
    """KPIs a target can be set for, with name, unit and definition."""
    return run("targets/kpi_choices")


def target_faculties() -> list[str]:
    """Faculties that have KPI values (a target's optional faculty)."""
    return run("targets/faculties")["faculty"].tolist()


def target_projections() -> pd.DataFrame:
    """Every target with its KPI, latest value, projection and status (``metrics.projection``)."""
    return targets_data.projections(run("targets/targets"), run("targets/target_kpi_series"))


def target_series(kpi_id: str, faculty: str = "all") -> pd.DataFrame:
    """A KPI's values by academic year (year_start for a numeric axis)."""
    return run("targets/series", kpi_id=kpi_id, faculty=faculty)
