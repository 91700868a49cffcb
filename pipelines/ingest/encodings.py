"""Bytes to text for files that are not what they say: the encodings offices' exports come in.

* UTF-8, with or without a byte-order mark; UTF-16 with a mark, or without one (told by the
  zero bytes every other byte of mostly-ASCII text).
* A byte-order mark followed by a body that is not UTF-8 (a file re-saved by an old editor):
  the mark is dropped and the body read in its legacy code page, with a note.
* Legacy code pages: Windows-1252 (Western Europe) and Windows-1250 (Central Europe: Polish,
  Czech, Slovak, Hungarian, Croatian) give the same bytes different letters. Each is tried and
  the one whose text has fewer symbols inside words wins (``Wroc³aw`` is Windows-1250 read as
  1252; ``Wrocław`` is right); a tie, which happens when only shared letters occur, is
  Windows-1252. Bytes neither defines are Latin-1.
* Mojibake: UTF-8 text that went once through Windows-1252 (``UniversitÃ¤t``) is repaired
  with ftfy, value by value, with a note giving an example.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

LEGACY = ("cp1252", "cp1250")
NAMES = {"cp1252": "Windows-1252", "cp1250": "Windows-1250", "latin-1": "Latin-1"}
# sequences UTF-8 leaves behind when read as Windows-1252 or Latin-1 (Ã¤, Ã©, Å‚, â€™)
MOJIBAKE = re.compile(
    "[ÃÅÄâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u017d\u017e\u0178"
    "\u2013-\u203a\u20ac\u2122\u02c6\u02dc\u0192]"
)
SAMPLE_BYTES = 1 << 20


def _symbols_in_words(text: str) -> int:
    """Non-ASCII symbols or numerals right after a letter: how wrong letters look."""
    count = 0
    previous_letter = False
    for char in text:
        if ord(char) > 127 and unicodedata.category(char)[0] in "SNP" and previous_letter:
            count += 1
        previous_letter = char.isalpha()
    return count


def looks_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` for BOM-less UTF-16 of mostly ASCII text, else None."""
    head = data[:4096]
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.6 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.6 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def _legacy(data: bytes) -> tuple[str, str]:
    sample = data[:SAMPLE_BYTES]
    scores = {}
    for codec in LEGACY:
        try:
            scores[codec] = _symbols_in_words(sample.decode(codec))
        except UnicodeDecodeError:
            continue
    if not scores:
        return data.decode("latin-1"), NAMES["latin-1"]
    best = min(LEGACY, key=lambda c: (scores.get(c, 1 << 60), LEGACY.index(c)))
    try:
        return data.decode(best), NAMES[best]
    except UnicodeDecodeError:  # a byte the sample did not contain
        return data.decode("latin-1"), NAMES["latin-1"]


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Text, the encoding's name, and notes for the person."""
    notes: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 with BOM", notes
        except UnicodeDecodeError:
            text, name = _legacy(data[3:])
            notes.append(
                f"the file starts with a UTF-8 mark but is not UTF-8; it was read as {name}"
            )
            return text, name, notes
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16", notes
        except UnicodeDecodeError as exc:
            raise UnicodeError(f"marked as UTF-16 but is not ({exc.reason})") from None
    utf16 = looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), "UTF-16 (no mark)", notes
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "UTF-8", notes
    except UnicodeDecodeError:
        text, name = _legacy(data)
        return text, name, notes


def has_mojibake(text: str) -> bool:
    return bool(MOJIBAKE.search(text))


def repair(values: list[str]) -> dict[str, str]:
    """Values that ftfy changes -> their repaired text (only those with mojibake in them)."""
    fixed = {}
    for value in values:
        if value and MOJIBAKE.search(value):
            repaired = ftfy.fix_text(value)
            if repaired != value:
                fixed[value] = repaired
    return fixed
