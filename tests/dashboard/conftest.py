"""Every dashboard test reads the fixture warehouse (see tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def warehouse(fixture_warehouse, monkeypatch):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(fixture_warehouse))
