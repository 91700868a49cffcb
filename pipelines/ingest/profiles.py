"""Import profiles: how one system's export is read, decided once by a person and reused.

A profile holds, for one table:

* ``columns``: how headers are read, where the automatic reading is not right: a contract
  column, ``column@sending`` / ``column@receiving`` for one side of a home/host pair, or
  ``""`` for "not imported";
* ``constants``: a value for every row, for a column the file lacks or leaves empty (every
  row of a MoveON student list is a student on a study period);
* ``values``: the file's own wording mapped to contract values, per column
  (``"Student mobility for studies"`` -> ``study``);
* ``headers``: the headers of the file it was made from. A saved profile is applied by
  itself to the next file with the same headers (compared folded, in any order).

Profiles are kept in the warehouse (table ``import_profiles``), can be written to and read
from a small JSON file, and are used by the Import page and ``mobility ingest --profile``.
Built-in profiles for documented layouts ship in ``pipelines/profiles/*.json``; they are
offered, never applied without a person (or ``--profile``) choosing them.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import duckdb
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pipelines import audit
from pipelines.contract import MODELS, model_for
from pipelines.ingest.columns import SIDES, fold
from pipelines.roles import Actor


class ProfileRefused(Exception):
    """A profile that cannot be used or stored; the message says why."""


class ImportProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=80)
    table: str = "mobilities"
    description: str = ""
    source: str = ""  # where a built-in layout is documented
    headers: list[str] = Field(default_factory=list)
    columns: dict[str, str] = Field(default_factory=dict)
    constants: dict[str, str] = Field(default_factory=dict)
    values: dict[str, dict[str, str]] = Field(default_factory=dict)
    builtin: bool = Field(default=False, exclude=True)

    @field_validator("name")
    @classmethod
    def _strip(cls, name: str) -> str:
        if not name.strip():
            raise ValueError("a profile needs a name")
        return name.strip()

    @model_validator(mode="after")
    def _check(self) -> ImportProfile:
        if self.table not in MODELS:
            raise ValueError(f"unknown table {self.table!r}")
        model = model_for(self.table)
        rules = model.rules()
        for header, target in self.columns.items():
            column, _, side = target.partition("@")
            if column and column not in model.model_fields:
                raise ValueError(f"{header}: {column!r} is not a column of {self.table}")
            if side and side not in SIDES:
                raise ValueError(f"{header}: side must be sending or receiving, not {side!r}")
        for column, value in self.constants.items():
            if column not in model.model_fields:
                raise ValueError(f"constant for {column!r}, which is not a column of {self.table}")
            if value != "":
                rules[column].one(value)  # raises ValueError naming the rule
        for column, table in self.values.items():
            if column not in model.model_fields:
                raise ValueError(f"values for {column!r}, which is not a column of {self.table}")
            for raw, value in table.items():
                try:
                    rules[column].one(value)
                except ValueError as exc:
                    raise ValueError(f"{column}: {raw!r} -> {value!r}: {exc}") from None
        return self

    def signature(self) -> frozenset[str]:
        return frozenset(fold(h) for h in self.headers)

    def fits(self, headers: list[str]) -> bool:
        """Whether a file has every header this profile names (a built-in's test)."""
        present = {fold(h) for h in headers}
        named = set(self.columns) | set(self.headers)
        return bool(named) and all(fold(h) in present for h in named)

    def to_json(self) -> str:
        return json.dumps(self.model_dump(), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes) -> ImportProfile:
        try:
            return cls.model_validate_json(text)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "profile"
            raise ProfileRefused(f"not a valid import profile: {where}: {first['msg']}") from None


def builtin_profiles() -> list[ImportProfile]:
    """The profiles shipped with the product (``pipelines/profiles/*.json``)."""
    folder = resources.files("pipelines") / "profiles"
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            profile = ImportProfile.from_json(entry.read_text(encoding="utf-8"))
            found.append(profile.model_copy(update={"builtin": True}))
    return found


def stored_profiles(con: duckdb.DuckDBPyConnection) -> list[ImportProfile]:
    """Profiles saved in the warehouse, by name."""
    rows = con.execute("select spec from import_profiles order by name").fetchall()
    return [ImportProfile.from_json(spec) for (spec,) in rows]


def all_profiles(con: duckdb.DuckDBPyConnection | None) -> list[ImportProfile]:
    """Saved profiles first, then the built-in ones whose names are not taken."""
    saved = stored_profiles(con) if con is not None else []
    names = {p.name for p in saved}
    return saved + [p for p in builtin_profiles() if p.name not in names]


def find_profile(profiles: list[ImportProfile], name: str) -> ImportProfile:
    for profile in profiles:
        if profile.name == name:
            return profile
    raise ProfileRefused(
        f"no import profile named {name!r}; known: {', '.join(p.name for p in profiles) or 'none'}"
    )


def matching_profile(profiles: list[ImportProfile], headers: list[str]) -> ImportProfile | None:
    """The saved profile made from a file with exactly these headers, if any."""
    signature = frozenset(fold(h) for h in headers)
    for profile in profiles:
        if not profile.builtin and profile.headers and profile.signature() == signature:
            return profile
    return None


def suggested_profiles(profiles: list[ImportProfile], headers: list[str]) -> list[ImportProfile]:
    """Built-in profiles whose headers the file has: offered to the person, never imposed."""
    return [p for p in profiles if p.builtin and p.fits(headers)]


def save_profile(
    con: duckdb.DuckDBPyConnection, profile: ImportProfile, actor: Actor | None = None
) -> None:
    """Store (or replace) a profile by name, inside the caller's transaction."""
    con.execute(
        "insert or replace into import_profiles (name, table_name, spec, saved_at) "
        "values (?, ?, ?, ?)",
        [
            profile.name,
            profile.table,
            profile.to_json(),
            dt.datetime.now(dt.UTC).replace(tzinfo=None),
        ],
    )
    audit.record(con, actor, "profile", f"saved {profile.name!r} ({profile.table})")


def delete_profile(con: duckdb.DuckDBPyConnection, name: str, actor: Actor | None = None) -> bool:
    deleted = con.execute(
        "delete from import_profiles where name = ? returning name", [name]
    ).fetchall()
    if deleted:
        audit.record(con, actor, "profile", f"deleted {name!r}")
    return bool(deleted)
