"""The "Scale" section of docs/performance.md and its chart, from the scale benchmark's steps.

One table per size (every step with its seconds, peak memory and figures, a failed step
with its reason), the ratios of the import to the DuckDB floor on the same file, the
slowest page queries, and the machine and its load: on a shared machine every figure grows
with the load.
"""

from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass, field

import duckdb

from benchmarks import scale_chart
from benchmarks.bounded import Step
from benchmarks.harness import PERFORMANCE_MD, replace_section

TITLE = "Scale"
CHART = PERFORMANCE_MD.with_name("performance-scale.svg")
SLOWEST_SHOWN = 8

# step names (the rows of each table; the chart's lines use the same names)
DEMO = "`mobility demo`"
INGEST_CSV = "ingest CSV (`mobility ingest`)"
FLOOR_CSV = "floor CSV (DuckDB `read_csv`)"
INGEST_PARQUET = "ingest Parquet (`mobility ingest`)"
FLOOR_PARQUET = "floor Parquet (DuckDB `read_parquet`)"
BUILD = "`mobility build`"
QUERIES = "page queries"
KPI_PANDAS = "KPIs: pandas"
KPI_DUCKDB = "KPIs: one DuckDB query"
RENDER = "render {page}"
CHARTED = (
    DEMO,
    INGEST_CSV,
    FLOOR_CSV,
    INGEST_PARQUET,
    FLOOR_PARQUET,
    BUILD,
    KPI_PANDAS,
    KPI_DUCKDB,
)

INTRO = (
    "The product at growing size: `python -m benchmarks.scale` (in `make bench`; "
    "`make bench-quick` runs `--quick`: 100,000 records, no demo row, the queries of "
    "three pages, 5 runs each, one page render; `--sizes 100000,1000000,10000000` adds "
    "ten million, `--memory-limit-gb` sets the ceiling, 12 GB by default). At each "
    "size, each step runs in its own process; *peak memory* is that process's maximum "
    "resident set, and a step above the memory ceiling or the time limit is stopped and "
    "shown as failed. The demo files of `mobility demo` are imported again side by "
    "side: with `mobility ingest --no-build` into a warehouse holding the university's "
    "settings and the four small demo files, once from the CSV and once from the same "
    "data as Parquet, each beside the floor, plain DuckDB reading the same file into a "
    "table (`all_varchar` for the CSV, as the importer reads text); files above 64 MB "
    "are read in parts of 100,000 rows and staged on disk, smaller ones whole, and every "
    "DuckDB connection is held to 1.5 GB (`MOBILITY_DUCKDB_MEMORY`). Then `mobility "
    "build` on the CSV warehouse; every SQL file the pages run with default filters "
    "(recorded by opening every page through Streamlit's AppTest) timed on the "
    "published copy; page renders through AppTest, *cold* with an empty cache and "
    "*warm* (the seconds column is the whole process: Python start, app start, both "
    "runs); and the same KPIs (realised mobilities out and in, outbound exchange "
    "students, distinct outbound and inbound physical students per year) computed with "
    "pandas from the mobilities mart and with one DuckDB query, each checked against "
    "`kpi_values`. `load` is the 1-minute load average when the step ended. Goals of "
    "issue 13 at 1M: ingest within 2x of the floor and under 1 GB; at 10M: demo under "
    "6 GB, build under 60 s, every page query p95 under 150 ms, warm render under 0.5 s."
)


@dataclass
class SizeResult:
    records: int
    steps: list[Step] = field(default_factory=list)
    queries: dict | None = None  # time_queries' output file: every query's p50 and p95

    def step(self, name: str) -> Step | None:
        return next((s for s in self.steps if s.name == name), None)


def machine() -> str:
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {memory_gb:.1f} GB memory, "
        f"Python {platform.python_version()}, DuckDB {duckdb.__version__}"
    )


def _ratios(ingest: Step | None, floor: Step | None) -> list[str]:
    """Process time, in-process time and peak memory of the import over the floor's."""
    if not (ingest and floor and ingest.ok and floor.ok):
        return ["n/a"] * 3
    inside = float(ingest.extra["in process (s)"]) / max(float(floor.extra["in process (s)"]), 0.01)
    return [
        f"{ingest.seconds / floor.seconds:.1f}x",
        f"{inside:.1f}x",
        f"{ingest.peak_mb / floor.peak_mb:.1f}x",
    ]


def ratios_table(results: list[SizeResult]) -> str:
    lines = [
        "| records | CSV: time | CSV: time in process | CSV: peak memory "
        "| Parquet: time | Parquet: time in process | Parquet: peak memory |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        csv = _ratios(result.step(INGEST_CSV), result.step(FLOOR_CSV))
        parquet = _ratios(result.step(INGEST_PARQUET), result.step(FLOOR_PARQUET))
        lines.append(f"| {result.records:,} | {' | '.join(csv + parquet)} |")
    return "\n".join(lines)


def size_table(result: SizeResult) -> str:
    lines = [
        f"### {result.records:,} records",
        "",
        "| step | seconds | peak memory (MB) | figures |",
        "|---|---:|---:|---|",
        *(step.row() for step in result.steps),
    ]
    if result.queries and result.queries["queries"]:
        queries = result.queries["queries"]
        lines += [
            "",
            f"Slowest page queries of {len(queries)} (p50 and p95 of the repeated runs, ms); "
            f"opening the published copy, which every cache miss pays: p50 "
            f"{result.queries['open p50 (ms)']} ms, p95 {result.queries['open p95 (ms)']} ms.",
            "",
            "| query | p50 (ms) | p95 (ms) |",
            "|---|---:|---:|",
            *(
                f"| `{q['query']}` | {q['p50 (ms)']} | {q['p95 (ms)']} |"
                for q in queries[:SLOWEST_SHOWN]
            ),
        ]
    return "\n".join(lines)


def chart_figures(results: list[SizeResult]) -> dict[str, list[tuple[int, float, float]]]:
    """Each charted step's (records, seconds, peak MB), plus the slowest page query's p95 and
    each rendered page's warm run (seconds only)."""
    figures: dict[str, list[tuple[int, float, float]]] = {}
    for result in results:
        for step in result.steps:
            if not step.ok:
                continue
            if step.name in CHARTED:
                figures.setdefault(step.name, []).append(
                    (result.records, step.seconds, step.peak_mb)
                )
            elif step.name.startswith("render ") and "warm (s)" in step.extra:
                figures.setdefault(f"{step.name}, warm", []).append(
                    (result.records, float(step.extra["warm (s)"]), 0.0)
                )
        if result.queries and result.queries["queries"]:
            slowest = result.queries["queries"][0]["p95 (ms)"] / 1000
            figures.setdefault("slowest page query p95", []).append((result.records, slowest, 0.0))
    return figures


def write(results: list[SizeResult], mode: str, load_at_start: tuple[float, float, float]) -> None:
    """Rewrite the Scale section of docs/performance.md and docs/performance-scale.svg."""
    CHART.write_text(scale_chart.svg(chart_figures(results)))
    load = ", ".join(f"{value:.1f}" for value in load_at_start)
    section = "\n".join(
        [
            "",
            f"## {TITLE}",
            "",
            INTRO,
            "",
            f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} ({mode}) on "
            f"{machine()}; load average (1, 5, 15 min) at the start: {load}.",
            "",
            "![Seconds and peak memory of each step against the record count, log-log]"
            "(performance-scale.svg)",
            "",
            "`mobility ingest` over the DuckDB floor on the same file: the whole process's "
            "time (Python start and imports included), the time in the process (the command "
            "alone, against the read into a table alone) and peak memory:",
            "",
            ratios_table(results),
            "",
            *(size_table(result) + "\n" for result in results),
        ]
    )
    replace_section(TITLE, section)
