"""Scale benchmark: the demo, the import against the DuckDB floor, the build, the page queries,
page renders and the KPIs at growing record counts (issue 13, "Harness").

Run: ``python -m benchmarks.scale [--quick] [--sizes 100000,1000000,10000000]`` (default
100,000 and 1,000,000; ``--quick``: 100,000 only, fewer repetitions, one page). Each size
works in its own temporary folder: ``mobility demo`` writes the import files beside its
warehouse (``<folder>/demo/``, ``pipelines.demo.generate``), and every later step uses those
files. A step that fails or runs out of memory is written as failed and the run goes on
(``bounded.run_step``); the Scale section of docs/performance.md and its chart are rewritten
after every size, so a size that takes the machine down leaves the smaller ones written.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
from pathlib import Path

from benchmarks import scale_report
from benchmarks.bounded import Step, run_step
from benchmarks.harness import REPO
from benchmarks.page_render import CODE as RENDER_CODE
from benchmarks.page_render import MORE_PAGES
from benchmarks.scale_report import SizeResult
from benchmarks.scale_steps import call
from pipelines.demo import HOME_COUNTRY, INSTITUTION_NAME, TABLES
from tests.dashboard.helpers import PAGES

DEFAULT_SIZES = (100_000, 1_000_000)
QUICK_SIZES = (100_000,)
APP = str(REPO / "dashboard" / "app.py")
RECORDED_PAGES = [*PAGES, *MORE_PAGES]  # every page the demo warehouse shows
RENDERED = {"overview": "Overview", "flows": "Flows and countries", "partners": "Partners"}
QUICK_RECORDED = list(RENDERED)  # --quick: the queries of these pages only
QUICK_RENDERED = {"overview": "Overview"}


class SizeRun:
    """The steps at one size, in one temporary folder; each step is appended as it ends."""

    def __init__(self, records: int, folder: Path, memory_limit_mb: float, timeout_s: float):
        self.result = SizeResult(records)
        self.folder = folder
        self.limits = {"memory_limit_mb": memory_limit_mb, "timeout_s": timeout_s}

    def run(self, name: str, code: str, env: dict | None = None) -> Step:
        step = run_step(name, code, env=env, **self.limits)
        self.result.steps.append(step)
        print(f"{self.result.records:>11,} {step.row()}", flush=True)
        return step

    def skipped(self, name: str, reason: str) -> None:
        self.result.steps.append(Step(name, 0.0, 0.0, failed=f"not run: {reason}"))
        print(f"{self.result.records:>11,} {self.result.steps[-1].row()}", flush=True)

    def input_files(self, with_demo: bool) -> dict[str, Path] | None:
        """The demo (its files), or the files alone when the demo did not get that far or
        is left out (``--quick``: its import and build are measured by the later steps)."""
        records = self.result.records
        warehouse = self.folder / "demo.duckdb"
        if with_demo:
            self.run(scale_report.DEMO, call("demo", warehouse=str(warehouse), records=records))
        else:
            self.skipped(scale_report.DEMO, "--quick")
        files = {table: self.folder / "demo" / f"{table}.csv" for table in TABLES}
        if all(path.exists() for path in files.values()):
            return files
        generated = self.folder / "files"
        step = self.run(
            "generate the demo files",
            call("generate_files", folder=str(generated), records=records),
        )
        return {t: generated / f"{t}.csv" for t in TABLES} if step.ok else None

    def ingest_side_by_side(self, files: dict[str, Path]) -> Path | None:
        """Import the mobilities from CSV and from Parquet, each beside the DuckDB floor on the
        same file; returns the warehouse imported from CSV (None when that failed)."""
        csv, parquet = files["mobilities"], self.folder / "mobilities.parquet"
        made = self.run(
            "mobilities.parquet (DuckDB `copy`)",
            call("write_parquet", csv=str(csv), parquet=str(parquet)),
        )
        base = self.folder / "base.duckdb"
        others = {table: str(path) for table, path in files.items() if table != "mobilities"}
        ready = self.run(
            "warehouse before the import (settings, four small files)",
            call(
                "base_warehouse",
                warehouse=str(base),
                institution=INSTITUTION_NAME,
                country=HOME_COUNTRY,
                files=others,
            ),
        )
        imported = None
        for label, file, ingest_name, floor_name in (
            ("csv", csv, scale_report.INGEST_CSV, scale_report.FLOOR_CSV),
            ("parquet", parquet, scale_report.INGEST_PARQUET, scale_report.FLOOR_PARQUET),
        ):
            warehouse = self.folder / f"ingest_{label}.duckdb"
            if not ready.ok or (label == "parquet" and not made.ok):
                self.skipped(ingest_name, "its input is missing")
            else:
                for suffix in (".duckdb", ".key"):
                    shutil.copy(base.with_suffix(suffix), warehouse.with_suffix(suffix))
                step = self.run(
                    ingest_name, call("ingest", warehouse=str(warehouse), file=str(file))
                )
                if label == "csv" and step.ok:
                    imported = warehouse
            if file.exists():
                database = self.folder / f"floor_{label}.duckdb"
                self.run(floor_name, call("floor", file=str(file), database=str(database)))
                database.unlink(missing_ok=True)
            else:
                self.skipped(floor_name, "its input is missing")
        return imported

    def pages(
        self, warehouse: Path, repetitions: int, recorded_pages: list[str], rendered: dict[str, str]
    ) -> None:
        """Every page's queries (recorded, then timed), a few page renders, the KPI set."""
        env = {"MOBILITY_WAREHOUSE": str(warehouse)}
        calls, timings = self.folder / "calls.pickle", self.folder / "timings.json"
        recorded = self.run(
            f"record the page queries (AppTest, {len(recorded_pages)} pages)",
            call("record_queries", app=APP, pages=recorded_pages, out=str(calls)),
            env=env,
        )
        if recorded.ok:
            step = self.run(
                scale_report.QUERIES,
                call(
                    "time_queries",
                    warehouse=str(warehouse),
                    calls=str(calls),
                    repetitions=repetitions,
                    out=str(timings),
                ),
            )
            if step.ok:
                self.result.queries = json.loads(timings.read_text())
        else:
            self.skipped(scale_report.QUERIES, "the page queries could not be recorded")
        for page, title in rendered.items():
            self.run(
                scale_report.RENDER.format(page=title),
                RENDER_CODE.format(app=APP, page=page),
                env=env,
            )
        self.run(scale_report.KPI_PANDAS, call("kpi_pandas", warehouse=str(warehouse)))
        self.run(scale_report.KPI_DUCKDB, call("kpi_duckdb", warehouse=str(warehouse)))


def run_size(records: int, quick: bool, repetitions: int, limits: dict) -> SizeResult:
    """Every step at one size; ``limits``: the memory ceiling (MB) and time limit (s)."""
    rendered = QUICK_RENDERED if quick else RENDERED
    with tempfile.TemporaryDirectory(prefix=f"scale-{records}-") as folder:
        size = SizeRun(records, Path(folder), **limits)
        files = size.input_files(with_demo=not quick)
        imported = size.ingest_side_by_side(files) if files else None
        built = None
        if imported:
            if size.run(scale_report.BUILD, call("build", warehouse=str(imported))).ok:
                built = imported
        else:
            size.skipped(scale_report.BUILD, "no imported warehouse")
        demo = size.folder / "demo.duckdb"
        target = built or (demo if size.result.step(scale_report.DEMO).ok else None)
        if target:
            recorded_pages = QUICK_RECORDED if quick else RECORDED_PAGES
            size.pages(target, repetitions, recorded_pages, rendered)
        else:
            size.skipped("page queries, renders and KPIs", "no built warehouse")
        return size.result


def parse_sizes(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="100,000 records, no demo, fewer runs")
    parser.add_argument("--sizes", type=parse_sizes, help="record counts, e.g. 100000,1000000")
    parser.add_argument("--repetitions", type=int, help="runs of each page query (default 20)")
    parser.add_argument(
        "--memory-limit-gb", type=float, default=12.0, help="stop a step above this (GB)"
    )
    parser.add_argument("--timeout", type=float, default=1_800, help="stop a step after (s)")
    args = parser.parse_args(argv)
    sizes = args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)
    repetitions = args.repetitions or (5 if args.quick else 20)
    limits = {"memory_limit_mb": args.memory_limit_gb * 1024, "timeout_s": args.timeout}
    mode = "quick" if args.quick else f"{repetitions} runs of each page query"
    load = os.getloadavg()
    results: list[SizeResult] = []
    for records in sizes:
        results.append(run_size(records, args.quick, repetitions, limits))
        scale_report.write(results, mode, load)


if __name__ == "__main__":
    main()
