"""What every ``mobility`` command shares: the consoles, ``fail``, opening the warehouse for
reading (``open_warehouse``) or writing (``writing``), the ``--warehouse`` and ``--wait``
options, and the progress bars (``progress``, ``run_build``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from pipelines import access
from pipelines.transform.build import build

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


def progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def run_build(con: duckdb.DuckDBPyConnection) -> None:
    with progress() as bar:
        task = bar.add_task("building marts", total=None)

        def update(done: int, total: int, stage: str) -> None:
            bar.update(task, completed=done, total=total, description=f"building: {stage}")

        result = build(con, update)
    console.print(
        f"built {len(result.models)} models, {result.checks} checks passed "
        f"in {result.seconds:.1f} s"
    )
