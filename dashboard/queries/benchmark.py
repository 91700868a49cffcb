"""Queries of the Benchmark page, over the EC Erasmus files (marts benchmark_*): a home
institution against its country and the whole programme. Every record counts its
`participants` weight. A year of None means all imported years."""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.data import benchmark as benchmark_data
from dashboard.data.benchmark import BENCHMARK_BREAKDOWNS
from dashboard.queries.core import run, run_after, warehouse_version


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
