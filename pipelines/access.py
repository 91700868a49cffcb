"""Who opens the warehouse file when: one writer at a time, readers on a published copy.

DuckDB lets one process write a database file and no other process read it meanwhile: a
read-only connection takes a shared lock that a writer cannot get, and the other way round
(``Could not set lock on file ... (PID n)``). So (see docs/architecture.md, "Readers and
writers"):

* **Writers** (`mobility ingest/build/demo/undo/settings/profiles`, the dashboard's
  data-management pages through ``pipelines/manage.py``) open the main file with
  ``writing``: it waits for the lock up to a timeout and, when it gives up, names the
  process that holds it (``WarehouseBusy``).
* **Publishing**: when a writer is done, the main file is checkpointed (everything in it,
  nothing left in the WAL) and copied to the *published copy* beside it
  (``warehouse.published.duckdb``) through a temporary file in the same folder and
  ``os.replace``. A reader that has the old copy open keeps reading the old file; the next
  one opens the new file.
* **Readers** (the dashboard, reports, `mobility kpi`) open ``read_path``: the published
  copy, so they never meet a writer's lock and never block one. A warehouse without a
  published copy (written before this existed; it gets one at its next write) is read
  directly, retrying for a moment while a writer holds it, then ``WarehouseUpdating``.
* **Recovery**: a writer killed mid-transaction leaves its uncommitted blocks at the end of
  the file (DuckDB never counts them again, and neither ``checkpoint`` nor ``vacuum`` gives
  them back). The next writer notices (file larger than DuckDB's own block count) and
  rewrites the file compactly (``copy from database``), then continues.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb

from pipelines.warehouse import connect

DEFAULT_WAIT = 60.0  # seconds a writer waits for the lock (`--wait`)
READ_WAIT = 3.0  # seconds a reader of a warehouse without a published copy retries
HEADER_BYTES = 3 * 4096  # DuckDB's file header: the main header and two database headers
RECLAIM_MIN_BYTES = 8 * 2**20  # garbage below this is left alone
RECLAIM_SHARE = 0.2  # ... and so is garbage below this share of the file
UPDATING = "The data is being updated; try again in a moment."


class WarehouseBusy(Exception):
    """Another process (or connection) kept the write lock for longer than we waited."""

    def __init__(self, path: Path, holder: str, waited: float) -> None:
        self.path, self.holder, self.waited = path, holder, waited
        super().__init__(
            f"{path}: the warehouse is in use by {holder}; gave up after waiting "
            f"{waited:g} s. Try again when it has finished"
        )


class WarehouseUpdating(Exception):
    """A reader could not open a warehouse (without a published copy) while it is written."""

    def __init__(self, path: Path, holder: str) -> None:
        self.path, self.holder = path, holder
        super().__init__(UPDATING)


def published_path(path: str | os.PathLike[str]) -> Path:
    """The published copy of a warehouse: ``warehouse.duckdb`` -> ``warehouse.published.duckdb``."""
    path = Path(path)
    return path.with_name(f"{path.stem}.published{path.suffix or '.duckdb'}")


def read_path(path: str | os.PathLike[str]) -> Path:
    """The file readers open: the published copy, or the warehouse itself where it has none."""
    published = published_path(path)
    return published if published.exists() else Path(path)


def version(path: str | os.PathLike[str]) -> tuple[str, int, int, int] | None:
    """What identifies the content readers see (file, inode, mtime, size), or None: a cache
    key. ``os.replace`` gives the published copy a new inode, so a new copy is a new key."""
    target = read_path(path)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    return (target.name, info.st_ino, info.st_mtime_ns, info.st_size)


def is_lock_error(exc: BaseException) -> bool:
    """DuckDB's errors for a file another process (or another connection here) holds."""
    text = str(exc)
    if isinstance(exc, duckdb.IOException):
        return "lock" in text.lower()
    if isinstance(exc, duckdb.ConnectionException):
        # the same file already open in this process with another configuration
        return "same database file" in text or "different configuration" in text
    return False


def holder(exc: BaseException) -> str:
    """Who holds the lock, from DuckDB's error: 'process 1234 (mobility ingest big.csv)'."""
    found = re.search(r"\(PID (\d+)\)", str(exc))
    if found is None:
        if isinstance(exc, duckdb.ConnectionException):
            return "another page or action of the dashboard"
        return "another program"
    pid = int(found.group(1))
    command = command_line(pid)
    return f"process {pid}" + (f" ({command})" if command else "")


def command_line(pid: int, limit: int = 80) -> str:
    """A process's command, short: 'mobility ingest big.csv', or '' where it cannot be read."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    args = [a for a in raw.decode(errors="replace").split("\0") if a]
    if args and Path(args[0]).name.startswith("python") and len(args) > 1:
        args = args[2:] if args[1] == "-m" else args[1:]  # the program, not the interpreter
    args = [Path(a).name if a.startswith("/") else a for a in args]
    text = " ".join(args)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def connect_waiting(
    path: Path,
    *,
    read_only: bool = False,
    wait: float = DEFAULT_WAIT,
    on_wait: Callable[[str], None] | None = None,
) -> duckdb.DuckDBPyConnection:
    """``warehouse.connect``, retried while another process holds the file, up to ``wait`` s.

    ``on_wait`` is told once who holds it, when the first attempt fails. Raises
    ``WarehouseBusy`` naming the holder when the time is up.
    """
    deadline = time.monotonic() + wait
    delay = 0.05
    told = False
    while True:
        try:
            return connect(path, read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if not is_lock_error(exc):
                raise
            left = deadline - time.monotonic()
            if left <= 0:
                raise WarehouseBusy(path, holder(exc), wait) from None
            if on_wait is not None and not told:
                on_wait(holder(exc))
                told = True
            time.sleep(min(delay, left))
            delay = min(delay * 2, 0.5)


@contextmanager
def reading(
    path: str | os.PathLike[str], wait: float = READ_WAIT
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to what readers see (``read_path``), closed afterwards.

    The published copy is never locked by a writer. A warehouse without one is retried for
    ``wait`` seconds while a writer holds it, then ``WarehouseUpdating`` (a friendly message).
    """
    con = open_reader(path, wait)
    try:
        yield con
    finally:
        con.close()


def open_reader(path: str | os.PathLike[str], wait: float = READ_WAIT) -> duckdb.DuckDBPyConnection:
    """The read-only connection of ``reading``, for callers that close it themselves."""
    try:
        return connect_waiting(read_path(path), read_only=True, wait=wait)
    except WarehouseBusy as exc:
        raise WarehouseUpdating(Path(path), exc.holder) from None


@contextmanager
def writing(
    path: str | os.PathLike[str],
    *,
    wait: float = DEFAULT_WAIT,
    on_wait: Callable[[str], None] | None = None,
    publish: bool = True,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The warehouse opened for writing (waiting for the lock), published and closed after.

    Space left by a killed writer is reclaimed first (``reclaim``). The copy is published
    also when the body fails, once it has rolled back (every write is a transaction, so what
    is in the file is committed): the dashboard then shows what the warehouse holds, e.g. an
    import whose rebuild failed, which the Import page can undo.
    """
    path = Path(path)
    left_over = path.with_name(path.name + ".wal").exists()  # the last writer did not close
    con = connect_waiting(path, wait=wait, on_wait=on_wait)
    try:
        con = reclaim(con, path, left_over, wait=wait)
        try:
            yield con
        except BaseException:
            if publish:
                # the main file is intact; if this fails, the copy follows at the next write
                with suppress(duckdb.Error, OSError):
                    publish_copy(con, path)
            raise
        if publish:
            publish_copy(con, path)
    finally:
        con.close()


def publish_copy(con: duckdb.DuckDBPyConnection, path: Path) -> Path:
    """Checkpoint the main file and replace the published copy by a copy of it, atomically.

    Runs while ``con`` holds the write lock, so nothing changes the file during the copy.
    """
    con.execute("checkpoint")
    target = published_path(path)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out, path.open("rb") as source:
            shutil.copyfileobj(source, out, 4 * 2**20)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def wasted_bytes(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Bytes at the end of the file that DuckDB does not count: a killed writer's blocks."""
    block_size, blocks = con.execute(
        "select block_size, total_blocks from pragma_database_size() "
        "where database_name = current_database()"
    ).fetchone()
    return max(0, path.stat().st_size - HEADER_BYTES - block_size * blocks)


def reclaim(
    con: duckdb.DuckDBPyConnection, path: Path, left_over_wal: bool, wait: float = DEFAULT_WAIT
) -> duckdb.DuckDBPyConnection:
    """After a killed writer: checkpoint (a WAL was left) and, when the file carries much
    dead space, rewrite it compactly and reopen it. Returns the connection to use."""
    if left_over_wal:
        con.execute("checkpoint")
    waste = wasted_bytes(con, path)
    if waste < max(RECLAIM_MIN_BYTES, RECLAIM_SHARE * path.stat().st_size):
        return con
    con.execute("checkpoint")
    compact = path.with_name(f".{path.name}.compact.tmp")
    compact.unlink(missing_ok=True)
    name = con.execute("select current_database()").fetchone()[0]
    con.execute("attach '" + str(compact).replace("'", "''") + "' as mobility_compact")
    try:
        con.execute(f'copy from database "{name}" to mobility_compact')
    finally:
        con.execute("detach mobility_compact")
    # replaced while the lock is still held, so no other writer can change the old file
    os.replace(compact, path)
    con.close()
    return connect_waiting(path, wait=wait)
