"""Adapter for the European Commission's Erasmus files: detect the format, map, validate.

Three kinds of EC file are understood, each recognised from its header (or JSON keys):

* **mobility records** (``ec_mobilities``): the LLP Erasmus student-mobility files 2008-09 to
  2012-13, cleaned or in their raw yearly header variants, and the Erasmus+ KA1 open data
  (2014-2019 CSV with a ``Participants`` column; later XLSX/CSV releases);
* the **institution list** of Erasmus charter holders, ``EUC.json`` (``ec_institutions``);
* the **country flow table** of the EC statistics page (``ec_country_flows``).

The rows then go through the same path as every import (``pipelines.ingest.load.commit``):
one transaction per file, a re-import of the same file changes nothing, rejected rows are
kept with their reasons. Records carry no identifier of their own, so each gets one at import:
the file's SHA-256 prefix and its row number. Aggregated Erasmus+ rows keep their weight in
``participants``; they are never expanded into copies.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from pipelines.ingest.columns import fold, header_score, map_headers
from pipelines.ingest.ec_schemas import EC_MODELS, EcMobility
from pipelines.ingest.load import (
    ImportFailed,
    ImportResult,
    Prepared,
    commit,
    file_sha256,
    validate_read,
)
from pipelines.ingest.readers import RawTable, ReadError, ReadInfo, read_file

SOURCE = "erasmus-ec"
# Required columns a file may lack: given at import (None) or derived from another column.
DERIVED: dict[str, str | None] = {"record_id": None, "home_country": "home_erasmus_code"}
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Variant:
    """A header variant of an EC file: its name, the year it implies, headers that mark it."""

    name: str
    table: str
    marks: frozenset[str]  # folded header names that must all be present
    academic_year: str | None = None


def _marks(*names: str) -> frozenset[str]:
    return frozenset(fold(n) for n in names)


# Most specific first: the first variant whose marks are all present names the file.
VARIANTS = (
    Variant(
        "LLP student mobility, cleaned (2008-09 to 2012-13)",
        "ec_mobilities",
        _marks("home_institution", "mobility_type", "level_study"),
    ),
    Variant(
        "LLP student mobility 2012-13 (raw EC file)",
        "ec_mobilities",
        _marks("HOME_INSTITUTION_CDE", "MOBILITY_TYPE_CDE"),
        "2012/13",
    ),
    Variant(
        "LLP student mobility 2011-12 (raw EC file)",
        "ec_mobilities",
        _marks("HOMEINSTITUTION", "COUNTRYCODEOFHOMEINSTITUTION", "PLACEMENTENTERPRISE"),
        "2011/12",
    ),
    Variant(
        "LLP student mobility 2010-11 (raw EC file)",
        "ec_mobilities",
        _marks("HOMEINSTITUTION", "COUNTRYCODEOFHOMEINSTITUTION", "WORKPLACEMENT"),
        "2010/11",
    ),
    Variant(
        "LLP student mobility 2008-09 (raw EC file)",
        "ec_mobilities",
        _marks("HOMEINSTITUTION", "COUNTRYOFHOMEINSTITUTION", "SEX"),
        "2008/09",
    ),
    Variant(
        "LLP student mobility 2009-10 (raw EC file)",
        "ec_mobilities",
        _marks("HOMEINSTITUTION", "COUNTRYOFHOMEINSTITUTION", "GENDER"),
        "2009/10",
    ),
    Variant(
        "Erasmus+ KA1 mobility 2014-2019 (aggregated, Participants)",
        "ec_mobilities",
        _marks("Project Reference", "Activity (mob)", "Participants"),
    ),
    Variant(
        "Erasmus+ KA1 mobility, later release (aggregated, Actual Participants)",
        "ec_mobilities",
        _marks("Project Reference", "Actual Participants"),
    ),
    Variant(
        "Erasmus+ KA1 mobility, later release (aggregated)",
        "ec_mobilities",
        _marks("Project Reference", "Participants"),
    ),
    Variant(
        "EC Erasmus charter institution list (EUC)",
        "ec_institutions",
        _marks("institutional_code", "organisation_name"),
    ),
    Variant(
        "EC Erasmus+ country flow table (Highcharts export)",
        "ec_country_flows",
        _marks("(from)", "(to)", "(weight)"),
    ),
)


def detect(headers: list[str]) -> Variant | None:
    """The EC variant these headers belong to, or None."""
    present = {fold(h) for h in headers}
    return next((v for v in VARIANTS if v.marks <= present), None)


def _ec_score(row: list[str]) -> int:
    return max(header_score(model)(row) for model in EC_MODELS.values())


def read_json_records(path: Path) -> RawTable:
    """A JSON array of flat objects (the EC institution list) as a frame of text cells."""
    try:
        records = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReadError(f"{path.name}: not valid JSON ({exc})") from None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ReadError(f"{path.name}: expected a JSON array of objects (the EC EUC list)")
    frame = pd.DataFrame.from_records(records).astype("string").fillna("").astype("object")
    frame.index = pd.RangeIndex(1, 1 + len(frame))  # record number in the array
    return RawTable(frame, ReadInfo(path.name, "json", "UTF-8", rows=len(frame)))


def prepare(path: str | Path, progress: Progress | None = None) -> Prepared:
    """Read an EC file, recognise its variant, map and validate it (nothing written)."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        raw = read_json_records(path)
    else:
        raw = read_file(path, score=_ec_score)
    headers = [str(h) for h in raw.frame.columns]
    variant = detect(headers)
    if variant is None:
        raise ImportFailed(
            f"{path.name}: not a recognised European Commission Erasmus file (headers: "
            f"{', '.join(headers[:8])}{' …' if len(headers) > 8 else ''}); see "
            "docs/erasmus-ec.md for the formats understood"
        )
    model = EC_MODELS[variant.table]
    mapping = map_headers(headers, model)
    mapped = mapping.mapped()
    missing = [
        c
        for c in mapping.missing_required
        if c not in DERIVED or (DERIVED[c] is not None and DERIVED[c] not in mapped)
    ]
    if missing:
        raise ImportFailed(f"{path.name}: {variant.name}: column(s) missing: {', '.join(missing)}")
    mapping.missing_required = []
    sha256 = file_sha256(path)
    frame = pd.DataFrame(index=raw.frame.index)
    for header, name in mapping.columns.items():
        frame[name] = raw.frame[header]
    if model is EcMobility:
        frame["record_id"] = sha256[:12] + ":" + raw.frame.index.astype(str)
        if variant.academic_year and "reported_year" not in frame:
            frame["reported_year"] = variant.academic_year
    validation = validate_read(frame, model, raw, progress)
    prepared = Prepared(
        path, variant.table, sha256, raw, mapping, validation, source=SOURCE, model=model
    )
    prepared.notes.append(f"recognised as: {variant.name} ({raw.info.describe()})")
    if model is EcMobility and variant.academic_year:
        prepared.notes.append(f"academic year {variant.academic_year}, from the header variant")
    if mapping.personal:
        prepared.notes.append("personal columns dropped unread: " + ", ".join(mapping.personal))
    prepared.notes.extend(raw.info.notes)
    return prepared


def import_ec_file(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    key: bytes,
    progress: Progress | None = None,
) -> ImportResult:
    """Prepare and commit one EC file: one transaction; re-importing it changes nothing."""
    return commit_ec(con, prepare(path, progress), key, progress)


def commit_ec(
    con: duckdb.DuckDBPyConnection,
    prepared: Prepared,
    key: bytes,
    progress: Progress | None = None,
) -> ImportResult:
    """Commit a prepared EC file (prepared without the warehouse, so `mobility ingest` reads
    and validates it before it takes the write lock)."""
    previous = con.execute(
        "select max(import_id) from imports where source = ? and file_name = ? "
        "and file_sha256 <> ? and status = 'active'",
        [SOURCE, prepared.path.name, prepared.sha256],
    ).fetchone()[0]
    if previous is not None:
        prepared.notes.append(
            f"a different file of the same name was imported before (import #{previous}); "
            "both are now in the benchmark data"
        )
    return commit(con, prepared, key, progress)


def unknown_institutions(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """(codes, participants) of institution codes not in the imported EC institution list.

    Zero when no institution list has been imported: then nothing can be resolved, and
    ``mobility ingest`` says so instead.
    """
    row = con.execute(
        "select count(*), coalesce(sum(participants), 0) from benchmark_institutions "
        "where not in_institution_list"
    ).fetchone()
    return int(row[0]), int(row[1])
