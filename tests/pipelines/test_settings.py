"""The typed settings model: what a person may store, how it is stored, how it reads back."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.settings import Settings
from pipelines.warehouse import get_settings, read_settings, set_setting


@pytest.mark.parametrize(
    ("key", "value", "stored"),
    [
        ("year_start_month", " 10 ", "10"),
        ("own_country", "Poland", "PL"),
        ("own_country", "", ""),
        ("earliest_date_year", "2000", "2000"),
        ("latest_date_years_ahead", "0", "0"),
        ("institution_name", "Uniwersytet Przykładowy", "Uniwersytet Przykładowy"),
    ],
)
def test_a_valid_value_is_stored_as_canonical_text(key, value, stored):
    assert Settings.check(key, value) == stored


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("year_start_month", "13", "month number 1-12"),
        ("year_start_month", "0", "month number 1-12"),
        ("dormant_years", "-1", "whole number"),
        ("small_cell_threshold", "5.0", "whole number"),
        ("latest_date_years_ahead", "101", "at most 100"),
        ("earliest_date_year", "1899", "at least 1900"),
        ("earliest_date_year", str(dt.date.today().year + 1), "must be a year from 1900"),
        ("own_country", "Atlantis", "'Atlantis' is not a country"),
    ],
)
def test_an_invalid_value_is_refused_naming_the_setting_and_why(key, value, reason):
    with pytest.raises(ValueError, match=reason) as refused:
        Settings.check(key, value)
    assert str(refused.value).startswith(f"{key}: ")


def test_an_unknown_setting_is_refused_listing_the_known_ones():
    with pytest.raises(KeyError, match="known: institution_name"):
        Settings.check("institution", "x")


def test_stored_text_reads_back_typed_and_unreadable_values_keep_their_default():
    typed = Settings.from_stored({"dormant_years": "3", "earliest_date_year": "soon"})
    assert (typed.dormant_years, typed.earliest_date_year) == (3, 1990)


def test_the_table_holds_every_setting_with_its_default_and_reads_back(con):
    assert get_settings(con) == {
        "institution_name": "Our University",
        "own_erasmus_code": "",
        "own_schac_code": "",
        "own_country": "",
        "own_name_variants": "",
        "year_start_month": "9",
        "dormant_years": "2",
        "expiring_months": "12",
        "small_cell_threshold": "5",
        "earliest_date_year": "1990",
        "latest_date_years_ahead": "5",
    }
    assert set_setting(con, "small_cell_threshold", "10") is True
    assert set_setting(con, "small_cell_threshold", "10") is False  # unchanged: not written
    assert read_settings(con).small_cell_threshold == 10
