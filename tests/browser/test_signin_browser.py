"""Sign-in, roles and the audit trail in a real browser (issue 11, item 7), against a real
OpenID Connect provider: oidc-provider-mock in a thread, with one predefined user per case.

One provider and one `streamlit run` with its own secrets file ([auth] pointing at the
provider, [access] rules as docs describe them) serve the whole module, on a private copy of
the fixture warehouse (the data manager imports into it); every test has its own browser
context, so its own cookies: nobody is signed in at a test's start.

The provider's sign-in form lists the predefined users as buttons named by their ``sub``;
one click signs that user in and sends the browser back to the app's /oauth2callback. Its
identity token carries every claim given here (``email`` and ``groups`` alike), which
Streamlit puts into ``st.user``. Sign-out goes through the provider's end-session page (one
"End session" click), which sends the browser back to the app.

Host name ``localhost`` everywhere (provider, redirect URI, browser), so cookies and
redirects match; both servers listen on the loopback interface only.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from oidc_provider_mock import User, run_server_in_thread
from playwright.sync_api import expect

from pipelines import access
from tests.browser.conftest import (
    ARTIFACTS,
    StreamlitServer,
    axe_failures,
    open_import_page,
    screenshot,
    wait_for_app,
)
from tests.conftest import KEY
from tests.data_management import csv_bytes, mobility

CONTACT = "the International Office (io-dashboard@uni.example)"
ACCESS = f"""
[access]
admins = ["alice@uni.example"]
data_managers = ["bob@uni.example"]
viewers = ["*@uni.example"]
groups_claim = "groups"
admin_groups = ["mobility-admins"]
data_manager_groups = ["international-office"]
viewer_groups = ["all-staff"]
contact = "{CONTACT}"
"""
# sub -> claims. Each case names the one rule that lets it in (or none).
VIEWER = "vera"  # viewers "*@uni.example" (in another case: matching ignores case)
DATA_MANAGER = "dana"  # only by her group: her address matches no e-mail rule
ADMIN = "alice"  # admins
STRANGER = "eve"  # a subdomain is not the domain, and no group of hers is named
USERS = {
    VIEWER: {"email": "Vera.Viewer@Uni.Example", "groups": ["library"]},
    DATA_MANAGER: {"email": "dana@partner-office.example", "groups": ["international-office"]},
    ADMIN: {"email": "alice@uni.example", "groups": []},
    STRANGER: {"email": "eve@students.uni.example", "groups": ["students"]},
}
ROLE_LABEL = {VIEWER: "Viewer", DATA_MANAGER: "Data manager", ADMIN: "Admin"}

MOBILITY_PAGES = {
    "Overview",
    "Flows and countries",
    "Partners and agreements",
    "Outcomes",
    "Inclusion",
    "Staff and research",
    "Programmes",
    "Country explorer",
}
VIEWER_PAGES = MOBILITY_PAGES | {"Erasmus benchmark", "Reports", "Data contract"}
DATA_MANAGER_PAGES = VIEWER_PAGES | {"Import data", "Data quality", "Targets"}
ADMIN_PAGES = DATA_MANAGER_PAGES | {"Settings"}
# url path of each page a role may lack
URLS = {
    "Import data": "import_data",
    "Data quality": "data_quality",
    "Targets": "targets",
    "Settings": "settings",
}
NEW = 3  # rows the data manager imports


@pytest.fixture(scope="module")
def provider() -> Iterator[int]:
    """The OpenID provider's port."""
    users = [User(sub=sub, claims=claims) for sub, claims in USERS.items()]
    with run_server_in_thread(port=0, user_claims=users) as server:
        yield server.server_port


@pytest.fixture(scope="module")
def app(provider: int, fixture_warehouse: Path, tmp_path_factory) -> Iterator[StreamlitServer]:
    """The app in sign-in mode on a private copy of the fixture warehouse."""
    folder = tmp_path_factory.mktemp("browser-signin")
    warehouse = folder / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, warehouse)
    warehouse.with_suffix(".key").write_text(KEY.hex() + "\n")
    secrets = folder / "secrets.toml"
    # {port}: Streamlit fills in its own port (auth_util.get_redirect_uri)
    secrets.write_text(
        f"""[auth]
redirect_uri = "http://localhost:{{port}}/oauth2callback"
cookie_secret = "browser-test-cookie-secret-{os.urandom(16).hex()}"
client_id = "mobility-atlas"
client_secret = "browser-test-client-secret"
server_metadata_url = "http://localhost:{provider}/.well-known/openid-configuration"
{ACCESS}"""
    )
    ARTIFACTS.mkdir(exist_ok=True)
    server = StreamlitServer(
        warehouse,
        ARTIFACTS / f"streamlit-signin-{os.getpid()}.log",
        secrets=secrets,
        host="localhost",
    )
    server.warehouse = warehouse
    server.provider = f"http://localhost:{provider}"
    yield server
    server.stop()


@pytest.fixture
def tab(page):
    """A fresh browser context's tab; the provider's pages' stylesheet (a CDN) is not fetched."""
    page.context.route("https://cdn.jsdelivr.net/**", lambda route: route.abort())
    return page


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def sidebar_text(page) -> str:
    sidebar = page.locator('[data-testid="stSidebar"]')
    return sidebar.inner_text() if sidebar.count() else ""


def nav_pages(page) -> set[str]:
    """The page titles in the sidebar navigation (each link's text ends with its title)."""
    links = page.locator('[data-testid="stSidebarNav"] [data-testid="stSidebarNavLink"]')
    return {text.strip().split("\n")[-1].strip() for text in links.all_inner_texts()}


def heading(page) -> str:
    return page.locator('[data-testid="stMain"] h1').first.inner_text().strip()


def assert_sign_in_page(page) -> None:
    assert heading(page) == "Mobility Atlas"
    # the button is drawn after the heading: wait for it (a loaded machine is slow to draw)
    expect(page.get_by_role("button", name="Sign in", exact=True)).to_have_count(1)
    assert nav_pages(page) == set()
    assert page.locator('[data-testid="stMetric"]').count() == 0  # no mobility numbers
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 0
    assert page.locator('[data-testid="stFileUploaderDropzoneInput"]').count() == 0
    assert page.locator('[data-testid="stException"]').count() == 0


def sign_in(page, app: StreamlitServer, sub: str) -> None:
    """Open the app, press "Sign in", choose ``sub`` on the provider's form, come back."""
    page.goto(app.url)
    wait_for_app(page)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(f"{app.provider}/oauth2/authorize?**")
    page.get_by_role("button", name=sub, exact=True).click()  # a predefined user
    page.wait_for_url(f"{app.url}/**")
    wait_for_app(page, timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0, main_text(page)


def assert_signed_in_as(page, sub: str) -> None:
    # the sidebar may still be drawing when the main area has settled: give it a moment
    expect(page.get_by_role("button", name="Sign out")).to_have_count(1, timeout=15_000)
    text = sidebar_text(page)
    assert f"Signed in as {USERS[sub]['email']}".lower() in text.lower(), text
    assert ROLE_LABEL[sub] in text, text


def assert_typed_url_shows_overview(page, app: StreamlitServer, title: str) -> None:
    """A page the role may not use is not registered: its URL shows the default page."""
    page.goto(f"{app.url}/{URLS[title]}")
    wait_for_app(page)
    assert heading(page) == "Overview", f"/{URLS[title]} showed {heading(page)!r}"
    assert title not in {h.strip() for h in page.locator("h1").all_inner_texts()}
    assert page.locator('[data-testid="stFileUploaderDropzoneInput"]').count() == 0


def imports_and_audit(warehouse: Path, who: str) -> tuple[set[int], list[tuple]]:
    """The import ids, and the audit rows (action, role, import_id) of ``who``."""
    with access.reading(warehouse) as con:
        ids = {row[0] for row in con.execute("select import_id from imports").fetchall()}
        rows = con.execute(
            "select action, role, import_id from audit_log where who = ? order by rowid",
            [who],
        ).fetchall()
    return ids, rows


def test_not_signed_in_only_the_sign_in_page(app, tab):
    tab.goto(app.url)
    wait_for_app(tab)
    assert_sign_in_page(tab)
    screenshot(tab, "signin-page")
    assert axe_failures(tab)[0] == []  # the first page everyone sees (WCAG 2.1 AA)
    for path in ("import_data", "flows", "settings"):  # a typed URL shows no page either
        tab.goto(f"{app.url}/{path}")
        wait_for_app(tab)
        assert_sign_in_page(tab)


def test_a_viewer_sees_the_mobility_pages_only(app, tab):
    sign_in(tab, app, VIEWER)
    assert_signed_in_as(tab, VIEWER)
    assert heading(tab) == "Overview"
    assert nav_pages(tab) == VIEWER_PAGES
    screenshot(tab, "signin-viewer")
    for title in ("Import data", "Data quality", "Targets", "Settings"):
        assert_typed_url_shows_overview(tab, app, title)


def test_a_data_manager_by_group_imports_and_is_named_in_the_audit_trail(app, tab, tmp_path):
    who = USERS[DATA_MANAGER]["email"]
    ids_before, audit_before = imports_and_audit(app.warehouse, who)
    assert audit_before == []
    sign_in(tab, app, DATA_MANAGER)
    assert_signed_in_as(tab, DATA_MANAGER)
    assert nav_pages(tab) == DATA_MANAGER_PAGES
    assert_typed_url_shows_overview(tab, app, "Settings")

    export = tmp_path / "signin-2024.csv"
    export.write_bytes(csv_bytes([mobility(f"SIGNIN{i}") for i in range(NEW)]))
    open_import_page(tab, app.url)
    tab.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(export))
    tab.get_by_text("signin-2024.csv → table mobilities").wait_for()
    wait_for_app(tab)
    button = tab.get_by_role("button", name=f"Import {NEW} valid row(s) into mobilities")
    button.click()
    tab.get_by_text("Imported signin-2024.csv as import #").wait_for(timeout=60_000)
    button.wait_for(state="detached")
    wait_for_app(tab)
    assert tab.locator('[data-testid="stException"]').count() == 0
    screenshot(tab, "signin-data-manager-import")

    # the published copy readers open may follow the write by a moment
    deadline = time.monotonic() + 20
    while True:
        ids, audit = imports_and_audit(app.warehouse, who)
        if len(ids) > len(ids_before) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert len(ids) == len(ids_before) + 1
    (new_id,) = ids - ids_before
    assert audit == [("import", "Data manager", new_id)]
    with access.reading(app.warehouse) as con:
        loaded = con.execute(
            "select rows_loaded, file_name from imports where import_id = ?", [new_id]
        ).fetchone()
    assert loaded == (NEW, "signin-2024.csv")


def test_an_admin_sees_settings(app, tab):
    sign_in(tab, app, ADMIN)
    assert_signed_in_as(tab, ADMIN)
    assert nav_pages(tab) == ADMIN_PAGES
    tab.goto(f"{app.url}/settings")
    wait_for_app(tab)
    assert "Settings" in heading(tab)
    assert tab.locator('[data-testid="stException"]').count() == 0
    screenshot(tab, "signin-admin-settings")


def test_an_unknown_person_gets_no_access(app, tab):
    sign_in(tab, app, STRANGER)
    text = main_text(tab)
    assert "No access" in text
    assert USERS[STRANGER]["email"] in text  # the account
    assert CONTACT in text
    assert tab.get_by_role("button", name="Sign out").count() == 1
    assert nav_pages(tab) & (MOBILITY_PAGES | ADMIN_PAGES) == set()
    assert tab.locator('[data-testid="stMetric"]').count() == 0
    assert tab.locator('[data-testid="stPlotlyChart"]').count() == 0
    screenshot(tab, "signin-no-access")
    assert axe_failures(tab)[0] == []
    tab.goto(f"{app.url}/flows")
    wait_for_app(tab)
    assert "No access" in main_text(tab)
    assert tab.locator('[data-testid="stMetric"]').count() == 0


def test_sign_out_shows_the_sign_in_page_again(app, tab):
    sign_in(tab, app, VIEWER)
    assert_signed_in_as(tab, VIEWER)
    tab.get_by_role("button", name="Sign out").click()
    # Streamlit ends the session at the provider too (its end_session_endpoint), which asks
    # for one click and sends the browser back to the app
    tab.wait_for_url(f"{app.provider}/oauth2/end_session?**")
    tab.get_by_role("button", name="End session").click()
    tab.wait_for_url(f"{app.url}/**")
    wait_for_app(tab)
    assert_sign_in_page(tab)
    assert not [c for c in tab.context.cookies() if c["name"].startswith("_streamlit_user")]
    tab.reload()
    wait_for_app(tab)
    assert_sign_in_page(tab)
