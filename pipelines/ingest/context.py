"""What the warehouse knows that changes how a file is read: the university itself, the
partners it knows (for their countries), the saved import profiles, and the key that
generated identifiers are made with. Read once per file, with a short read-only look."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipelines import access, config
from pipelines.ingest.profiles import ImportProfile, all_profiles, builtin_profiles
from pipelines.ingest.pseudonymise import load_or_create_key
from pipelines.ingest.shape import OwnInstitution, PartnerDirectory
from pipelines.warehouse import get_settings


@dataclass
class ImportContext:
    own: OwnInstitution | None = None
    directory: PartnerDirectory | None = None
    profiles: list[ImportProfile] = field(default_factory=builtin_profiles)
    key: bytes | None = None  # the pseudonymisation key: generated mobility ids are keyed
    settings: dict[str, str] = field(default_factory=dict)  # e.g. the plausible-date window

    @classmethod
    def from_connection(
        cls, con: duckdb.DuckDBPyConnection, key: bytes | None = None
    ) -> ImportContext:
        settings = get_settings(con)
        return cls(
            own=OwnInstitution.from_settings(settings),
            directory=PartnerDirectory.from_warehouse(con),
            profiles=all_profiles(con),
            key=key,
            settings=settings,
        )

    @classmethod
    def for_warehouse(cls, path: Path, wait: float = access.DEFAULT_WAIT) -> ImportContext:
        """The context of a warehouse file (an empty one where none exists yet).

        Read from the copy the dashboard reads (``pipelines/access.py``), so that reading and
        validating a file never waits for, or blocks, a writer: it is the warehouse as of its
        last completed write."""
        key = load_or_create_key(config.secret_path(path))
        if not path.exists():
            return cls(key=key)
        with access.reading(path, wait=wait) as con:
            return cls.from_connection(con, key)
