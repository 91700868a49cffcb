"""Map partners found in imported data to known partners, once, for every later import.

Partners are matched on a key computed from the data (SQL macro ``partner_key()``: the
Erasmus code, else the SCHAC code, else name and country). A misspelt name or a second code
gives a second key for the same institution; it shows up on the Data quality page as an
unknown partner. Mapping it stores ``source_key -> partner_key`` in the warehouse table
``partner_mappings``; the SQL models (``int_mobilities``, ``int_agreements``) replace the
key wherever it occurs, so every later import with that spelling is mapped too.

Mapping a key to itself confirms it as a new partner: it becomes known without an agreement
(a host company, a research institute).

A mapping's target must be a known partner (``known_partners`` mart), an institution of the
imported EC list of Erasmus charter holders (``ec_institutions``, keyed ``'erasmus:'`` and the
code as ``partner_key()`` keys it; it then becomes a confirmed partner, named as the list names
it where the data has no name of its own, see ``int_partners``), or the key itself. It may not
be mapped onward: one step always reaches the partner, so models never follow chains. The
caller rebuilds the marts in the same transaction (``pipelines.manage``).

Suggestions of what to map a partner to come from ``pipelines.partners.matching``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from pipelines import audit
from pipelines.roles import Actor


class MappingRefused(Exception):
    """A mapping that cannot be stored; the message names the key and the reason."""


@dataclass(frozen=True)
class PartnerMapping:
    source_key: str
    partner_key: str

    @property
    def is_new_partner(self) -> bool:
        return self.source_key == self.partner_key


def known_keys(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Partner keys a mapping may point to: the ``known_partners`` mart of the last build."""
    return {k for (k,) in con.execute("select partner_key from known_partners").fetchall()}


def listed_keys(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Partner keys of the institutions in the imported EC list (empty if none was imported)."""
    rows = con.execute(
        "select distinct 'erasmus:' || upper(regexp_replace(erasmus_code, '\\s+', '', 'g')) "
        "from ec_institutions"
    ).fetchall()
    return {k for (k,) in rows}


def save_mappings(
    con: duckdb.DuckDBPyConnection, mappings: list[PartnerMapping], actor: Actor | None = None
) -> int:
    """Store (or replace) mappings inside the caller's transaction; returns how many.

    Checked against the mappings as they will be once these are stored: a target must be a
    known partner, an institution of the EC list, or confirmed as a partner itself, and may
    not be mapped to another partner; a key other partners are mapped to may not be mapped
    onward.
    """
    for m in mappings:
        if not m.source_key or not m.partner_key:
            raise MappingRefused("a mapping needs both a partner found in the data and a target")
    after = dict(con.execute("select source_key, partner_key from partner_mappings").fetchall())
    after.update((m.source_key, m.partner_key) for m in mappings)
    confirmed = {source for source, target in after.items() if source == target}
    allowed = known_keys(con) | listed_keys(con) | confirmed
    for m in mappings:
        if m.is_new_partner:
            continue
        if any(t == m.source_key and s != m.source_key for s, t in after.items()):
            raise MappingRefused(
                f"{m.source_key}: other partners are mapped to it; it cannot be mapped onward"
            )
        if m.partner_key not in allowed:
            raise MappingRefused(
                f"{m.source_key}: cannot map to {m.partner_key}, which is not a known partner "
                "nor an institution of the EC list"
            )
        if after.get(m.partner_key, m.partner_key) != m.partner_key:
            raise MappingRefused(
                f"{m.source_key}: cannot map to {m.partner_key}, which is itself mapped to "
                "another partner; map to that one"
            )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    for m in mappings:
        con.execute(
            "insert or replace into partner_mappings (source_key, partner_key, mapped_at) "
            "values (?, ?, ?)",
            [m.source_key, m.partner_key, now],
        )
        detail = "confirmed as a new partner" if m.is_new_partner else f"→ {m.partner_key}"
        audit.record(con, actor, "partner mapping", f"{m.source_key} {detail}")
    return len(mappings)


def remove_mappings(
    con: duckdb.DuckDBPyConnection, source_keys: list[str], actor: Actor | None = None
) -> int:
    """Forget mappings inside the caller's transaction; the data keeps its own keys again."""
    removed = 0
    for key in source_keys:
        deleted = con.execute(
            "delete from partner_mappings where source_key = ? returning source_key", [key]
        ).fetchall()
        removed += len(deleted)
        if deleted:
            audit.record(con, actor, "partner mapping", f"{key}: mapping forgotten")
    return removed
