"""The partner's country: taken from the file, else from partners the warehouse knows
(``PartnerDirectory``) or the Erasmus code's country prefix, never guessed from anything else.
A named partner whose country stays unknown is refused with the reason, and so is a row with
no partner institution whose country is the university's own (the host side of an incoming
student, not a partner's)."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

from pipelines.contract import model_for
from pipelines.contract.rules import Country, ErasmusCode, blank
from pipelines.ingest.columns import ColumnMapping
from pipelines.ingest.institutions import code_country
from pipelines.ingest.shape.names import code_key, name_key
from pipelines.ingest.shape.own_institution import OwnInstitution
from pipelines.ingest.shape.result import IDENTITY, Shaped, _add_problems


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
