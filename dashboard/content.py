"""Texts from the repository shown in the app (read from files, never from the warehouse)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


@cache
def data_contract() -> str:
    """docs/data-contract.md, with links into the repository turned into plain paths (the app
    cannot serve them)."""
    text = (DOCS / "data-contract.md").read_text(encoding="utf-8")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return re.sub(r"\[`?([^\]`]+)`?\]\(\.\./[^)]*\)", r"`\1`", text)
