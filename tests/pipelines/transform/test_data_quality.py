"""The data-quality marts, recomputed with pandas from the fixture's own records.

Each rule is written again in tests/quality_oracle.py from its description
(pipelines/transform/quality.py), not from the SQL, and the marts must agree mobility by
mobility and year by year.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines import manage
from pipelines.ingest.load import prepare
from tests import fixture_data
from tests.conftest import MANAGER
from tests.data_management import csv_bytes, mobility
from tests.quality_oracle import PARTNERS_WITH_AGREEMENTS, expected_checks, frame


def test_every_rule_finds_exactly_the_mobilities_pandas_finds(built):
    expected = expected_checks()
    failing = expected[~expected["passed"]]
    stored = built.execute(
        "select mobility_id, rule_id from data_quality_issues order by all"
    ).fetchall()
    assert stored == sorted(zip(failing["mobility_id"], failing["rule_id"], strict=True))
    # the fixture has each kind of problem, so this test could fail for each rule
    assert set(failing["rule_id"]) >= {
        "suspected_duplicate",
        "unknown_partner",
        "implausible_duration",
        "missing_reporting_fields",
    }


def test_pass_rates_and_score_per_year(built):
    expected = expected_checks()
    rates = (
        expected.groupby(["academic_year", "rule_id"])["passed"]
        .agg(applicable="size", passing="sum")
        .reset_index()
    )
    rates["pass_pct"] = 100 * rates["passing"] / rates["applicable"]
    stored = built.execute(
        "select academic_year, rule_id, applicable, pass_pct from data_quality_rule_years"
    ).fetchdf()
    merged = rates.merge(stored, on=["academic_year", "rule_id"], suffixes=("", "_sql"))
    assert len(merged) == len(rates) == len(stored)
    assert (merged["applicable"] == merged["applicable_sql"]).all()
    assert merged["pass_pct"].tolist() == pytest.approx(merged["pass_pct_sql"].tolist())

    score = rates.groupby("academic_year")["pass_pct"].mean()  # every rule here is in the score
    stored_score = dict(
        built.execute("select academic_year, score from data_quality_scores").fetchall()
    )
    assert stored_score == pytest.approx(score.to_dict())


def test_completeness_per_column_and_year(built):
    m = frame()
    stored = built.execute(
        "select academic_year, column_name, records, filled from data_quality_completeness"
    ).fetchdf()
    columns = [c for c in fixture_data.frames()["mobilities"].columns]
    assert set(stored["column_name"]) >= set(columns)
    for column in columns:
        for year, group in m.groupby("academic_year"):
            row = stored[(stored["column_name"] == column) & (stored["academic_year"] == year)]
            assert row[["records", "filled"]].values.tolist() == [
                [len(group), int(group[column].notna().sum())]
            ], column


def test_unknown_partners_are_the_ones_without_agreement(built):
    m = frame()
    unknown = m[~m["partner_name"].isin(PARTNERS_WITH_AGREEMENTS)]
    counts = unknown.groupby("partner_name").size().to_dict()
    stored = dict(
        built.execute(
            "select partner_name, mobilities from data_quality_unknown_partners"
        ).fetchall()
    )
    assert stored == counts


def import_rows(warehouse: Path, name: str, rows: list[dict[str, object]], tmp: Path) -> int:
    path = tmp / name
    path.write_bytes(csv_bytes(rows))
    return manage.import_prepared(warehouse, prepare(path), actor=MANAGER).import_id


def read(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_mobilities_outside_their_agreement(writable_warehouse, tmp_path):
    # A-PAR-SMS is valid 2020-09-01 to 2025-08-31 (tests/fixture_data.py)
    rows = [
        mobility("IN", agreement_id="A-PAR-SMS", start_date="2024-10-01"),
        mobility("AFTER", agreement_id="A-PAR-SMS", start_date="2025-10-01", end_date="2026-02-28"),
        mobility("NOPE", agreement_id="IIA-NEVER-IMPORTED"),
    ]
    import_rows(writable_warehouse, "a.csv", rows, tmp_path)
    assert read(
        writable_warehouse,
        "select mobility_id, detail from data_quality_issues "
        "where rule_id = 'outside_agreement' order by 1",
    ) == [
        (
            "AFTER",
            "starts 2025-10-01, after A-PAR-SMS ended (2020-09-01 to 2025-08-31)",
        ),
        ("NOPE", "agreement IIA-NEVER-IMPORTED was never imported"),
    ]


def test_rejected_rows_of_the_latest_import_of_each_file(writable_warehouse, tmp_path):
    bad = mobility("B1", start_date="2025-03-10", end_date="2025-03-05")
    first = import_rows(writable_warehouse, "export.csv", [mobility("G1"), bad], tmp_path)
    query = (
        "select import_id, row_number, column_name, rule_id from data_quality_rejections "
        "where file_name = 'export.csv'"
    )
    assert read(writable_warehouse, query) == [(first, 3, "end_date", "end_before_start")]
    fixed = mobility("B1", start_date="2025-03-01", end_date="2025-03-10")
    second = import_rows(writable_warehouse, "export.csv", [mobility("G1"), fixed], tmp_path)
    assert read(writable_warehouse, query) == []
    manage.undo(writable_warehouse, second, actor=MANAGER)
    assert read(writable_warehouse, query) == [(first, 3, "end_date", "end_before_start")]


def test_the_user_documentation_lists_every_rule_and_duration():
    from pipelines.transform import quality

    text = (Path(__file__).resolve().parents[3] / "docs" / "data-management.md").read_text()
    for rule in quality.RULES:
        assert f"| {rule.name} |" in text, rule.id
    for duration in quality.DURATION_RULES:
        assert f"{duration.min_days}-{duration.max_days}" in text, duration
