"""Every page with Streamlit's AppTest against the fixture warehouse: no exception, one shown
value equal to a number computed with pandas from the fixture's records, and a filter that
changes that value as expected."""

from __future__ import annotations

import numpy as np
import pytest

from tests import fixture_data
from tests.dashboard.helpers import (
    ECONOMICS,
    ENGINEERING,
    HUMANITIES,
    PAGES,
    figures,
    metrics_shown,
    mobilities,
    new_app,
    open_page,
    pct,
    realised,
    set_filter,
    trace_points,
)


def students_ratio(year: int, faculty: str) -> float:
    """Outbound mobility ratio of one faculty: distinct physical outbound students over the
    faculty's enrolled students (all its levels)."""
    students = realised(
        year=year, direction="outbound", person_role="student", physical=True, faculty=faculty
    )["person_id"].nunique()
    heads = fixture_data.frames()["headcounts"]
    label = f"{year}/{(year + 1) % 100:02d}"
    enrolled = heads[(heads["academic_year"] == label) & (heads["faculty"] == faculty)]
    return pct(students, enrolled["enrolled_students"].sum())


def test_overview_headline_follows_year_and_faculty():
    app = open_page(new_app(), "overview")
    shown = metrics_shown(app)
    assert shown["Outbound mobilities"] == f"{len(realised(year=2024, direction='outbound')):,}"
    set_filter(app, "year_to", "2023/24")
    assert metrics_shown(app)["Outbound mobilities"] == (
        f"{len(realised(year=2023, direction='outbound')):,}"
    )
    set_filter(app, "faculty", [ENGINEERING])
    shown = metrics_shown(app)
    expected = realised(year=2023, direction="outbound", faculty=ENGINEERING)
    assert shown["Outbound mobilities"] == f"{len(expected):,}"
    assert shown["Outbound mobility ratio"] == f"{students_ratio(2023, ENGINEERING):,.1f} %"


def test_overview_shows_the_six_kinds_and_targets():
    app = open_page(new_app(), "overview")
    shown = metrics_shown(app)
    assert shown["Dual and joint degrees"] == f"{len(realised(year=2024, kind='dual_degree')):,}"
    # fixture projects P1, P2 and P4 run in 2024/25
    assert shown["Projects and grants"] == "3"
    targets = app.dataframe[0].value
    eu = targets[targets["target_kind"] == "EU target"]
    assert set(eu["target_value"]) == {23.0, 20.0}
    leadership = targets[targets["target_kind"] == "Leadership target"]
    assert set(leadership["kpi"]) == {
        "Graduates with a mobility experience",
        "Outbound mobility ratio",
    }


def test_overview_projects_each_target_from_the_recent_trend():
    """The status of a target: a least-squares line through the last three years' values
    (computed here with numpy over the fixture's own records) extended to the target year."""
    app = open_page(new_app(), "overview")
    targets = app.dataframe[0].value.set_index(["target_kind", "kpi"])
    years = [2022, 2023, 2024]
    ratios = []
    heads = fixture_data.frames()["headcounts"]
    for year in years:
        label = f"{year}/{(year + 1) % 100:02d}"
        students = realised(year=year, direction="outbound", person_role="student", physical=True)
        enrolled = heads.loc[heads["academic_year"] == label, "enrolled_students"].sum()
        ratios.append(pct(students["person_id"].nunique(), enrolled))
    slope, intercept = np.polyfit(years, ratios, 1)
    projected = min(max(intercept + slope * 2025, 0.0), 100.0)
    row = targets.loc[("Leadership target", "Outbound mobility ratio")]
    assert row["projected_value"] == pytest.approx(round(projected, 1))
    assert row["status"] == ("on track" if projected >= 5.0 else "at risk")
    assert "Least-squares straight line" in " ".join(c.value for c in app.main.caption)


def test_flows_map_counts_per_country_and_follows_the_years():
    app = open_page(new_app(), "flows")
    world = figures(app)["Outbound mobilities by partner country"]
    counts = trace_points(world, x="z", y="locations")
    assert counts["DEU"] == len(realised(direction="outbound", partner_country="DE"))
    assert counts["KEN"] == len(realised(direction="outbound", partner_country="KE"))
    set_filter(app, "year_from", "2023/24")
    counts = trace_points(figures(app)["Outbound mobilities by partner country"], "z", "locations")
    assert counts["DEU"] == len(
        realised(direction="outbound", partner_country="DE", year=[2023, 2024])
    )


def test_partners_table_counts_and_follows_the_faculty():
    app = open_page(new_app(), "partners")
    table = app.dataframe[0].value.set_index("partner_name")
    konstanz = realised(key="erasmus:DKONSTAN01")
    row = table.loc["Universität Konstanz"]
    assert row["outbound"] == (konstanz["direction"] == "outbound").sum()
    assert row["inbound"] == (konstanz["direction"] == "inbound").sum()
    assert row["balance"] == row["inbound"] - row["outbound"]
    set_filter(app, "faculty", [ECONOMICS])
    table = app.dataframe[0].value.set_index("partner_name")
    in_faculty = konstanz[konstanz["faculty"] == ECONOMICS]
    assert table.loc["Universität Konstanz", "outbound"] == (
        (in_faculty["direction"] == "outbound").sum()
    )
    dormant = app.dataframe[2].value
    # A-NAI-STA is university-wide and never used: dormant whatever the faculty
    assert "A-NAI-STA" in set(dormant["agreement_id"])


def recognition_by_faculty(**where: object) -> dict[str, float]:
    return recognition_by("faculty", **where)


def recognition_by(column: str, **where: object) -> dict[str, float]:
    """Credit recognition rate per value of ``column`` ("(not set)" for empty), counted with
    pandas: completed outbound student mobilities with planned and recognised ECTS."""
    m = mobilities()
    m = m[
        (m["status"] == "completed")
        & (m["person_role"] == "student")
        & (m["direction"] == "outbound")
        & m["ects_planned"].notna()
        & m["ects_recognised"].notna()
    ]
    for name, value in where.items():
        m = m[m[name] == value]
    sums = m.groupby(m[column].fillna("(not set)"))[["ects_recognised", "ects_planned"]].sum()
    return {f: pct(r.ects_recognised, r.ects_planned) for f, r in sums.iterrows()}


def test_outcomes_recognition_by_faculty_follows_the_level():
    app = open_page(new_app(), "outcomes")
    shown = trace_points(figures(app)["Credit recognition rate"])
    expected = recognition_by_faculty()
    assert shown == pytest.approx(expected)
    set_filter(app, "level", [7])
    shown = trace_points(figures(app)["Credit recognition rate"])
    assert shown == pytest.approx(recognition_by_faculty(study_level=7))


def fewer_share(year: int, **where: object) -> float:
    students = realised(year=year, direction="outbound", person_role="student", **where)
    return pct(students["fewer_opportunities"].fillna(False).astype(bool).sum(), len(students))


def test_inclusion_fewer_opportunities_share_follows_the_faculty():
    app = open_page(new_app(), "inclusion")
    assert metrics_shown(app)["Share in 2024/25"] == f"{fewer_share(2024):,.1f} %"
    set_filter(app, "faculty", [HUMANITIES])
    assert metrics_shown(app)["Share in 2024/25"] == (
        f"{fewer_share(2024, faculty=HUMANITIES):,.1f} %"
    )


def test_staff_counts_follow_the_years():
    app = open_page(new_app(), "staff")
    staff = realised(kind="staff_research", direction="outbound")
    assert metrics_shown(app)["Outbound (mobilities)"] == f"{len(staff):,}"
    set_filter(app, "year_to", "2022/23")
    staff = staff[staff["year"] == 2022]
    assert metrics_shown(app)["Outbound (mobilities)"] == f"{len(staff):,}"


def test_programmes_dual_degree_partners_follow_the_direction():
    app = open_page(new_app(), "programmes")
    dual = realised(kind="dual_degree")
    table = app.dataframe[0].value.set_index("partner_name")
    expected = dual.groupby("partner_name")["person_id"].nunique()
    assert table["students"].to_dict() == expected.to_dict()
    set_filter(app, "direction", "inbound")
    table = app.dataframe[0].value.set_index("partner_name")
    inbound = dual[dual["direction"] == "inbound"].groupby("partner_name")["person_id"].nunique()
    assert table["students"].to_dict() == inbound.to_dict()


def test_country_explorer_from_the_url_follows_the_kind():
    app = open_page(new_app({"country": "DE"}), "country")
    germany = realised(partner_country="DE")
    shown = metrics_shown(app)
    assert shown["Outbound to Germany"] == f"{(germany['direction'] == 'outbound').sum():,}"
    assert shown["Inbound from Germany"] == f"{(germany['direction'] == 'inbound').sum():,}"
    set_filter(app, "kind", ["student_exchange"])
    exchange = germany[germany["kind"] == "student_exchange"]
    assert metrics_shown(app)["Outbound to Germany"] == (
        f"{(exchange['direction'] == 'outbound').sum():,}"
    )


def test_data_contract_page_shows_the_contract():
    app = open_page(new_app(), "data_contract")
    text = "\n".join(m.value for m in app.markdown)
    assert "## `mobilities`: Mobilities" in text
    assert "](../" not in text  # repository links turned into plain paths


@pytest.mark.parametrize("page", [p for p in PAGES if p != "data_contract"])
def test_empty_warehouse_says_what_to_import(page, tmp_path, monkeypatch):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(tmp_path / "none.duckdb"))
    app = open_page(new_app(), page)
    assert "warehouse is empty" in app.info[0].value
    assert "mobilities" in app.info[0].value
