"""Nothing silently misread (issue 10): dates outside a plausible window are refused with a
reason naming the window, and a file's number convention decides ``1.500`` and ``1,500``.

The window's ends and the stored numbers are written out by hand here, never taken from the
code under test."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd
import pytest

from pipelines.contract import Agreement, Mobility, Project, rules
from pipelines.ingest.load import import_file
from pipelines.ingest.validate import validate_frame
from pipelines.warehouse import get_settings, set_setting
from tests.data_management import MOBILITY_HEADER, mobility

SETTINGS_HINT = "(change it in the settings: earliest_date_year, latest_date_years_ahead)"
# a fixed "today" for the rule tests: the default window is then 1990-01-01 … 2031-12-31
TODAY = dt.date(2026, 12, 2)
CTX = rules.ParseContext(today=TODAY)


def dates(rule: rules.Date, *values: str, ctx: rules.ParseContext = CTX) -> list:
    out = rule.apply(pd.Series(list(values), dtype="object"), ctx)
    return [None if v is pd.NA else v for v in out]


def reasons(rule: rules.Date, *values: str, ctx: rules.ParseContext = CTX) -> list[str]:
    return rule.explain(pd.Series(list(values), dtype="object"), ctx).tolist()


# --- dates ---------------------------------------------------------------------------------


def test_the_default_window_is_1990_to_the_end_of_the_fifth_year_ahead():
    assert dates(rules.Date(), "1990-01-01", "2031-12-31", "12-2031") == [
        dt.date(1990, 1, 1),
        dt.date(2031, 12, 31),
        dt.date(2031, 12, 1),
    ]
    assert dates(rules.Date(), "1989-12-31", "2032-01-01", "2099-09-01", "01.01.1900") == [
        None,
        None,
        None,
        None,
    ]


def test_a_date_outside_the_window_says_so_and_names_the_window():
    window = f"date outside 1990-01-01 … 2031-12-31 {SETTINGS_HINT}"
    assert reasons(rules.Date(), "2099-09-01", "15.03.1985", "09-2032") == [window] * 3
    # what is not a date at all keeps the reason that lists the formats
    assert reasons(rules.Date(), "31.02.2024", "soon") == [rules.Date.reason] * 2


def test_a_month_at_the_window_end_is_read_to_its_last_day():
    assert dates(rules.Date(end_of_period=True), "12-2031", "01-2032") == [
        dt.date(2031, 12, 31),
        None,
    ]


def test_end_columns_may_reach_further_ahead():
    assert dates(rules.Date(extra_years_ahead=10), "2041-12-31", "2042-01-01") == [
        dt.date(2041, 12, 31),
        None,
    ]
    assert reasons(rules.Date(extra_years_ahead=10), "2042-01-01") == [
        f"date outside 1990-01-01 … 2041-12-31 {SETTINGS_HINT}"
    ]


def test_each_date_column_of_the_contract_has_its_window():
    """Starts use the window as set; mobility ends 5 more years (a dual degree planned now),
    agreement and project ends 10 more (an agreement valid to 2035, a long project)."""
    ahead = {
        (model.__name__, name): rule.extra_years_ahead
        for model in (Mobility, Agreement, Project)
        for name, rule in model.rules().items()
        if isinstance(rule, rules.Date)
    }
    assert ahead == {
        ("Mobility", "start_date"): 0,
        ("Mobility", "end_date"): 5,
        ("Agreement", "valid_from"): 0,
        ("Agreement", "valid_to"): 10,
        ("Project", "start_date"): 0,
        ("Project", "end_date"): 10,
    }


def test_the_window_follows_the_settings():
    ctx = rules.ParseContext.from_settings(
        {"earliest_date_year": "2000", "latest_date_years_ahead": "2"}, decimal=","
    )
    assert ctx.decimal == ","
    assert ctx.date_window() == (dt.date(2000, 1, 1), dt.date(dt.date.today().year + 2, 12, 31))
    # missing or unreadable settings keep the defaults
    fallback = rules.ParseContext.from_settings({"earliest_date_year": "soon"})
    assert (fallback.earliest_date_year, fallback.latest_date_years_ahead) == (1990, 5)


def test_the_pydantic_path_gives_the_same_reason():
    this_year = dt.date.today().year
    with pytest.raises(ValueError, match=f"date outside 1990-01-01 … {this_year + 5}-12-31"):
        rules.Date().one("2099-09-01")
    assert rules.Date().one("2024-09-02") == dt.date(2024, 9, 2)


def test_the_bulk_validator_rejects_the_row_with_the_window_reason():
    frame = pd.DataFrame(
        [mobility("M1"), mobility("M2", start_date="2099-09-01", end_date="2100-01-31")],
        index=[2, 3],
    ).astype(str)
    ctx = rules.ParseContext.from_settings(
        {"earliest_date_year": "1990", "latest_date_years_ahead": "5"}
    )
    validation = validate_frame(frame, Mobility, ctx)
    assert validation.valid.index.tolist() == [2]
    this_year = dt.date.today().year
    found = validation.rejections.set_index("column_name")["reason"].to_dict()
    assert found == {
        "start_date": f"date outside 1990-01-01 … {this_year + 5}-12-31 {SETTINGS_HINT}",
        "end_date": f"date outside 1990-01-01 … {this_year + 10}-12-31 {SETTINGS_HINT}",
    }


def csv_file(path, header: list[str], rows: list[dict], delimiter: str) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def test_an_import_refuses_a_start_in_2099_and_stores_the_reason(con, key, tmp_path):
    path = tmp_path / "mobilities.csv"
    rows = [mobility("M1"), mobility("M2", start_date="2099-09-01", end_date="2099-12-31")]
    csv_file(path, MOBILITY_HEADER, rows, ",")
    result = import_file(con, path, key, table="mobilities")
    assert (result.loaded, result.rejected) == (1, 1)
    stored = con.execute(
        "select row_number, column_name, reason from rejected_rows order by column_name"
    ).fetchall()
    this_year = dt.date.today().year
    assert stored == [
        (3, "end_date", f"date outside 1990-01-01 … {this_year + 10}-12-31 {SETTINGS_HINT}"),
        (3, "start_date", f"date outside 1990-01-01 … {this_year + 5}-12-31 {SETTINGS_HINT}"),
    ]
    assert con.execute("select max(start_date) from raw_mobilities").fetchone() == (
        dt.date(2024, 10, 1),
    )


def test_an_import_follows_the_window_set_in_the_settings(con, key, tmp_path):
    set_setting(con, "earliest_date_year", "2024")
    path = tmp_path / "mobilities.csv"
    rows = [mobility("M1"), mobility("M2", start_date="2023-10-01", end_date="2024-02-28")]
    csv_file(path, MOBILITY_HEADER, rows, ",")
    result = import_file(con, path, key, table="mobilities")
    assert (result.loaded, result.rejected) == (1, 1)


def test_the_window_settings_are_checked(con):
    assert get_settings(con)["earliest_date_year"] == "1990"
    assert get_settings(con)["latest_date_years_ahead"] == "5"
    set_setting(con, "earliest_date_year", "2000")
    set_setting(con, "latest_date_years_ahead", "8")
    assert get_settings(con)["earliest_date_year"] == "2000"
    assert get_settings(con)["latest_date_years_ahead"] == "8"
    for key, value in [
        ("earliest_date_year", "90"),
        ("earliest_date_year", "3000"),
        ("earliest_date_year", "soon"),
        ("latest_date_years_ahead", "-1"),
        ("latest_date_years_ahead", "500"),
    ]:
        with pytest.raises(ValueError, match=key):
            set_setting(con, key, value)


# --- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "decimal", "expected"),
    [
        ("1.500", ",", 1500.0),
        ("1,500", ",", 1.5),
        ("1,5", ",", 1.5),
        ("1.5", ",", 1.5),
        ("0,500", ",", 0.5),
        ("0.500", ",", 0.5),
        ("12", ",", 12.0),
        ("1.500", ".", 1.5),
        ("1,500", ".", 1500.0),
        ("1.5", ".", 1.5),
        ("1,5", ".", 1.5),
        ("0,500", ".", 0.5),
        ("1_000", ".", None),
        ("inf", ".", None),
    ],
)
def test_a_series_follows_the_files_convention(raw, decimal, expected):
    """The whole-column path, not only parse_number: ``pd.to_numeric`` read ``1.500`` as 1.5
    before the file's convention was looked at."""
    out = rules.Number(maximum=1e9).apply(pd.Series([raw]), rules.ParseContext(decimal))
    assert (None if out.iloc[0] is pd.NA else out.iloc[0]) == expected


GRANT_HEADER = [*MOBILITY_HEADER, "grant_amount"]


def grants(con) -> dict[str, float]:
    return dict(con.execute("select mobility_id, grant_amount from raw_mobilities").fetchall())


def test_a_semicolon_file_with_decimal_commas_stores_the_grants_it_means(con, key, tmp_path):
    path = tmp_path / "mobilities.csv"
    written = {"G1": "1.500", "G2": "1,5", "G3": "2.345,50", "G4": "1.500.000", "G5": "750"}
    rows = [mobility(mid, grant_amount=value) for mid, value in written.items()]
    csv_file(path, GRANT_HEADER, rows, ";")
    result = import_file(con, path, key, table="mobilities")
    # 1.500.000 is above the grant's 1,000,000 cap: left empty with a warning, row kept
    assert (result.loaded, result.rejected, result.warned) == (5, 0, 1)
    assert grants(con) == {"G1": 1500.0, "G2": 1.5, "G3": 2345.5, "G4": None, "G5": 750.0}


def test_a_comma_file_with_decimal_points_stores_the_grants_it_means(con, key, tmp_path):
    path = tmp_path / "mobilities.csv"
    written = {"G1": "1,500", "G2": "1.5", "G3": "2,345.50", "G4": "1.500"}
    rows = [mobility(mid, grant_amount=value) for mid, value in written.items()]
    csv_file(path, GRANT_HEADER, rows, ",")  # the csv module quotes 1,500 and 2,345.50
    result = import_file(con, path, key, table="mobilities")
    assert result.loaded == 4
    assert grants(con) == {"G1": 1500.0, "G2": 1.5, "G3": 2345.5, "G4": 1.5}
