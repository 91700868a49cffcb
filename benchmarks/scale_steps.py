"""The steps of the scale benchmark, each run in its own process by ``benchmarks.scale``.

Each function is one measured step: the parent runs ``call(step, **arguments)`` in a fresh
Python (``bounded.run_step``), so the process's peak memory belongs to that step alone. A
step imports what it needs inside the function (the floor must not pay for pandas or the
pipelines), and returns a dict of its own figures, which the child prints as JSON.
"""

from __future__ import annotations

import json
import resource
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

SEED = 42  # `mobility demo`'s default seed: the files are the demo's own

# The KPIs the pandas and hand-written DuckDB implementations compute, and where
# kpi_values holds each (the KPI and the column: a count is the value, a number of distinct
# people is the numerator of its rate).
KPI_MEASURES = {
    "outbound_mobilities": ("outbound_mobilities", "value"),
    "inbound_mobilities": ("inbound_mobilities", "value"),
    "student_exchange_outbound": ("student_exchange_outbound", "value"),
    "students_outbound": ("outbound_mobility_ratio", "numerator"),
    "students_inbound": ("inbound_mobility_rate", "numerator"),
}

KPI_SQL = """
select
    year_start,
    count(*) filter (where is_realised and direction = 'outbound') as outbound_mobilities,
    count(*) filter (where is_realised and direction = 'inbound') as inbound_mobilities,
    count(*) filter (
        where is_realised and direction = 'outbound' and kind = 'student_exchange'
    ) as student_exchange_outbound,
    count(distinct person_id) filter (
        where is_realised and direction = 'outbound' and person_role = 'student' and is_physical
    ) as students_outbound,
    count(distinct person_id) filter (
        where is_realised and direction = 'inbound' and person_role = 'student' and is_physical
    ) as students_inbound
from mobilities
group by year_start
"""

KPI_COLUMNS = ["year_start", "direction", "kind", "person_role", "is_realised", "is_physical"]


def call(step: str, **arguments: object) -> str:
    """The code a child runs for ``step``: the function's figures as the last line, JSON."""
    return (
        "import json\n"
        "from benchmarks import scale_steps\n"
        f"print(json.dumps(scale_steps.{step}(**json.loads({json.dumps(arguments)!r}))))\n"
    )


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return round(usage.ru_utime + usage.ru_stime, 1)


def _invoke(*arguments: str) -> None:
    from typer.testing import CliRunner

    from pipelines.cli import app

    result = CliRunner().invoke(app, list(arguments))
    if result.exit_code:
        output = " ".join(result.output.split())[-300:]
        raise RuntimeError(f"mobility {arguments[0]} exited {result.exit_code}: {output}")


def demo(warehouse: str, records: int) -> dict:
    """`mobility demo --records N`: generate the files beside the warehouse, import, build."""
    import duckdb

    _invoke("demo", "--records", str(records), "--warehouse", warehouse)
    with duckdb.connect(warehouse, read_only=True) as con:
        rows = con.execute("select count(*) from mobilities").fetchone()[0]
        build = con.execute("select seconds from builds order by built_at desc limit 1").fetchone()
    return {
        "mobilities": f"{rows:,}",
        "build (s)": round(build[0], 1),
        "warehouse (MB)": round(Path(warehouse).stat().st_size / 1e6, 1),
    }


def generate_files(folder: str, records: int) -> dict:
    """The demo's import files alone (when the demo itself did not get as far)."""
    from pipelines.demo import generate

    paths = generate(Path(folder), records=records, seed=SEED)
    return {"files": len(paths), "CPU (s)": _cpu()}


def write_parquet(csv: str, parquet: str) -> dict:
    """The mobilities file as Parquet, every column text (as the importer reads the CSV)."""
    import duckdb

    with duckdb.connect() as con:
        con.execute(
            f"copy (select * from read_csv('{csv}', all_varchar = true)) to '{parquet}' "
            "(format parquet)"
        )
    return {
        "CSV (MB)": round(Path(csv).stat().st_size / 1e6, 1),
        "Parquet (MB)": round(Path(parquet).stat().st_size / 1e6, 1),
    }


def base_warehouse(warehouse: str, institution: str, country: str, files: dict) -> dict:
    """A fresh warehouse as `mobility demo` sets it up, in one write: the university's name
    and country and the demo's other files (agreements, projects, headcounts, targets),
    imported the way `mobility demo` imports them; not built."""
    from pipelines import access, config
    from pipelines.cli.importing import run_import
    from pipelines.ingest.pseudonymise import load_or_create_key
    from pipelines.warehouse import set_setting

    path = Path(warehouse)
    with access.writing(path) as con:
        key = load_or_create_key(config.secret_path(path))
        set_setting(con, "institution_name", institution)
        set_setting(con, "own_country", country)
        for table, file in files.items():
            run_import(con, Path(file), key, table, None)
    return {"files": len(files)}


def ingest(warehouse: str, file: str) -> dict:
    """`mobility ingest --no-build FILE`: read, validate, pseudonymise, commit, publish."""
    import duckdb

    started = time.perf_counter()
    _invoke("ingest", "--no-build", "--warehouse", warehouse, file)
    seconds = time.perf_counter() - started
    with duckdb.connect(warehouse, read_only=True) as con:
        loaded, rejected = con.execute(
            "select sum(rows_loaded), sum(rows_rejected) from imports "
            "where table_name = 'mobilities'"
        ).fetchone()
    return {
        "rows loaded": f"{loaded or 0:,}",
        "rejected": f"{rejected or 0:,}",
        "in process (s)": round(seconds, 2),
        "CPU (s)": _cpu(),
    }


def floor(file: str, database: str) -> dict:
    """Plain DuckDB reading the same file into a table of a database file: the floor."""
    import duckdb

    reader = (
        f"read_parquet('{file}')"
        if file.endswith(".parquet")
        else f"read_csv('{file}', all_varchar = true)"
    )
    started = time.perf_counter()
    with duckdb.connect(database) as con:
        con.execute(f"create table t as select * from {reader}")
        rows = con.execute("select count(*) from t").fetchone()[0]
    seconds = time.perf_counter() - started
    return {"rows": f"{rows:,}", "in process (s)": round(seconds, 2), "CPU (s)": _cpu()}


def build(warehouse: str) -> dict:
    """`mobility build`: every model and check, then the published copy."""
    _invoke("build", "--warehouse", warehouse)
    return {
        "warehouse (MB)": round(Path(warehouse).stat().st_size / 1e6, 1),
        "CPU (s)": _cpu(),
    }


def record_queries(app: str, pages: list[str], out: str) -> dict:
    """Open every page once with an empty cache (Streamlit AppTest, default filters) and
    write down each dashboard SQL file it runs with its parameters (``loader.run_after``:
    every page query goes through it), so that ``time_queries`` runs exactly those."""
    import pickle

    from streamlit import cache_data
    from streamlit.testing.v1 import AppTest

    from dashboard.data import loader

    calls: dict[tuple, tuple] = {}
    original = loader.run_after

    def recording(con: object, after: str | None, name: str, /, **params: object) -> object:
        key = (after, name, repr(sorted(params.items())))
        calls.setdefault(key, (after, name, params))
        return original(con, after, name, **params)

    loader.run_after = recording
    app_test = AppTest.from_file(app, default_timeout=600)
    app_test.run()
    failed = []
    for page in pages:
        cache_data.clear()
        try:
            app_test.switch_page(f"views/{page}.py").run()
        except Exception as exc:  # a page that cannot open is noted, not fatal
            failed.append(f"{page} ({type(exc).__name__})")
            continue
        if app_test.exception:
            failed.append(f"{page} ({app_test.exception[0].value[:60]})")
    with open(out, "wb") as handle:
        pickle.dump(list(calls.values()), handle)
    figures = {"pages": len(pages), "query runs": len(calls)}
    if failed:
        figures["pages failed"] = "; ".join(failed)
    return figures


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_queries(warehouse: str, calls: str, repetitions: int, out: str) -> dict:
    """Run each recorded page query ``repetitions`` times (after one unmeasured run) on a
    read-only connection to the published copy, as ``loader.run_after`` runs it; and time
    opening that copy, which every cache miss of a page pays."""
    import pickle

    from dashboard.data import loader
    from pipelines import access

    with open(calls, "rb") as handle:
        recorded = pickle.load(handle)
    opening = []
    for _ in range(repetitions):
        started = time.perf_counter()
        access.open_reader(warehouse).close()
        opening.append(time.perf_counter() - started)
    results = []
    seen: dict[str, int] = {}
    with access.reading(warehouse) as con:
        for after, name, params in recorded:
            loader.run_after(con, after, name, **params)
            times = []
            for _ in range(repetitions):
                started = time.perf_counter()
                loader.run_after(con, after, name, **params)
                times.append(time.perf_counter() - started)
            seen[name] = seen.get(name, 0) + 1
            label = name if seen[name] == 1 else f"{name} #{seen[name]}"
            results.append(
                {
                    "query": label,
                    "p50 (ms)": round(1000 * _percentile(times, 0.5), 1),
                    "p95 (ms)": round(1000 * _percentile(times, 0.95), 1),
                }
            )
    results.sort(key=lambda r: r["p95 (ms)"], reverse=True)
    Path(out).write_text(
        json.dumps(
            {
                "queries": results,
                "open p50 (ms)": round(1000 * _percentile(opening, 0.5), 1),
                "open p95 (ms)": round(1000 * _percentile(opening, 0.95), 1),
            }
        )
    )
    return {
        "queries": len(results),
        "repetitions": repetitions,
        "slowest p95 (ms)": results[0]["p95 (ms)"] if results else None,
        "over 150 ms": sum(r["p95 (ms)"] > 150 for r in results),
    }


def _kpi_values(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int], float]:
    """The same KPIs from the kpi_values mart (whole university), by measure and year."""
    found = {}
    for measure, (kpi, column) in KPI_MEASURES.items():
        rows = con.execute(
            f"select year_start, {column} from kpi_values where kpi_id = ? and dimension = 'all'",
            [kpi],
        ).fetchall()
        found.update({(measure, int(year)): float(value) for year, value in rows})
    return found


def _compare(computed: dict[tuple[str, int], float], expected: dict) -> dict:
    """Every KPI value of kpi_values must be computed the same; raise naming those that differ."""
    differ = [
        f"{measure} {year}: {computed.get((measure, year), 0.0)} != {value}"
        for (measure, year), value in sorted(expected.items())
        if computed.get((measure, year), 0.0) != value
    ]
    if differ:
        raise AssertionError(f"{len(differ)} values differ from kpi_values: {'; '.join(differ)}")
    return {"values compared": len(expected), "match kpi_values": "yes"}


def kpi_pandas(warehouse: str) -> dict:
    """The KPI set the straightforward way: the mobilities mart into pandas, then filters,
    group by year, counts and distinct counts."""
    import duckdb

    from pipelines import access

    started = time.perf_counter()
    with duckdb.connect(str(access.read_path(warehouse)), read_only=True) as con:
        frame = con.execute(f"select {', '.join(KPI_COLUMNS)}, person_id from mobilities").df()
        expected = _kpi_values(con)
    read = time.perf_counter() - started
    started = time.perf_counter()
    realised = frame[frame["is_realised"].eq(True)]
    outbound = realised[realised["direction"] == "outbound"]
    inbound = realised[realised["direction"] == "inbound"]

    def students(rows: pd.DataFrame) -> pd.Series:
        chosen = rows[(rows["person_role"] == "student") & rows["is_physical"].eq(True)]
        return chosen.groupby("year_start")["person_id"].nunique()

    series = {
        "outbound_mobilities": outbound.groupby("year_start").size(),
        "inbound_mobilities": inbound.groupby("year_start").size(),
        "student_exchange_outbound": outbound[outbound["kind"] == "student_exchange"]
        .groupby("year_start")
        .size(),
        "students_outbound": students(outbound),
        "students_inbound": students(inbound),
    }
    computed = {
        (measure, int(year)): float(value)
        for measure, values in series.items()
        for year, value in values.items()
    }
    compute = time.perf_counter() - started
    return {
        "read (s)": round(read, 2),
        "compute (s)": round(compute, 2),
        **_compare(computed, expected),
    }


def kpi_duckdb(warehouse: str) -> dict:
    """The same KPI set as one hand-written DuckDB query over the mobilities mart."""
    import duckdb

    from pipelines import access

    with duckdb.connect(str(access.read_path(warehouse)), read_only=True) as con:
        started = time.perf_counter()
        result = con.execute(KPI_SQL)
        names = [column[0] for column in result.description]
        rows = result.fetchall()
        query = time.perf_counter() - started
        expected = _kpi_values(con)
    computed = {
        (measure, int(row[0])): float(value)
        for row in rows
        for measure, value in zip(names[1:], row[1:], strict=True)
    }
    return {"query (s)": round(query, 3), **_compare(computed, expected)}
