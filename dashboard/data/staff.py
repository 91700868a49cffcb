"""Staff and research page: the groupings of ``dashboard/sql/staff/*.sql``. No Streamlit."""

from __future__ import annotations

STAFF_GROUPS = {"faculty": "Faculty", "country": "Partner country", "duration": "Duration"}
