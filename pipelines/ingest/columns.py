"""Map a file's headers to contract columns: aliases, personal columns, sending/receiving pairs.

Header names are compared folded: case, spaces, ``_``, ``-`` and ``.`` do not matter, so
``omobility-id``, ``OMOBILITY_ID`` and ``Omobility Id`` are the same name.

Exchange files (EWP, Erasmus+) describe both ends of a mobility (``sending-hei``,
``Receiving Country Code``). The contract describes the *partner*: the receiving side of an
outbound mobility and the sending side of an inbound one. Such pairs are resolved row by row
from the direction column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from pipelines.schemas import MODELS, PERSONAL_COLUMNS, ContractModel, model_for

_SEPARATORS = re.compile(r"[\s_\-.]+")
SIDES = ("sending", "receiving")


def fold(name: str) -> str:
    """Header name as compared: lower-case, separators collapsed to one space."""
    return _SEPARATORS.sub(" ", str(name).strip().lstrip("\ufeff").casefold()).strip()


_PERSONAL = frozenset(fold(n) for n in PERSONAL_COLUMNS)


def name_table(model: type[ContractModel]) -> dict[str, str]:
    """Folded header name -> contract column, for one table."""
    table: dict[str, str] = {}
    for column, aliases in model.aliases().items():
        for name in (column, *aliases):
            table.setdefault(fold(name), column)
    return table


@dataclass
class ColumnMapping:
    """How a file's headers were understood."""

    table: str
    columns: dict[str, str] = field(default_factory=dict)  # header -> contract column
    sided: dict[str, dict[str, str]] = field(default_factory=dict)  # column -> {side: header}
    personal: list[str] = field(default_factory=list)  # dropped, never read
    unknown: list[str] = field(default_factory=list)  # ignored
    duplicates: list[str] = field(default_factory=list)  # a second header for a column
    missing_required: list[str] = field(default_factory=list)

    def mapped(self) -> set[str]:
        return set(self.columns.values()) | set(self.sided)

    def rows(self) -> list[dict[str, str]]:
        """The mapping as a table, for showing to a person."""
        out = [
            {"header": h, "column": c, "how": "alias" if fold(h) != fold(c) else "name"}
            for h, c in self.columns.items()
        ]
        for column, sides in self.sided.items():
            for side, header in sides.items():
                out.append(
                    {"header": header, "column": column, "how": f"{side} side, by direction"}
                )
        out += [{"header": h, "column": "", "how": "personal data: dropped"} for h in self.personal]
        out += [{"header": h, "column": "", "how": "unknown: ignored"} for h in self.unknown]
        out += [{"header": h, "column": "", "how": "duplicate: ignored"} for h in self.duplicates]
        return out


def map_headers(headers: list[str], model: type[ContractModel]) -> ColumnMapping:
    names = name_table(model)
    mapping = ColumnMapping(model.table)
    for header in headers:
        folded = fold(header)
        side = next((s for s in SIDES if folded.startswith(s + " ")), None)
        if folded in names:
            column = names[folded]
            if column in mapping.mapped():
                mapping.duplicates.append(header)
            else:
                mapping.columns[header] = column
        elif (
            side
            and "partner_country" in model.model_fields
            and (
                folded[len(side) + 1 :] in names
                and names[folded[len(side) + 1 :]].startswith("partner_")
            )
        ):
            column = names[folded[len(side) + 1 :]]
            mapping.sided.setdefault(column, {})[side] = header
        elif folded in _PERSONAL:
            mapping.personal.append(header)
        else:
            mapping.unknown.append(header)
    # A pair needs both sides; a lone "receiving city" is simply the partner's city.
    for column, sides in list(mapping.sided.items()):
        if len(sides) == 1 and column not in mapping.columns.values():
            mapping.columns[next(iter(sides.values()))] = column
            del mapping.sided[column]
    present = mapping.mapped()
    mapping.missing_required = [c for c in model.required() if c not in present]
    return mapping


def header_score(model: type[ContractModel]):
    """How many cells of a row name a column of this table (for finding the header row)."""
    names = name_table(model)

    def score(row: list[str]) -> int:
        return sum(1 for cell in row if fold(cell) in names)

    return score


def any_table_score(row: list[str]) -> int:
    return max(header_score(m)(row) for m in MODELS.values())


def guess_table(headers: list[str]) -> str | None:
    """The table whose required columns the headers cover best, or None if none fits.

    A table qualifies only if all its required columns are present; among those, the one
    matching the most headers wins.
    """
    best, best_score = None, 0
    for table, model in MODELS.items():
        mapping = map_headers(headers, model)
        if mapping.missing_required:
            continue
        score = len(mapping.mapped())
        if score > best_score:
            best, best_score = table, score
    return best


def to_contract_frame(frame: pd.DataFrame, mapping: ColumnMapping) -> pd.DataFrame:
    """The file's cells renamed to contract columns; sending/receiving pairs resolved.

    Personal, unknown and duplicate columns are not carried over at all.
    """
    model = model_for(mapping.table)
    out = pd.DataFrame(index=frame.index)
    for header, column in mapping.columns.items():
        out[column] = frame[header]
    if mapping.sided:
        direction_rule = model.rules()["direction"]
        inbound = (
            direction_rule.apply(out["direction"]).eq("inbound") if "direction" in out else None
        )
        for column, sides in mapping.sided.items():
            receiving = frame[sides["receiving"]]
            sending = frame[sides["sending"]]
            out[column] = (
                sending.where(inbound.fillna(False), receiving)
                if inbound is not None
                else receiving
            )
    return out
