"""Import of all real EC Erasmus files: time and peak memory, then the build.

Reads ``../shared/data/real`` (the 21 record parts, the EUC institution list, the country
flow table) into a fresh warehouse with ``mobility ingest --source erasmus-ec``, as a user
would, and measures each step in its own process. Run: ``python -m benchmarks.erasmus_ec_import``.
"""

from __future__ import annotations

import tempfile

from benchmarks.harness import REPO, measure, write_section

REAL = REPO.parent / "shared" / "data" / "real"
PARTS = sorted((REAL / "erasmus_student_mobility_2008_2012").glob("part_*.csv"))
OTHERS = [
    REAL / "erasmus_euc_institutions" / "EUC.json",
    REAL / "erasmus_plus_country_flows_ec" / "Learning-mobility-flows-since-2014.csv",
]

INGEST = """
import json, os, pathlib
import duckdb
from typer.testing import CliRunner
from pipelines.cli import app
files = {files!r}
LOADED = "select coalesce(sum(rows_loaded), 0) from imports"
before = 0
if pathlib.Path({warehouse!r}).exists():
    with duckdb.connect({warehouse!r}, read_only=True) as con:
        before = con.execute(LOADED).fetchone()[0]
result = CliRunner().invoke(
    app, ["ingest", "--source", "erasmus-ec", "--no-build", "--warehouse", {warehouse!r}, *files]
)
assert result.exit_code == 0, result.output
con = duckdb.connect({warehouse!r}, read_only=True)
rows = con.execute(LOADED).fetchone()[0] - before
rejected = con.execute("select count(*) from rejected_rows").fetchone()[0]
import resource
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({{"rows loaded": f"{{rows:,}}", "rejected": rejected, "files": len(files),
                  "CPU (s)": round(cpu, 1), "rows per CPU second": f"{{rows / cpu:,.0f}}",
                  "load": round(os.getloadavg()[0], 1)}}))
"""

BUILD = """
import json, os, pathlib
from typer.testing import CliRunner
from pipelines.cli import app
result = CliRunner().invoke(app, ["build", "--warehouse", {warehouse!r}])
assert result.exit_code == 0, result.output
size = pathlib.Path({warehouse!r}).stat().st_size / 1e6
import resource
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"warehouse (MB)": round(size, 1),
                  "CPU (s)": round(usage.ru_utime + usage.ru_stime, 1),
                  "load": round(os.getloadavg()[0], 1)}}))
"""


def main() -> None:
    if len(PARTS) != 21:
        raise SystemExit(f"the real EC files are not in {REAL}; nothing measured")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        warehouse = f"{folder}/ec.duckdb"
        files = [str(p) for p in PARTS]
        rows.append(
            measure(
                "import 21 record files (488,678 rows)",
                INGEST.format(files=files, warehouse=warehouse),
            )
        )
        print(rows[-1].row())
        others = [str(p) for p in OTHERS]
        rows.append(
            measure(
                "import EUC.json and the country flow table",
                INGEST.format(files=others, warehouse=warehouse),
            )
        )
        print(rows[-1].row())
        rows.append(measure("build all models and checks", BUILD.format(warehouse=warehouse)))
        print(rows[-1].row())
    write_section(
        "EC Erasmus files",
        "`mobility ingest --source erasmus-ec` of every real EC file in `../shared/data/real` "
        "into a fresh warehouse (read, detect the variant, validate, pseudonymise, one "
        "transaction per file), then `mobility build` with the benchmark marts. Each step runs "
        "in its own process; peak memory is that process's maximum RSS; CPU is its user + system "
        "time (the first import row includes reading the files and importing 21 of them). `load` "
        "is the 1-minute load average when the step ended: on a shared machine wall time grows "
        "with it, CPU time much less.",
        rows,
    )


if __name__ == "__main__":
    main()
