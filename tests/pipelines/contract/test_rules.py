"""Each column rule of the import contract, on the bulk path and the pydantic path."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from pipelines.contract import Mobility, Target, rules


def clean(rule: rules.Rule, *values: str, decimal: str = ".") -> list:
    out = rule.apply(pd.Series(list(values), dtype="object"), rules.ParseContext(decimal))
    return [None if v is pd.NA else v for v in out.tolist()]


@pytest.mark.parametrize(
    ("raw", "iso2"),
    [
        ("DE", "DE"),
        ("de", "DE"),
        ("DEU", "DE"),
        ("UK", "GB"),
        ("GB", "GB"),
        ("EL", "GR"),
        ("GR", "GR"),
        ("Germany", "DE"),
        ("DE - Germany", "DE"),
        ("Germany (DE)", "DE"),
        ("Türkiye", "TR"),
        ("Czechia", "CZ"),
        ("United Kingdom", "GB"),
        ("NA", "NA"),
        ("North Macedonia", "MK"),
        ("XK", "XK"),
    ],
)
def test_country_accepts_codes_variants_and_names(raw, iso2):
    assert clean(rules.Country(), raw) == [iso2]


@pytest.mark.parametrize("raw", ["XX", "Rest of the world", "Atlantis", "D"])
def test_country_rejects_unknown(raw):
    assert clean(rules.Country(), raw) == [None]


def test_blank_markers_are_empty_not_invalid():
    raw = pd.Series(["", "  ", "n/a", "?", "???", "? Unknown ?", "-", None], dtype="object")
    assert rules.blank(raw).all()
    # in a country column NA is Namibia, not a missing value
    assert not rules.blank(pd.Series(["NA"]), rules.Country.null_markers).any()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-09-02", dt.date(2024, 9, 2)),
        ("02.09.2024", dt.date(2024, 9, 2)),
        ("02/09/2024", dt.date(2024, 9, 2)),
        ("09-2024", dt.date(2024, 9, 1)),
        ("2024-09-02 00:00:00", dt.date(2024, 9, 2)),
        ("31.02.2024", None),
        ("2024/13/01", None),
        ("yesterday", None),
        ("01.01.1900", None),
    ],
)
def test_dates(raw, expected):
    assert clean(rules.Date(), raw) == [expected]


def test_month_means_last_day_for_end_dates():
    assert clean(rules.Date(end_of_period=True), "02-2024", "09/2024") == [
        dt.date(2024, 2, 29),
        dt.date(2024, 9, 30),
    ]


@pytest.mark.parametrize(
    ("raw", "decimal", "expected"),
    [
        ("30", ".", 30.0),
        ("7,5", ".", 7.5),
        ("7.5", ",", 7.5),
        ("1.234,56", ".", 1234.56),
        ("1,234.56", ",", 1234.56),
        ("1 234", ".", 1234.0),
        ("1.234.567", ".", 1234567.0),
        ("1,500", ".", 1500.0),
        ("1,500", ",", 1.5),
        ("1.500", ",", 1500.0),
        ("1.500", ".", 1.5),
        ("€ 2.450,00", ",", 2450.0),
        ("abc", ".", None),
        ("1,2,3", ".", None),
    ],
)
def test_numbers_with_decimal_commas_and_thousands(raw, decimal, expected):
    assert rules.parse_number(raw, decimal) == expected


def test_number_range_and_integers():
    assert clean(rules.Number(maximum=120), "30", "121", "-1") == [30.0, None, None]
    assert clean(rules.Number(maximum=10, integer=True), "3", "3.5", "3,0") == [3, None, 3]


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda f: round(f, 2)))
def test_numbers_written_german_style_read_back(value):
    german = f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    assert rules.parse_number(german, ",") == pytest.approx(value)
    assert rules.parse_number(f"{value:,.2f}", ".") == pytest.approx(value)


def test_cefr_eqf_isced_language_flags():
    assert clean(rules.Cefr(), "b2", "B2+", "CEFR C1", "D1", "native") == [
        "B2",
        "B2",
        "C1",
        None,
        None,
    ]
    assert clean(rules.Eqf(), "7", "EQF 6", "master", "Second cycle", "PhD", "4", "9") == [
        7,
        6,
        7,
        7,
        8,
        None,
        None,
    ]
    assert clean(rules.Isced(), "041", "0413", "0413 Accounting", "Law", "0199", "12", "0419") == [
        "041",
        "0413",
        "0413",
        "042",
        None,
        None,
        "0419",
    ]
    assert clean(rules.Language(), "en", "English", "deu", "ger", "Klingon") == [
        "en",
        "en",
        "de",
        "de",
        None,
    ]
    assert clean(rules.Flag(), "yes", "No", "1", "0", "x", "maybe") == [
        True,
        False,
        True,
        False,
        True,
        None,
    ]


def test_choices_and_aliases_are_case_and_separator_insensitive():
    activity = Mobility.rules()["activity"]
    assert clean(
        activity, "SMS", "smp", "STA", "Stt", "BIP", "Virtual Exchange", "double-degree", "party"
    ) == ["study", "traineeship", "teaching", "training", "blended", "virtual", "dual_degree", None]
    direction = Mobility.rules()["direction"]
    assert clean(direction, "Outgoing", "INCOMING", "sideways") == ["outbound", "inbound", None]


def test_erasmus_codes_are_padded_like_the_ec():
    assert clean(
        rules.ErasmusCode(), "D  KONSTAN01", "d konstan01", "IRLDUBLIN01", "Uk PRESTON03", "x"
    ) == ["D  KONSTAN01", "D  KONSTAN01", "IRLDUBLIN01", "UK PRESTON03", None]


def test_academic_years():
    assert clean(rules.AcademicYear(), "2024/25", "2024/2025", "2024-25", "2024", "2024/26") == [
        "2024/25",
        "2024/25",
        "2024/25",
        "2024/25",
        None,
    ]


def test_country_lists_are_sorted_iso_codes():
    assert clean(rules.CountryList(), "FR;DE", "Germany, France", "DE;XX") == [
        "DE;FR",
        "DE;FR",
        None,
    ]


def test_pydantic_path_uses_the_same_rules():
    record = Mobility.model_validate(
        {
            "mobility_id": " M 1 ",
            "person_id": "s1",
            "person_role": "Learner",
            "direction": "outgoing",
            "activity": "SMS",
            "partner_country": "UK",
            "start_date": "01.09.2024",
            "end_date": "01-2025",
            "ects_planned": "7,5",
        }
    )
    assert (record.mobility_id, record.partner_country, record.activity) == ("M 1", "GB", "study")
    assert record.start_date == dt.date(2024, 9, 1)
    assert record.end_date == dt.date(2025, 1, 31)
    assert record.ects_planned == 7.5
    assert record.mode == "physical" and record.status == "completed"


def test_pydantic_path_rejects_with_the_rule_reason():
    with pytest.raises(ValidationError, match="unknown country"):
        Mobility.model_validate(
            {
                "mobility_id": "M",
                "person_id": "s",
                "person_role": "student",
                "direction": "outbound",
                "activity": "study",
                "partner_country": "XX",
                "start_date": "2024-09-01",
                "end_date": "2024-12-01",
            }
        )
    with pytest.raises(ValidationError, match="end date before start date"):
        Mobility.model_validate(
            {
                "mobility_id": "M",
                "person_id": "s",
                "person_role": "student",
                "direction": "outbound",
                "activity": "study",
                "partner_country": "DE",
                "start_date": "2024-09-01",
                "end_date": "2024-08-01",
            }
        )


def test_target_ranges_follow_the_kpi_unit():
    assert (
        Target.model_validate(
            {"kpi_id": "outbound_mobility_ratio", "academic_year": "2027", "value": "12,5"}
        ).value
        == 12.5
    )
    with pytest.raises(ValidationError, match="sensible range"):
        Target.model_validate(
            {"kpi_id": "outbound_mobility_ratio", "academic_year": "2027", "value": "150"}
        )
    with pytest.raises(ValidationError, match="not one of"):
        Target.model_validate({"kpi_id": "happiness", "academic_year": "2027", "value": "1"})


@given(st.sampled_from(["DE", "uk", "El", "Germany", "France", "xx", "", "Mars"]))
def test_bulk_and_single_paths_agree(value):
    rule = rules.Country()
    bulk = clean(rule, value)[0]
    try:
        single = rule.one(value)
    except ValueError:
        single = None
    assert bulk == single


def test_every_alias_of_a_choice_names_one_of_its_values():
    """An alias that maps outside its column's values would store a value the contract refuses
    (as once "student mobility for studies" -> "study" in the agreement types)."""
    from pipelines.contract import MODELS
    from pipelines.contract.rules import Choice

    for model in MODELS.values():
        for column, rule in model.rules().items():
            if isinstance(rule, Choice):
                stray = {a: v for a, v in rule.aliases.items() if v not in rule.values}
                assert not stray, f"{model.table}.{column}: {stray}"
