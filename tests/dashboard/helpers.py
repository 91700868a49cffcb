"""Helpers for the AppTest page tests: open a page, read what it shows, and the expected
numbers computed independently with pandas from the fixture's own records."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from tests import fixture_data
from tests.oracle import mobilities

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PAGES = {
    "overview": "Overview",
    "flows": "Flows and countries",
    "partners": "Partners and agreements",
    "outcomes": "Outcomes",
    "inclusion": "Inclusion",
    "staff": "Staff and research",
    "programmes": "Programmes",
    "country": "Country explorer",
    "data_contract": "Data contract",
}
ENGINEERING, ECONOMICS, HUMANITIES = fixture_data.FACULTIES


def new_app(query: dict | None = None) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params.update(query or {})
    return app


def open_page(app: AppTest, page: str) -> AppTest:
    """Run the app, switch to ``page`` and check it ran without an exception."""
    app.run()
    app.switch_page(f"views/{page}.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def metrics_shown(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def figures(app: AppTest) -> dict[str, dict]:
    """Every plotly chart on the page, by its title."""
    found = {}
    for element in app.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        title = spec["layout"].get("title", {}).get("text", "")
        found[title] = spec
    return found


def values(array: object) -> list:
    """A trace's data array as a list; plotly writes numbers as base64 typed arrays."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def trace_points(figure: dict, x: str = "x", y: str = "y") -> dict:
    """{category: value} of the first trace (for horizontal bars: y -> x)."""
    trace = figure["data"][0]
    return dict(zip(values(trace[y]), values(trace[x]), strict=True))


def set_filter(app: AppTest, name: str, value: object) -> AppTest:
    """Change one sidebar filter by its key and rerun."""
    key = f"filter_{name}"
    sidebar = app.sidebar
    widget = {
        "year_from": sidebar.selectbox,
        "year_to": sidebar.selectbox,
        "direction": sidebar.radio,
    }.get(name, sidebar.multiselect)(key=key)
    widget.set_value(value).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def realised(**where: object) -> pd.DataFrame:
    """The fixture's realised mobilities, narrowed by column=value (a list means 'in')."""
    m = mobilities()
    m = m[m["realised"]]
    for column, value in where.items():
        m = m[m[column].isin(value)] if isinstance(value, list | tuple) else m[m[column] == value]
    return m


def pct(numerator: float, denominator: float) -> float:
    return 100.0 * numerator / denominator


# Sign-in mode (tests/dashboard/test_signin_pages.py): the secrets a server would have
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "c" * 64,
    "client_id": "mobility-atlas",
    "client_secret": "secret",
    "server_metadata_url": "http://localhost:9/.well-known/openid-configuration",
}
ACCESS = {
    "admins": ["alice@uni.example"],
    "data_managers": ["bob@uni.example"],
    "viewers": ["*@uni.example"],
    "groups_claim": "groups",
    "data_manager_groups": ["international-office"],
    "contact": "the International Office (io@uni.example)",
}


def signed_in(user: dict | None, access: dict | None = None):
    """The app in sign-in mode with ``user``'s claims (None: not signed in)."""
    app = new_app()
    app.secrets["auth"] = AUTH
    app.secrets["access"] = ACCESS if access is None else access
    if user is not None:
        app.user = {"is_logged_in": True, **user}
    return app


VIEWER = {"email": "carol@uni.example"}
