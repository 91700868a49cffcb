"""The audit trail and the role checks of every write in pipelines/manage.py, in real DuckDB:
each change is recorded with who made it, in its own transaction; a write the role does not
allow is refused before the warehouse file is even opened."""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

import duckdb
import pytest

from pipelines import manage
from pipelines.ingest.load import prepare
from pipelines.ingest.profiles import ImportProfile
from pipelines.metrics.targets import validate_rows
from pipelines.partners.mapping import PartnerMapping
from pipelines.roles import Actor, NotAllowed, Role
from tests.cli import run
from tests.conftest import MANAGER
from tests.data_management import KONSTANZ, UNKNOWN_KEY, csv_bytes, mobility
from tests.fixture_data import fixture_targets

VIEWER = Actor("viewer@uni.example", Role.VIEWER)
ADMIN = Actor("admin@uni.example", Role.ADMIN)


def trail(warehouse: Path) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(
            "select who, role, action, import_id, detail from audit_log order by logged_at, rowid"
        ).fetchall()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def a_file(tmp_path: Path, name: str = "new.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(csv_bytes([mobility("AUD1"), mobility("AUD2")]))
    return path


def test_an_import_and_its_undo_record_who_did_them(writable_warehouse, tmp_path):
    before = trail(writable_warehouse)
    result = manage.import_prepared(writable_warehouse, prepare(a_file(tmp_path)), MANAGER)
    manage.undo(writable_warehouse, result.import_id, ADMIN)
    added = trail(writable_warehouse)[len(before) :]
    assert added == [
        (
            "io-team@uni.example",
            "Data manager",
            "import",
            result.import_id,
            "new.csv → mobilities: 2 new, 0 changed",
        ),
        (
            "admin@uni.example",
            "Admin",
            "undo",
            result.import_id,
            "new.csv → mobilities: 2 removed, 0 restored",
        ),
    ]


def test_re_importing_the_same_file_records_nothing(writable_warehouse, tmp_path):
    manage.import_prepared(writable_warehouse, prepare(a_file(tmp_path)), MANAGER)
    before = trail(writable_warehouse)
    again = manage.import_prepared(writable_warehouse, prepare(a_file(tmp_path)), MANAGER)
    assert again.already_imported_as is not None
    assert trail(writable_warehouse) == before


def test_settings_targets_mappings_and_profiles_are_recorded(writable_warehouse):
    before = len(trail(writable_warehouse))
    # two settings given, one of them unchanged: only the change is recorded
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        (months,) = con.execute(
            "select value from settings where key = 'expiring_months'"
        ).fetchone()
    changed = manage.save_settings(
        writable_warehouse, {"own_country": "Poland", "expiring_months": months}, ADMIN
    )
    assert changed == 1
    targets, problems = validate_rows(
        [{"kpi_id": "outbound_mobilities", "academic_year": "2026/27", "value": 250}]
    )
    assert problems == []
    saved = manage.save_targets(writable_warehouse, targets, MANAGER)
    manage.map_partners(writable_warehouse, [PartnerMapping(UNKNOWN_KEY, KONSTANZ)], MANAGER)
    manage.map_partners(writable_warehouse, [], MANAGER, remove=[UNKNOWN_KEY])
    profile = ImportProfile(
        name="Audit test", table="mobilities", columns={"Kennung": "mobility_id"}
    )
    manage.save_profile(writable_warehouse, profile, MANAGER)

    added = [
        (who, action, import_id, detail)
        for who, _, action, import_id, detail in trail(writable_warehouse)[before:]
    ]
    assert added == [
        ("admin@uni.example", "settings", None, "Country: '' → 'PL'"),
        ("io-team@uni.example", "targets", saved.import_id, added[1][3]),
        ("io-team@uni.example", "partner mapping", None, f"{UNKNOWN_KEY} → {KONSTANZ}"),
        ("io-team@uni.example", "partner mapping", None, f"{UNKNOWN_KEY}: mapping forgotten"),
        ("io-team@uni.example", "profile", None, "saved 'Audit test' (mobilities)"),
    ]
    # the editor's table as a file of its own name: one new target, every stored one removed
    name, _, counts = added[1][3].partition(" → ")
    assert name.startswith("targets-edited-")
    assert counts == f"targets: 1 new, 0 changed, {len(fixture_targets())} removed"


@pytest.mark.parametrize(
    ("write", "who"),
    [
        (lambda w, t, a: manage.import_prepared(w, prepare(a_file(t)), a), VIEWER),
        (lambda w, t, a: manage.undo(w, 1, a), VIEWER),
        (lambda w, t, a: manage.save_targets(w, [], a), VIEWER),
        (
            lambda w, t, a: manage.map_partners(w, [PartnerMapping(UNKNOWN_KEY, KONSTANZ)], a),
            VIEWER,
        ),
        (
            lambda w, t, a: manage.save_profile(
                w, ImportProfile(name="x", table="mobilities", columns={}), a
            ),
            VIEWER,
        ),
        (lambda w, t, a: manage.save_settings(w, {"own_country": "PL"}, a), VIEWER),
        (lambda w, t, a: manage.save_settings(w, {"own_country": "PL"}, a), MANAGER),
    ],
)
def test_a_write_the_role_does_not_allow_leaves_the_file_untouched(
    writable_warehouse, tmp_path, write, who
):
    before = digest(writable_warehouse)
    with pytest.raises(NotAllowed):
        write(writable_warehouse, tmp_path, who)
    assert digest(writable_warehouse) == before


def test_the_command_line_records_the_operating_system_user(writable_warehouse, tmp_path):
    run("ingest", str(a_file(tmp_path, "cli.csv")), warehouse=writable_warehouse)
    run("settings", "dormant_years", "3", warehouse=writable_warehouse)
    who, role, action, _, detail = trail(writable_warehouse)[-2]
    assert (who, role, action) == (f"{getpass.getuser()} (command line)", "Admin", "import")
    assert detail == "cli.csv → mobilities: 2 new, 0 changed"
    assert trail(writable_warehouse)[-1][2:] == (
        "settings",
        None,
        "Years without mobility before an agreement is dormant: '2' → '3'",
    )


def test_the_command_line_lists_the_activity_and_who_imported(writable_warehouse, tmp_path):
    result = manage.import_prepared(writable_warehouse, prepare(a_file(tmp_path)), MANAGER)
    manage.undo(writable_warehouse, result.import_id, ADMIN)
    activity = run("activity", "--limit", "2", warehouse=writable_warehouse).stdout
    lines = [line for line in activity.splitlines() if "@uni.example" in line]
    assert len(lines) == 2  # the limit, newest first
    assert "admin@uni.example" in lines[0] and "undo" in lines[0]
    assert "io-team@uni.example" in lines[1] and f"#{result.import_id}" in lines[1]
    imports = run("imports", warehouse=writable_warehouse).stdout
    row = next(line for line in imports.splitlines() if "new.csv" in line)
    assert "io-team@uni.example (undone by admin@uni.example)" in row
