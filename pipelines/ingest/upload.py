"""A file uploaded in the browser, read and validated for a preview before anything is written.

The browser hands over bytes; they are written under the user's own file name into a fresh
temporary folder, so every message (``ReadError``, rejections) and ``imports.file_name``
name the file the person chose. The folder is removed once the file is prepared: ``commit``
needs only the prepared data, not the file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePath

import pandas as pd

from pipelines import exports
from pipelines.contract import model_for
from pipelines.ingest.columns import SIDE_LABELS
from pipelines.ingest.context import ImportContext
from pipelines.ingest.load import ImportFailed, Prepared, prepare
from pipelines.ingest.profiles import ImportProfile

PREVIEW_ROWS = 20
PSEUDONYMISED = "(pseudonymised at import)"


def _safe_name(file_name: str) -> str:
    """The file's own name, without any folder a browser may send (Windows paths too)."""
    name = PurePath(file_name.replace("\\", "/")).name.strip()
    return name or "upload"


def prepare_upload(
    data: bytes,
    file_name: str,
    table: str | None = None,
    sheet: str | None = None,
    *,
    context: ImportContext | None = None,
    profile: ImportProfile | None = None,
    complete: bool = True,
) -> Prepared:
    """Read, map and validate uploaded bytes; raises ReadError or ImportFailed (one line).

    When a table was chosen and the file does not fit it, the message also says which table
    the headers do fit, if any.
    """
    with tempfile.TemporaryDirectory(prefix="mobility-upload-") as folder:
        path = Path(folder) / _safe_name(file_name)
        path.write_bytes(data)
        options = {"context": context, "profile": profile, "complete": complete}
        try:
            return prepare(path, table, sheet, **options)
        except ImportFailed as failure:
            if table is None or "belongs to the" in str(failure):
                raise
            try:
                other = prepare(path, None, sheet, context=context).table
            except Exception:  # the hint is optional; the first message stands
                raise failure from None
            if other == table:
                raise
            raise ImportFailed(
                f"{failure}. The headers fit the {other} table: choose {other} "
                "(or let the table be recognised from the header)"
            ) from None


def preview_rows(prepared: Prepared, rows: int = PREVIEW_ROWS) -> pd.DataFrame:
    """The first valid rows as they will be stored; person identifiers are not shown."""
    frame = prepared.validation.valid.head(rows).copy()
    if "person_id" in frame:
        frame["person_id"] = PSEUDONYMISED
    frame.index.name = "row"
    return frame.dropna(axis="columns", how="all")


NOT_IMPORTED = ""


def column_choices(table: str) -> list[str]:
    """What a file column can be read as: nothing, a contract column, or one side of a pair."""
    model = model_for(table)
    choices = [NOT_IMPORTED, *model.model_fields]
    if "direction" in model.model_fields:
        for column in (
            "partner_name",
            "partner_erasmus_code",
            "partner_schac_code",
            "partner_country",
            "partner_city",
            "faculty",
        ):
            choices += [f"{column}@sending", f"{column}@receiving"]
    return choices


def choice_label(choice: str) -> str:
    """``partner_name@sending`` -> ``Partner name · home side``."""
    if choice == NOT_IMPORTED:
        return "(not imported)"
    column, _, side = choice.partition("@")
    label = column.replace("_", " ").capitalize().replace("Ects", "ECTS").replace("Cefr", "CEFR")
    return f"{label} · {SIDE_LABELS[side]}" if side else label


def column_editor_rows(prepared: Prepared, samples: int = 3) -> pd.DataFrame:
    """One row per file column (personal columns left out: they are dropped unread)."""
    raw = prepared.raw.frame
    rows = []
    for header in raw.columns:
        if header in prepared.mapping.personal:
            continue
        values = raw[header].dropna().astype(str).str.strip()
        values = values[values != ""].unique()[:samples]
        sample = ", ".join(values)
        rows.append(
            {
                "header": header,
                # short, so that what the column is read as stays in view on a laptop
                "sample": sample if len(sample) <= 32 else sample[:31] + "…",
                "target": prepared.mapping.target_of(header),
            }
        )
    return pd.DataFrame(rows, columns=["header", "sample", "target"])


def rejections_csv(prepared: Prepared) -> bytes:
    """The rejected rows with reasons, as the CSV a person downloads to fix the file."""
    frame = prepared.validation.rejections.assign(file_name=prepared.path.name)
    columns = ["file_name", "row_number", "column_name", "value", "reason"]
    return exports.csv_bytes(frame[columns])
