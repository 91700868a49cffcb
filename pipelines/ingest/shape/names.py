"""How an institution's name and Erasmus code are compared, so that spelling, accents and
spacing do not make one institution two (the own institution, known partners, generated ids)."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def name_key(value: object) -> str:
    """A name as compared: accents stripped, case folded, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text.casefold()).strip()


def code_key(value: object) -> str:
    """An Erasmus code as compared: upper-case, no spaces (``D  KONSTAN01`` -> ``DKONSTAN01``)."""
    return re.sub(r"\s+", "", str(value)).upper()
