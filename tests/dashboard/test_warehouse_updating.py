"""The dashboard while the warehouse is written or left stale (issue 10, items 3-4): a
warehouse without a published copy that a writer holds gives a friendly message, not an
exception; marts older than the last import are named on every page."""

from __future__ import annotations

import subprocess
import sys

import duckdb

from pipelines import access, demo
from pipelines.warehouse import build_status
from tests.dashboard.helpers import VIEWER, new_app, signed_in
from tests.pipelines.other_processes import ENV, Holder


def test_a_locked_warehouse_without_published_copy_says_it_is_being_updated(
    writable_warehouse, monkeypatch
):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(writable_warehouse))
    holder = Holder(writable_warehouse)
    try:
        app = new_app()
        app.run()
    finally:
        holder.release()
    assert not app.exception, [e.value for e in app.exception]
    assert [i.value for i in app.info] == [access.UPDATING]
    app.run()  # once the writer is done, the page is back
    assert not app.exception and not app.info
    assert app.title[0].value == "Overview"


def test_stale_figures_are_named_on_every_page(writable_warehouse, monkeypatch, tmp_path):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(writable_warehouse))
    file = demo.generate(tmp_path / "new", records=100, seed=4)["mobilities"]
    command = ["ingest", str(file), "-t", "mobilities", "--no-build", "-w", str(writable_warehouse)]
    subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *command],
        env=ENV,
        check=True,
        capture_output=True,
        timeout=300,
    )
    app = new_app()
    app.run()
    notes = [w.value for w in app.warning if "older than" in w.value]
    assert len(notes) == 1 and "mobilities.csv" in notes[0], notes
    app.switch_page("views/import_data.py").run()
    assert any("older than" in w.value for w in app.warning)


def built_by_an_older_version(warehouse) -> None:
    """What an upgrade leaves: marts built by another version of the program's models."""
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update builds set code_state = 'an older version'")


def test_after_an_upgrade_the_figures_are_rebuilt_before_any_page_reads_them(
    writable_warehouse, monkeypatch
):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(writable_warehouse))
    built_by_an_older_version(writable_warehouse)
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        assert build_status(con).program_updated
    app = new_app()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value == "Mobility Atlas was updated"
    assert not app.metric  # no page drawn from marts of another version
    app.button(key="rebuild").click().run()  # local mode: an admin may rebuild
    assert not app.exception, [e.value for e in app.exception]
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        assert not build_status(con).stale
    app.run()
    assert app.title[0].value == "Overview"


def test_a_viewer_after_an_upgrade_is_told_whom_to_ask(writable_warehouse, monkeypatch):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(writable_warehouse))
    built_by_an_older_version(writable_warehouse)
    app = signed_in(VIEWER)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.title[0].value == "Mobility Atlas was updated"
    assert not [b for b in app.button if b.label == "Rebuild the figures now"]
    assert any("International Office" in m.value for m in app.markdown)
