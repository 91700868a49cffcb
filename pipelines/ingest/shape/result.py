"""What a shaped file is: contract columns still as text, the rows refused before the column
rules with their reasons, and the notes a person reads about what was done; shared by every
step, as are the columns that name a partner (``IDENTITY``)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

REJECTION_COLUMNS = ["row_number", "column_name", "value", "reason"]
IDENTITY = ("partner_name", "partner_erasmus_code", "partner_schac_code")
SHOWN_ROWS = 8


@dataclass
class Shaped:
    frame: pd.DataFrame  # contract columns, raw text still (the rules read it next)
    problems: pd.DataFrame  # REJECTION_COLUMNS: rows refused before the column rules
    notes: list[str] = field(default_factory=list)


def _rows_text(rows: pd.Index) -> str:
    shown = ", ".join(str(r) for r in rows[:SHOWN_ROWS])
    return shown + (f" and {len(rows) - SHOWN_ROWS:,} more" if len(rows) > SHOWN_ROWS else "")


def _add_problems(
    shaped: Shaped, rows: pd.Index, column: str, values: pd.Series, reason: str
) -> None:
    found = pd.DataFrame(
        {
            "row_number": rows.astype("int64"),
            "column_name": column,
            "value": values.astype("object").map(lambda v: "" if v is None else str(v)).values,
            "reason": reason,
        }
    )
    found = found[~found["row_number"].isin(shaped.problems["row_number"])]
    shaped.problems = pd.concat([shaped.problems, found], ignore_index=True)
