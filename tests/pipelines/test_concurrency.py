"""Readers and writers together (issue 10, items 3-4), with real DuckDB files and processes.

A second writer waits for the lock and then succeeds, or gives up naming the holder; a file
is read and validated before the lock is taken; readers use the published copy and never
meet a writer's lock; a warehouse without one gives a friendly message. The kill -9 test
kills `mobility ingest` during validation, during its commit and between its commit and its
rebuild, and checks that the warehouse opens, is in the before or the after state, that a
stale build is detected and rebuilt by the next command, and that dead space is reclaimed.
No assertion depends on timing: the kill points are found by watching the process (its
locks in /proc/locks, its output).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipelines import access, demo, manage
from pipelines.ingest.profiles import ImportProfile
from pipelines.warehouse import build_status
from tests.cli import MOBILITY
from tests.conftest import MANAGER
from tests.pipelines.other_processes import ENV, Holder

pytestmark = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux /proc")


def mobility(*args: str, check_code: int | None = 0) -> subprocess.CompletedProcess:
    done = subprocess.run([*MOBILITY, *args], capture_output=True, text=True, env=ENV, timeout=300)
    if check_code is not None:
        assert done.returncode == check_code, done.stdout + done.stderr
    return done


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    """A mobilities file the fixture warehouse does not hold yet."""
    return demo.generate(tmp_path / "new", records=200, seed=3)["mobilities"]


@pytest.fixture
def published(writable_warehouse: Path) -> Path:
    """The fixture warehouse with its published copy, as after any write."""
    with access.writing(writable_warehouse):
        pass
    assert access.published_path(writable_warehouse).exists()
    return writable_warehouse


def test_published_copy_is_complete_and_replaced_atomically(published):
    copy = access.published_path(published)
    assert copy.name == "warehouse.published.duckdb"
    before = os.stat(copy).st_ino
    with access.reading(published) as old:  # a reader with the old copy open keeps it
        with access.writing(published) as con:
            con.execute("update settings set value = 'Renamed' where key = 'institution_name'")
        assert (
            old.execute("select value from settings where key = 'institution_name'").fetchone()[0]
            != "Renamed"
        )
    assert os.stat(copy).st_ino != before
    assert not published.with_name(published.name + ".wal").exists()
    with access.reading(published) as con:
        assert (
            con.execute("select value from settings where key = 'institution_name'").fetchone()[0]
            == "Renamed"
        )
        status = build_status(con)  # a setting changed without a build: stale, and said so
        assert status.stale and "settings" in status.reason
    assert [p.name for p in published.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_second_writer_waits_then_succeeds(published, small_file):
    holder = Holder(published)
    waiter = subprocess.Popen(
        [*MOBILITY, "ingest", str(small_file), "-t", "mobilities", "-w", str(published)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    try:
        # the file is read and validated first; then it waits, naming who holds the lock
        line = waiter.stderr.readline()
        assert f"waiting for the warehouse: in use by process {holder.pid}" in line
        assert "lock_holder.py warehouse.duckdb" in line
    finally:
        holder.release()
    out, err = waiter.communicate(timeout=300)
    assert waiter.returncode == 0, out + err
    assert "loaded" in out and "checks passed" in out
    with access.reading(published) as con:  # published: the dashboard sees it
        assert (
            con.execute(
                "select count(*) from imports where file_name = 'mobilities.csv' and import_id > 5"
            ).fetchone()[0]
            == 1
        )
        assert not build_status(con).stale


def test_giving_up_names_the_holder_and_validation_comes_first(published, small_file, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("mobility_id;person_id\n1;2\n")
    holder = Holder(published)
    try:
        done = mobility(
            "ingest",
            str(small_file),
            "-t",
            "mobilities",
            "--wait",
            "0.5",
            "-w",
            str(published),
            check_code=2,
        )
        message = one_line(done.stderr)
        assert f"in use by process {holder.pid} (lock_holder.py warehouse.duckdb)" in message
        assert "gave up after waiting 0.5 s" in message and "--wait SECONDS" in message
        assert "dashboard running" not in message
        # a file that cannot be imported is refused for what it is, not for the lock
        refused = mobility(
            "ingest",
            str(bad),
            "-t",
            "mobilities",
            "--wait",
            "0",
            "-w",
            str(published),
            check_code=2,
        )
        assert "in use by" not in refused.stderr and "bad.csv" in refused.stderr
        # readers are not blocked: they read the published copy
        assert mobility("kpi", "--format", "csv", "-w", str(published)).stdout.strip()
        assert mobility("imports", "-w", str(published)).returncode == 0
    finally:
        holder.release()


def test_import_page_writes_wait_and_name_the_holder(published, monkeypatch):
    monkeypatch.setattr(manage, "WAIT_SECONDS", 0.3)
    told: list[str] = []
    holder = Holder(published)
    try:
        with pytest.raises(manage.WarehouseBusy) as raised:
            manage.map_partners(
                published, [], progress=lambda d, t, stage: told.append(stage), actor=MANAGER
            )
    finally:
        holder.release()
    assert f"process {holder.pid} (lock_holder.py warehouse.duckdb)" in str(raised.value)
    assert told == [
        f"waiting for the warehouse: in use by process {holder.pid} "
        "(lock_holder.py warehouse.duckdb)"
    ]
    profile = ImportProfile(name="after the wait", table="targets", columns={})
    manage.save_profile(published, profile, actor=MANAGER)  # once free, the same write goes through


def test_without_published_copy_readers_get_a_friendly_message(writable_warehouse):
    assert not access.published_path(writable_warehouse).exists()
    holder = Holder(writable_warehouse)
    try:
        with (
            pytest.raises(access.WarehouseUpdating) as raised,
            access.reading(writable_warehouse, wait=0.3),
        ):
            pass
    finally:
        holder.release()
    assert str(raised.value) == access.UPDATING
    assert raised.value.holder.startswith(f"process {holder.pid}")


# ---------------------------------------------------------------------------------------
# kill -9
# ---------------------------------------------------------------------------------------


def locks_of(pid: int) -> set[str]:
    """The kinds of POSIX lock (READ, WRITE) a process holds, from /proc/locks."""
    kinds = set()
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if fields[1] == "->":  # a waiting lock request
            continue
        if len(fields) > 4 and fields[4] == str(pid):
            kinds.add(fields[3])
    return kinds


def ingest(file: Path, warehouse: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*MOBILITY, "ingest", str(file), "-t", "mobilities", "-w", str(warehouse)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=ENV,
    )


def kill_when(process: subprocess.Popen, ready) -> bool:
    """Poll until ``ready()`` and kill -9 the process; False if it finished first."""
    while process.poll() is None:
        if ready():
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
            return True
        time.sleep(0.005)
    return False


def kill_during_validation(process: subprocess.Popen, warehouse: Path) -> bool:
    # it reads the warehouse's context (a READ lock on the published copy), lets go, and
    # reads and validates the file before it asks for the write lock
    seen_read = False

    def ready() -> bool:
        nonlocal seen_read
        held = locks_of(process.pid)
        seen_read |= "READ" in held
        return seen_read and not held

    return kill_when(process, ready)


def kill_during_commit(process: subprocess.Popen, warehouse: Path) -> bool:
    # holding the write lock and writing: the WAL or the file itself grows
    wal = warehouse.with_name(warehouse.name + ".wal")
    size = warehouse.stat().st_size

    def ready() -> bool:
        if "WRITE" not in locks_of(process.pid):
            return False
        try:
            return wal.stat().st_size > 2**20 or warehouse.stat().st_size > size
        except FileNotFoundError:
            return False

    return kill_when(process, ready)


def kill_between_commit_and_build(process: subprocess.Popen, warehouse: Path) -> bool:
    # the summary line is printed when the import has committed, just before the rebuild
    for line in process.stdout:
        if "(import #" in line:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
            return True
    return False


def state(warehouse: Path) -> tuple[int, int, bool]:
    """(imports, raw mobilities, stale) of the main file, opened as the next writer would."""
    with access.writing(warehouse, publish=False) as con:
        imports = con.execute("select count(*) from imports").fetchone()[0]
        rows = con.execute("select count(*) from raw_mobilities").fetchone()[0]
        waste = access.wasted_bytes(con, warehouse)
        assert waste < max(
            access.RECLAIM_MIN_BYTES, access.RECLAIM_SHARE * warehouse.stat().st_size
        )
        return imports, rows, build_status(con).stale


@pytest.mark.parametrize(
    "kill", [kill_during_validation, kill_during_commit, kill_between_commit_and_build]
)
def test_kill_9_leaves_a_usable_warehouse_in_the_before_or_after_state(published, tmp_path, kill):
    big = demo.generate(tmp_path / "big", records=30_000, seed=11)["mobilities"]
    before = state(published)
    assert not before[2]
    sizes = [published.stat().st_size]
    process = ingest(big, published)
    assert kill(process, published), "the import finished before the kill point"
    sizes.append(published.stat().st_size)
    after = state(published)  # opens: recovered, dead space reclaimed (asserted in state)
    with access.reading(published) as con:  # the dashboard still reads the last build
        assert con.execute("select count(*) from imports").fetchone()[0] == before[0]
        assert not build_status(con).stale
    if kill is kill_during_validation:
        assert after == before
    elif kill is kill_between_commit_and_build:
        assert after[0] == before[0] + 1 and after[1] > before[1]
        assert after[2], "the stale build is detected"
    else:
        assert after[:2] == before[:2] or after[0] == before[0] + 1
    # the next command rebuilds what is stale and publishes it
    done = mobility("ingest", str(big), "-t", "mobilities", "-w", str(published))
    assert "checks passed" in done.stdout
    final = state(published)
    assert final[0] == before[0] + 1 and not final[2]
    with access.reading(published) as con:
        assert not build_status(con).stale
        assert con.execute("select count(*) from imports").fetchone()[0] == final[0]
    print(
        f"{kill.__name__}: file {sizes[0]:,} -> {sizes[1]:,} (killed) -> "
        f"{published.stat().st_size:,} bytes"
    )


def test_space_left_by_a_killed_transaction_is_reclaimed(published):
    """A writer killed in a big transaction leaves its blocks at the end of the file, which
    neither checkpoint nor vacuum give back; the next writer rewrites the file compactly."""
    size = published.stat().st_size
    code = (
        "import duckdb, sys\n"
        "con = duckdb.connect(sys.argv[1])\n"
        # a slow (loaded) machine would otherwise draw DuckDB's progress bar on stdout
        'con.execute("set enable_progress_bar = false")\n'
        "con.begin()\n"
        'con.execute("create table filler as select range as i, md5(range::varchar) as s '
        'from range(3000000)")\n'
        "print('written', flush=True)\n"
        "sys.stdin.read()\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(published)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        first = process.stdout.readline()
        assert first.strip() == "written", f"the writer said {first!r}, exit {process.poll()}"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    grown = published.stat().st_size
    with access.writing(published) as con:
        assert (
            con.execute(
                "select count(*) from duckdb_tables() where table_name = 'filler'"
            ).fetchone()[0]
            == 0
        )
        assert access.wasted_bytes(con, published) == 0
        institution = con.execute(
            "select value from settings where key = 'institution_name'"
        ).fetchone()
    assert institution is not None
    print(f"reclaim: {size:,} -> {grown:,} (killed) -> {published.stat().st_size:,} bytes")
    assert grown > size + access.RECLAIM_MIN_BYTES, "the killed transaction left no dead space"
    assert published.stat().st_size < grown
    assert mobility("build", "-w", str(published)).returncode == 0  # the compact file works
