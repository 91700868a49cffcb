"""Render time of every dashboard page on the demo warehouse (``make bench``).

Each page runs in a fresh Python with Streamlit's AppTest (the same script run a browser
triggers, without the drawing in the browser): first the app's start (imports, Overview),
then the page with an empty cache ("cold": every query runs) and once more ("warm": cached,
what a user sees when switching back or changing a widget elsewhere).

Run: ``python -m benchmarks.page_render [--warehouse PATH]`` (default: a fresh demo warehouse).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.harness import REPO, measure, write_section
from tests.dashboard.helpers import PAGES

# Pages beyond the leadership pages; the Erasmus benchmark is left out because the demo has
# no EC files (it would time its empty state).
MORE_PAGES = {
    "import_data": "Import data",
    "data_quality": "Data quality",
    "targets": "Targets",
    "reports": "Reports",
}

CODE = """
import json, time
from streamlit.testing.v1 import AppTest
app = AppTest.from_file({app!r}, default_timeout=120)
started = time.perf_counter()
app.run()
start = time.perf_counter() - started
# clear what the start cached, so the page's own queries run cold
from streamlit import cache_data
cache_data.clear()
started = time.perf_counter()
app.switch_page("views/{page}.py").run()
cold = time.perf_counter() - started
assert not app.exception, [e.value for e in app.exception]
started = time.perf_counter()
app.run()
warm = time.perf_counter() - started
print(json.dumps({{"cold (s)": round(cold, 2), "warm (s)": round(warm, 2),
                  "app start (s)": round(start, 2)}}))
"""


def demo_warehouse(folder: str) -> Path:
    path = Path(folder) / "demo.duckdb"
    subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "demo", "--warehouse", str(path)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--warehouse", type=Path, help="default: build a demo warehouse")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        warehouse = args.warehouse or demo_warehouse(folder)
        app = str(REPO / "dashboard" / "app.py")
        rows = []
        for page, title in {**PAGES, **MORE_PAGES}.items():
            rows.append(
                measure(
                    title,
                    CODE.format(app=app, page=page),
                    env={"MOBILITY_WAREHOUSE": str(warehouse)},
                )
            )
            print(rows[-1].row())
    write_section(
        "Dashboard pages",
        "Script run time of each page on the demo warehouse (about 20,000 mobilities), with "
        "Streamlit's AppTest in a fresh process: *cold* with an empty query cache, *warm* "
        "when rerun with the cache filled; the browser's drawing comes on top. The "
        "seconds column is the whole process (Python start, imports, app start, both runs). "
        "Target: about 1 s per page. `python -m benchmarks.page_render`. Load average "
        f"when the run started: {load:.1f} (other work on the machine slows every figure).",
        rows,
    )


if __name__ == "__main__":
    main()
