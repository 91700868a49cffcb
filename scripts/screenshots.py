"""Screenshots of every page on the demo warehouse for the README (``make screenshots``).

Builds a fresh demo warehouse (or takes ``--warehouse``), serves the dashboard with
`streamlit run` on a free port, opens each page in headless Chromium, waits until its charts
are drawn and writes ``docs/screenshots/<page>.png``. Uses the browser-test helpers, so the
pictures show exactly what the browser tests check.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.page_render import demo_warehouse
from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    StreamlitServer,
    screenshot,
    wait_for_charts,
)

OUT = REPO / "docs" / "screenshots"
# page url -> file name; the Overview is the start page
PAGES = {
    "": "overview",
    "flows": "flows",
    "partners": "partners",
    "outcomes": "outcomes",
    "inclusion": "inclusion",
    "staff": "staff",
    "programmes": "programmes",
    "country?country=DE": "country",
    "data_contract": "data_contract",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--warehouse", type=Path, help="default: build a demo warehouse")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        warehouse = args.warehouse or demo_warehouse(folder)
        server = StreamlitServer(warehouse, Path(folder) / "streamlit.log")
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                for url, name in PAGES.items():
                    page.goto(f"{server.url}/{url}")
                    wait_for_charts(page)
                    # the contract is a long text: its first screens are enough for the README
                    tall = 1400 if name == "data_contract" else 6000
                    print(screenshot(page, name, args.out, max_height=tall))
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
