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

from pipelines.ingest.load import ImportFailed, Prepared, prepare

PREVIEW_ROWS = 20
PSEUDONYMISED = "(pseudonymised at import)"


def _safe_name(file_name: str) -> str:
    """The file's own name, without any folder a browser may send (Windows paths too)."""
    name = PurePath(file_name.replace("\\", "/")).name.strip()
    return name or "upload"


def prepare_upload(
    data: bytes, file_name: str, table: str | None = None, sheet: str | None = None
) -> Prepared:
    """Read, map and validate uploaded bytes; raises ReadError or ImportFailed (one line).

    When a table was chosen and the file does not fit it, the message also says which table
    the headers do fit, if any.
    """
    with tempfile.TemporaryDirectory(prefix="mobility-upload-") as folder:
        path = Path(folder) / _safe_name(file_name)
        path.write_bytes(data)
        try:
            return prepare(path, table, sheet)
        except ImportFailed as failure:
            if table is None:
                raise
            try:
                other = prepare(path, None, sheet).table
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


def mapping_table(prepared: Prepared) -> pd.DataFrame:
    """How each header was understood: contract column, alias, personal data dropped, unknown."""
    return pd.DataFrame(prepared.mapping.rows(), columns=["header", "column", "how"])


def rejections_csv(prepared: Prepared) -> bytes:
    """The rejected rows with reasons, as the CSV a person downloads to fix the file."""
    frame = prepared.validation.rejections.assign(file_name=prepared.path.name)
    columns = ["file_name", "row_number", "column_name", "value", "reason"]
    return frame[columns].to_csv(index=False).encode("utf-8")
