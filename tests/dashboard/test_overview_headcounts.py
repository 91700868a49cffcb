"""The Overview for a faculty with mobilities but no headcounts (issue 10, item 6): no crash,
and rates over headcounts shown as "not available" with the reason, never as 0."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from dashboard.data.overview import HEADCOUNT_DENOMINATORS, missing_headcount
from pipelines.ingest.load import import_file
from pipelines.transform.build import build
from pipelines.warehouse import connect
from tests import fixture_data
from tests.conftest import KEY
from tests.dashboard.helpers import metrics_shown, new_app, open_page, set_filter
from tests.data_management import MOBILITY_HEADER, mobility

MEDICINE = "Faculty of Medicine"  # not in the fixture's headcounts
YEARS = (2021, 2022, 2023, 2024)
PER_YEAR = 3


@pytest.fixture
def medicine(writable_warehouse: Path, tmp_path: Path, monkeypatch) -> Path:
    """The fixture warehouse plus three realised outbound study mobilities a year of a
    faculty that has no headcounts."""
    rows = [
        mobility(
            f"MED-{year}-{i}",
            faculty=MEDICINE,
            start_date=f"{year}-10-01",
            end_date=f"{year + 1}-02-28",
        )
        for year in YEARS
        for i in range(PER_YEAR)
    ]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=MOBILITY_HEADER)
    writer.writeheader()
    writer.writerows(rows)
    path = tmp_path / "medicine.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    con = connect(writable_warehouse)
    try:
        result = import_file(con, path, KEY, table="mobilities")
        assert result.loaded == len(rows)
        build(con)
    finally:
        con.close()
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(writable_warehouse))
    return writable_warehouse


def test_a_faculty_without_headcounts_shows_rates_as_not_available(medicine):
    app = open_page(new_app(), "overview")
    set_filter(app, "faculty", [MEDICINE])
    shown = metrics_shown(app)
    assert shown["Outbound mobilities"] == str(PER_YEAR)
    assert shown["Outbound mobility ratio"] == "not available"
    assert shown["Graduates with a mobility experience"] == "not available"
    # a rate over mobilities, not headcounts, is still a value: none of the 3 flagged
    assert shown["Participants with fewer opportunities"] == "0.0 %"
    captions = [c.value for c in app.caption]
    assert (
        "Not available: no headcounts of enrolled students for Faculty of Medicine in 2024/25."
        in captions
    )
    targets = app.dataframe[0].value
    eu = targets[(targets["target_kind"] == "EU target")].set_index("kpi")
    graduates = eu.loc["Graduates with a mobility experience"]
    assert graduates["status"] == (
        "not available: no headcounts of graduates for Faculty of Medicine in 2024/25"
    )
    assert pd.isna(graduates["current_value"]) and pd.isna(graduates["projected_value"])
    # 0 % in each of the last three years: the line stays at 0, short of 20 %
    fewer = eu.loc["Participants with fewer opportunities"]
    assert (fewer["current_value"], fewer["projected_value"], fewer["status"]) == (
        0.0,
        0.0,
        "at risk",
    )


def test_the_first_year_of_such_a_faculty_does_not_crash(medicine):
    """The crash seen: the faculty's first year has no trend for any target, so every
    projected value was None and rounding them raised TypeError (__round__)."""
    app = open_page(new_app(), "overview")
    set_filter(app, "faculty", [MEDICINE])
    set_filter(app, "year_to", "2021/22")
    shown = metrics_shown(app)
    assert shown["Outbound mobilities"] == str(PER_YEAR)
    assert shown["Outbound mobility ratio"] == "not available"
    statuses = app.dataframe[0].value.set_index(["target_kind", "kpi"])["status"]
    assert statuses[("EU target", "Participants with fewer opportunities")] == "no trend"


def test_whole_university_targets_do_not_change_with_the_faculty_filter(medicine):
    """The leadership targets for the whole university are shown beside a faculty's: their
    projection is the university's, whichever faculty is chosen."""
    app = open_page(new_app(), "overview")
    columns = ["kpi", "current_value", "projected_value", "status"]

    def leadership() -> pd.DataFrame:
        targets = app.dataframe[0].value
        chosen = targets[targets["target_kind"] == "Leadership target"]
        return chosen[columns].sort_values("kpi").reset_index(drop=True)

    everyone = leadership()
    assert not everyone["projected_value"].isna().any()
    set_filter(app, "faculty", [MEDICINE])
    pd.testing.assert_frame_equal(leadership(), everyone)


def test_the_headcount_rates_are_the_ones_the_kpi_mart_divides_by_headcounts(built):
    """HEADCOUNT_DENOMINATORS against the mart: each rate's denominator for the whole
    university is the sum of that headcount column in the fixture's records (pandas)."""
    heads = fixture_data.frames()["headcounts"]
    # by their definitions (docs/kpis.md), these four and no other KPI divide by a headcount
    assert set(HEADCOUNT_DENOMINATORS) == {
        "outbound_mobility_ratio",
        "inbound_mobility_rate",
        "graduates_mobility_share",
        "staff_mobility_rate",
    }
    for kpi_id, column in HEADCOUNT_DENOMINATORS.items():
        stored = dict(
            built.execute(
                "select academic_year, denominator from kpi_by_year "
                "where kpi_id = ? and faculty = 'all' and denominator is not null",
                [kpi_id],
            ).fetchall()
        )
        expected = heads.groupby("academic_year")[column].sum()
        assert stored, kpi_id
        assert stored == {year: float(expected[year]) for year in stored}, kpi_id


def test_missing_headcount_reason():
    assert missing_headcount("outbound_mobility_ratio", None, "Faculty of Law", 2024) == (
        "no headcounts of enrolled students for Faculty of Law in 2024/25"
    )
    assert missing_headcount("staff_mobility_rate", 0, "the whole university", 2023) == (
        "no headcounts of academic staff for the whole university in 2023/24"
    )
    assert missing_headcount("outbound_mobility_ratio", 250.0, "x", 2024) is None
    assert missing_headcount("recognition_rate", None, "x", 2024) is None
