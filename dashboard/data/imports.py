"""Import page: reshaping the results of ``dashboard/sql/import/*.sql``. No Streamlit.
(The module is not called ``import``: that is a Python keyword.)"""

from __future__ import annotations

import pandas as pd

ACTIVITY_COLUMNS = ["logged_at", "who", "role", "action", "detail"]


def with_imported_by(history: pd.DataFrame, imported_by: pd.DataFrame | None) -> pd.DataFrame:
    """``import/import_history`` with the column imported_by from ``import/imported_by``
    (None: a warehouse from before the audit trail, where nobody is known)."""
    if imported_by is None:
        return history.assign(imported_by=pd.Series([None] * len(history), dtype=object))
    return history.merge(imported_by, on="import_id", how="left", validate="one_to_one")


def no_activity() -> pd.DataFrame:
    """The activity table of a warehouse from before the audit trail: no rows."""
    return pd.DataFrame(columns=ACTIVITY_COLUMNS)


def settings_dict(frame: pd.DataFrame) -> dict[str, str]:
    """``import/settings`` as {key: value}."""
    return dict(zip(frame["key"], frame["value"], strict=True))
