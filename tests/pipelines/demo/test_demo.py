"""The demo data generator: deterministic, complete, and valid under the import contract.

Expectations are computed independently from the written CSV files with pandas.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from pipelines import metrics
from pipelines.config import TEMPLATES_DIR
from pipelines.demo import LAST_START_YEAR, generate
from pipelines.demo.university import FIELDS
from pipelines.ingest.load import import_file
from pipelines.warehouse import connect

RECORDS = 3000
TABLES = ("mobilities", "agreements", "projects", "headcounts", "targets")
ACTIVITIES = {
    "study",
    "dual_degree",
    "traineeship",
    "teaching",
    "training",
    "research",
    "conference",
    "virtual",
    "blended",
}
FACULTIES = {
    "Faculty of Engineering",
    "Faculty of Economics and Business",
    "Faculty of Humanities",
    "Faculty of Natural Sciences",
    "Faculty of Medicine and Health",
    "Faculty of Law and Social Sciences",
}
# Agreement activity a mobility activity falls under.
AGREEMENT_ACTIVITY = {
    "study": "study",
    "dual_degree": "study",
    "traineeship": "traineeship",
    "teaching": "teaching",
    "training": "training",
}


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return generate(tmp_path_factory.mktemp("demo"), records=RECORDS, seed=42)


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def mobilities(paths: dict[str, Path]) -> pd.DataFrame:
    frame = read(paths["mobilities"])
    start = pd.to_datetime(frame["start_date"])
    frame["start"] = start
    frame["end"] = pd.to_datetime(frame["end_date"])
    frame["academic_year"] = start.dt.year - (start.dt.month < 9).astype(int)
    return frame


@pytest.fixture(scope="module")
def agreements(paths: dict[str, Path]) -> pd.DataFrame:
    return read(paths["agreements"])


def planted_bad_rows(frame: pd.DataFrame) -> pd.Series:
    """The deliberately invalid rows, found the way they were planted."""
    return planted_rejected_rows(frame) | planted_bad_ects(frame)


def planted_rejected_rows(frame: pd.DataFrame) -> pd.Series:
    """Planted errors that reject the row: a required country, an end before the start."""
    unknown_country = frame["partner_country"].eq("XX")
    ends_early = pd.to_datetime(frame["end_date"]) < pd.to_datetime(frame["start_date"])
    return unknown_country | ends_early


def planted_bad_ects(frame: pd.DataFrame) -> pd.Series:
    """Planted ECTS 'abc': an optional column, so the value is left empty and the row kept."""
    ects = frame["ects_planned"]
    return ects.ne("") & pd.to_numeric(ects, errors="coerce").isna()


def test_writes_every_table_with_the_template_headers(paths: dict[str, Path]) -> None:
    assert set(paths) == set(TABLES)
    for table, path in paths.items():
        assert path.name == f"{table}.csv"
        with (TEMPLATES_DIR / f"{table}.csv").open(encoding="utf-8") as handle:
            template_header = next(csv.reader(handle))
        with path.open(encoding="utf-8") as handle:
            assert next(csv.reader(handle)) == template_header
        assert b"\r" not in path.read_bytes()


def test_same_seed_gives_identical_files_and_another_seed_differs(
    tmp_path: Path, paths: dict[str, Path]
) -> None:
    again = generate(tmp_path / "again", records=RECORDS, seed=42)
    for table in TABLES:
        assert again[table].read_bytes() == paths[table].read_bytes(), table
    other = generate(tmp_path / "other", records=RECORDS, seed=43)
    assert other["mobilities"].read_bytes() != paths["mobilities"].read_bytes()


@pytest.mark.parametrize("records", [RECORDS, 1234])
def test_record_count_is_within_one_percent(tmp_path: Path, records: int) -> None:
    rows = len(read(generate(tmp_path, records=records)["mobilities"]))
    assert abs(rows - records) <= 0.01 * records


def test_import_rejects_only_the_planted_rows(
    paths: dict[str, Path], mobilities: pd.DataFrame
) -> None:
    assert 3 <= planted_bad_rows(mobilities).sum() <= max(3, 0.002 * len(mobilities))
    planted = planted_rejected_rows(mobilities)
    emptied = planted_bad_ects(mobilities)
    assert planted.any() and emptied.any() and not (planted & emptied).any()
    con = connect(":memory:")
    results = {table: import_file(con, paths[table], b"k" * 32, table=table) for table in TABLES}

    rejected = results["mobilities"]
    assert rejected.rejected == planted.sum()
    # Row numbers count as a spreadsheet does: the header is row 1.
    assert set(rejected.rejections["row_number"]) == {i + 2 for i in planted[planted].index}
    assert set(rejected.rejections["column_name"]) == {"partner_country", "end_date"}
    assert rejected.loaded == len(mobilities) - planted.sum()
    # the planted ECTS 'abc' rows are stored with the value left empty and a warning each
    assert rejected.warned == emptied.sum()
    assert set(rejected.warnings["row_number"]) == {i + 2 for i in emptied[emptied].index}
    assert set(rejected.warnings["column_name"]) == {"ects_planned"}
    for table in TABLES[1:]:
        result = results[table]
        assert result.rejected == 0, result.rejections.head().to_string()
        assert result.loaded == len(read(paths[table])) > 0


def test_mobilities_cover_years_activities_directions_partners_and_faculties(
    mobilities: pd.DataFrame, agreements: pd.DataFrame
) -> None:
    assert set(mobilities["academic_year"]) == set(range(LAST_START_YEAR - 7, LAST_START_YEAR + 1))
    assert set(mobilities["activity"]) == ACTIVITIES
    assert set(mobilities["direction"]) == {"outbound", "inbound"}
    assert set(mobilities["person_role"]) == {"student", "staff", "researcher"}
    assert set(mobilities["mode"]) == {"physical", "virtual", "blended"}
    assert set(mobilities["faculty"]) == FACULTIES
    partners = mobilities["partner_name"]
    assert partners[partners.isin(agreements["partner_name"])].nunique() >= 55
    countries = set(mobilities["partner_country"]) - {"XX"}
    assert len(countries) >= 28
    assert "PL" not in countries
    for activity in ("study", "traineeship"):
        students = mobilities[(mobilities["activity"] == activity)]
        outbound = students["direction"].eq("outbound").sum()
        assert outbound > students["direction"].eq("inbound").sum()


def test_statuses_include_cancellations_and_a_current_year(mobilities: pd.DataFrame) -> None:
    status = mobilities["status"]
    assert set(status) == {"completed", "ongoing", "approved", "nominated", "cancelled"}
    assert 0.02 <= status.eq("cancelled").mean() <= 0.07
    cancelled_by_year = status.eq("cancelled").groupby(mobilities["academic_year"]).mean()
    assert cancelled_by_year[2020] > cancelled_by_year[2018]
    future = mobilities["start"] > pd.Timestamp("2026-01-31")
    assert status[future].isin(["approved", "nominated", "cancelled"]).all()
    assert status[~future].isin(["completed", "ongoing", "cancelled"]).all()
    assert mobilities["start"].max() <= pd.Timestamp(f"{LAST_START_YEAR + 1}-08-31")


def test_covid_year_shifts_to_virtual_and_blended_starts_later(mobilities: pd.DataFrame) -> None:
    by_year = mobilities.groupby("academic_year")["mode"]
    virtual_share = by_year.apply(lambda s: s.eq("virtual").mean())
    assert virtual_share[2020] > 3 * virtual_share[2018]
    physical = mobilities["mode"].eq("physical").groupby(mobilities["academic_year"]).sum()
    assert physical[2020] < 0.6 * physical[2018]
    assert physical[LAST_START_YEAR - 1] > physical[2018]
    blended_years = set(mobilities.loc[mobilities["mode"] == "blended", "academic_year"])
    assert min(blended_years) == 2022


def test_identifiers(mobilities: pd.DataFrame) -> None:
    ids = mobilities["mobility_id"]
    assert ids.is_unique
    assert ids.str.fullmatch(r"(OM|IM)-\d{4}-\d{6}").all()
    assert (ids.str[:2] == mobilities["direction"].map({"outbound": "OM", "inbound": "IM"})).all()
    students = mobilities["person_role"].eq("student")
    assert mobilities.loc[students, "person_id"].str.fullmatch(r"s\d{7}").all()
    assert mobilities.loc[~students, "person_id"].str.fullmatch(r"e\d{5,6}").all()
    per_person = mobilities["person_id"].value_counts()
    assert per_person.max() == 2
    assert 0.03 <= (per_person == 2).mean() <= 0.07
    ordered = mobilities.sort_values(["start", "mobility_id"], kind="stable")
    assert ordered.index.equals(mobilities.index)


def test_referenced_agreements_exist_and_match_the_activity(
    mobilities: pd.DataFrame, agreements: pd.DataFrame
) -> None:
    assert agreements["agreement_id"].is_unique
    assert 80 <= len(agreements) <= 110
    referencing = mobilities[mobilities["agreement_id"] != ""]
    merged = referencing.merge(
        agreements, on="agreement_id", how="left", suffixes=("", "_agreement"), indicator=True
    )
    assert merged["_merge"].eq("both").all()
    assert (merged["activity"].map(AGREEMENT_ACTIVITY) == merged["activity_agreement"]).all()
    assert (merged["partner_name"] == merged["partner_name_agreement"]).all()
    within = (merged["start_date"] >= merged["valid_from"]) & (
        merged["start_date"] <= merged["valid_to"]
    )
    assert within.all()
    study = mobilities[(mobilities["activity"] == "study")]
    assert study["agreement_id"].ne("").mean() > 0.9
    online = mobilities["activity"].isin(["virtual", "blended", "research", "conference"])
    assert mobilities.loc[online, "agreement_id"].eq("").all()


def test_some_agreements_are_dormant_expiring_or_expired(
    mobilities: pd.DataFrame, agreements: pd.DataFrame
) -> None:
    last_year_start = f"{LAST_START_YEAR}-09-01"
    valid_now = (agreements["valid_from"] <= f"{LAST_START_YEAR + 1}-08-31") & (
        agreements["valid_to"] >= last_year_start
    )
    recent = mobilities["academic_year"] >= LAST_START_YEAR - 2
    used = set(mobilities.loc[recent, "agreement_id"]) - {""}
    dormant = agreements[valid_now & ~agreements["agreement_id"].isin(used)]
    assert len(dormant) >= 5
    assert agreements["valid_to"].between("2026-09-01", "2027-08-31").sum() >= 4
    assert (agreements["valid_to"] < "2026-01-31").sum() >= 2
    assert {"erasmus", "bilateral", "dual_degree"} <= set(agreements["agreement_type"])


def test_projects_span_several_programmes(paths: dict[str, Path]) -> None:
    projects = read(paths["projects"])
    assert 30 <= len(projects) <= 50
    assert projects["programme"].nunique() >= 5
    assert set(projects["role"]) == {"coordinator", "partner"}
    own = pd.to_numeric(projects["budget_own_share"])
    assert (own <= pd.to_numeric(projects["budget_total"])).all()


def test_headcounts_and_targets(paths: dict[str, Path]) -> None:
    headcounts = read(paths["headcounts"])
    assert set(headcounts["faculty"]) == FACULTIES
    assert headcounts["academic_year"].nunique() == 8
    levels = headcounts[headcounts["study_level"] != ""]
    assert set(levels["study_level"]) == {"6", "7", "8"}
    # students per degree programme: one per field the faculty teaches, at each level
    assert len(levels) == 8 * 3 * sum(len(fields) for fields in FIELDS)
    degrees = {"6": "(Bachelor)", "7": "(Master)", "8": "(Doctorate)"}
    named = zip(levels["degree_programme"], levels["study_level"], strict=True)
    assert all(programme.endswith(degrees[level]) for programme, level in named)
    assert not levels.duplicated(["academic_year", "faculty", "degree_programme"]).any()
    staff = headcounts[headcounts["study_level"] == ""]
    assert len(staff) == 8 * 6
    assert staff["academic_staff"].ne("").all()
    assert staff[["enrolled_students", "graduates", "degree_programme"]].eq("").all(axis=None)
    enrolled = pd.to_numeric(levels["enrolled_students"])
    graduates = pd.to_numeric(levels["graduates"])
    assert (graduates < enrolled).all()
    targets = read(paths["targets"])
    assert 8 <= len(targets) <= 15
    assert set(targets["kpi_id"]) <= set(metrics.KPI_IDS)


def test_a_large_demo_is_written_in_blocks_of_its_own_people_and_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above BLOCK_RECORDS the mobilities come in blocks (three here, of 1,000 records):
    one header, ids that go on numbering per direction and year, people of each block alone,
    each block in date order, and only the planted rows rejected on import."""
    import pipelines.demo as demo

    monkeypatch.setattr(demo, "BLOCK_RECORDS", 1000)
    paths = generate(tmp_path, records=RECORDS)
    frame = read(paths["mobilities"])
    assert abs(len(frame) - RECORDS) <= 0.01 * RECORDS
    assert frame["mobility_id"].is_unique
    assert frame["mobility_id"].str.fullmatch(r"(OM|IM)-\d{4}-\d{6}").all()
    # each block restarts the date order; a new block starts where the date falls back
    start = pd.to_datetime(frame["start_date"])
    restarts = (start < start.shift()).to_numpy().nonzero()[0]
    assert len(restarts) == 2
    blocks = pd.Series(0, index=frame.index)
    for first in restarts:
        blocks.iloc[first:] += 1
    assert blocks.value_counts().sort_index().tolist() == [1000, 1000, 1000]
    # ids continue the numbering: within a direction and year, block 1's numbers follow block 0's
    number = frame["mobility_id"].str[-6:].astype(int)
    group = frame["mobility_id"].str[:7]
    for _, ids in number.groupby(group):
        by_block = ids.groupby(blocks[ids.index])
        assert (by_block.min().iloc[1:].to_numpy() > by_block.max().iloc[:-1].to_numpy()).all()
        assert sorted(ids) == list(range(1, len(ids) + 1))
    # no person has mobilities in two blocks
    assert frame.assign(block=blocks).groupby("person_id")["block"].nunique().max() == 1
    con = connect(":memory:")
    result = import_file(con, paths["mobilities"], b"k" * 32, table="mobilities")
    assert result.rejected == planted_rejected_rows(frame).sum()
    assert result.loaded == len(frame) - result.rejected
