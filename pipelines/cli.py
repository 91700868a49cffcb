"""The ``mobility`` command: ingest, build, kpi, report, demo, imports, undo, settings, contract.

Built with typer (commands from type hints) and rich (tables and progress bars). Every
command takes ``--warehouse PATH`` (default ``$MOBILITY_WAREHOUSE`` or
``data/warehouse.duckdb``). Exit codes: 0 success, 1 a build check failed, 2 the input
cannot be used (unreadable file, unknown table, missing columns), 130 interrupted.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import duckdb
import pandas as pd
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipelines import access, audit, config, exports, roles
from pipelines.build import BuildFailed, build
from pipelines.ingest import erasmus_ec
from pipelines.ingest.context import ImportContext
from pipelines.ingest.load import ImportFailed, ImportResult, Prepared, commit, prepare
from pipelines.ingest.profiles import (
    ImportProfile,
    ProfileRefused,
    all_profiles,
    delete_profile,
    find_profile,
    save_profile,
)
from pipelines.ingest.pseudonymise import load_or_create_key
from pipelines.ingest.readers import ReadError
from pipelines.kpis import KpiQueryError, kpi_table
from pipelines.warehouse import SETTINGS, build_status, get_settings, set_setting

app = typer.Typer(
    help="Mobility Atlas: import, validate and analyse a university's academic mobility.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

WarehouseOption = Annotated[
    Path | None,
    typer.Option(
        "--warehouse",
        "-w",
        help="Warehouse file (default: $MOBILITY_WAREHOUSE or data/warehouse.duckdb).",
        show_default=False,
    ),
]
WaitOption = Annotated[
    float,
    typer.Option(
        "--wait",
        min=0,
        help="Seconds to wait while another program writes the warehouse before giving up.",
    ),
]
SHOWN_REJECTIONS = 15
PROGRESS_MIN_ROWS = 5_000


def fail(message: str, code: int = 2) -> typer.Exit:
    errors.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def open_warehouse(
    path: Path, read_only: bool = False, wait: float = access.DEFAULT_WAIT
) -> duckdb.DuckDBPyConnection:
    """A connection for reading (the published copy where there is one: never blocked by a
    writer) or, with ``read_only=False``, for writing: then use ``writing`` instead, which
    also publishes."""
    try:
        if read_only:
            return access.connect_waiting(access.read_path(path), read_only=True, wait=wait)
        return access.connect_waiting(path, wait=wait, on_wait=_tell_waiting)
    except FileNotFoundError as exc:
        raise fail(str(exc)) from None
    except access.WarehouseBusy as exc:
        raise fail(_busy(exc)) from None
    except duckdb.IOException as exc:
        raise fail(f"{path}: cannot open the warehouse ({exc})") from None


def _busy(exc: access.WarehouseBusy) -> str:
    return f"{exc}, or wait longer with --wait SECONDS"


def _tell_waiting(holder: str) -> None:
    errors.print(f"waiting for the warehouse: in use by {holder}", highlight=False)


@contextmanager
def writing(
    path: Path, wait: float = access.DEFAULT_WAIT, publish: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The warehouse opened for writing: waits up to ``wait`` s for another writer, then
    fails naming it; afterwards the copy the dashboard reads is published (access.py)."""
    session = access.writing(path, wait=wait, on_wait=_tell_waiting, publish=publish)
    try:
        con = session.__enter__()
    except access.WarehouseBusy as exc:
        raise fail(_busy(exc)) from None
    except duckdb.IOException as exc:
        raise fail(f"{path}: cannot open the warehouse ({exc})") from None
    try:
        yield con
    except BaseException as exc:
        if not session.__exit__(type(exc), exc, exc.__traceback__):
            raise
    else:
        session.__exit__(None, None, None)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def print_import(result: ImportResult) -> None:
    if result.already_imported_as is not None:
        console.print(
            f"[bold]{result.file_name}[/]: already imported "
            f"(import #{result.already_imported_as}); "
            f"all {result.unchanged:,} valid rows unchanged, nothing written."
        )
        return
    console.print(
        f"[bold]{result.file_name}[/] -> {result.table} (import #{result.import_id}): "
        f"[green]{result.loaded:,} loaded[/], {result.updated:,} updated, "
        f"{result.unchanged:,} unchanged, "
        f"[{'red' if result.rejected else 'green'}]{result.rejected:,} rejected[/] "
        f"of {result.rows_read:,} rows"
    )
    if result.dropped_columns:
        console.print(
            "  personal data not stored: dropped column(s) "
            + ", ".join(result.dropped_columns)
            + "; person identifiers were pseudonymised"
        )
    elif result.table == "mobilities":
        console.print("  person identifiers were pseudonymised")
    if result.ignored_columns:
        console.print("  ignored unknown column(s): " + ", ".join(result.ignored_columns))
    for note in result.notes:
        console.print(f"  note: {note}")
    if result.warned:
        console.print(
            f"  [yellow]{result.warned:,} stored row(s) had invalid values in optional "
            f"columns[/]: those values were left empty ({len(result.warnings):,} warning(s))"
        )
    problems = (
        (result.rejected, result.rejections, "First rejected rows", "rejected_rows"),
        (result.warned, result.warnings, "First values left empty (rows kept)", "import_warnings"),
    )
    for count, found, title, stored_in in problems:
        if not count:
            continue
        table = Table(title=f"{title} of {result.file_name}", title_justify="left")
        for column in ("row", "column", "value", "reason"):
            table.add_column(column)
        for row in found.head(SHOWN_REJECTIONS).itertuples():
            table.add_row(str(row.row_number), row.column_name, str(row.value)[:40], row.reason)
        console.print(table)
        if len(found) > SHOWN_REJECTIONS:
            console.print(
                f"  … {len(found) - SHOWN_REJECTIONS:,} more; all are in the "
                f"warehouse table {stored_in} (import #{result.import_id})"
            )


@contextmanager
def _file_progress(file: Path) -> Iterator[Callable[[int, int, str], None]]:
    with _progress() as bar:
        task = bar.add_task(f"importing {file.name}", total=None, visible=False)

        def update(done: int, total: int, stage: str) -> None:
            bar.update(task, completed=done, total=total, description=f"{file.name}: {stage}")

        big = file.exists() and file.stat().st_size > PROGRESS_MIN_ROWS * 100
        bar.update(task, visible=big)
        yield update


def prepare_import(
    file: Path,
    table: str | None,
    sheet: str | None,
    source: str = "contract",
    profile: str | None = None,
    context: ImportContext | None = None,
) -> Prepared:
    """Read, map and validate a file; needs no write lock (``context``: the warehouse's)."""
    with _file_progress(file) as update:
        if source == erasmus_ec.SOURCE:
            return erasmus_ec.prepare(file, update)
        context = context or ImportContext()
        chosen = find_profile(context.profiles, profile) if profile else None
        prepared = prepare(file, table, sheet, update, context=context, profile=chosen)
        prepared.source = source
        return prepared


def commit_import(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, key: bytes, source: str = "contract"
) -> ImportResult:
    with _file_progress(prepared.path) as update:
        if source == erasmus_ec.SOURCE:
            return erasmus_ec.commit_ec(con, prepared, key, update)
        return commit(con, prepared, key, update)


def run_import(
    con: duckdb.DuckDBPyConnection,
    file: Path,
    key: bytes,
    table: str | None,
    sheet: str | None,
    source: str = "contract",
    profile: str | None = None,
) -> ImportResult:
    """Prepare and commit one file on an open connection (`mobility demo`)."""
    context = None if source == erasmus_ec.SOURCE else ImportContext.from_connection(con, key)
    prepared = prepare_import(file, table, sheet, source, profile, context)
    return commit_import(con, prepared, key, source)


def run_build(con: duckdb.DuckDBPyConnection) -> None:
    with _progress() as bar:
        task = bar.add_task("building marts", total=None)

        def update(done: int, total: int, stage: str) -> None:
            bar.update(task, completed=done, total=total, description=f"building: {stage}")

        result = build(con, update)
    console.print(
        f"built {len(result.models)} models, {result.checks} checks passed "
        f"in {result.seconds:.1f} s"
    )


class Source(StrEnum):
    contract = "contract"
    erasmus_ec = "erasmus-ec"


def print_institution_resolution(con: duckdb.DuckDBPyConnection) -> None:
    """Say how many institution codes of the EC records the EC institution list resolves."""
    if not con.execute("select count(*) from ec_institutions").fetchone()[0]:
        console.print(
            "  institutions: no EC institution list imported yet; import EUC.json with "
            "--source erasmus-ec to resolve codes to names, cities and countries"
        )
        return
    codes, participants = erasmus_ec.unknown_institutions(con)
    console.print(
        f"  institutions: {codes:,} code(s) in the records are not in the EC institution list "
        f"({participants:,} participants); they are kept and listed on the Benchmark page "
        "(table benchmark_institutions, in_institution_list = false)"
    )


@app.command()
def ingest(
    files: Annotated[list[Path], typer.Argument(help="CSV, XLSX or Parquet files.")],
    table: Annotated[
        str | None,
        typer.Option(
            "--table",
            "-t",
            help="mobilities, agreements, projects, headcounts or targets "
            "(default: from the header).",
        ),
    ] = None,
    sheet: Annotated[str | None, typer.Option(help="Excel sheet (default: the first).")] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            help="Read the file with this import profile (see `mobility profiles`); without "
            "it, a saved profile made from a file with the same headers is used by itself.",
        ),
    ] = None,
    do_build: Annotated[
        bool, typer.Option("--build/--no-build", help="Rebuild the marts afterwards.")
    ] = True,
    source: Annotated[
        Source,
        typer.Option(
            help="contract: the university's own files; erasmus-ec: European Commission "
            "Erasmus files (records, EUC.json institution list, country flow table) as "
            "benchmark data, kept apart (see docs/erasmus-ec.md).",
        ),
    ] = Source.contract,
    warehouse: WarehouseOption = None,
    wait: WaitOption = access.DEFAULT_WAIT,
) -> None:
    """Validate and import files; each file is one all-or-nothing transaction.

    Each file is read and validated first, without locking the warehouse; only its commit
    (and the rebuild after the last file) holds the write lock, waiting up to --wait
    seconds for another writer. Marts left stale by an earlier run are rebuilt too.
    """
    if source is Source.erasmus_ec and (table or sheet or profile):
        raise fail("--table, --sheet and --profile do not apply to --source erasmus-ec (detected)")
    path = config.warehouse_path(warehouse)
    key = load_or_create_key(config.secret_path(path))
    changed = False

    def finish(con: duckdb.DuckDBPyConnection) -> None:
        """Rebuild what was committed (and marts a killed run left stale)."""
        if do_build and (changed or build_status(con).stale):
            run_build(con)
            if source is Source.erasmus_ec:
                print_institution_resolution(con)

    try:
        for number, file in enumerate(files, start=1):
            try:
                context = (
                    None
                    if source is Source.erasmus_ec
                    else ImportContext.for_warehouse(path, wait=wait)
                )
                prepared = prepare_import(file, table, sheet, source.value, profile, context)
            except (ReadError, ImportFailed, ProfileRefused) as exc:
                if changed:  # the files before this one are in: build them
                    with writing(path, wait) as con:
                        finish(con)
                raise fail(str(exc)) from None
            except access.WarehouseUpdating as exc:
                raise fail(f"{path}: the warehouse is in use by {exc.holder}") from None
            with writing(path, wait) as con:
                try:
                    result = commit_import(con, prepared, key, source.value)
                except ImportFailed as exc:
                    if changed:
                        finish(con)
                    raise fail(str(exc)) from None
                print_import(result)
                changed |= bool(result.loaded or result.updated)
                if number == len(files):
                    finish(con)
    except KeyboardInterrupt:
        raise fail("interrupted: the file being imported was not imported", 130) from None
    except BuildFailed as exc:
        raise fail(f"build failed: {exc}", 1) from None


@app.command("build")
def build_command(
    warehouse: WarehouseOption = None, wait: WaitOption = access.DEFAULT_WAIT
) -> None:
    """Rebuild every model and run every check; fails naming the first failed check."""
    path = config.warehouse_path(warehouse)
    with writing(path, wait) as con:
        try:
            run_build(con)
        except BuildFailed as exc:
            raise fail(str(exc), 1) from None


class By(StrEnum):
    faculty = "faculty"
    country = "country"
    level = "level"
    kind = "kind"


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def kpi(
    year: Annotated[
        str | None, typer.Option(help="Academic year, e.g. 2024/25 (default: latest).")
    ] = None,
    by: Annotated[
        By | None, typer.Option(help="Break down by faculty, country, level or kind.")
    ] = None,
    kpi_id: Annotated[
        list[str] | None, typer.Option("--kpi", help="Only these KPI ids (repeatable).")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", help="table, csv or json.")] = Format.table,
    warehouse: WarehouseOption = None,
) -> None:
    """Print KPI values from the marts, for people or for other programs."""
    path = config.warehouse_path(warehouse)
    con = open_warehouse(path, read_only=True)
    try:
        frame = kpi_table(con, year, by.value if by else None, kpi_id or None)
    except KpiQueryError as exc:
        raise fail(str(exc)) from None
    finally:
        con.close()
    if fmt is Format.csv:
        sys.stdout.write(exports.csv_text(frame))
    elif fmt is Format.json:
        sys.stdout.write(json.dumps(frame.to_dict(orient="records"), indent=2, default=str) + "\n")
    else:
        title = f"KPIs {frame['academic_year'].iloc[0] if len(frame) else year or ''}"
        table = Table(title=title, title_justify="left")
        shown = [c for c in frame.columns if c not in ("academic_year", "kpi_id")]
        for column in shown:
            table.add_column(column, justify="right" if column == "value" else "left")
        for row in frame.itertuples(index=False):
            values = row._asdict()
            table.add_row(
                *[
                    _fmt(values[c], values.get("unit")) if c == "value" else str(values[c])
                    for c in shown
                ]
            )
        console.print(table)


def _fmt(value: float, unit: str | None) -> str:
    if value is None:
        return "-"
    if unit == "%":
        return f"{value:,.1f}"
    if unit in ("EUR", "days"):
        return f"{value:,.0f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


class ReportFormat(StrEnum):
    xlsx = "xlsx"
    pdf = "pdf"
    html = "html"


@app.command()
def report(
    year: Annotated[
        str | None, typer.Option(help="Academic year, e.g. 2024/25 (default: latest).")
    ] = None,
    faculty: Annotated[
        str | None, typer.Option(help="Only this faculty (default: the whole university).")
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help="xlsx, pdf or html.")
    ] = ReportFormat.pdf,
    out: Annotated[
        Path | None,
        typer.Option(help="File to write (default: mobility-report-<year>.<format> here)."),
    ] = None,
    suppress: Annotated[
        bool,
        typer.Option(
            "--suppress/--no-suppress",
            help="Small-cell suppression (default on); --no-suppress is for internal use only.",
        ),
    ] = True,
    warehouse: WarehouseOption = None,
) -> None:
    """Write the accreditation report pack: standard tables, charts, definitions, provenance."""
    from pipelines import report as reports

    path = config.warehouse_path(warehouse)
    try:
        made = reports.build_report(path, year, faculty, suppress)
        data = reports.render(made, fmt.value)
    except reports.ReportError as exc:
        raise fail(str(exc)) from None
    except access.WarehouseUpdating as exc:
        raise fail(f"{path}: the warehouse is in use by {exc.holder}; try again") from None
    except duckdb.IOException as exc:
        raise fail(f"{path}: cannot open the warehouse ({exc})") from None
    target = out or Path(reports.file_name(made, fmt.value))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    hidden = sum(t.hidden_cells() for t in made.tables)
    console.print(
        f"wrote {target} ({len(data) / 1024:,.0f} KB): {made.cover.academic_year}, "
        f"{made.cover.scope}, {len(made.tables)} tables, "
        + (f"{hidden:,} cells suppressed" if suppress else "suppression OFF")
    )
    if not suppress:
        errors.print(
            "warning: small-cell suppression is off; the report shows counts below "
            f"{made.cover.suppression.threshold} and is for internal use only",
            highlight=False,
        )


@app.command()
def demo(
    records: Annotated[int, typer.Option(help="Approximate number of mobility records.")] = 20_000,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed gives the same data.")] = 42,
    force: Annotated[
        bool, typer.Option(help="Replace a warehouse that holds non-demo imports.")
    ] = False,
    warehouse: WarehouseOption = None,
    wait: WaitOption = access.DEFAULT_WAIT,
) -> None:
    """Create a demo university: generate import files, import them, build the marts."""
    from pipelines import demo as demo_data

    path = config.warehouse_path(warehouse)
    if path.exists():
        with writing(path, wait, publish=False) as con:
            sources = {s for (s,) in con.execute("select distinct source from imports").fetchall()}
        if sources - {"demo"} and not force:
            raise fail(
                f"{path} holds imported data; choose another --warehouse "
                "or pass --force to replace it"
            )
        path.unlink()
        path.with_name(path.name + ".wal").unlink(missing_ok=True)
    files_dir = path.parent / "demo"
    shutil.rmtree(files_dir, ignore_errors=True)
    started = time.perf_counter()
    files = demo_data.generate(files_dir, records=records, seed=seed)
    console.print(f"generated demo files in {files_dir} ({time.perf_counter() - started:.1f} s)")
    with writing(path, wait) as con:
        try:
            key = load_or_create_key(config.secret_path(path))
            set_setting(con, "institution_name", demo_data.INSTITUTION_NAME)
            set_setting(con, "own_country", demo_data.HOME_COUNTRY)
            for table, file in files.items():
                print_import(run_import(con, file, key, table, None, source="demo"))
            run_build(con)
        except BuildFailed as exc:
            raise fail(str(exc), 1) from None
    size = path.stat().st_size / 1e6
    console.print(
        f"demo warehouse {path}: {size:,.1f} MB, {time.perf_counter() - started:.1f} s in all"
    )


@app.command()
def imports(warehouse: WarehouseOption = None) -> None:
    """List every import with its counts."""
    con = open_warehouse(config.warehouse_path(warehouse), read_only=True)
    rows = con.execute(
        "select import_id, table_name, file_name, rows_read, rows_loaded, rows_updated, "
        "rows_unchanged, rows_rejected, coalesce(rows_warned, 0), status, imported_at, "
        + (
            "imported_by from imports left join import_authors using (import_id) "
            if _has_audit_trail(con)
            else "null from imports "
        )
        + "order by import_id"
    ).fetchall()
    con.close()
    table = Table(title="Imports", title_justify="left")
    for column in (
        "#",
        "table",
        "file",
        "read",
        "loaded",
        "updated",
        "unchanged",
        "rejected",
        "emptied",
        "status",
        "at (UTC)",
        "by",
    ):
        table.add_column(column)
    for row in rows:
        table.add_row(*[f"{v:%Y-%m-%d %H:%M}" if hasattr(v, "hour") else str(v) for v in row])
    console.print(table)


def _has_audit_trail(con: duckdb.DuckDBPyConnection) -> bool:
    """A warehouse last written before the audit trail existed has none until its next write
    (opened read-only here, so its schema is not extended)."""
    return bool(
        con.execute(
            "select count(*) from information_schema.tables where table_name = 'audit_log'"
        ).fetchone()[0]
    )


@app.command()
def activity(
    limit: Annotated[int, typer.Option(help="How many of the latest changes.")] = 30,
    warehouse: WarehouseOption = None,
) -> None:
    """List the latest changes to the warehouse: who imported, undid or changed what, when."""
    con = open_warehouse(config.warehouse_path(warehouse), read_only=True)
    try:
        rows = audit.recent(con, limit) if _has_audit_trail(con) else None
    finally:
        con.close()
    if rows is None or rows.empty:
        console.print("no changes recorded yet")
        return
    table = Table(title="Activity (newest first)", title_justify="left")
    for column in ("at (UTC)", "who", "role", "what", "import", "details"):
        table.add_column(column)
    for row in rows.itertuples(index=False):
        table.add_row(
            f"{row.logged_at:%Y-%m-%d %H:%M}",
            row.who,
            row.role,
            row.action,
            "" if pd.isna(row.import_id) else f"#{int(row.import_id)}",
            row.detail,
        )
    console.print(table)


@app.command("undo")
def undo_command(
    import_id: Annotated[
        int, typer.Argument(help="Number of the import (see `mobility imports`).")
    ],
    warehouse: WarehouseOption = None,
) -> None:
    """Undo an import: remove the records it added, restore those it replaced, rebuild."""
    from pipelines import manage
    from pipelines.ingest.undo import UndoRefused

    path = config.warehouse_path(warehouse)
    if not path.exists():
        raise fail(f"{path}: no warehouse here")
    try:
        result = manage.undo(path, import_id, roles.command_line_actor())
    except (UndoRefused, manage.WarehouseBusy) as exc:
        raise fail(str(exc)) from None
    except BuildFailed as exc:
        raise fail(f"build failed, nothing was undone: {exc}", 1) from None
    console.print(
        f"undid import #{result.import_id} ({result.file_name} -> {result.table}): "
        f"{result.removed:,} record(s) removed, {result.restored:,} restored; marts rebuilt"
    )


@app.command()
def settings(
    key: Annotated[str | None, typer.Argument(help="Setting to show or change.")] = None,
    value: Annotated[str | None, typer.Argument(help="New value.")] = None,
    warehouse: WarehouseOption = None,
    wait: WaitOption = access.DEFAULT_WAIT,
) -> None:
    """Show the settings, or set one (then run `mobility build`)."""
    path = config.warehouse_path(warehouse)
    if value is not None:
        with writing(path, wait) as con:
            try:
                set_setting(con, key or "", value)
            except (KeyError, ValueError) as exc:
                raise fail(str(exc).strip("'\"")) from None
        console.print(f"{key} = {value!r}; run `mobility build` to apply it")
        return
    if path.exists():
        con = open_warehouse(path, read_only=True, wait=wait)
    else:
        with writing(path, wait) as con:  # creates it, as before, with the defaults
            pass
        con = open_warehouse(path, read_only=True, wait=wait)
    try:
        current = get_settings(con)
    finally:
        con.close()
    table = Table(title="Settings", title_justify="left")
    for column in ("key", "value", "meaning"):
        table.add_column(column)
    for setting in SETTINGS:
        if key is None or key == setting.key:
            table.add_row(
                setting.key, current.get(setting.key, setting.default), setting.description
            )
    console.print(table)


@app.command()
def profiles(
    export: Annotated[
        str | None, typer.Option(help="Write this profile as JSON (to --out or the screen).")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="File for --export.")] = None,
    load: Annotated[
        Path | None, typer.Option("--import", help="Save the profile in this JSON file.")
    ] = None,
    delete: Annotated[str | None, typer.Option(help="Forget this saved profile.")] = None,
    warehouse: WarehouseOption = None,
    wait: WaitOption = access.DEFAULT_WAIT,
) -> None:
    """List the import profiles (saved and built-in); export, import or delete one."""
    path = config.warehouse_path(warehouse)
    if load is not None:
        try:
            profile = ImportProfile.from_json(load.read_bytes())
        except (OSError, ProfileRefused) as exc:
            raise fail(f"{load}: {exc}") from None
        with writing(path, wait) as con:
            save_profile(con, profile)
        console.print(f"saved import profile {profile.name!r} ({profile.table})")
        return
    if delete is not None:
        with writing(path, wait) as con:
            if not delete_profile(con, delete):
                raise fail(f"no saved import profile named {delete!r}")
        console.print(f"deleted import profile {delete!r}")
        return
    con = open_warehouse(path, read_only=True, wait=wait) if path.exists() else None
    try:
        known = all_profiles(con)
    finally:
        if con is not None:
            con.close()
    if export is not None:
        try:
            text = find_profile(known, export).to_json()
        except ProfileRefused as exc:
            raise fail(str(exc)) from None
        if out is None:
            sys.stdout.write(text)
        else:
            out.write_text(text, encoding="utf-8")
            console.print(f"wrote {out}")
        return
    table = Table(title="Import profiles", title_justify="left")
    for column in ("name", "table", "kind", "columns", "constants", "value maps"):
        table.add_column(column)
    for profile in known:
        table.add_row(
            profile.name,
            profile.table,
            "built-in" if profile.builtin else "saved",
            str(len(profile.columns)),
            ", ".join(f"{k}={v}" for k, v in profile.constants.items()) or "-",
            str(sum(len(v) for v in profile.values.values())),
        )
    console.print(table)


@app.command()
def contract(
    check: Annotated[bool, typer.Option(help="Only check that the docs are up to date.")] = False,
) -> None:
    """Write docs/data-contract.md and docs/kpis.md from the contract models and KPI registry."""
    from pipelines.docs import write_docs

    stale = write_docs(check_only=check)
    if check and stale:
        raise fail(
            "out of date: " + ", ".join(str(p) for p in stale) + "; run `mobility contract`", 1
        )
    if not check:
        console.print(
            "wrote " + ", ".join(str(p) for p in stale) if stale else "docs already up to date"
        )


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
