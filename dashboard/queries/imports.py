"""Queries of the Import page (and the settings it shows): settings, the import
history, the audit trail and the unknown partners of one import."""

from __future__ import annotations

import pandas as pd

from dashboard.data import imports as imports_data
from dashboard.queries import data_quality as data_quality_queries
from dashboard.queries.core import run


def settings() -> dict[str, str]:
    """Every setting's current value (``pipelines/warehouse.py`` SETTINGS)."""
    return imports_data.settings_dict(run("import/settings"))


def import_history() -> pd.DataFrame:
    """Every import, newest first, with its counts, whether it was undone and who made it
    (and undid it), where the warehouse has an audit trail."""
    imported_by = run("import/imported_by") if has_audit_trail() else None
    return imports_data.with_imported_by(run("import/import_history"), imported_by)


def has_audit_trail() -> bool:
    """False for a warehouse published before the audit trail existed (until its next write)."""
    return bool(len(run("import/has_audit_trail")))


def activity() -> pd.DataFrame:
    """Every change to the warehouse, newest first: who did what, when (``pipelines/audit.py``)."""
    if not has_audit_trail():
        return imports_data.no_activity()
    return run("import/activity")


def active_imports() -> pd.DataFrame:
    """Imports that can be undone, newest first, with a label naming file and table."""
    return run("import/active_imports")


def import_unknown_partners(import_id: int) -> pd.DataFrame:
    """Unknown partners (not mapped, no agreement) that occur in one import's records, each
    with its suggestion (``partner_suggestions``)."""
    unknown = run("import/unknown_partners", import_id=import_id)
    return data_quality_queries.with_suggestions(unknown)
