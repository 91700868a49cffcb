"""Browser tests: a real `streamlit run` on a free port, driven by Playwright in Debian's Chromium.

Playwright cannot download browsers here, so it launches /usr/bin/chromium. Without that
browser the tests skip locally, but fail when MOBILITY_REQUIRE_BROWSER=1 (set by .ci/run):
in CI they must run.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("MOBILITY_CHROMIUM", "/usr/bin/chromium"))
# Flags that keep Chromium quiet on a machine with a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
ARTIFACTS = REPO / ".test-artifacts"


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    if os.environ.get("MOBILITY_REQUIRE_BROWSER") == "1":
        return  # let them fail loudly below
    skip = pytest.mark.skip(reason=f"no browser at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(skip)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def no_secrets() -> Path:
    """An empty secrets file: a server started with it reads no developer's
    .streamlit/secrets.toml (nor ~/.streamlit/secrets.toml), so it runs in local mode."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "no-secrets.toml"
    if not path.exists() or path.stat().st_size:
        path.write_text("")
    return path


class StreamlitServer:
    """`streamlit run dashboard/app.py` against a given warehouse, on a free port.

    ``secrets``: the only secrets file the server reads (``--secrets.files``); by default an
    empty one, so the tests never depend on a developer's own secrets. ``host``: the host name
    of ``url`` (the server listens on 127.0.0.1 either way); sign-in tests use ``localhost``,
    the host of their redirect URI, so that cookies and redirects match.
    """

    def __init__(
        self,
        warehouse: Path,
        log: Path,
        secrets: Path | None = None,
        host: str = "127.0.0.1",
    ) -> None:
        self.port = free_port()
        self.url = f"http://{host}:{self.port}"
        env = {**os.environ, "MOBILITY_WAREHOUSE": str(warehouse)}
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(REPO / "dashboard" / "app.py"),
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                "--secrets.files",
                str(secrets or no_secrets()),
            ],
            cwd=REPO,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.wait_healthy()

    def wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited; see {self.log.name}")
            try:
                health = f"http://127.0.0.1:{self.port}/_stcore/health"
                with urllib.request.urlopen(health, timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"streamlit did not start in {timeout} s; see {self.log.name}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture(scope="module")
def server(fixture_warehouse: Path) -> Iterator[StreamlitServer]:
    ARTIFACTS.mkdir(exist_ok=True)
    srv = StreamlitServer(fixture_warehouse, ARTIFACTS / f"streamlit-{os.getpid()}.log")
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"MOBILITY_REQUIRE_BROWSER=1 but there is no browser at {CHROMIUM}")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="module")
def shared_page(browser):
    """One tab for a whole module: the browser caches Streamlit's scripts after the first page,
    which makes each further page load seconds faster than in a fresh context."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished running the script and rendered the page.

    "Finished" means no running-status widget and a rendered title for two checks in a row,
    half a second apart: a page may rerun itself once (see dashboard/filters.py), and the
    status widget is briefly absent between two runs.
    """
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_selector('[data-testid="stMain"]', timeout=timeout)
    idle = """() => !document.querySelector('[data-testid="stStatusWidget"]')
        && !!document.querySelector('[data-testid="stMain"] h1, [data-testid="stMain"] '
        + '[data-testid="stAlert"]')"""
    settled = 0
    deadline = time.monotonic() + timeout / 1000
    while settled < 2:
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not settle")
        page.wait_for_function(idle, timeout=timeout)
        page.wait_for_timeout(500)
        settled = settled + 1 if page.evaluate(idle) else 0
    dismiss_page_not_found(page)


def dismiss_page_not_found(page) -> None:
    """Close Streamlit's "Page not found" modal that a deep link shows on a fresh server.

    Upstream issue streamlit/streamlit#9992: the first session after the server starts that
    opens a page other than the default one gets the modal *over the right page* (the pages
    are known only once st.navigation has run once). The page underneath is correct, which the
    tests check; the modal would only block clicks. See docs/architecture.md.
    """
    dialog = page.get_by_role("dialog").filter(has_text="Page not found")
    if dialog.count():
        page.keyboard.press("Escape")
        dialog.wait_for(state="hidden")


def open_import_page(page, url: str) -> None:
    """Open the Import data page and wait until it has rendered."""
    page.goto(f"{url}/import_data")
    wait_for_app(page)
    page.get_by_role("heading", name="Import data").wait_for()


def screenshot(page, name: str, folder: Path | None = None, max_height: int = 6000) -> Path:
    """Save a screenshot of the whole page to ``folder`` (default $SCREENSHOT_DIR, else
    .test-artifacts/screenshots).

    Streamlit scrolls inside its main container, not the document, so a "full page" shot would
    show only the first screen: the viewport is made as tall as the content first.
    """
    folder = folder or Path(os.environ.get("SCREENSHOT_DIR", ARTIFACTS / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate(
        '() => Math.max(...[...document.querySelectorAll(\'[data-testid="stMain"], '
        '[data-testid="stMainBlockContainer"]\')].map(e => e.scrollHeight))'
    )
    height = min(max(size["height"], height + 40), max_height)
    page.set_viewport_size({"width": size["width"], "height": height})
    page.wait_for_timeout(500)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


def wait_for_charts(page, minimum: int = 0, timeout: float = 30_000) -> int:
    """Wait until the app has settled, at least ``minimum`` plotly charts are on the page and
    every one has drawn; returns the number of charts."""
    wait_for_app(page, timeout)
    page.wait_for_function(
        """(minimum) => {
            const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
            return charts.length >= minimum
                && charts.every(c => c.querySelector('.main-svg'))
                && !document.querySelector('[data-testid="stSkeleton"]');
        }""",
        arg=minimum,
        timeout=timeout,
    )
    return page.locator('[data-testid="stPlotlyChart"]').count()


# axe-core (issue 15, docs/accessibility.md): Streamlit's sectioned navigation puts <div>s
# straight inside its <ul>; these two rules are excepted inside that navigation only
STREAMLIT_NAVIGATION = {"list", "listitem"}
NAVIGATION = '[data-testid="stSidebarNav"]'


def _failing(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}): {v['nodes'][0]['target']}"
        for v in violations
        if v["impact"] in ("serious", "critical") or v["id"] == "heading-order"
    ]


def axe_failures(page) -> tuple[list[str], set[str]]:
    """axe-core on the page as it is: the serious and critical violations (and any of
    heading order) that come from the app, and the ids of every violation found.

    Two runs, so that nothing is looked up again in a page that may have redrawn meanwhile:
    every rule on the whole page (the navigation's two rules left out), then those two rules
    on everything but the navigation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    violations = axe.run(page).response["violations"]
    failing = _failing([v for v in violations if v["id"] not in STREAMLIT_NAVIGATION])
    outside = axe.run(
        page,
        context={"exclude": [[NAVIGATION]]},
        options={"runOnly": {"type": "rule", "values": sorted(STREAMLIT_NAVIGATION)}},
    ).response["violations"]
    return failing + _failing(outside), {v["id"] for v in violations}
