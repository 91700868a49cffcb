"""The projects file: the international projects of ``seed/projects.csv`` (Erasmus+ KA2 and
KA171, CBHE, Jean Monnet, Horizon, Erasmus Mundus, NAWA, a European University alliance)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.demo.university import FACULTIES, FACULTY_KEYS, read_seed


def project_frame() -> pd.DataFrame:
    """One row per project; the end date follows from the start month and the months."""
    rows = []
    for project in read_seed("projects"):
        first = np.datetime64(project["start_month"], "M")
        last_day = (first + int(project["months"])).astype("datetime64[D]") - 1
        faculty = project["faculty"]
        rows.append(
            {
                "project_id": project["project_id"],
                "title": project["title"],
                "programme": project["programme"],
                "role": project["role"],
                "start_date": str(first.astype("datetime64[D]")),
                "end_date": str(last_day),
                "budget_total": project["budget_total"],
                "budget_own_share": project["budget_own_share"],
                "partner_countries": project["partner_countries"],
                "faculty": FACULTIES[FACULTY_KEYS[faculty]] if faculty else "",
            }
        )
    return pd.DataFrame(rows)
