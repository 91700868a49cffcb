"""The mobilities file: every row drawn in a fixed order (placement, dates, people, agreement,
programme, credits, language, grant), identified, sorted, and a few rows spoiled on purpose."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipelines.demo.agreements import Agreements
from pipelines.demo.dates import schedule
from pipelines.demo.funding import grant_amounts, programmes
from pipelines.demo.learning import credits, languages
from pipelines.demo.organisations import Orgs
from pipelines.demo.partners import agreement_references, place
from pipelines.demo.people import people
from pipelines.demo.sampling import blank_unless, dates, text
from pipelines.demo.segments import Rows, segment_rows
from pipelines.demo.university import (
    BAD_ROW_SHARE,
    FACULTIES,
    PROGRAMMES,
    YEARS,
    degree_programme,
)

# person numbers of one block stay below this; a block adds block * PERSON_BLOCK to them
PERSON_BLOCK = 10_000_000


@dataclass
class Mobilities:
    columns: dict[str, np.ndarray]  # contract column -> text values, in file order
    expected: np.ndarray  # expected realised mobilities [agreement, direction (out, in), year]
    realised_outbound: np.ndarray  # per academic year
    # mobility ids used per (direction, year): where the next block's numbering goes on
    sequences: np.ndarray | None = None


def mobilities(
    rng: np.random.Generator,
    records: int,
    orgs: Orgs,
    agr: Agreements,
    block: int = 0,
    numbered: np.ndarray | None = None,
) -> Mobilities:
    """``records`` mobility rows as text columns, with the flows that size the agreements.

    A large demo is made in blocks (``generate``): block ``block`` gives its people numbers of
    their own and goes on numbering mobility ids after the ``numbered`` ones of earlier
    blocks (per direction and year), so that ids and people never repeat across blocks."""
    rows = segment_rows(records)
    placed = place(rng, rows, orgs, agr)
    partner = placed.partner
    when = schedule(rng, rows)
    completed = when.status == "completed"
    realised = completed | (when.status == "ongoing")
    country = orgs.country[partner]
    who = people(rng, rows, placed.faculty, country, when.start, when.end, block * PERSON_BLOCK)
    group, agreement, ag_type = agreement_references(rng, rows, agr, placed)
    programme = programmes(rng, rows, country, ag_type, group, when.start, orgs.hei[partner])
    ects = credits(rng, rows, when)
    language = languages(rng, rows, orgs.language[partner], completed)
    grant = grant_amounts(rng, rows, country, programme, who.fewer, when)
    hours = np.where(rng.random(len(rows)) < 0.55, 8, rng.integers(9, 21, len(rows)))
    numbered = np.zeros(2 * len(YEARS), dtype=np.int64) if numbered is None else numbered
    order, mobility_id = identifiers(rng, rows, when.start, numbered)

    columns = {
        "mobility_id": mobility_id,
        "person_id": who.person_id,
        "person_role": rows.role,
        "direction": rows.direction,
        "activity": rows.activity,
        "mode": np.where(rows.physical, "physical", rows.activity).astype(object),
        "programme": np.array(PROGRAMMES, dtype=object)[programme],
        "partner_erasmus_code": orgs.erasmus[partner],
        "partner_schac_code": orgs.schac[partner],
        "partner_name": orgs.name[partner],
        "partner_country": country,
        "partner_city": orgs.city[partner],
        "faculty": np.array(FACULTIES, dtype=object)[placed.faculty],
        "degree_programme": programme_names(who.field, who.level),
        "study_level": text(who.level, who.level == 0),
        "field": who.field,
        "start_date": dates(when.start),
        "end_date": dates(when.end),
        "status": when.status,
        "gender": who.gender,
        "nationality": who.nationality,
        "fewer_opportunities": who.fewer,
        "special_needs": who.special,
        **ects,
        **language,
        "grant_amount": grant,
        "agreement_id": blank_unless(agr.id[np.maximum(agreement, 0)], agreement >= 0),
        "host_type": np.where(rows.outbound, orgs.kind[partner], "higher_education").astype(object),
        "teaching_hours": text(hours, ~rows.is_["teaching"]),
    }
    plant_bad_rows(rng, columns, when.start, rows.is_["study"] & rows.outbound)
    realised_outbound = np.bincount(rows.yi[realised & rows.outbound], minlength=len(YEARS))
    sequences = np.bincount(_sequence_key(rows), minlength=2 * len(YEARS))
    return Mobilities(
        {k: v[order] for k, v in columns.items()}, placed.expected, realised_outbound, sequences
    )


def programme_names(field: np.ndarray, level: np.ndarray) -> np.ndarray:
    """Each student's degree programme (by field and level); empty for staff (level 0)."""
    pairs = np.char.add(field.astype(str), level.astype(str))
    names = {
        f + str(lv): degree_programme(f, int(lv)) if lv else ""
        for f, lv in set(zip(field.tolist(), level.tolist(), strict=True))
    }
    return np.array([names[p] for p in pairs.tolist()], dtype=object)


def _sequence_key(rows: Rows) -> np.ndarray:
    """What mobility ids are numbered within: direction and academic year."""
    return (rows.outbound * len(YEARS) + rows.yi).astype(np.int64)


def identifiers(
    rng: np.random.Generator, rows: Rows, start: np.ndarray, numbered: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """File order (by start date, then mobility id) and ids OM/IM-year-sequence, numbered
    after the ``numbered`` ids of earlier blocks."""
    n, outbound = len(rows), rows.outbound
    order = np.lexsort((rng.random(n), outbound, start))
    key = _sequence_key(rows)[order]
    by_key = np.argsort(key, kind="stable")
    sorted_key = key[by_key]
    bounds = np.flatnonzero(np.r_[True, sorted_key[1:] != sorted_key[:-1]])
    in_group = np.arange(n) - np.repeat(bounds, np.diff(np.r_[bounds, n]))
    sequence = np.empty(n, dtype=np.int64)
    sequence[order[by_key]] = in_group + 1 + numbered[sorted_key]
    mobility_id = np.strings.add(
        np.strings.add(np.where(outbound, "OM-", "IM-"), rows.year.astype(str)),
        np.strings.add("-", np.strings.zfill(sequence.astype(str), 6)),
    ).astype(object)
    return order, mobility_id


def plant_bad_rows(
    rng: np.random.Generator, columns: dict[str, np.ndarray], start: np.ndarray, eligible
) -> None:
    """Spoil about 0.1% of rows (at least 3): unknown country, end before start, ECTS 'abc'."""
    n = len(start)
    count = max(3, round(n * BAD_ROW_SHARE))
    rows = np.flatnonzero(eligible)
    if len(rows) < count:
        rows = np.arange(n)
    bad = np.sort(rng.choice(rows, min(count, len(rows)), replace=False))
    kind = np.arange(len(bad)) % 3
    columns["partner_country"][bad[kind == 0]] = "XX"
    early = bad[kind == 1]
    columns["end_date"][early] = dates(start[early] - rng.integers(1, 31, len(early)))
    columns["ects_planned"][bad[kind == 2]] = "abc"
