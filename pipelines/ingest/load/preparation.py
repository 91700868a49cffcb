"""Everything an import does before it writes: read the file, tell its table, map its
headers (a saved profile's choices), shape the rows and validate them. The Import page shows
the result (:class:`Prepared`) as a preview; ``commit`` (``transaction``) writes it."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipelines.contract import MODELS, ContractModel, model_for
from pipelines.contract.rules import ParseContext
from pipelines.ingest.columns import (
    ColumnMapping,
    any_table_score,
    closest_table,
    fold,
    guess_table,
    header_score,
    map_headers,
    name_table,
)
from pipelines.ingest.context import ImportContext
from pipelines.ingest.identifiers import generated_ids
from pipelines.ingest.load.staging import StagedRows, stage
from pipelines.ingest.profiles import ImportProfile, matching_profile, suggested_profiles
from pipelines.ingest.readers import RawTable, ReadInfo, read_file
from pipelines.ingest.readers.stream import StreamedFile, stream_file, streamable
from pipelines.ingest.shape import shape
from pipelines.ingest.validate import Validation, validate_frame

Progress = Callable[[int, int, str], None]


class ImportFailed(Exception):
    """The file cannot be imported at all; the message is one line naming the file."""


@dataclass
class Prepared:
    """A file read, mapped and validated, not yet written."""

    path: Path
    table: str
    sha256: str
    raw: RawTable
    mapping: ColumnMapping
    validation: Validation | None  # None until the required columns are all there
    source: str = "contract"
    notes: list[str] = field(default_factory=list)
    # a model outside the own contract (the EC benchmark tables); None: the table's model
    model: type[ContractModel] | None = None
    profile: ImportProfile | None = None  # the profile the file was read with
    suggested: list[ImportProfile] = field(default_factory=list)  # built-ins that fit
    constants: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    # a large file's valid rows, on disk until the commit (``staging``); None: in ``validation``
    staged: StagedRows | None = None

    @property
    def ready(self) -> bool:
        """Whether the file can be imported (its required columns are all there)."""
        return self.validation is not None

    @property
    def info(self) -> ReadInfo:
        return self.raw.info


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def validate_read(
    frame: pd.DataFrame,
    model: type[ContractModel],
    raw: RawTable,
    progress: Progress | None = None,
    settings: Mapping[str, str] | None = None,
) -> Validation:
    """Validate a file's mapped columns, reporting progress per column; rows the reader
    could not split are added as rejections. ``settings`` (the warehouse's) set the window of
    plausible dates."""
    fields = len(model.model_fields)
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, fields + 2, "validating")

    ctx = ParseContext.from_settings(settings or {}, raw.info.decimal)
    validation = validate_frame(frame, model, ctx, step)
    if raw.info.bad_rows:
        validation = validation.with_unparsed_rows(raw.info.bad_rows)
    return validation


def _missing_message(path: Path, table: str, missing: list[str]) -> str:
    return (
        f"{path.name}: required column(s) missing for {table}: {', '.join(missing)}; map them "
        "or give a value for every row on the Import page, or use a saved profile "
        "(--profile; see docs/data-contract.md for accepted names)"
    )


def with_problems(validation: Validation, problems: pd.DataFrame) -> Validation:
    """Rows refused before the column rules (the partner is the university itself) taken out
    of the valid rows; their reasons replace a rule's reason for the same cell."""
    if problems.empty:
        return validation
    rows = set(problems["row_number"].tolist())
    rejections = (
        pd.concat([validation.rejections, problems], ignore_index=True)
        .drop_duplicates(["row_number", "column_name"], keep="last")
        .sort_values(["row_number", "column_name"], kind="stable")
        .reset_index(drop=True)
    )
    changes: dict = {
        "valid": validation.valid.loc[~validation.valid.index.isin(rows)],
        "rejections": rejections,
    }
    warnings = getattr(validation, "warnings", None)
    if warnings is not None and len(warnings):
        changes["warnings"] = warnings[~warnings["row_number"].isin(rows)]
    return dataclasses.replace(validation, **changes)


def _refuse_ambiguous_columns(
    path: Path, raw: RawTable, mapping: ColumnMapping, complete: bool
) -> None:
    """Two columns for one contract column: which holds the values cannot be guessed.

    A header written twice always refuses the file; two different headers read as one column
    (``Country`` and ``Partner country``) refuse it on the command line, while the Import page
    lets a person choose (the second is shown as not imported until then).
    """
    names = name_table(model_for(mapping.table))
    twice = [h for h in raw.info.duplicate_headers if fold(h) in names]
    if twice:
        raise ImportFailed(
            f"{path.name}: two columns are named {twice[0]!r} (read as "
            f"{names[fold(twice[0])]}): which one holds the values? Rename or remove one"
        )
    if complete and mapping.duplicates:
        extra = mapping.duplicates[0]
        column = next(
            (c for h, c in mapping.columns.items() if fold(c) == fold(names.get(fold(extra), ""))),
            names.get(fold(extra), ""),
        )
        first = next((h for h, c in mapping.columns.items() if c == column), "")
        raise ImportFailed(
            f"{path.name}: two columns are read as {column}: {first!r} and {extra!r}; choose "
            "one on the Import page and save a profile (--profile)"
        )


def _refuse_other_table(path: Path, headers: list[str], table: str, mapping: ColumnMapping) -> None:
    """A file chosen for one table whose header plainly belongs to another is refused: read as
    agreements, a mobilities file would overwrite agreements' dates with mobilities' dates."""
    other = guess_table(headers)
    if other is None or other == table:
        return
    theirs = len(map_headers(headers, model_for(other)).mapped())
    ours = len(mapping.mapped())
    if theirs > ours:
        raise ImportFailed(
            f"{path.name}: the header belongs to the {other} table ({theirs} columns of "
            f"{other}, {ours} of {table}); choose {other}, or let the table be recognised from "
            "the header"
        )


def prepare(
    path: str | Path,
    table: str | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
    *,
    context: ImportContext | None = None,
    profile: ImportProfile | None = None,
    complete: bool = True,
    stream: bool = False,
) -> Prepared:
    """Read, map and validate a file; raises ReadError or ImportFailed with a one-line cause.

    Without ``profile``, a saved profile made from a file with the same headers is applied by
    itself. ``complete=False`` (the Import page) returns a file whose table cannot be told
    or whose required columns are missing unvalidated (``ready`` is False) instead of
    refusing it, so that a person can map it. ``stream=True`` (the command line) reads a
    large CSV or Parquet file in parts and stages its valid rows on disk (``staging``), so
    that memory does not grow with the file; the mapping is learnt from its head.
    """
    path = Path(path)
    context = context or ImportContext()
    chosen_table = table
    if table is not None and table not in MODELS:
        raise ImportFailed(f"unknown table {table!r}; choose one of: {', '.join(MODELS)}")
    if profile is not None and table is not None and profile.table != table:
        raise ImportFailed(
            f"{path.name}: the profile {profile.name!r} is for {profile.table}, not {table}"
        )
    table = table or (profile.table if profile else None)
    score = header_score(model_for(table)) if table else any_table_score
    streamed: StreamedFile | None = None
    if stream and context.key is not None and streamable(path):
        streamed = stream_file(path, score)
    raw = streamed.head if streamed else read_file(path, sheet=sheet, score=score)
    headers = list(raw.frame.columns)
    notes: list[str] = []
    if profile is None:
        profile = matching_profile(context.profiles, headers)
        if profile is not None and table not in (None, profile.table):
            profile = None
        if profile is not None:
            notes.append(f"read with the saved profile {profile.name!r} (same headers)")
    table = table or (profile.table if profile else None)
    if table is None:
        table = guess_table(headers)
    if table is None:
        if complete:
            closest = closest_table(headers)
            missing = [
                c
                for c in map_headers(headers, model_for(closest)).missing_required
                if c != "mobility_id"  # generated when the file has none
            ]
            fits = suggested_profiles(context.profiles, headers)
            if map_headers(headers, model_for(closest)).mapped():
                raise ImportFailed(
                    f"{path.name}: looks like a {closest} file, but the required column(s) "
                    f"{', '.join(missing)} are missing; "
                    + (
                        f"the built-in profile {fits[0].name!r} fits it (--profile), or "
                        if fits
                        else ""
                    )
                    + "map them on the Import page and save a profile"
                )
            raise ImportFailed(
                f"{path.name}: cannot tell which table this file is for (headers: "
                f"{', '.join(headers[:8])}{' …' if len(headers) > 8 else ''}); "
                f"choose the table (--table: {', '.join(MODELS)}) or a profile (--profile)"
            )
        table = closest_table(headers)
    model = model_for(table)
    mapping = map_headers(headers, model, profile.columns if profile else None)
    _refuse_ambiguous_columns(path, raw, mapping, complete)
    if chosen_table and profile is None:
        _refuse_other_table(path, headers, table, mapping)
    constants = dict(profile.constants) if profile else {}
    values = dict(profile.values) if profile else {}
    generate_id = "mobility_id" in model.model_fields and "mobility_id" not in (
        mapping.mapped() | set(constants)
    )
    identity = ("partner_name", "partner_erasmus_code", "partner_schac_code")
    own_sides = context.own is not None and any(c in mapping.sided for c in identity)
    # a partner's country can come from the partner (shape); rows where it cannot are refused
    named_partner = any(c in mapping.mapped() for c in identity)
    mapping.missing_required = [
        c
        for c in mapping.missing_required
        if c not in constants
        and not (c == "mobility_id" and generate_id)
        and not (c == "direction" and own_sides)
        and not (c == "partner_country" and named_partner)
    ]
    prepared = Prepared(
        path, table, file_sha256(path), raw, mapping, None, profile=profile, notes=notes
    )
    prepared.suggested = suggested_profiles(context.profiles, headers)
    if mapping.missing_required:
        if complete:
            raise ImportFailed(_missing_message(path, table, mapping.missing_required))
        return prepared
    prepared.constants, prepared.values = constants, values

    def validate_part(part: RawTable) -> tuple[Validation, list[str]]:
        """A file, or one part of a large one: shaped, identified and validated."""
        shaped = shape(part.frame, mapping, constants, values, context.own, context.directory)
        frame = shaped.frame
        if generate_id:
            frame["mobility_id"] = generated_ids(frame, model, context.key)
        validation = validate_read(
            frame, model, part, None if streamed else progress, context.settings
        )
        # a part's own notes (values a wrong encoding garbled, repaired); a whole file's
        # reader notes come last, below
        part_notes = shaped.notes + (part.info.notes if streamed else [])
        return with_problems(validation, shaped.problems), part_notes

    if generate_id:
        notes.append(
            "no mobility identifier in the file: each mobility's id is derived from the person, "
            "direction, activity, start date and partner (see docs/data-management.md), so "
            "importing the same rows again changes nothing"
        )
    if streamed is None:
        prepared.validation, part_notes = validate_part(raw)
    else:
        assert context.key is not None  # streamed only with a key (above)
        prepared.validation, part_notes, prepared.staged = stage(
            streamed, model, validate_part, context.key, progress
        )
        notes.append(f"a large file: read in parts of {streamed.chunk_rows:,} rows")
    notes.extend(part_notes)
    if "status" not in mapping.mapped() | set(constants) and "status" in model.model_fields:
        notes.append("no status column: every mobility is taken as completed")
    notes.extend(raw.info.notes)
    return prepared
