"""Demo data: the academic mobility of *Mobility Atlas Demo University*, written as import files.

The demo university is a public university in Poland (so Poland is never a partner country)
with about 25,000 students and 2,400 academic staff in six faculties of different sizes:
Engineering, Economics and Business, Humanities, Natural Sciences, Medicine and Health, and
Law and Social Sciences. Its data covers eight academic years, 2018/19 to 2025/26 (a year
starts in September; a mobility belongs to the year in which it starts), as exported at the
end of January 2026.

What the data shows:

* **All six kinds of mobility**, in both directions where that makes sense: student exchange
  (semester or year), dual degrees with four partners (mostly master level), staff teaching and
  training, researchers' visits and conferences, virtual exchanges and blended intensive
  programmes (BIP, from 2022/23), and traineeships, mostly of our students at companies.
  International projects (Erasmus+ KA2, CBHE, Jean Monnet, Horizon, Erasmus Mundus, NAWA, a
  European University alliance) are in ``projects.csv``.
* **A history**: mobility grows over the years; in 2020/21 physical mobility collapses while
  virtual mobility peaks; spring 2020 has many cancellations; recovery follows.
* **63 partner universities in 35 countries**, mostly in Erasmus+ countries, plus the US,
  Canada, Japan, Korea, Brazil, Ukraine, Kenya and Australia; a few large partners carry much
  of the flow. Traineeships go to companies, research institutes and NGOs across Europe.
* **95 agreements** (one row per cooperation condition): a study condition per partner plus
  teaching, training and traineeship conditions, two renewals, a few expired ones (the UK after
  Brexit), six expiring in 2026/27 and eight dormant ones (no mobility since 2021/22).
  Places per year follow the flows that use them, so they scale with ``records``.
* **Denominators and targets**: headcounts per year, faculty and EQF level (scaled with
  ``records``, so the ratios stay plausible at any size: about 25,000 students at the default
  20,000 records), and about a dozen leadership targets for KPIs of ``pipelines.metrics``.
* **A handful of invalid rows** (about 0.1% of mobilities, at least 3): an unknown country
  ``XX``, an end date before the start date, ECTS ``abc``, so the demo shows what the importer
  rejects. Every other row of every file is valid under ``pipelines.contract``.

The seed data (partner universities, other hosts, extra agreements, kinds of mobility row,
projects) is in ``seed/*.csv``; each module makes one file or one part of the mobilities:
``organisations``, ``agreements``, ``segments``, ``partners``, ``dates``, ``people``,
``funding``, ``learning``, ``mobilities``, ``headcounts``, ``projects``, ``targets``.

Everything is drawn from ``np.random.default_rng(seed)`` in a fixed order and vectorised over
records; the output depends only on ``records`` and ``seed`` (never on today's date), and the
same arguments give byte-identical files. Above ``BLOCK_RECORDS`` the mobilities are made and
written in blocks of at most that many, each from its own generator (``seed``, block), with
people and mobility ids of its own, so that memory does not grow with ``records``: ten million
records are ten exports of a million, each in date order.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from pipelines.contract import MODELS
from pipelines.demo.agreements import agreement_frame, agreements
from pipelines.demo.headcounts import headcount_frame
from pipelines.demo.mobilities import Mobilities, mobilities
from pipelines.demo.organisations import organisations
from pipelines.demo.projects import project_frame
from pipelines.demo.targets import target_frame
from pipelines.demo.university import (
    BAD_ROW_SHARE,
    DEFAULT_RECORDS,
    DORMANT_FROM,
    ECO,
    ENG,
    EXPORT_DATE,
    FACULTIES,
    FIRST_START_YEAR,
    GROUPS,
    HOME_COUNTRY,
    HUM,
    INSTITUTION_NAME,
    LAST_START_YEAR,
    LAW,
    MED,
    NAT,
    PROGRAMMES,
    TABLES,
    YEARS,
)

__all__ = [
    "BAD_ROW_SHARE",
    "DEFAULT_RECORDS",
    "DORMANT_FROM",
    "ECO",
    "ENG",
    "EXPORT_DATE",
    "FACULTIES",
    "FIRST_START_YEAR",
    "GROUPS",
    "HOME_COUNTRY",
    "HUM",
    "INSTITUTION_NAME",
    "LAST_START_YEAR",
    "LAW",
    "MED",
    "NAT",
    "PROGRAMMES",
    "TABLES",
    "YEARS",
    "generate",
]


BLOCK_RECORDS = 1_000_000


def generate(out_dir: Path, records: int = DEFAULT_RECORDS, seed: int = 42) -> dict[str, Path]:
    """Write mobilities.csv, agreements.csv, projects.csv, headcounts.csv, targets.csv into out_dir; return table -> path."""  # noqa: E501
    if records < 10:
        raise ValueError(f"records must be at least 10, not {records}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    orgs = organisations()
    agr = agreements(orgs)
    names = list(MODELS["mobilities"].model_fields)
    mobilities_path = out_dir / "mobilities.csv"
    if records <= BLOCK_RECORDS:
        mobility = mobilities(rng, records, orgs, agr)
        _write_csv(mobilities_path, mobility.columns, names)
    else:
        mobility = _write_blocks(mobilities_path, records, seed, orgs, agr, names)
    frames = {
        "agreements": agreement_frame(rng, orgs, agr, mobility.expected),
        "projects": project_frame(),
        "headcounts": headcount_frame(rng, records),
        "targets": target_frame(mobility.realised_outbound),
    }
    paths = {"mobilities": mobilities_path}
    for table in TABLES:
        if table == "mobilities":
            continue
        columns = {name: frames[table][name].to_numpy(dtype=object) for name in frames[table]}
        paths[table] = out_dir / f"{table}.csv"
        _write_csv(paths[table], columns, list(MODELS[table].model_fields))
    return {table: paths[table] for table in TABLES}


def _write_blocks(path: Path, records: int, seed: int, orgs, agr, names: list[str]) -> Mobilities:
    """The mobilities in blocks of at most ``BLOCK_RECORDS``, appended to one file; the
    flows that size agreements and targets are summed over the blocks."""
    blocks = -(-records // BLOCK_RECORDS)
    sizes = [records // blocks + (1 if b < records % blocks else 0) for b in range(blocks)]
    total: Mobilities | None = None
    for block, size in enumerate(sizes):
        rng = np.random.default_rng([seed, block])
        numbered = None if total is None else total.sequences
        part = mobilities(rng, size, orgs, agr, block=block, numbered=numbered)
        _write_csv(path, part.columns, names, append=block > 0)
        if total is None:
            total = Mobilities({}, part.expected, part.realised_outbound, part.sequences)
        else:
            total.expected = total.expected + part.expected
            total.realised_outbound = total.realised_outbound + part.realised_outbound
            total.sequences = total.sequences + part.sequences
        del part
    assert total is not None
    return total


def _write_csv(
    path: Path, columns: dict[str, np.ndarray], names: list[str], append: bool = False
) -> None:
    """Text columns as UTF-8 CSV, in the contract's column order; quotes only where needed.
    ``append`` adds the rows to the file, without a header."""
    rows = len(next(iter(columns.values())))
    values = {name: columns.get(name, np.full(rows, "", dtype=object)) for name in names}
    table = pa.table({name: pa.array(v, type=pa.string()) for name, v in values.items()})
    start = path.stat().st_size if append else 0
    try:  # fast path: nothing to quote (the header is written by hand: pyarrow quotes it)
        with path.open("ab" if append else "wb") as handle:
            if not append:
                handle.write((",".join(names) + "\n").encode("utf-8"))
            options = pa_csv.WriteOptions(include_header=False, quoting_style="none")
            pa_csv.write_csv(table, handle, options)
    except pa.ArrowInvalid:  # a value holds a comma, quote or line break
        with path.open("r+b" if append else "wb") as handle:
            handle.truncate(start)  # what the fast path wrote before it stopped
        pd.DataFrame(values).to_csv(
            path,
            index=False,
            header=not append,
            mode="a" if append else "w",
            lineterminator="\n",
            encoding="utf-8",
        )
