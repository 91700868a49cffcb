"""A target whose KPI cannot be computed for its scope (a rate over headcounts for a faculty
without headcounts) is "not available" with the caller's reason, and nothing is projected."""

from __future__ import annotations

import pandas as pd

from pipelines.metrics import projection


def test_an_unavailable_target_is_not_projected_and_says_why():
    targets = pd.DataFrame(
        {
            "kpi_id": ["graduates_mobility_share", "graduates_mobility_share"],
            "faculty": ["Faculty of Law", "all"],
            "year_start": [2029, 2029],
            "target_value": [23.0, 23.0],
        }
    )
    # the university: 10, 12 and 14 % in 2022-2024, a line rising 2 points a year
    series = pd.DataFrame(
        {
            "kpi_id": ["graduates_mobility_share"] * 3,
            "faculty": ["all"] * 3,
            "year_start": [2022, 2023, 2024],
            "value": [10.0, 12.0, 14.0],
        }
    )
    reason = "no headcounts of graduates for Faculty of Law in 2024/25"
    table = projection.progress_table(
        targets, series, {("graduates_mobility_share", "Faculty of Law"): reason}
    ).set_index("faculty")
    law = table.loc["Faculty of Law"]
    assert (law["status"], law["explanation"]) == ("not available", reason)
    assert pd.isna(law["projected_value"]) and pd.isna(law["latest_value"])
    university = table.loc["all"]
    # 14 + 2 * (2029 - 2024) = 24 >= 23
    assert (university["status"], university["projected_value"]) == ("on track", 24.0)
