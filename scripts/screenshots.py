"""Screenshots of every page on the demo warehouse for the README (``make screenshots``).

Builds a fresh demo warehouse (or takes ``--warehouse``), serves the dashboard with
`streamlit run` on a free port, opens each page in headless Chromium, waits until its charts
are drawn and writes ``docs/screenshots/<page>.png``. Uses the browser-test helpers, so the
pictures show exactly what the browser tests check.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
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
from tests.conftest import REAL_DATA

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
    "benchmark": "benchmark",
    "import_data": "import_data",
    "data_quality": "data_quality",
    "targets": "targets",
    "settings": "settings",
    "reports": "reports",
    "data_contract": "data_contract",
}
# The Benchmark page needs the EC's Erasmus files; the demo has none. When the workplace's
# copy of the real files is at hand they are imported (a dev convenience: product code never
# reads that folder) and a Polish university, like the demo's, is the home institution.
EC_FILES = "erasmus_student_mobility_2008_2012/part_*.csv"
EC_EXTRA = (
    "erasmus_euc_institutions/EUC.json",
    "erasmus_plus_country_flows_ec/Learning-mobility-flows-since-2014.csv",
)
HOME_INSTITUTION = "PL KRAKOW01"


def add_benchmark_data(warehouse: Path, real_data: Path) -> None:
    files = sorted(real_data.glob(EC_FILES)) + [real_data / f for f in EC_EXTRA]
    files = [f for f in files if f.exists()]
    if not files:
        print(f"no EC files under {real_data}: the Benchmark page shows its empty state")
        return
    env = {**os.environ, "MOBILITY_WAREHOUSE": str(warehouse)}
    mobility = [sys.executable, "-m", "pipelines.cli"]
    subprocess.run(
        [*mobility, "settings", "own_erasmus_code", HOME_INSTITUTION], env=env, check=True
    )
    subprocess.run(
        [*mobility, "ingest", "--source", "erasmus-ec", *map(str, files)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--warehouse", type=Path, help="default: build a demo warehouse")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--real-data",
        type=Path,
        default=REAL_DATA,
        help="folder of the real public data sets (for the Benchmark page)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        warehouse = args.warehouse or demo_warehouse(folder)
        if not args.warehouse:
            add_benchmark_data(warehouse, args.real_data)
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
