"""Partner matching in bulk: suggestions from known partners and the EC list, scored 0-100,
and accepting every suggestion at or above a threshold, against a real built warehouse."""

from __future__ import annotations

import math
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipelines import manage
from pipelines.partners import matching as partner_matching
from pipelines.partners.mapping import MappingRefused, PartnerMapping
from pipelines.partners.matching import normalise_name, suggest
from pipelines.warehouse import connect, set_setting
from tests import partner_scenario
from tests.conftest import MANAGER
from tests.partner_scenario import KONSTANZ, LEIPZIG, SCORES, STRASBOURG, UNKNOWN, add_partners


def read(warehouse: Path, sql: str, *params: object) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def suggestions(warehouse: Path) -> pd.DataFrame:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return partner_matching.suggest_for_warehouse(con).set_index("partner_key")


def whole(score: float) -> int:
    return math.floor(score + 0.5)


@pytest.fixture
def warehouse(writable_warehouse: Path, tmp_path: Path) -> Path:
    add_partners(writable_warehouse, tmp_path / "files")
    return writable_warehouse


def test_names_are_compared_without_case_accents_and_punctuation():
    assert normalise_name("Universität  Konstanz") == "universitat konstanz"
    assert normalise_name("UNIVERSITÉ DE STRASBOURG") == "universite de strasbourg"
    assert normalise_name("Uniwersytet Łódzki") == "uniwersytet lodzki"
    assert normalise_name("Univ. Paris-Cité (UPC)") == "univ paris cite upc"
    assert normalise_name(None) == ""


def test_each_unknown_partner_gets_the_partner_of_its_own_country_whose_name_is_most_alike(
    warehouse,
):
    found = suggestions(warehouse)
    assert set(UNKNOWN) <= set(found.index)
    for key, (target, score) in SCORES.items():
        row = found.loc[key]
        assert (row["suggested_partner_key"], row["suggestion_source"], row["matched_on"]) == (
            target,
            "agreement",
            "name",
        ), key
        assert row["score"] == whole(score), key
    assert found.loc["name:universitaet konstanz|DE", "suggested_partner_name"] == (
        "Universität Konstanz"
    )
    assert whole(SCORES["name:universitaet konstanz|DE"][1]) == 98
    assert whole(SCORES["name:university of strasbourg|FR"][1]) == 88
    # Konstanz given as a French partner: never the German Konstanz
    assert found.loc["name:universitaet konstanz|FR", "suggested_partner_key"] != KONSTANZ
    assert pd.isna(found.loc["name:universitaet konstanz|FR", "suggested_partner_key"])
    # nothing alike among the German partners
    assert pd.isna(found.loc["name:hochschule fur gestaltung nirgendwo|DE", "score"])


def test_a_partner_with_no_country_is_compared_with_every_country():
    known = pd.DataFrame(
        {
            "partner_key": [KONSTANZ, STRASBOURG],
            "partner_name": ["Universität Konstanz", "Université de Strasbourg"],
            "partner_country": ["DE", "FR"],
            "known_from": ["agreement", "confirmed"],
        }
    )
    unknown = pd.DataFrame(
        {
            "partner_key": ["name:strasbourg university|", "name:x|"],
            "partner_name": ["Strasbourg, Université de", "Completely Else"],
            "partner_country": [None, None],
        }
    )
    found = suggest(unknown, known).set_index("partner_key")
    assert found.loc["name:strasbourg university|", "suggested_partner_key"] == STRASBOURG
    assert found.loc["name:strasbourg university|", "suggestion_source"] == "confirmed partner"
    assert found.loc["name:strasbourg university|", "score"] == 100  # same words, other order
    assert pd.isna(found.loc["name:x|", "suggested_partner_key"])


def test_the_same_code_wins_with_100_over_a_name_alike():
    known = pd.DataFrame(
        {
            "partner_key": [KONSTANZ, "schac:konstanz-twin.de"],
            "partner_name": ["Universität Konstanz", "Universitaet Konstanz Zwei"],
            "partner_country": ["DE", "DE"],
            "partner_erasmus_code": ["D  KONSTAN01", None],
            "partner_schac_code": ["uni-konstanz.de", "konstanz-twin.de"],
            "known_from": ["agreement", "agreement"],
        }
    )
    unknown = pd.DataFrame(
        {
            "partner_key": ["schac:uni-konstanz.de"],
            "partner_name": ["Universitaet Konstanz Zwei"],  # the other one's name exactly
            "partner_country": ["DE"],
            "partner_schac_code": [" Uni-Konstanz.DE"],
        }
    )
    (row,) = suggest(unknown, known).to_dict("records")
    assert (row["suggested_partner_key"], row["matched_on"], row["score"]) == (
        KONSTANZ,
        "code",
        100,
    )


@pytest.mark.parametrize("at_least", [90, 88, 85])
def test_accept_all_stores_exactly_the_suggestions_at_or_above_the_threshold(warehouse, at_least):
    expected = {key: target for key, (target, score) in SCORES.items() if whole(score) >= at_least}
    fixture_unknown = partner_scenario.fixture_unknown_keys()
    found = suggestions(warehouse)
    # the fixture's own unknown partners (Siemens AG, UCL) have nothing alike
    assert found.loc[sorted(fixture_unknown), "score"].isna().all()

    mappings = partner_matching.accepted(found.reset_index(), at_least)
    manage.map_partners(warehouse, mappings, actor=MANAGER)

    assert dict(read(warehouse, "select source_key, partner_key from partner_mappings")) == (
        expected
    )
    for key, (ids, _, _) in UNKNOWN.items():
        keys = read(
            warehouse,
            "select distinct partner_key from mobilities where list_contains(?, mobility_id)",
            ids,
        )
        assert keys == [(expected.get(key, key),)], key
    still_unknown = {
        k for (k,) in read(warehouse, "select partner_key from data_quality_unknown_partners")
    }
    assert still_unknown == (set(UNKNOWN) | fixture_unknown) - set(expected)


def test_a_partner_can_be_mapped_to_an_institution_of_the_ec_list(writable_warehouse, tmp_path):
    leipzig = {"name:universität leipzig|DE": (["L1", "L2"], "Universität Leipzig", "DE")}
    add_partners(writable_warehouse, tmp_path / "files", extra=leipzig, ec_list=True)
    found = suggestions(writable_warehouse)
    row = found.loc["name:universität leipzig|DE"]
    # 'leipzig universitat' vs the list's 'UNIVERSITAET LEIPZIG'
    score = partner_scenario.indel_similarity("leipzig universitat", "leipzig universitaet")
    assert (row["suggested_partner_key"], row["suggestion_source"], row["score"]) == (
        LEIPZIG,
        "EC institution list",
        whole(score),
    )
    # Konstanz is on the list too, but the partner with the agreement is the suggestion
    assert found.loc["name:universitaet konstanz|DE", "suggestion_source"] == "agreement"

    mapping = PartnerMapping("name:universität leipzig|DE", LEIPZIG)
    manage.map_partners(writable_warehouse, [mapping], actor=MANAGER)

    assert read(
        writable_warehouse,
        "select distinct partner_key from mobilities where mobility_id in ('L1', 'L2')",
    ) == [(LEIPZIG,)]
    # named and placed as the EC list has it (UNIVERSITAET LEIPZIG, DE, Leipzig)
    assert read(
        writable_warehouse,
        "select partner_name, partner_country, partner_erasmus_code, partner_city, known_from "
        "from known_partners where partner_key = ?",
        LEIPZIG,
    ) == [("UNIVERSITAET LEIPZIG", "DE", "D  LEIPZIG01", "Leipzig", "confirmed")]
    assert read(
        writable_warehouse,
        "select distinct partner_name, partner_country from partners where partner_key = ?",
        LEIPZIG,
    ) == [("UNIVERSITAET LEIPZIG", "DE")]
    assert read(
        writable_warehouse,
        "select count(*) from data_quality_unknown_partners where partner_key like '%leipzig%'",
    ) == [(0,)]
    # the institution is a confirmed partner now, not an unknown one
    assert LEIPZIG not in set(suggestions(writable_warehouse).index)


def test_mapping_to_an_ec_institution_keeps_the_no_chain_rules(writable_warehouse, tmp_path):
    add_partners(writable_warehouse, tmp_path / "files", ec_list=True)
    with pytest.raises(MappingRefused, match="itself mapped to another partner"):
        manage.map_partners(
            writable_warehouse,
            [
                PartnerMapping("name:universitaet konstanz|DE", LEIPZIG),
                PartnerMapping(LEIPZIG, KONSTANZ),
            ],
            actor=MANAGER,
        )
    with pytest.raises(MappingRefused, match="not a known partner"):
        manage.map_partners(
            writable_warehouse,
            [PartnerMapping("name:universitaet konstanz|DE", "erasmus:XX99")],
            actor=MANAGER,
        )
    assert read(writable_warehouse, "select count(*) from partner_mappings") == [(0,)]


def test_a_partner_confirmed_as_new_can_be_mapped_to(warehouse):
    new = "name:hochschule fur gestaltung nirgendwo|DE"
    manage.map_partners(warehouse, [PartnerMapping(new, new)], actor=MANAGER)
    manage.map_partners(
        warehouse, [PartnerMapping("name:universitaet konstanz|FR", new)], actor=MANAGER
    )
    assert read(warehouse, "select partner_key from mobilities where mobility_id = 'S4'") == [
        (new,)
    ]


def test_the_own_institution_is_never_suggested(writable_warehouse, tmp_path):
    leipzig = {"name:universität leipzig|DE": (["L1"], "Universität Leipzig", "DE")}
    con = connect(writable_warehouse)
    set_setting(con, "own_erasmus_code", "D  LEIPZIG01")
    con.close()
    add_partners(writable_warehouse, tmp_path / "files", extra=leipzig, ec_list=True)
    assert pd.isna(suggestions(writable_warehouse).loc["name:universität leipzig|DE", "score"])
