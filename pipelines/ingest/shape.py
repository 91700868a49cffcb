"""From a file's cells to contract columns, row by row, without ever taking the university
itself for its own partner.

Steps, in order (``shape``):

1. Columns read as the mapping says (``pipelines.ingest.columns``), constants filled in for
   columns the file lacks or leaves empty, the file's own wording mapped to contract values
   (``Incoming`` -> ``inbound``) by the profile's value maps.
2. Home/host (sending/receiving) columns taken from the partner's side of each row, chosen by
   the row's direction; the own faculty from the own side.
3. The own institution (settings: name and its variants, Erasmus and SCHAC codes, country)
   is never stored as a partner. A row whose partner side names the university itself takes
   the partner from the other side when the file names another institution there (and says
   so in a note); otherwise the row is rejected with the reason. A row with no partner
   institution at all whose country is the own country is rejected too: that country is
   the host side of an incoming student, not a partner's.
4. A missing partner country is resolved from the partner: known partners, agreements and
   the EC institution list when imported (``PartnerDirectory``), else from the Erasmus
   code's country prefix. It is never guessed from anything else; a row still without a
   country is rejected by the contract's required-column check.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from pipelines.contract import model_for
from pipelines.contract.rules import Country, ErasmusCode, blank
from pipelines.ingest.columns import (
    OWN_SIDE_COLUMNS,
    PARTNER_COLUMNS,
    ColumnMapping,
    fold,
)
from pipelines.ingest.institutions import code_country
from pipelines.settings import Settings

REJECTION_COLUMNS = ["row_number", "column_name", "value", "reason"]
IDENTITY = ("partner_name", "partner_erasmus_code", "partner_schac_code")
SHOWN_ROWS = 8
_NON_WORD = re.compile(r"[^0-9a-z]+")


def name_key(value: object) -> str:
    """A name as compared: accents stripped, case folded, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text.casefold()).strip()


def code_key(value: object) -> str:
    """An Erasmus code as compared: upper-case, no spaces (``D  KONSTAN01`` -> ``DKONSTAN01``)."""
    return re.sub(r"\s+", "", str(value)).upper()


def _split_variants(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n|]", text or "") if part.strip()]


@dataclass(frozen=True)
class OwnInstitution:
    """The university itself, from the settings (``mobility settings``)."""

    names: tuple[str, ...] = ()
    country: str | None = None
    erasmus_code: str | None = None
    schac_code: str | None = None

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> OwnInstitution:
        """From the settings as stored (``pipelines/settings.py``)."""
        typed = Settings.from_stored(settings)
        # only a name the settings hold: the model's default name is no one's
        name = typed.institution_name if settings.get("institution_name") else ""
        names = [name, *_split_variants(typed.own_name_variants)]
        return cls(
            names=tuple(n for n in names if n.strip()),
            country=typed.own_country or None,
            erasmus_code=typed.own_erasmus_code.strip() or None,
            schac_code=typed.own_schac_code.strip() or None,
        )

    @property
    def label(self) -> str:
        return self.names[0] if self.names else (self.erasmus_code or self.schac_code or "")

    def matches(self, identity: pd.DataFrame) -> pd.Series:
        """True on rows whose name, Erasmus code or SCHAC code is the university's own."""
        hit = pd.Series(False, index=identity.index)
        keys = {name_key(n) for n in self.names}
        if "partner_name" in identity and keys:
            hit |= (
                identity["partner_name"]
                .map(lambda v: isinstance(v, str) and name_key(v) in keys)
                .astype(bool)
            )
        if "partner_erasmus_code" in identity and self.erasmus_code:
            own = code_key(self.erasmus_code)
            hit |= (
                identity["partner_erasmus_code"]
                .map(lambda v: isinstance(v, str) and code_key(v) == own)
                .astype(bool)
            )
        if "partner_schac_code" in identity and self.schac_code:
            own = self.schac_code.strip().lower()
            hit |= (
                identity["partner_schac_code"]
                .map(lambda v: isinstance(v, str) and v.strip().lower() == own)
                .astype(bool)
            )
        return hit


@dataclass
class PartnerDirectory:
    """Countries of partners the warehouse knows, by Erasmus code, SCHAC code and name."""

    by_erasmus: dict[str, str] = field(default_factory=dict)
    by_schac: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)

    SOURCES = (
        # (table, erasmus code, schac code, name, country): curated first
        (
            "raw_agreements",
            "partner_erasmus_code",
            "partner_schac_code",
            "partner_name",
            "partner_country",
        ),
        (
            "partners",
            "partner_erasmus_code",
            "partner_schac_code",
            "partner_name",
            "partner_country",
        ),
        ("ec_institutions", "erasmus_code", "null", "name", "country"),
    )

    @classmethod
    def from_warehouse(cls, con: duckdb.DuckDBPyConnection) -> PartnerDirectory:
        directory = cls()
        tables = {t for (t,) in con.execute("select table_name from duckdb_tables()").fetchall()}
        ambiguous: set[str] = set()
        for table, erasmus, schac, name, country in cls.SOURCES:
            if table not in tables:
                continue
            rows = con.execute(
                f"select distinct {erasmus}, {schac}, {name}, {country} from {table} "
                f"where {country} is not null"
            ).fetchall()
            for code, schac_code, partner_name, iso2 in rows:
                if code:
                    directory.by_erasmus.setdefault(code_key(code), iso2)
                if schac_code:
                    directory.by_schac.setdefault(str(schac_code).strip().lower(), iso2)
                if partner_name:
                    key = name_key(partner_name)
                    if directory.by_name.get(key, iso2) != iso2:
                        ambiguous.add(key)  # one name in two countries tells nothing
                    directory.by_name.setdefault(key, iso2)
        for key in ambiguous:
            directory.by_name.pop(key, None)
        return directory

    def countries(self, identity: pd.DataFrame) -> pd.Series:
        """The country each row's partner is known in; <NA> where unknown."""
        found = pd.Series(pd.NA, index=identity.index, dtype="object")
        lookups = (
            ("partner_erasmus_code", self.by_erasmus, code_key),
            ("partner_schac_code", self.by_schac, lambda v: str(v).strip().lower()),
            ("partner_name", self.by_name, name_key),
        )
        for column, table, key in lookups:
            if column in identity and table:
                values = identity[column].map(
                    lambda v, t=table, k=key: t.get(k(v)) if isinstance(v, str) else None
                )
                found = found.fillna(values)
        return found


@dataclass
class Shaped:
    frame: pd.DataFrame  # contract columns, raw text still (the rules read it next)
    problems: pd.DataFrame  # REJECTION_COLUMNS: rows refused before the column rules
    notes: list[str] = field(default_factory=list)


def _rows_text(rows: pd.Index) -> str:
    shown = ", ".join(str(r) for r in rows[:SHOWN_ROWS])
    return shown + (f" and {len(rows) - SHOWN_ROWS:,} more" if len(rows) > SHOWN_ROWS else "")


def apply_value_maps(values: pd.Series, mapping: Mapping[str, str]) -> pd.Series:
    """The file's wording replaced by contract values (compared folded); others untouched."""
    table = {fold(k): v for k, v in mapping.items()}
    return values.map(lambda v: table.get(fold(v), v) if isinstance(v, str) else v)


def shape(
    frame: pd.DataFrame,
    mapping: ColumnMapping,
    constants: Mapping[str, str] | None = None,
    value_maps: Mapping[str, Mapping[str, str]] | None = None,
    own: OwnInstitution | None = None,
    directory: PartnerDirectory | None = None,
) -> Shaped:
    """The file's cells as contract columns; see the module docstring for the steps."""
    model = model_for(mapping.table)
    value_maps = value_maps or {}
    out = pd.DataFrame(index=frame.index)
    for header, column in mapping.columns.items():
        out[column] = frame[header]
    for column, value in (constants or {}).items():
        if column not in model.model_fields or value in (None, ""):
            continue
        if column in out:
            out[column] = out[column].where(~blank(out[column]), value)
        else:
            out[column] = pd.Series(value, index=frame.index, dtype="object")
    for column in list(out.columns):
        if value_maps.get(column):
            out[column] = apply_value_maps(out[column], value_maps[column])
    shaped = Shaped(out, pd.DataFrame(columns=REJECTION_COLUMNS))
    if mapping.sided:
        _take_sides(frame, mapping, shaped, own, value_maps)
    if own is not None:
        _refuse_own_partner(shaped, own)
    _resolve_countries(shaped, directory, model)
    _refuse_unknown_country(shaped, mapping)
    if own is not None and own.country:
        _refuse_own_country(shaped, own)
    return shaped


def _side_frame(
    frame: pd.DataFrame, mapping: ColumnMapping, side: pd.Series, columns: tuple[str, ...]
) -> pd.DataFrame:
    """For each row, the values of ``columns`` on that row's ``side`` (sending/receiving)."""
    out = pd.DataFrame(index=frame.index)
    for column in columns:
        sides = mapping.sided.get(column, {})
        values = pd.Series(pd.NA, index=frame.index, dtype="object")
        for name, header in sides.items():
            values = values.where(side.ne(name), frame[header].astype("object"))
        out[column] = values
    return out


def _take_sides(
    frame: pd.DataFrame,
    mapping: ColumnMapping,
    shaped: Shaped,
    own: OwnInstitution | None,
    value_maps: Mapping[str, Mapping[str, str]],
) -> None:
    out = shaped.frame
    model = model_for(mapping.table)
    if own is not None and any(c in mapping.sided for c in IDENTITY):
        _direction_from_own_side(frame, mapping, shaped, own)
    direction = (
        model.rules()["direction"].apply(out["direction"])
        if "direction" in out
        else pd.Series(pd.NA, index=out.index, dtype="object")
    )
    inbound = direction.eq("inbound").fillna(False).astype(bool)
    partner_side = pd.Series("receiving", index=out.index).where(~inbound, "sending")
    own_side = pd.Series("sending", index=out.index).where(~inbound, "receiving")
    partner_cols = tuple(c for c in PARTNER_COLUMNS if c in mapping.sided)
    own_cols = tuple(c for c in OWN_SIDE_COLUMNS if c in mapping.sided)
    partner = _side_frame(frame, mapping, partner_side, partner_cols)
    if own is not None and any(c in partner_cols for c in IDENTITY):
        other = _side_frame(frame, mapping, own_side, partner_cols)
        named_other = ~other[[c for c in IDENTITY if c in other]].apply(blank).all(axis=1)
        # only where the direction is read: an unreadable one is rejected, not guessed
        swap = own.matches(partner) & named_other & ~own.matches(other) & direction.notna()
        if swap.any():
            partner.loc[swap] = other.loc[swap]
            shaped.notes.append(
                f"{int(swap.sum()):,} row(s) named {own.label} itself on the partner's side; "
                f"the partner was taken from the other side (rows {_rows_text(out.index[swap])}): "
                "check their direction"
            )
    for column in partner_cols:
        values = partner[column]
        if value_maps.get(column):
            values = apply_value_maps(values, value_maps[column])
        out[column] = values
    for column in own_cols:
        out[column] = _side_frame(frame, mapping, own_side, (column,))[column]


def _direction_from_own_side(
    frame: pd.DataFrame, mapping: ColumnMapping, shaped: Shaped, own: OwnInstitution
) -> None:
    """Where a row gives no direction, the side that is the university itself tells it:
    the own institution sending is an outbound mobility, receiving an inbound one."""
    out = shaped.frame
    columns = tuple(c for c in IDENTITY if c in mapping.sided)
    given = out["direction"] if "direction" in out else pd.Series(pd.NA, index=out.index)
    open_rows = blank(given)
    if not open_rows.any():
        return
    sending = own.matches(_side_frame(frame, mapping, pd.Series("sending", out.index), columns))
    receiving = own.matches(_side_frame(frame, mapping, pd.Series("receiving", out.index), columns))
    derived = pd.Series(pd.NA, index=out.index, dtype="object")
    derived[sending & ~receiving] = "outbound"
    derived[receiving & ~sending] = "inbound"
    filled = open_rows & derived.notna()
    if filled.any():
        out["direction"] = given.astype("object").where(~filled, derived)
        shaped.notes.append(
            f"direction not in the file for {int(filled.sum()):,} row(s): taken from the side "
            f"that is {own.label} (sending: outbound, receiving: inbound)"
        )


def _refuse_own_partner(shaped: Shaped, own: OwnInstitution) -> None:
    out = shaped.frame
    identity = out[[c for c in IDENTITY if c in out]]
    if identity.empty:
        return
    bad = own.matches(identity)
    if not bad.any():
        return
    column = next(c for c in IDENTITY if c in identity)
    _add_problems(
        shaped,
        out.index[bad],
        column,
        identity.loc[bad, column],
        f"the partner is {own.label} itself, and the file names no other institution for "
        "this row: check its direction, or map the home/host (sending/receiving) columns",
    )


def _resolve_countries(shaped: Shaped, directory: PartnerDirectory | None, model: type) -> None:
    out = shaped.frame
    if "partner_country" not in model.model_fields:
        return
    identity = out[[c for c in IDENTITY if c in out]]
    if identity.empty:
        return
    country = out.get("partner_country")
    missing = (
        blank(country) if country is not None else pd.Series(True, index=out.index)
    ) & ~identity.apply(blank).all(axis=1)
    if not missing.any():
        return
    found = pd.Series(pd.NA, index=out.index, dtype="object")
    if directory is not None:
        found = directory.countries(identity.loc[missing]).reindex(out.index)
    known = found.notna().sum()
    if "partner_erasmus_code" in identity:
        codes = ErasmusCode().apply(identity.loc[missing, "partner_erasmus_code"])
        from_code = code_country(codes.dropna()).reindex(out.index)
        found = found.fillna(from_code)
    resolved = found.notna() & missing
    if not resolved.any():
        return
    if country is None:
        out["partner_country"] = pd.Series(pd.NA, index=out.index, dtype="object")
    out.loc[resolved, "partner_country"] = found[resolved]
    by_code = int(resolved.sum()) - int(known)
    parts = []
    if known:
        parts.append(f"{int(known):,} from partners the warehouse knows")
    if by_code:
        parts.append(f"{by_code:,} from the Erasmus code's country prefix")
    shaped.notes.append(
        f"partner country not in the file for {int(resolved.sum()):,} row(s): taken "
        + " and ".join(parts)
    )


def _refuse_unknown_country(shaped: Shaped, mapping: ColumnMapping) -> None:
    """A named partner whose country neither the file nor the warehouse gives: say so."""
    out = shaped.frame
    if "partner_country" not in model_for(mapping.table).model_fields:
        return
    identity = out[[c for c in IDENTITY if c in out]]
    if identity.empty:
        return
    country = out.get("partner_country")
    no_country = blank(country) if country is not None else pd.Series(True, index=out.index)
    unnamed = identity.apply(blank).all(axis=1)
    sided = mapping.sided.get("partner_country", {}) or next(
        (mapping.sided[c] for c in IDENTITY if c in mapping.sided), {}
    )
    if len(sided) == 1 and (no_country & unnamed).any():
        # the file has one side only, and on these rows it is the university's own side
        rows = no_country & unnamed
        _add_problems(
            shaped,
            out.index[rows],
            "partner_country",
            pd.Series("", index=out.index)[rows],
            f"no partner on this row: the file's {next(iter(sided.values()))!r} column is the "
            "university's own side for this direction; map the other side's columns",
        )
    missing = no_country & ~unnamed
    if not missing.any():
        return
    column = next(c for c in IDENTITY if c in identity)
    named = identity.loc[missing, column].fillna(identity.loc[missing].bfill(axis=1).iloc[:, 0])
    sided = mapping.sided.get("partner_country", {})
    hint = (
        f"the file's {next(iter(sided.values()))!r} is the university's own side on this row; "
        if len(sided) == 1
        else ""
    )
    _add_problems(
        shaped,
        out.index[missing],
        "partner_country",
        named,
        f"partner country missing: {hint}the partner is not known to the warehouse (no "
        "agreement, not in the EC institution list); add its country column, or import the "
        "agreements first",
    )


def _refuse_own_country(shaped: Shaped, own: OwnInstitution) -> None:
    out = shaped.frame
    if "partner_country" not in out:
        return
    country = Country().apply(out["partner_country"])
    identity = out[[c for c in IDENTITY if c in out]]
    unnamed = (
        identity.apply(blank).all(axis=1)
        if not identity.empty
        else pd.Series(True, index=out.index)
    )
    bad = country.eq(own.country).fillna(False).astype(bool) & unnamed
    if bad.any():
        _add_problems(
            shaped,
            out.index[bad],
            "partner_country",
            out.loc[bad, "partner_country"],
            f"the partner country is the university's own ({own.country}) and no partner "
            "institution is named: for an incoming student that is the host side; map the "
            "home (sending) country",
        )


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
