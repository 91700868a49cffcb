"""The Data quality page with AppTest against the fixture warehouse (read-only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.pipelines.test_data_quality import expected_checks

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


@pytest.fixture
def app(fixture_warehouse, monkeypatch) -> AppTest:
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(fixture_warehouse))
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page("views/data_quality.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_score_and_issue_counts_of_the_chosen_year(app):
    checks = expected_checks()
    for year in ("2024/25", "2022/23"):
        app.selectbox(key="dq_year").select(year).run()
        assert not app.exception
        of_year = checks[checks["academic_year"] == year]
        score = of_year.groupby("rule_id")["passed"].mean().mean() * 100
        metrics = {m.label: m.value for m in app.metric}
        assert metrics[f"Data-quality score {year}"] == f"{score:,.1f} / 100"
        assert metrics["Mobilities checked"] == f"{of_year['mobility_id'].nunique():,}"
        failing = of_year[~of_year["passed"]]
        assert metrics["Mobilities with an issue"] == f"{failing['mobility_id'].nunique():,}"
        for rule_id, label in (
            ("suspected_duplicate", "Suspected duplicate: mobilities"),
            ("implausible_duration", "Implausible duration: mobilities"),
            ("unknown_partner", "Unknown partner: mobilities"),
        ):
            assert metrics[label] == f"{(failing['rule_id'] == rule_id).sum():,}", rule_id


def test_all_years_lists_every_issue_without_a_score(app):
    app.selectbox(key="dq_year").select("All years").run()
    checks = expected_checks()
    metrics = {m.label: m.value for m in app.metric}
    assert not any(label.startswith("Data-quality score") for label in metrics)
    duplicates = checks[(checks["rule_id"] == "suspected_duplicate") & ~checks["passed"]]
    assert metrics["Suspected duplicate: mobilities"] == f"{len(duplicates):,}"
