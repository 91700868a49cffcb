"""Looking after the warehouse itself: ``mobility build``, ``settings``, ``demo`` (a demo
university in a fresh warehouse) and ``contract`` (the docs generated from the contract)."""

from __future__ import annotations

import shutil
import time
from typing import Annotated

import typer
from rich.table import Table

from pipelines import access, config
from pipelines.cli.common import (
    WaitOption,
    WarehouseOption,
    console,
    fail,
    open_warehouse,
    run_build,
    writing,
)
from pipelines.cli.importing import print_import, run_import
from pipelines.ingest.pseudonymise import load_or_create_key
from pipelines.transform.build import BuildFailed
from pipelines.warehouse import SETTINGS, get_settings, set_setting


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
