"""Several browser sessions read the dashboard while `mobility ingest` and `mobility build`
write the warehouse in other processes (issue 10, item 3): no page view shows an exception
or a lock error, and the sessions see the new imports once they are published.

Every round reloads all sessions at once (so their script runs overlap on the server), then
checks each page. Bounded in rounds and in the writers' own timeouts; only 127.0.0.1.
No assertion depends on timing: the writers keep rebuilding until the sessions have been read
through at least one full round while a writer ran.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pipelines import access, demo
from pipelines.warehouse import build_status
from tests.browser.conftest import ARTIFACTS, StreamlitServer, wait_for_app
from tests.cli import MOBILITY
from tests.conftest import KEY

SESSIONS = ("", "flows", "partners", "import_data", "data_quality")  # 5 sessions, one page each
MAX_ROUNDS = 60
LOCK_TEXTS = ("Could not set lock", "Conflicting lock", "IO Error", "being updated")


@pytest.fixture(scope="module")
def busy(fixture_warehouse: Path, tmp_path_factory):
    folder = tmp_path_factory.mktemp("concurrency")
    warehouse = folder / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, warehouse)
    warehouse.with_suffix(".key").write_text(KEY.hex() + "\n")
    env = {**os.environ, "MOBILITY_WAREHOUSE": str(warehouse)}
    env.pop("MOBILITY_SECRET_FILE", None)
    # a warehouse as any write leaves it: with its published copy
    subprocess.run([*MOBILITY, "build"], env=env, check=True, capture_output=True, timeout=300)
    files = [
        demo.generate(folder / f"files{seed}", records=15_000, seed=seed)["mobilities"]
        for seed in (5, 6)
    ]
    ARTIFACTS.mkdir(exist_ok=True)
    srv = StreamlitServer(warehouse, ARTIFACTS / f"streamlit-concurrency-{os.getpid()}.log")
    srv.env = env
    srv.warehouse = warehouse
    with access.reading(warehouse) as con:
        srv.imports = con.execute("select count(*) from imports").fetchone()[0]
    srv.files = files
    yield srv
    srv.stop()


def test_sessions_show_no_error_while_an_import_and_a_build_run(busy, browser):
    contexts = [browser.new_context(viewport={"width": 1200, "height": 900}) for _ in SESSIONS]
    pages = [context.new_page() for context in contexts]
    for page, path in zip(pages, SESSIONS, strict=True):
        page.goto(f"{busy.url}/{path}")
        wait_for_app(page, timeout=60_000)
    log = ARTIFACTS / f"concurrency-writers-{os.getpid()}.log"
    commands = []
    for file in busy.files:  # two imports, each followed by an extra build
        commands += [[*MOBILITY, "ingest", str(file), "-t", "mobilities"], [*MOBILITY, "build"]]
    writer = None
    views = views_while_writing = 0
    problems: list[str] = []
    try:
        with log.open("w") as out:
            for _ in range(MAX_ROUNDS):
                if writer is None or writer.poll() is not None:
                    if writer is not None:
                        assert writer.returncode == 0, log.read_text()
                    if not commands:
                        if views_while_writing >= len(SESSIONS):
                            break
                        # a fast machine may finish the writes between two views: build again
                        # until the sessions have been read through one full round of writing
                        commands.append([*MOBILITY, "build"])
                    writer = subprocess.Popen(
                        commands.pop(0), env=busy.env, stdout=out, stderr=subprocess.STDOUT
                    )
                writing = writer.poll() is None
                for page in pages:  # all sessions rerun together
                    page.reload(wait_until="commit")
                for page, path in zip(pages, SESSIONS, strict=True):
                    wait_for_app(page, timeout=90_000)
                    views += 1
                    views_while_writing += writing and writer.poll() is None
                    text = page.locator('[data-testid="stMain"]').inner_text()
                    if page.locator('[data-testid="stException"]').count():
                        problems.append(f"/{path}: exception: {text[:300]}")
                    problems += [f"/{path}: {t!r} shown" for t in LOCK_TEXTS if t in text]
            else:
                pytest.fail(f"no full round of views while writing within {MAX_ROUNDS} rounds")
    finally:
        if writer is not None and writer.poll() is None:
            writer.kill()
        for context in contexts:
            context.close()
    print(f"{views} page views in {len(SESSIONS)} sessions, {views_while_writing} while writing")
    assert problems == []
    assert views_while_writing >= len(SESSIONS), "the writers finished before a full round"
    # the new import and its build are published: what the sessions read now
    with access.reading(busy.warehouse) as con:
        assert con.execute("select count(*) from imports").fetchone()[0] == busy.imports + len(
            busy.files
        )
        assert not build_status(con).stale
