"""Roles from the [access] rules of the secrets file: deny by default, highest role wins,
e-mail addresses, *@domain patterns and group claims; rules that cannot be read are refused."""

from __future__ import annotations

import pytest

from pipelines.roles import (
    NEEDS,
    AccessConfigError,
    AccessRules,
    Actor,
    NotAllowed,
    Role,
    command_line_actor,
    require,
)

RULES = AccessRules.from_mapping(
    {
        "admins": ["Alice@Uni.Example"],
        "data_managers": ["*@io.uni.example", "bob@uni.example"],
        "viewers": ["*@uni.example"],
        "groups_claim": "groups",
        "data_manager_groups": ["international-office"],
        "admin_groups": ["mobility-admins"],
        "contact": "the International Office",
    }
)


@pytest.mark.parametrize(
    ("email", "groups", "role"),
    [
        ("alice@uni.example", [], Role.ADMIN),  # exact address, any case
        ("ALICE@uni.example", [], Role.ADMIN),
        ("bob@uni.example", [], Role.DATA_MANAGER),  # exact beats the weaker domain rule
        ("carol@io.uni.example", [], Role.DATA_MANAGER),  # domain pattern
        ("dave@uni.example", [], Role.VIEWER),
        ("dave@uni.example", ["international-office"], Role.DATA_MANAGER),  # group lifts
        ("eve@elsewhere.example", ["mobility-admins"], Role.ADMIN),  # group alone suffices
        ("eve@sub.uni.example", [], None),  # *@uni.example is that domain, not subdomains
        ("eve@uni.example.evil.example", [], None),
        ("uni.example", [], None),
        ("", [], None),
        (None, ["some-other-group"], None),  # deny by default
    ],
)
def test_a_person_gets_the_highest_role_a_rule_gives(email, groups, role):
    assert RULES.role_for(email, groups) == role


def test_no_rules_let_nobody_in():
    assert AccessRules.from_mapping({}).role_for("alice@uni.example", ["staff"]) is None


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"viewer": ["*@uni.example"]}, "unknown key"),
        ({"viewers": ["uni.example"]}, "neither an e-mail address nor"),
        ({"viewers": ["a*b@uni.example"]}, "neither an e-mail address nor"),
        ({"viewers": "*@uni.example*"}, "neither an e-mail address nor"),
        ({"viewers": [1, 2]}, "expected a list of strings"),
        ({"viewer_groups": ["staff"]}, "need groups_claim"),
    ],
)
def test_rules_that_cannot_be_read_are_refused_with_the_key(section, message):
    with pytest.raises(AccessConfigError, match=message):
        AccessRules.from_mapping(section)


def test_each_write_needs_its_role():
    viewer = Actor("v@uni.example", Role.VIEWER)
    manager = Actor("m@uni.example", Role.DATA_MANAGER)
    admin = Actor("a@uni.example", Role.ADMIN)
    for action, needed in NEEDS.items():
        with pytest.raises(NotAllowed, match=action):
            require(viewer, action)
        require(admin, action)
        if needed == Role.DATA_MANAGER:
            require(manager, action)
        else:
            with pytest.raises(NotAllowed, match="admin role"):
                require(manager, action)


def test_the_command_line_is_an_admin_named_by_its_user():
    actor = command_line_actor()
    assert actor.role == Role.ADMIN
    assert actor.who.endswith(" (command line)")
