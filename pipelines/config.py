"""Where things are: the warehouse file, its pseudonymisation key, the repository's data folder.

Every command takes ``--warehouse PATH``; without it the ``MOBILITY_WAREHOUSE`` environment
variable decides, and without that ``data/warehouse.duckdb`` (relative to the working
directory), so one machine can hold several warehouses.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_WAREHOUSE = Path("data/warehouse.duckdb")
WAREHOUSE_ENV = "MOBILITY_WAREHOUSE"
SECRET_ENV = "MOBILITY_SECRET_FILE"

REPO_ROOT = Path(__file__).resolve().parents[1]
REFERENCE_DIR = REPO_ROOT / "data" / "reference"
TEMPLATES_DIR = REPO_ROOT / "data" / "templates"
SQL_DIR = Path(__file__).resolve().parent / "transform" / "sql"


def warehouse_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The warehouse file to use: the explicit path, else $MOBILITY_WAREHOUSE, else the default."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(WAREHOUSE_ENV)
    return Path(env) if env else DEFAULT_WAREHOUSE


def secret_path(warehouse: Path) -> Path:
    """The pseudonymisation key file for a warehouse.

    Kept outside the warehouse file on purpose: whoever receives a copy of the warehouse
    cannot re-identify people by hashing candidate identifiers without also having the key.
    ``$MOBILITY_SECRET_FILE`` overrides the default, a ``.key`` file beside the warehouse.
    """
    env = os.environ.get(SECRET_ENV)
    return Path(env) if env else warehouse.with_suffix(".key")
