"""The Data quality page with AppTest against the fixture warehouse (read-only)."""

from __future__ import annotations

import math
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.partner_scenario import KONSTANZ, SCORES, add_partners
from tests.quality_oracle import expected_checks

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


@pytest.mark.parametrize("at_least", [90, 85])
def test_accepting_all_suggestions_above_a_score_stores_exactly_those(
    writable_warehouse, tmp_path, monkeypatch, at_least
):
    add_partners(writable_warehouse, tmp_path / "files")
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(writable_warehouse))
    at = AppTest.from_file(APP, default_timeout=90)
    at.switch_page("views/data_quality.py").run()
    assert not at.exception, [e.message for e in at.exception]

    shown = at.data_editor(key="dq_partner_mapping").value.set_index("partner_key")
    konstanz, strasbourg = "name:universitaet konstanz|DE", "name:university of strasbourg|FR"
    expected_scores = {key: math.floor(score + 0.5) for key, (_, score) in SCORES.items()}
    columns = ["suggested_partner_name", "score", "suggestion_source"]
    assert shown.loc[konstanz, columns].tolist() == [
        "Universität Konstanz",
        expected_scores[konstanz],
        "partner with an agreement",
    ]
    # "Map to" is filled in with a sure suggestion (98 %) only; a doubtful one (88 %) and no
    # suggestion leave it for the person
    assert expected_scores[konstanz] >= 90 > expected_scores[strasbourg]
    assert shown.loc[konstanz, "map_to"] == KONSTANZ
    assert pd.isna(shown.loc[strasbourg, "map_to"])
    assert pd.isna(shown.loc["name:hochschule fur gestaltung nirgendwo|DE", "map_to"])

    at.number_input(key="dq_partner_mapping_at_least").set_value(at_least).run()
    button = at.button(key="dq_partner_mapping_accept_all")
    accepted = {k: t for k, (t, _) in SCORES.items() if expected_scores[k] >= at_least}
    assert button.label == (
        f"Accept all suggestions scoring at least {at_least} % ({len(accepted)})"
    )
    button.click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert next(s.value for s in at.success) == (
        f"Saved {len(accepted)} partner mapping(s) (every suggestion scoring at least "
        f"{at_least} %); "
        "the dashboards use them now."
    )
    with duckdb.connect(str(writable_warehouse), read_only=True) as con:
        stored = dict(
            con.execute("select source_key, partner_key from partner_mappings").fetchall()
        )
        mapped = con.execute(
            "select mobility_id, partner_key from mobilities "
            "where mobility_id in ('S1', 'S2', 'S3') order by 1"
        ).fetchall()
    # Konstanz scores 98 %, Strasbourg 88 %: at 90 only Konstanz, at 85 both
    assert stored == accepted
    assert set(accepted) == ({konstanz} if at_least == 90 else {konstanz, strasbourg})
    assert mapped == [
        ("S1", stored.get(konstanz, konstanz)),
        ("S2", stored.get(konstanz, konstanz)),
        ("S3", stored.get(strasbourg, strasbourg)),
    ]
    # the others are still listed, for a person to decide
    remaining = set(at.data_editor(key="dq_partner_mapping").value["partner_key"])
    assert not remaining & set(accepted)
    assert (strasbourg in remaining) == (strasbourg not in accepted)
