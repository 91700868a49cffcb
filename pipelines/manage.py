"""The writes the dashboard's data-management pages trigger, one function per action.

Each opens the warehouse read-write only for the duration of the action, waiting for the
lock while another writer (a `mobility` command, another page) has it and naming that
writer when it gives up (``pipelines/access.py``); uses the same pipeline functions as the
``mobility`` command, rebuilds the marts, publishes the copy the dashboard reads, and closes
it again. Pages call these and nothing else that writes; they never see a connection.
A warehouse whose marts are stale (a rebuild killed or skipped) is rebuilt by any of them.

* ``import_prepared``: commit a previewed file, then rebuild (two transactions, exactly as
  ``mobility ingest``: a failed build leaves the import in place and the old marts).
* ``undo``, ``map_partners``: change the sources and rebuild in one transaction, so a
  failed check leaves everything as it was.
* ``save_targets``: the targets editor's table as one replacing import, then rebuild.

Every write takes the ``Actor`` who asked and checks its role first (``roles.require``), before
the warehouse is even opened: the pages a role cannot use are hidden in the dashboard, and
this is the second lock behind that door. Each change is recorded in the audit trail in its own
transaction (``pipelines/audit.py``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from pipelines import access, config, roles
from pipelines.contract import Target
from pipelines.ingest import profiles
from pipelines.ingest.context import ImportContext
from pipelines.ingest.load import ImportResult, Prepared, commit
from pipelines.ingest.profiles import ImportProfile
from pipelines.ingest.pseudonymise import load_or_create_key
from pipelines.ingest.undo import UndoResult, undo_import
from pipelines.metrics import targets
from pipelines.partners import mapping as partner_mapping
from pipelines.roles import Actor
from pipelines.transform.build import build
from pipelines.warehouse import build_status, set_setting

Progress = Callable[[int, int, str], None]


WarehouseBusy = access.WarehouseBusy  # another writer kept the lock; the message names it
WAIT_SECONDS = access.DEFAULT_WAIT


@contextmanager
def open_for_writing(
    path: Path, progress: Progress | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection for one action (waiting for the lock, telling ``progress``
    who holds it meanwhile), published and closed afterwards whatever happens."""

    def waiting(holder: str) -> None:
        if progress:
            progress(0, 1, f"waiting for the warehouse: in use by {holder}")

    with access.writing(path, wait=WAIT_SECONDS, on_wait=waiting) as con:
        yield con


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.begin()
    try:
        yield
        con.commit()
    except BaseException:
        con.rollback()
        raise


def _key(path: Path) -> bytes:
    return load_or_create_key(config.secret_path(path))


def import_prepared(
    path: Path, prepared: Prepared, actor: Actor, progress: Progress | None = None
) -> ImportResult:
    """Commit a prepared (previewed) file and rebuild the marts if anything changed."""
    roles.require(actor, "import")
    with open_for_writing(path, progress) as con:
        result = commit(con, prepared, _key(path), progress, actor=actor)
        if result.loaded or result.updated or build_status(con).stale:
            build(con, progress)
    return result


def undo(path: Path, import_id: int, actor: Actor, progress: Progress | None = None) -> UndoResult:
    """Undo one import and rebuild, in one transaction (raises ``UndoRefused``)."""
    roles.require(actor, "undo")
    with open_for_writing(path, progress) as con, _transaction(con):
        result = undo_import(con, import_id, actor)
        build(con, progress, transaction=False)
    return result


def map_partners(
    path: Path,
    mappings: list[partner_mapping.PartnerMapping],
    actor: Actor,
    remove: list[str] | None = None,
    progress: Progress | None = None,
) -> int:
    """Store partner mappings (and forget ``remove``), then rebuild, in one transaction."""
    roles.require(actor, "partner mapping")
    with open_for_writing(path, progress) as con, _transaction(con):
        changed = partner_mapping.remove_mappings(con, remove or [], actor)
        changed += partner_mapping.save_mappings(con, mappings, actor)
        build(con, progress, transaction=False)
    return changed


def rebuild(path: Path, actor: Actor, progress: Progress | None = None) -> None:
    """Rebuild the marts (after an upgrade of the program, say) and publish them."""
    roles.require(actor, "rebuild")
    with open_for_writing(path, progress) as con:
        build(con, progress)


def import_context(path: Path) -> ImportContext:
    """What the warehouse knows that shapes how a file is read (a short read-only look)."""
    return ImportContext.for_warehouse(path, wait=access.READ_WAIT)


def save_profile(path: Path, profile: ImportProfile, actor: Actor) -> None:
    """Store an import profile under its name (replacing one of the same name)."""
    roles.require(actor, "profile")
    with open_for_writing(path) as con, _transaction(con):
        profiles.save_profile(con, profile, actor)


def save_settings(
    path: Path, values: dict[str, str], actor: Actor, progress: Progress | None = None
) -> int:
    """Change settings (each checked by ``set_setting``) and rebuild, in one transaction;
    returns how many changed (none changed: nothing is written or rebuilt)."""
    roles.require(actor, "settings")
    with open_for_writing(path, progress) as con, _transaction(con):
        changed = sum(set_setting(con, key, value, actor) for key, value in values.items())
        if changed or build_status(con).stale:
            build(con, progress, transaction=False)
    return changed


def save_targets(
    path: Path, rows: list[Target], actor: Actor, progress: Progress | None = None
) -> ImportResult:
    """Replace the stored targets by ``rows`` (already validated) and rebuild."""
    roles.require(actor, "targets")
    with open_for_writing(path, progress) as con, tempfile.TemporaryDirectory() as folder:
        result = targets.save_targets(con, rows, _key(path), Path(folder), actor)
        if result.loaded or result.updated or result.deleted or build_status(con).stale:
            build(con, progress)
    return result
