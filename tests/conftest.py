"""Shared fixtures: real DuckDB warehouses (in memory or in tmp_path), real files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest
from hypothesis import settings

from pipelines.ingest.load import import_file
from pipelines.roles import Actor, Role
from pipelines.transform.build import build
from pipelines.warehouse import connect
from tests import fixture_data

REPO = Path(__file__).resolve().parents[1]
# who the tests' writes through pipelines/manage.py are made by (recorded in the audit trail)
MANAGER = Actor("io-team@uni.example", Role.DATA_MANAGER)


def _real_data() -> Path:
    """The shared folder of real public data sets: ../shared/data/real beside the checkout.

    A clean clone in a temporary folder (as CI makes) has no ../shared beside it, so the
    workplace's own copy and $MOBILITY_REAL_DATA are looked at too; tests that need the
    data skip, naming this path, when none exists, except in CI (``REAL_DATA_REQUIRED``),
    where they fail.
    """
    candidates = [
        os.environ.get("MOBILITY_REAL_DATA"),
        REPO.parent / "shared" / "data" / "real",
        "/work/shared/data/real",
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return REPO.parent / "shared" / "data" / "real"


REAL_DATA = _real_data()
# .ci/run sets it: in CI the real-data tests fail when the data is missing, never skip
REAL_DATA_REQUIRED = os.environ.get("MOBILITY_REQUIRE_REAL_DATA") == "1"
KEY = b"test-key-" + b"0" * 23

# Hypothesis' per-example deadline is a timing assertion: on 2 busy cores (pytest -n 2 next
# to browser tests) a 200 ms deadline fails at random. Speed is measured in benchmarks/.
settings.register_profile("mobility", deadline=None)
settings.load_profile("mobility")


@pytest.fixture
def key() -> bytes:
    return KEY


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = connect(":memory:")
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def fixture_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The small fixture university as import files (see tests/fixture_data.py)."""
    return fixture_data.write(tmp_path_factory.mktemp("fixture"))


@pytest.fixture(scope="session")
def fixture_warehouse(tmp_path_factory: pytest.TempPathFactory, fixture_files) -> Path:
    """A built warehouse file of the fixture university; tests open it read-only."""
    path = tmp_path_factory.mktemp("warehouse") / "fixture.duckdb"
    connection = connect(path)
    for table, file in fixture_files.items():
        import_file(connection, file, KEY, table=table)
    build(connection)
    connection.close()
    return path


@pytest.fixture
def built(fixture_warehouse: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(fixture_warehouse), read_only=True)
    yield connection
    connection.close()


@pytest.fixture
def writable_warehouse(fixture_warehouse: Path, tmp_path: Path, monkeypatch) -> Path:
    """A private copy of the fixture warehouse, with its key file, for tests that write."""
    path = tmp_path / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, path)
    path.with_suffix(".key").write_text(KEY.hex() + "\n")
    monkeypatch.delenv("MOBILITY_SECRET_FILE", raising=False)
    return path
