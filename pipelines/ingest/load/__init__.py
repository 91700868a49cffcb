"""Import one file: read, map, validate, pseudonymise, then upsert in a single transaction.

``prepare`` (``preparation``) does everything that does not write (the app shows it as a
preview); ``commit`` (``transaction``, which lists its guarantees) writes it: one import is
one transaction, records are matched on the table's key so a re-import changes nothing,
rejected rows and emptied values are stored with their reasons, and a file that replaces a
whole table keeps the removed records in history for undo.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.ingest.context import ImportContext
from pipelines.ingest.load.preparation import (
    ImportFailed,
    Prepared,
    Progress,
    file_sha256,
    prepare,
    validate_read,
)
from pipelines.ingest.load.transaction import ImportResult, commit
from pipelines.ingest.profiles import ImportProfile
from pipelines.ingest.readers import ReadError


def import_file(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    key: bytes,
    table: str | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
    profile: ImportProfile | None = None,
) -> ImportResult:
    """Prepare and commit one file, read in the warehouse's context (own institution, known
    partners, saved profiles); a large file is read in parts (``prepare(stream=True)``)."""
    context = ImportContext.from_connection(con, key)
    prepared = prepare(path, table, sheet, progress, context=context, profile=profile, stream=True)
    return commit(con, prepared, key, progress)


__all__ = [
    "ImportFailed",
    "ImportResult",
    "Prepared",
    "ReadError",
    "commit",
    "file_sha256",
    "import_file",
    "prepare",
    "validate_read",
]
