"""Suggest, for every unknown partner, the known partner or EC-listed institution it most likely is.

This module is the **one place that suggests partner matches**. The mart
``data_quality_unknown_partners`` lists the unknown partners and no longer suggests anything;
the Import and Data quality pages get their suggestions from ``suggest`` (through
``dashboard.queries.partner_suggestions``), and "accept all suggestions scoring at least N %"
turns them into mappings with ``accepted``.

Candidates:

* known partners (mart ``known_partners``): those with an agreement, and those confirmed in
  the partner mapping;
* the EC list of Erasmus charter holders, when it has been imported (``ec_institutions``),
  keyed as the SQL macro ``partner_key()`` keys an Erasmus code: ``'erasmus:'`` and the code in
  upper case without spaces. A known partner with the same key is the candidate, not the list
  entry; the university's own code (setting ``own_erasmus_code``) is never a candidate.

Score, 0-100 (a whole number, the percentage the pages show):

* 100 when a code is the same: the unknown partner's Erasmus code is the candidate's, or its
  SCHAC code is the candidate's (an unknown partner with an Erasmus code that the EC list
  holds is suggested as itself: confirm it as a partner, with the list's name);
* otherwise how alike the names are: rapidfuzz's ``token_sort_ratio`` of the two names after
  ``normalise_name`` (case folded, accents stripped, punctuation removed), so word order and
  accents do not count: ``100 * (1 - d / (len(a) + len(b)))`` with ``d`` the number of
  characters to insert or delete to turn one name, words sorted, into the other.

Only candidates of the unknown partner's country are compared when it has a country (all
candidates when it has none); code matches hold across countries. The best candidate is the
highest score, then a code match, then the source (agreement, confirmed partner, EC list),
then the key; it is kept when it scores at least ``MIN_SCORE``.
"""

from __future__ import annotations

import re
import unicodedata

import duckdb
import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from pipelines.partners.mapping import PartnerMapping

MIN_SCORE = 70
"""Below this a candidate is not suggested at all ('Uni Konstanz' and 'Universität Konstanz'
score 75; 'Universitaet Konstanz' and 'Universitaet Leipzig' 68)."""

ACCEPT_ALL_DEFAULT = 90
"""The pages' default for "accept all suggestions scoring at least N %"."""

AGREEMENT = "agreement"
CONFIRMED = "confirmed partner"
EC_LIST = "EC institution list"
SOURCES = (AGREEMENT, CONFIRMED, EC_LIST)
"""Where a suggestion comes from, in the order a tie is decided."""

SUGGESTION_COLUMNS = [
    "partner_key",
    "suggested_partner_key",
    "suggested_partner_name",
    "suggested_partner_country",
    "suggestion_source",
    "matched_on",
    "score",
]

_PUNCTUATION = re.compile(r"[\W_]+")
# letters NFKD does not decompose into a base letter and an accent
_LETTERS = str.maketrans({"ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe"})


def normalise_name(name: object) -> str:
    """A name as compared: case folded, accents stripped, punctuation and extra spaces removed.

    ``'Universität  Konstanz'`` -> ``'universitat konstanz'``; ``'Uniwersytet Łódzki'`` ->
    ``'uniwersytet lodzki'``; a missing name -> ``''``.
    """
    if not isinstance(name, str):
        return ""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def erasmus_key(code: object) -> str | None:
    """The partner key of an Erasmus code, as SQL's ``partner_key()`` computes it."""
    if not isinstance(code, str) or not code.strip():
        return None
    return "erasmus:" + re.sub(r"\s+", "", code).upper()


def _schac(code: object) -> str | None:
    if not isinstance(code, str) or not code.strip():
        return None
    return code.strip().lower()


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column of ``frame``, or an empty one of its length when it has none."""
    if name in frame:
        return frame[name]
    return pd.Series([None] * len(frame), index=frame.index, dtype=object)


def candidates(known: pd.DataFrame, institutions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every partner an unknown one may be mapped to, one row per key.

    ``known``: rows of ``known_partners`` (partner_key, partner_name, partner_country,
    known_from, and optionally partner_erasmus_code, partner_schac_code). ``institutions``:
    rows of the EC list (erasmus_code, name, country), or None when it was not imported.
    """
    frames = []
    if not known.empty:
        frames.append(
            pd.DataFrame(
                {
                    "partner_key": known["partner_key"],
                    "partner_name": known["partner_name"],
                    "partner_country": known["partner_country"],
                    "erasmus_key": _column(known, "partner_erasmus_code").map(erasmus_key),
                    "schac": _column(known, "partner_schac_code").map(_schac),
                    "source": np.where(known["known_from"] == "agreement", AGREEMENT, CONFIRMED),
                }
            )
        )
    if institutions is not None and not institutions.empty:
        keys = institutions["erasmus_code"].map(erasmus_key)
        listed = pd.DataFrame(
            {
                "partner_key": keys,
                "partner_name": institutions["name"],
                "partner_country": institutions["country"],
                "erasmus_key": keys,
                "schac": None,
                "source": EC_LIST,
            }
        )
        taken = set(known["partner_key"]) if not known.empty else set()
        listed = listed[listed["partner_key"].notna() & ~listed["partner_key"].isin(taken)]
        frames.append(listed.drop_duplicates("partner_key"))
    columns = ["partner_key", "partner_name", "partner_country", "erasmus_key", "schac", "source"]
    if not frames:
        return pd.DataFrame(columns=[*columns, "normalised"])
    out = pd.concat(frames, ignore_index=True)[columns]
    out["normalised"] = out["partner_name"].map(normalise_name)
    return out


def _code_matches(unknown: pd.DataFrame, cands: pd.DataFrame) -> pd.DataFrame:
    """(unknown index, candidate index) pairs with the same Erasmus or SCHAC code."""
    pairs = []
    for column, value, clean in (
        ("erasmus_key", "partner_erasmus_code", erasmus_key),
        ("schac", "partner_schac_code", _schac),
    ):
        codes = _column(unknown, value).map(clean)
        left = pd.DataFrame({"u": unknown.index, "code": codes}).dropna()
        right = pd.DataFrame({"c": cands.index, "code": cands[column]}).dropna()
        pairs.append(left.merge(right, on="code")[["u", "c"]])
    if not pairs:
        return pd.DataFrame(columns=["u", "c"])
    return pd.concat(pairs, ignore_index=True)


def _name_scores(unknown: pd.DataFrame, cands: pd.DataFrame, min_score: float) -> pd.DataFrame:
    """(unknown index, candidate index, score) of every name pair scoring at least min_score,
    comparing each unknown partner with the candidates of its country (all if it has none)."""
    names = unknown["partner_name"].map(normalise_name)
    country = unknown["partner_country"].astype(object)
    has_country = country.notna()
    groups = [(names[~has_country], cands)]  # no country: every candidate
    groups += [
        (names[country == value], cands[cands["partner_country"] == value])
        for value in country[has_country].unique()
    ]
    rows = []
    for group, pool in groups:
        group = group[group != ""]
        pool = pool[pool["normalised"] != ""]
        if group.empty or pool.empty:
            continue
        matrix = process.cdist(
            group.tolist(),
            pool["normalised"].tolist(),
            scorer=fuzz.token_sort_ratio,
            processor=None,
            score_cutoff=min_score,
        )
        u, c = np.nonzero(matrix)
        rows.append(
            pd.DataFrame(
                {
                    "u": group.index[u],
                    "c": pool.index[c],
                    "raw": matrix[u, c].astype(float),
                }
            )
        )
    if not rows:
        return pd.DataFrame(columns=["u", "c", "raw"])
    return pd.concat(rows, ignore_index=True)


def _whole(raw: pd.Series) -> pd.Series:
    """Scores as whole percentages, halves rounded up (87.5 -> 88), as the pages show them."""
    return np.floor(raw.astype(float) + 0.5).astype(int)


def suggest(
    unknown: pd.DataFrame,
    known: pd.DataFrame,
    institutions: pd.DataFrame | None = None,
    min_score: float = MIN_SCORE,
) -> pd.DataFrame:
    """The best candidate of each unknown partner (see the module's docstring).

    ``unknown``: partner_key, partner_name, partner_country and optionally
    partner_erasmus_code, partner_schac_code (rows of ``data_quality_unknown_partners``).
    Returns one row per unknown partner, in its order, with ``SUGGESTION_COLUMNS``: the
    suggestion's key, name, country, source (``SOURCES``), what matched (``'code'`` or
    ``'name'``) and score (0-100, whole); the suggestion columns are empty when no candidate
    scores at least ``min_score``.
    """
    unknown = unknown.reset_index(drop=True)
    cands = candidates(known, institutions)
    codes = _code_matches(unknown, cands).assign(raw=100.0, code=1)
    names = _name_scores(unknown, cands, min_score).assign(code=0)
    pairs = pd.concat([codes, names], ignore_index=True)
    out = pd.DataFrame({"partner_key": unknown["partner_key"]})
    if not pairs.empty:
        pairs["u"] = pairs["u"].astype(int)
        pairs["c"] = pairs["c"].astype(int)
        pairs["score"] = _whole(pairs["raw"])
        pairs["rank"] = pairs["c"].map(cands["source"]).map(SOURCES.index)
        pairs["key"] = pairs["c"].map(cands["partner_key"])
        best = (
            pairs.sort_values(
                ["u", "score", "code", "rank", "key"], ascending=[True, False, False, True, True]
            )
            .drop_duplicates("u")
            .set_index("u")
        )
        chosen = cands.loc[best["c"]].set_index(best.index)
        out = out.join(
            pd.DataFrame(
                {
                    "suggested_partner_key": chosen["partner_key"],
                    "suggested_partner_name": chosen["partner_name"],
                    "suggested_partner_country": chosen["partner_country"],
                    "suggestion_source": chosen["source"],
                    "matched_on": np.where(best["code"] == 1, "code", "name"),
                    "score": best["score"].astype("Int64"),
                }
            )
        )
    out = out.reindex(columns=SUGGESTION_COLUMNS)
    out["score"] = out["score"].astype("Int64")
    return out


def accepted(suggestions: pd.DataFrame, at_least: float) -> list[PartnerMapping]:
    """Mappings accepting every suggestion scoring at least ``at_least``; a suggestion of the
    partner's own key (its Erasmus code is in the EC list) confirms it as a partner."""
    chosen = suggestions[
        suggestions["suggested_partner_key"].notna() & (suggestions["score"].fillna(-1) >= at_least)
    ]
    return [
        PartnerMapping(source, target)
        for source, target in zip(
            chosen["partner_key"], chosen["suggested_partner_key"], strict=True
        )
    ]


_UNKNOWN_SQL = """
    select partner_key, partner_name, partner_country, partner_erasmus_code,
           partner_schac_code
    from data_quality_unknown_partners
    order by partner_key
"""
_KNOWN_SQL = """
    select partner_key, partner_name, partner_country, partner_erasmus_code,
           partner_schac_code, known_from
    from known_partners
    order by partner_key
"""
_INSTITUTIONS_SQL = """
    select i.erasmus_code, i.name, i.country
    from stg_ec_institutions as i
    cross join stg_settings as s
    where s.own_erasmus_code is null
        or i.code_key <> upper(regexp_replace(s.own_erasmus_code, '\\s+', '', 'g'))
    qualify row_number() over (
        partition by i.code_key order by i.import_id desc, i.erasmus_code
    ) = 1
    order by i.code_key
"""


def warehouse_candidates(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The known partners and the EC list (latest import of each code, without the university's
    own code) of a built warehouse, as ``suggest`` takes them."""
    return con.execute(_KNOWN_SQL).fetchdf(), con.execute(_INSTITUTIONS_SQL).fetchdf()


def suggest_for_warehouse(
    con: duckdb.DuckDBPyConnection, min_score: float = MIN_SCORE
) -> pd.DataFrame:
    """``suggest`` for every unknown partner of a built warehouse."""
    known, institutions = warehouse_candidates(con)
    unknown = con.execute(_UNKNOWN_SQL).fetchdf()
    return suggest(unknown, known, institutions, min_score)
