"""Report generation time per format on the demo warehouse, and the docs' sample PDF page.

Run: ``python -m benchmarks.report`` (builds a demo warehouse in a temporary folder). Writes the
"Report pack" section of docs/performance.md and docs/report-page.png (page 3 of the PDF,
rendered with pypdfium2).
"""

from __future__ import annotations

import tempfile

from benchmarks.harness import REPO, measure, write_section

BUILD = """
from typer.testing import CliRunner
from pipelines.cli import app
result = CliRunner().invoke(app, ["demo", "--warehouse", {warehouse!r}])
assert result.exit_code == 0, result.output
"""

CODE = """
import json, time
from pipelines.report import build_report, render
started = time.perf_counter()
report = build_report({warehouse!r}, "2024/25")
tables = time.perf_counter() - started
data = render(report, {fmt!r})
print(json.dumps({{"tables (s)": round(tables, 2),
                  "render (s)": round(time.perf_counter() - started - tables, 2),
                  "size (KB)": round(len(data) / 1024)}}))
"""

PAGE = """
import pypdfium2
from pipelines.report import build_report, render
data = render(build_report({warehouse!r}, "2024/25"), "pdf")
pypdfium2.PdfDocument(data)[2].render(scale=1.6).to_pil().save({target!r})
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        warehouse = f"{folder}/demo.duckdb"
        measure("build the demo warehouse", BUILD.format(warehouse=warehouse))
        rows = []
        for fmt in ("xlsx", "pdf", "html"):
            rows.append(
                measure(
                    f"report 2024/25, whole university, {fmt}",
                    CODE.format(warehouse=warehouse, fmt=fmt),
                )
            )
            print(rows[-1].row())
        measure(
            "docs page image",
            PAGE.format(warehouse=warehouse, target=str(REPO / "docs" / "report-page.png")),
        )
    write_section(
        "Report pack",
        "`mobility report --year 2024/25 --format F` on the default demo warehouse (20,000 "
        "mobility records): query the marts and build all 18 suppressed tables, then render "
        "one format. Seconds include starting Python and importing the libraries.",
        rows,
    )


if __name__ == "__main__":
    main()
