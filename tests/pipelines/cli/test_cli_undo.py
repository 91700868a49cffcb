"""`mobility undo`: the same undo as the Import page, from the command line."""

from __future__ import annotations

import duckdb

from tests import fixture_data
from tests.cli import run


def test_undo_an_import_then_refuse_to_undo_it_again(writable_warehouse):
    targets = len(fixture_data.frames()["targets"])
    done = run("undo", "5", warehouse=writable_warehouse)
    assert " ".join(done.stdout.split()) == (
        f"undid import #5 (targets.csv -> targets): {targets} record(s) removed, 0 restored; "
        "marts rebuilt"
    )
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        assert con.execute("select count(*) from targets").fetchone() == (0,)
    again = run("undo", "5", warehouse=writable_warehouse, check_code=2)
    assert "import #5 (targets.csv) is already undone" in again.stderr
