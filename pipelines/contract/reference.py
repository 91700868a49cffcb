"""Reference data: countries and regions, languages, ISCED-F 2013 fields, CEFR and EQF levels.

Countries come from the table shipped with ``country_converter`` (ISO codes, short names,
name-matching regular expressions, UN regions, EU membership; kept up to date by its
maintainers). Its converter functions are not used: under pandas 3 they silently return the
input unchanged, and its loader turns Namibia's ``NA`` into a missing value. So we read its
table ourselves with ``keep_default_na=False`` and match names with its regexes.

Languages come from ``pycountry`` (ISO 639). ISCED-F 2013 fields are a small CSV under
``data/reference/`` because no maintained library publishes them.
"""

from __future__ import annotations

import importlib.resources
import re
from functools import cache

import pandas as pd
import pycountry

from pipelines.config import REFERENCE_DIR

# Erasmus and EU publications use their own two-letter variants for two countries.
ERASMUS_COUNTRY_VARIANTS = {"UK": "GB", "EL": "GR"}

CEFR_LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
EQF_LEVELS = (5, 6, 7, 8)
EQF_NAMES = {5: "Short cycle", 6: "Bachelor", 7: "Master", 8: "Doctorate"}

NOT_SET = "(not set)"
"""How pages, reports and downloads show an empty value. The marts' label columns carry it
already (macro ``display_label`` in pipelines/transform/sql/macros.sql, the word's one place in
SQL); Python uses this constant where it labels or orders values itself."""


def level_label(level: int) -> str:
    """A study level as pages, reports and downloads show it: 'Bachelor (EQF 6)'."""
    name = EQF_NAMES.get(int(level))
    return f"{name} (EQF {level})" if name else f"EQF {level}"


@cache
def countries() -> pd.DataFrame:
    """One row per current country: iso2, iso3, name, official_name, continent, region, eu."""
    source = importlib.resources.files("country_converter") / "country_data.tsv"
    with source.open("rb") as handle:
        table = pd.read_csv(handle, sep="\t", dtype=str, keep_default_na=False)
    # The ISO2 column holds a regex where the EU uses its own code: "^GB$|^UK$", "^GR$|^EL$".
    iso2 = table["ISO2"].str.extract(r"([A-Z]{2})", expand=False)
    table = table.assign(ISO2=iso2)[iso2.notna() & (table["obsolete"] == "")]
    return pd.DataFrame(
        {
            "iso2": table["ISO2"],
            "iso3": table["ISO3"].str.upper(),
            "name": table["name_short"],
            "official_name": table["name_official"],
            "continent": table["continent"],
            "region": table["UNregion"].replace("", None).fillna(table["continent"]),
            "eu": table["EU27"].eq("EU27"),
            "regex": table["regex"],
        }
    ).reset_index(drop=True)


@cache
def _country_lookup() -> tuple[dict[str, str], dict[str, str], list[tuple[re.Pattern[str], str]]]:
    table = countries()
    by_iso2 = {code: code for code in table["iso2"]}
    by_iso2.update(ERASMUS_COUNTRY_VARIANTS)
    by_iso3 = dict(zip(table["iso3"], table["iso2"], strict=True))
    patterns = [
        (re.compile(rx, re.IGNORECASE), iso2)
        for rx, iso2 in zip(table["regex"], table["iso2"], strict=True)
        if rx
    ]
    return by_iso2, by_iso3, patterns


_CODE_AND_NAME = re.compile(r"^\s*([A-Za-z]{2,3})\s*[-–:]\s*\S")
_NAME_AND_CODE = re.compile(r"\(([A-Za-z]{2,3})\)\s*$")


@cache
def country_iso2(value: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a code, an Erasmus variant or an English name; None if unknown.

    Accepts ``DE``, ``deu``, ``UK`` (Erasmus for GB), ``EL`` (Erasmus for GR), ``Germany``,
    ``DE - Germany`` (as in the Erasmus+ open data) and ``Germany (DE)``.
    """
    text = value.strip()
    if not text:
        return None
    by_iso2, by_iso3, patterns = _country_lookup()
    upper = text.upper()
    if len(upper) == 2:
        return by_iso2.get(upper)
    if len(upper) == 3 and upper.isalpha():
        return by_iso3.get(upper)
    for pattern in (_CODE_AND_NAME, _NAME_AND_CODE):
        match = pattern.search(text)
        if match:
            code = match.group(1).upper()
            found = by_iso2.get(code) if len(code) == 2 else by_iso3.get(code)
            if found:
                return found
    for regex, iso2 in patterns:
        if regex.search(text):
            return iso2
    return None


@cache
def language_iso639_1(value: str) -> str | None:
    """Two-letter ISO 639-1 code for a language code (``en``, ``eng``) or English name."""
    text = value.strip()
    if not text:
        return None
    # lookup() alone would read "en" as the name of the language "En" (enc).
    lowered = text.lower()
    if len(lowered) == 2:
        language = pycountry.languages.get(alpha_2=lowered)
    elif len(lowered) == 3:
        language = pycountry.languages.get(alpha_3=lowered) or pycountry.languages.get(
            bibliographic=lowered
        )
    else:
        try:
            language = pycountry.languages.lookup(text)
        except LookupError:
            language = None
    return getattr(language, "alpha_2", None)


@cache
def isced_fields() -> pd.DataFrame:
    """ISCED-F 2013 broad (2-digit) and narrow (3-digit) fields: code, level, name."""
    return pd.read_csv(REFERENCE_DIR / "isced_f_2013.csv", dtype=str, keep_default_na=False)


@cache
def _isced_lookup() -> tuple[frozenset[str], dict[str, str]]:
    table = isced_fields()
    by_name = {
        name.casefold(): code for code, name in zip(table["code"], table["name"], strict=True)
    }
    return frozenset(table["code"]), by_name


_ISCED_CODE = re.compile(r"^\s*(\d{2,4})\b")


@cache
def isced_code(value: str) -> str | None:
    """Normalised ISCED-F 2013 code (2, 3 or 4 digits) for a code, ``code name`` or field name.

    A detailed (4-digit) code is accepted when its narrow field (first three digits) exists;
    the detailed list itself is not kept.
    """
    text = value.strip()
    if not text:
        return None
    codes, by_name = _isced_lookup()
    match = _ISCED_CODE.match(text)
    if match:
        code = match.group(1)
        if code in codes or (len(code) == 4 and code[:3] in codes):
            return code
        return None
    return by_name.get(text.casefold())
