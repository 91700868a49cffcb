"""Map a file's headers to contract columns: aliases, personal columns, home/host sides.

Header names are compared folded: case, spaces, ``_``, ``-`` and ``.`` do not matter, so
``omobility-id``, ``OMOBILITY_ID`` and ``Omobility Id`` are the same name.

Exchange files describe both ends of a mobility: ``Sending Country Code`` and ``Receiving
Country Code`` (EWP, Erasmus+), ``Home institution`` and ``Host institution`` (MoveON,
Mobility-Online and most spreadsheets). The contract describes the *partner*: the receiving
(host) side of an outbound mobility and the sending (home) side of an inbound one. So every
header starting with a side word is tied to its side and read row by row from the direction:

* partner columns (institution, codes, country, city) take the partner's side of each row;
* the own faculty takes the own side (home faculty of an outbound row, host faculty of an
  inbound one).

A lone side column (``Host country`` with no ``Home country``) is read only on rows where it
is the side wanted: an incoming student's host country is the university's own country, not
the partner's, so it is never taken for one (see ``pipelines.ingest.sides``).

A profile (``pipelines.ingest.profiles``) can override how any header is read; its targets
use ``column`` or ``column@sending`` / ``column@receiving`` for a side, and ``""`` to ignore.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from pipelines.contract import MODELS, PERSONAL_COLUMNS, ContractModel

_SEPARATORS = re.compile(r"[\s_\-.]+")
SIDES = ("sending", "receiving")
# the words exports put before a side's columns; home/host are relative to the person
SIDE_WORDS = {
    "sending": "sending",
    "home": "sending",
    "origin": "sending",
    "receiving": "receiving",
    "host": "receiving",
    "destination": "receiving",
}
PARTNER_COLUMNS = (
    "partner_erasmus_code",
    "partner_schac_code",
    "partner_name",
    "partner_country",
    "partner_city",
)
OWN_SIDE_COLUMNS = ("faculty", "degree_programme")
SIDE_LABELS = {"sending": "home side", "receiving": "host side"}


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


def has_sides(model: type[ContractModel]) -> bool:
    """Only a table with a direction can tell a row's partner side from its own side."""
    return "direction" in model.model_fields and "partner_country" in model.model_fields


def side_target(folded: str, names: dict[str, str]) -> tuple[str, str] | None:
    """(column, side) for a header such as ``host institution``; None if it names no side."""
    word, _, rest = folded.partition(" ")
    side = SIDE_WORDS.get(word)
    if side is None:
        return None
    if not rest:  # a bare "Destination" or "Origin" is a country; a bare "Host" is not
        rest = "country" if word in ("destination", "origin") else ""
    column = names.get(rest) or names.get(f"partner {rest}")
    if column in PARTNER_COLUMNS or column in OWN_SIDE_COLUMNS:
        return column, side
    return None


@dataclass
class ColumnMapping:
    """How a file's headers were understood."""

    table: str
    columns: dict[str, str] = field(default_factory=dict)  # header -> contract column
    sided: dict[str, dict[str, str]] = field(default_factory=dict)  # column -> {side: header}
    personal: list[str] = field(default_factory=list)  # dropped, never read
    unknown: list[str] = field(default_factory=list)  # ignored
    ignored: list[str] = field(default_factory=list)  # ignored because a person said so
    duplicates: list[str] = field(default_factory=list)  # a second header for a column
    chosen: set[str] = field(default_factory=set)  # headers whose reading a profile set
    missing_required: list[str] = field(default_factory=list)

    def mapped(self) -> set[str]:
        return set(self.columns.values()) | set(self.sided)

    def target_of(self, header: str) -> str:
        """The header's reading as a profile spells it: ``column``, ``column@side`` or ``""``."""
        if header in self.columns:
            return self.columns[header]
        for column, sides in self.sided.items():
            for side, name in sides.items():
                if name == header:
                    return f"{column}@{side}"
        return ""

    def rows(self) -> list[dict[str, str]]:
        """The mapping as a table, for showing to a person."""
        out = []
        for h, c in self.columns.items():
            how = "chosen" if h in self.chosen else "alias" if fold(h) != fold(c) else "name"
            out.append({"header": h, "column": c, "how": how})
        for column, sides in self.sided.items():
            for side, header in sides.items():
                out.append({"header": header, "column": column, "how": side_how(column, side)})
        out += [{"header": h, "column": "", "how": "personal data: dropped"} for h in self.personal]
        out += [{"header": h, "column": "", "how": "not imported (chosen)"} for h in self.ignored]
        out += [{"header": h, "column": "", "how": "unknown: ignored"} for h in self.unknown]
        out += [{"header": h, "column": "", "how": "duplicate: ignored"} for h in self.duplicates]
        return out


def side_how(column: str, side: str) -> str:
    """In words, which rows a side column is read for."""
    partner_rows = "inbound" if side == "sending" else "outbound"
    if column in OWN_SIDE_COLUMNS:
        own_rows = "outbound" if side == "sending" else "inbound"
        return f"{SIDE_LABELS[side]}: own faculty on {own_rows} rows"
    return f"{SIDE_LABELS[side]}: the partner on {partner_rows} rows"


def _override(header: str, overrides: Mapping[str, str]) -> str | None:
    if header in overrides:
        return overrides[header]
    folded = fold(header)
    for name, target in overrides.items():
        if fold(name) == folded:
            return target
    return None


def map_headers(
    headers: list[str],
    model: type[ContractModel],
    overrides: Mapping[str, str] | None = None,
) -> ColumnMapping:
    """How each header is read; ``overrides`` (a profile's choices) win over the aliases."""
    names = name_table(model)
    sides = has_sides(model)
    mapping = ColumnMapping(model.table)

    def place(header: str, column: str, side: str | None) -> None:
        if side and sides:
            taken = mapping.sided.setdefault(column, {})
            if side in taken or column in mapping.columns.values():
                mapping.duplicates.append(header)
            else:
                taken[side] = header
        elif column in mapping.mapped():
            mapping.duplicates.append(header)
        else:
            mapping.columns[header] = column

    for header in headers:
        target = _override(header, overrides or {})
        if target is not None:
            column, _, side = target.partition("@")
            if not column:
                mapping.ignored.append(header)
            elif column in model.model_fields:
                mapping.chosen.add(header)
                place(header, column, side or None)
            else:
                mapping.unknown.append(header)
            continue
        folded = fold(header)
        sided = side_target(folded, names) if sides else None
        if sided:
            place(header, *sided)
        elif folded in names:
            place(header, names[folded], None)
        elif folded in _PERSONAL:
            mapping.personal.append(header)
        else:
            mapping.unknown.append(header)
    mapping.sided = {c: s for c, s in mapping.sided.items() if s}
    present = mapping.mapped()
    mapping.missing_required = [c for c in model.required() if c not in present]
    return mapping


def header_score(model: type[ContractModel]):
    """How many cells of a row name a column of this table (for finding the header row)."""
    names = name_table(model)
    sides = has_sides(model)

    def score(row: list[str]) -> int:
        return sum(
            1 for cell in row if fold(cell) in names or (sides and side_target(fold(cell), names))
        )

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


def closest_table(headers: list[str]) -> str:
    """The table most of the headers belong to, complete or not (a start for a person)."""
    scores = {t: len(map_headers(headers, m).mapped()) for t, m in MODELS.items()}
    return max(scores, key=lambda t: (scores[t], t == "mobilities"))
