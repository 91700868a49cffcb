"""The ``mobility`` command: ingest, build, kpi, report, demo, imports, undo, settings, contract.

Built with typer (commands from type hints) and rich (tables and progress bars). Every
command takes ``--warehouse PATH`` (default ``$MOBILITY_WAREHOUSE`` or
``data/warehouse.duckdb``). Exit codes: 0 success, 1 a build check failed, 2 the input
cannot be used (unreadable file, unknown table, missing columns), 130 interrupted.

One module per group of commands: ``importing`` (ingest, profiles), ``history`` (imports,
activity, undo), ``warehouse`` (build, settings, demo, contract), ``reports`` (kpi, report);
what they share is in ``common``. This module makes the typer ``app`` and registers the
commands, in the order ``mobility --help`` lists them.
"""

from __future__ import annotations

import typer

from pipelines.cli.history import activity, imports, undo_command
from pipelines.cli.importing import ingest, profiles
from pipelines.cli.reports import kpi, report
from pipelines.cli.warehouse import build_command, contract, demo, settings

app = typer.Typer(
    help="Mobility Atlas: import, validate and analyse a university's academic mobility.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command()(ingest)
app.command("build")(build_command)
app.command()(kpi)
app.command()(report)
app.command()(demo)
app.command()(imports)
app.command()(activity)
app.command("undo")(undo_command)
app.command()(settings)
app.command()(profiles)
app.command()(contract)


def main() -> None:  # pragma: no cover
    app()
