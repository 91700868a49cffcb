"""Bringing files in: ``mobility ingest`` (read, validate, import, rebuild) and
``mobility profiles`` (the import profiles that say how to read a file)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.table import Table

from pipelines import access, config
from pipelines.cli.common import (
    PROGRESS_MIN_ROWS,
    WaitOption,
    WarehouseOption,
    console,
    fail,
    open_warehouse,
    progress,
    run_build,
    writing,
)
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
from pipelines.transform.build import BuildFailed
from pipelines.warehouse import build_status

SHOWN_REJECTIONS = 15


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
    with progress() as bar:
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
        prepared = prepare(file, table, sheet, update, context=context, profile=chosen, stream=True)
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
