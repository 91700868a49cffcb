"""Projection to a target year: least squares by hand, statuses, window, bounds."""

from __future__ import annotations

import pandas as pd
import pytest

from pipelines.metrics.projection import WINDOW, progress_table, project, project_kpi


def test_a_straight_trend_reaching_the_target_is_on_track():
    # 10, 12, 14: +2 a year, so 20 in 2027
    result = project([(2022, 10), (2023, 12), (2024, 14)], 2027, 20, "up")
    assert result.status == "on track"
    assert result.slope == pytest.approx(2)
    assert result.projected_value == pytest.approx(20)
    assert project([(2022, 10), (2023, 12), (2024, 14)], 2027, 20.5, "up").status == "at risk"


def test_least_squares_through_scattered_points():
    # x - mean: -1, 0, 1; y - mean(2): -1, 1, 0 -> slope (1 + 0 + 0) / 2 = 0.5, at 2026: 3.5
    result = project([(2022, 1), (2023, 3), (2024, 2)], 2026, 3.4, "up")
    assert result.slope == pytest.approx(0.5)
    assert result.projected_value == pytest.approx(3.5)
    assert result.status == "on track"
    assert result.line(2022) == pytest.approx(1.5)


def test_only_the_last_window_years_count():
    assert WINDOW == 3
    result = project([(2019, 500), (2022, 10), (2023, 12), (2024, 14)], 2027, 20, "up")
    assert result.years_used == (2022, 2023, 2024)
    assert result.projected_value == pytest.approx(20)


def test_lower_is_better_and_neutral_directions():
    falling = [(2022, 10), (2023, 9), (2024, 8)]  # 6 in 2026
    assert project(falling, 2026, 7, "down").status == "on track"
    assert project(falling, 2026, 5, "down").status == "at risk"
    # neutral: the target lies below the latest value, so the line must come down to it
    assert project(falling, 2026, 6.5, "neutral").status == "on track"
    assert project(falling, 2026, 5.5, "neutral").status == "at risk"


def test_the_projection_stays_within_the_kpis_sensible_range():
    result = project_kpi("outbound_mobility_ratio", [(2022, 90), (2023, 95), (2024, 100)], 2027, 99)
    assert result.line(2027) == pytest.approx(115)
    assert result.projected_value == 100
    result = project_kpi("outbound_mobilities", [(2022, 30), (2023, 20), (2024, 10)], 2027, 5)
    assert (result.projected_value, result.status) == (0, "at risk")


def test_a_target_year_with_a_value_is_met_or_missed_and_one_point_is_no_trend():
    series = [(2022, 10), (2023, 12), (2024, 14)]
    assert project(series, 2024, 13, "up").status == "met"
    assert project(series, 2024, 15, "up").status == "missed"
    single = project([(2024, 14)], 2027, 20, "up")
    assert (single.status, single.projected_value, single.latest_value) == ("no trend", None, 14)


def test_progress_table_matches_targets_with_their_own_series():
    targets = pd.DataFrame(
        {
            "kpi_id": ["outbound_mobilities", "outbound_mobilities"],
            "faculty": ["all", "Faculty of Engineering"],
            "year_start": [2026, 2026],
            "target_value": [100.0, 100.0],
        }
    )
    series = pd.DataFrame(
        {
            "kpi_id": ["outbound_mobilities"] * 4,
            "faculty": ["all", "all", "Faculty of Engineering", "Faculty of Engineering"],
            "year_start": [2023, 2024, 2023, 2024],
            "value": [60.0, 80.0, 90.0, 80.0],
        }
    )
    table = progress_table(targets, series)
    assert table["projected_value"].tolist() == pytest.approx([120.0, 60.0])
    assert table["status"].tolist() == ["on track", "at risk"]
    assert table["latest_year"].tolist() == ["2024/25", "2024/25"]
    assert table["trend_start_year"].tolist() == [2023, 2023]
