"""Sign-in mode with AppTest: which pages each role gets, what a person without a role or
without sign-in sees, and local mode. The identity is given as AppTest's ``user`` (what
st.login leaves in st.user); the real sign-in with an OIDC provider is in
tests/browser/test_signin_browser.py."""

from __future__ import annotations

import getpass

import pytest

from tests.dashboard.helpers import VIEWER, new_app, signed_in

DATA_MANAGEMENT = ("import_data", "data_quality", "targets")


@pytest.fixture
def signin(fixture_warehouse, monkeypatch):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(fixture_warehouse))
    return signed_in


def shown(app, page: str) -> str:
    """The title of the page shown when ``page`` is opened from the navigation."""
    app.run()
    app.switch_page(f"views/{page}.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app.title[0].value


def not_registered(app, page: str) -> bool:
    """True when the router did not register ``page`` for this person (its URL then leads
    to the default page: tests/browser/test_signin_browser.py types them)."""
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page(f"views/{page}.py")
    return True


def title(app) -> str:
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app.title[0].value


def test_without_sign_in_only_the_sign_in_page_is_shown(signin):
    app = signin(None)
    assert title(app) == "Mobility Atlas"
    assert [b.label for b in app.button] == ["Sign in"]
    assert not app.metric  # no numbers before sign-in
    for page in ("overview", "import_data", "settings"):
        assert not_registered(app, page)


def test_a_viewer_gets_the_mobility_pages_but_not_data_management(signin):
    app = signin({"email": "carol@uni.example"})
    assert shown(app, "flows") == "Flows and countries"
    assert shown(app, "reports") == "Reports"
    for page in (*DATA_MANAGEMENT, "settings"):
        assert not_registered(app, page)
    assert "Signed in as **carol@uni.example** · Viewer" in [c.value for c in app.sidebar.caption]


def test_a_viewer_cannot_turn_off_small_cell_suppression(signin):
    app = signin({"email": "carol@uni.example"})
    shown(app, "reports")
    toggle = app.toggle[0]
    assert toggle.label == "Small-cell suppression"
    assert toggle.value is True
    assert toggle.proto.disabled


def test_a_group_makes_a_data_manager_who_gets_data_management_but_not_settings(signin):
    app = signin({"email": "dave@elsewhere.example", "groups": ["international-office"]})
    assert shown(app, "import_data") == "Import data"
    assert shown(app, "targets") == "Targets"
    assert not_registered(app, "settings")
    # the university's own settings are shown, but only an admin may change them
    shown(app, "import_data")
    assert not [b for b in app.button if b.label == "Save"]


def test_an_admin_gets_settings(signin):
    app = signin({"email": "Alice@uni.example"})
    assert shown(app, "settings") == "Settings"
    labels = [t.label for t in app.text_input]
    assert "Country" in labels and "Smallest count shown in exports" in labels


def test_a_person_without_a_role_is_told_whom_to_ask(signin):
    app = signin({"email": "mallory@elsewhere.example", "groups": ["students"]})
    assert title(app) == "No access"
    for page in ("overview", "import_data"):
        assert not_registered(app, page)
    warning = app.warning[0].value
    assert "mallory@elsewhere.example" in warning
    assert "the International Office (io@uni.example)" in warning
    assert [b.label for b in app.button] == ["Sign out"]


def test_an_address_the_provider_marks_unverified_matches_no_e_mail_rule(signin):
    app = signin({"email": "alice@uni.example", "email_verified": False})
    assert title(app) == "No access"
    # a group still counts: it does not rest on the address
    app = signin(
        {"email": "alice@uni.example", "email_verified": False, "groups": ["international-office"]}
    )
    assert shown(app, "import_data") == "Import data"


def test_access_rules_that_cannot_be_read_let_nobody_in(signin):
    app = signin({"email": "alice@uni.example"}, access={"admin": ["alice@uni.example"]})
    assert title(app) == "Mobility Atlas"
    assert not_registered(app, "overview")
    assert "unknown key(s) admin" in app.error[0].value


def test_local_mode_says_so_and_allows_everything(fixture_warehouse, monkeypatch):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(fixture_warehouse))
    app = new_app()
    assert shown(app, "settings") == "Settings"
    captions = " ".join(c.value for c in app.sidebar.caption)
    assert "Local mode: no sign-in" in captions
    assert getpass.getuser()  # the local actor is named by the operating-system user


def test_a_viewer_of_an_empty_warehouse_is_told_whom_to_ask(tmp_path, monkeypatch):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(tmp_path / "empty.duckdb"))
    app = signed_in(VIEWER)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    text = " ".join(i.value for i in app.info)
    assert "ask the International Office (io@uni.example) to import it" in text
