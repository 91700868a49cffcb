"""Where each mobility goes or comes from: its faculty, its partner (weighted by popularity,
agreements and faculty), the agreement it references, and the flows expected under each
agreement (which size the agreements' places)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipelines.demo.agreements import Agreements
from pipelines.demo.organisations import Orgs
from pipelines.demo.sampling import choice_rows, cumulative, probabilities
from pipelines.demo.segments import FACULTY_MIX, SEGMENTS, Rows
from pipelines.demo.university import DORMANT_FROM, FACULTIES, GROUPS, YEARS


@dataclass
class Placement:
    faculty: np.ndarray  # faculty index per row
    partner: np.ndarray  # organisation index per row
    fallback: np.ndarray  # [segment, year, faculty]: cells drawn ignoring the faculty
    expected: np.ndarray  # expected realised mobilities [agreement, direction (out, in), year]


def partner_weights(orgs: Orgs, agr: Agreements) -> tuple[np.ndarray, np.ndarray]:
    """Weights [segment, year, faculty, organisation], and the cells that ignore the faculty.

    Mobilities under a faculty's own agreement come from that faculty; a cell where no
    partner fits the faculty falls back to all partners of the segment (and then references
    no faculty agreement).
    """
    n_org, n_year, n_fac = len(orgs), len(YEARS), len(FACULTIES)
    ag_faculty = np.where(agr.lookup >= 0, agr.faculty[agr.lookup], -1)  # [org, group, year]
    ag_dormant = np.where(agr.lookup >= 0, agr.dormant[agr.lookup], False)
    recent = YEARS >= DORMANT_FROM
    started = np.where(orgs.hei[None, :], orgs.since[None, :] <= YEARS[:, None], True)
    own = orgs.faculty[None, :] == np.arange(n_fac)[:, None]  # [faculty, org]
    pools = {
        "hei": orgs.hei,
        "hei_europe": orgs.hei & orgs.europe,
        "enterprise": orgs.kind == "enterprise",
        "research_institute": orgs.kind == "research_institute",
        "ngo": np.isin(orgs.kind, ["ngo", "public_body"]),
    }
    mean_popularity = (orgs.out + orgs.inbound) / 2
    weights = np.zeros((len(SEGMENTS), n_year, n_fac, n_org))
    fallback = np.zeros((len(SEGMENTS), n_year, n_fac), dtype=bool)
    for s, seg in enumerate(SEGMENTS):
        if seg.pool not in ("hei", "hei_europe"):
            popularity = orgs.out
        elif seg.role != "student" or seg.activity == "blended":
            popularity = mean_popularity
        elif seg.activity == "virtual":
            popularity = mean_popularity * np.where(orgs.europe, 1.0, 3.0)
        else:
            popularity = (orgs.out if seg.direction == "outbound" else orgs.inbound) ** 1.6
        base = popularity * pools[seg.pool]
        avail = started.astype(float)  # [year, org]
        affinity = np.broadcast_to(np.where(own, 1.0, 0.35), (n_year, n_fac, n_org))
        if seg.group:
            g = GROUPS.index(seg.group)
            has = (agr.lookup[:, g, :] >= 0).T  # [year, org]
            if seg.access == "bound":
                avail = avail * (has & ~(ag_dormant[:, g, :].T & recent[:, None]))
                specific = (ag_faculty[:, g, :].T >= 0)[:, None, :]  # [year, 1, org]
                affinity = np.where(specific & ~own[None, :, :], 0.0, affinity)
            elif seg.access == "free":
                avail = avail * ~has
        cell = base * avail[:, None, :] * affinity  # [year, faculty, org]
        empty = cell.sum(axis=2) == 0
        if empty.any():
            loose = np.broadcast_to((base * avail)[:, None, :], cell.shape)
            cell = np.where(empty[:, :, None], loose, cell)
            fallback[s] = empty
        weights[s] = cell
    return weights, fallback


def place(rng: np.random.Generator, rows: Rows, orgs: Orgs, agr: Agreements) -> Placement:
    """Each row's faculty, then its partner given segment, year and faculty."""
    n_year, n_fac, n_org = len(YEARS), len(FACULTIES), len(orgs)
    faculty_cum = cumulative([FACULTY_MIX[s.faculties] for s in SEGMENTS])
    faculty = choice_rows(rng, faculty_cum, rows.seg)
    weights, fallback = partner_weights(orgs, agr)
    cum = cumulative(weights.reshape(-1, n_org))
    cell = (rows.seg * n_year + rows.yi) * n_fac + faculty
    # One search over all cells: cell c's cumulative probabilities are shifted into [c, c+1].
    shifted = (np.arange(len(cum))[:, None] + cum).ravel()
    u = np.minimum(rng.random(len(rows)), 1.0 - 1e-9)
    partner = np.searchsorted(shifted, cell + u, side="right") - cell * n_org
    partner = np.clip(partner, 0, n_org - 1)
    expected = expected_flows(rows.counts, faculty_cum, cum, agr)
    return Placement(faculty, partner, fallback, expected)


def expected_flows(
    counts: np.ndarray, faculty_cum: np.ndarray, cum: np.ndarray, agr: Agreements
) -> np.ndarray:
    """Expected realised flows under each agreement [agreement, direction, year]."""
    n_seg, n_year, n_fac = len(SEGMENTS), len(YEARS), len(FACULTIES)
    cell_rows = counts[:, :, None] * probabilities(faculty_cum)[:, None, :]
    flows = (cell_rows.reshape(-1, 1) * probabilities(cum)).reshape(n_seg, n_year, n_fac, -1)
    flows = flows.sum(axis=2)
    expected = np.zeros((len(agr), 2, n_year))
    for s, seg_def in enumerate(SEGMENTS):
        if seg_def.group and seg_def.access != "free":
            ag = agr.lookup[:, GROUPS.index(seg_def.group), :]  # [org, year]
            o, y = np.nonzero(ag >= 0)
            d = 0 if seg_def.direction == "outbound" else 1
            np.add.at(expected[:, d, :], (ag[o, y], y), flows[s, y, o] * 0.9)
    return expected


def agreement_references(
    rng: np.random.Generator, rows: Rows, agr: Agreements, placed: Placement
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Agreement group, referenced agreement (or -1) and the type of the covering agreement.

    Most mobilities under a partner agreement reference it.
    """
    group = np.full(len(rows), -1, dtype=np.int64)
    for s, seg_def in enumerate(SEGMENTS):
        if seg_def.group and seg_def.access != "free":
            group[rows.seg == s] = GROUPS.index(seg_def.group)
    candidate = np.where(group >= 0, agr.lookup[placed.partner, np.maximum(group, 0), rows.yi], -1)
    loose = placed.fallback[rows.seg, rows.yi, placed.faculty] & (agr.faculty[candidate] >= 0)
    candidate = np.where(loose, -1, candidate)
    agreement = np.where(rng.random(len(rows)) >= 0.05, candidate, -1)
    ag_type = np.where(candidate >= 0, agr.type[candidate], "")
    return group, agreement, ag_type
