"""Demo warehouse build at the default size and at 1 million records: time, memory, size.

Run: ``python -m benchmarks.demo_build [--records 20000 1000000]``.
"""

from __future__ import annotations

import argparse
import tempfile

from benchmarks.harness import measure, write_section

CODE = """
import json, pathlib, sys, time
from typer.testing import CliRunner
from pipelines.cli import app
path = pathlib.Path({warehouse!r})
started = time.perf_counter()
result = CliRunner().invoke(app, ["demo", "--records", "{records}", "--warehouse", str(path)])
assert result.exit_code == 0, result.output
import duckdb
con = duckdb.connect(str(path), read_only=True)
rows = con.execute("select count(*) from mobilities").fetchone()[0]
build = con.execute("select seconds from builds order by built_at desc limit 1").fetchone()[0]
print(json.dumps({{"mobilities": f"{{rows:,}}", "build (s)": round(build, 1),
                  "warehouse (MB)": round(path.stat().st_size / 1e6, 1)}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, nargs="+", default=[20_000, 1_000_000])
    args = parser.parse_args()
    rows = []
    for records in args.records:
        with tempfile.TemporaryDirectory() as folder:
            code = CODE.format(warehouse=f"{folder}/demo.duckdb", records=records)
            rows.append(measure(f"`mobility demo --records {records:,}`", code))
            print(rows[-1].row())
    write_section(
        "Demo build",
        "`mobility demo`: generate the files, import each through the normal ingest path "
        "(validation, pseudonymisation, upsert), build all models and checks.",
        rows,
    )


if __name__ == "__main__":
    main()
