"""How each mobility is funded: its programme (Erasmus+, KA171, CEEPUS, NAWA, Horizon, ...)
and the grant we pay for outbound mobilities, in EUR at the Erasmus+ rates of its year."""

from __future__ import annotations

import numpy as np

from pipelines.demo.dates import Schedule
from pipelines.demo.sampling import text
from pipelines.demo.segments import Rows
from pipelines.demo.university import PROGRAMME_INDEX as P

# Erasmus+ country groups for grants (Poland as sending country); the rest is group 3.
GRANT_GROUP_1 = ["DK", "FI", "IS", "IE", "LU", "SE", "NO", "LI", "GB"]
GRANT_GROUP_2 = ["AT", "BE", "DE", "FR", "IT", "GR", "ES", "CY", "NL", "MT", "PT"]
CEEPUS = ["AT", "BG", "HR", "CZ", "HU", "RO", "SK", "SI", "RS", "AL", "MK", "ME"]
KA171 = ["UA", "KE", "BR"]  # partner countries in Erasmus+ international credit mobility
# EUR per month (students, by group) and per day (staff, by group) for 2018/19 .. 2025/26.
STUDENT_RATE = (
    (500, 500, 500, 600, 600, 600, 750, 750),
    (450, 450, 450, 550, 550, 550, 700, 700),
    (350, 350, 350, 450, 450, 450, 600, 600),
)
STAFF_RATE = (
    (160, 160, 160, 180, 180, 180, 180, 180),
    (140, 140, 140, 160, 160, 160, 160, 160),
    (120, 120, 120, 140, 140, 140, 140, 140),
)
TOP_UP = (200, 200, 200, 250, 250, 250, 250, 250)  # fewer opportunities, per month
TRAINEESHIP_EXTRA = (100, 100, 100, 150, 150, 150, 150, 150)  # per month
KA171_RATE = (700, 700, 700, 700, 900, 900, 900, 900)  # per month
BIP_RATE = (70, 70, 70, 70, 70, 70, 79, 79)  # per day of the physical part


def programmes(
    rng: np.random.Generator,
    rows: Rows,
    country: np.ndarray,
    ag_type: np.ndarray,
    group: np.ndarray,
    start: np.ndarray,
    at_university: np.ndarray,
) -> np.ndarray:
    """Index into PROGRAMMES per row, by activity, agreement and partner country."""
    is_ = rows.is_
    r = rng.random(len(rows))
    before_2021 = start < np.datetime64("2021-01-01")
    horizon = np.where(before_2021, P["Horizon 2020"], P["Horizon Europe"])
    under_agreement = np.select(
        [(ag_type == "bilateral") & np.isin(country, KA171) & (r < 0.7), ag_type == "bilateral"],
        [P["Erasmus+ KA171"], P["Bilateral exchange"]],
        P["Erasmus+"],
    )
    return np.select(
        [
            is_["study"] | (is_["traineeship"] & (group >= 0) & at_university),
            is_["dual_degree"],
            is_["traineeship"] & (country == "CH"),
            is_["traineeship"],
            (is_["teaching"] | is_["training"]) & (group >= 0),
            (is_["teaching"] | is_["training"]) & np.isin(country, CEEPUS) & (r < 0.4),
            is_["teaching"] | is_["training"],
            is_["research"],
            is_["conference"],
            is_["virtual"],
        ],
        [
            under_agreement,
            P["Double degree"],
            P["Swiss-European Mobility Programme"],
            np.where(r < 0.9, P["Erasmus+"], P["Own funds"]),
            under_agreement,
            P["CEEPUS"],
            np.select([r < 0.5, r < 0.7], [P["Own funds"], P["NAWA"]], P["Bilateral exchange"]),
            np.select(
                [r < 0.3, r < 0.55, r < 0.85],
                [P["NAWA"], horizon, P["Own funds"]],
                P["Bilateral exchange"],
            ),
            np.select([r < 0.65, r < 0.87], [P["Own funds"], horizon], P["NAWA"]),
            np.where(r < 0.6, P["COIL"], P["Virtual exchange"]),
        ],
        P["Erasmus+ BIP"],
    )


def grant_amounts(
    rng: np.random.Generator,
    rows: Rows,
    country: np.ndarray,
    programme: np.ndarray,
    fewer: np.ndarray,
    when: Schedule,
) -> np.ndarray:
    """Grants paid by us (outbound, once approved), in EUR, as text (empty where none)."""
    is_, yi, student, days = rows.is_, rows.yi, rows.student, when.days
    grant_group = np.select([np.isin(country, GRANT_GROUP_1), np.isin(country, GRANT_GROUP_2)],
                            [0, 1], 2)  # fmt: skip
    months = days / 30.0
    top_up = np.where(fewer == "yes", np.array(TOP_UP)[yi], 0)
    monthly = np.array(STUDENT_RATE)[grant_group, yi] + top_up
    monthly = monthly + np.where(is_["traineeship"], np.array(TRAINEESHIP_EXTRA)[yi], 0)
    erasmus = programme == P["Erasmus+"]
    ka171 = programme == P["Erasmus+ KA171"]
    funded_research = np.isin(programme, [P["NAWA"], P["Horizon 2020"], P["Horizon Europe"]])
    grant = np.select(
        [
            student & ka171,
            student & erasmus & (is_["study"] | is_["traineeship"]),
            ~student & (erasmus | ka171),
            is_["research"] & funded_research,
            programme == P["Erasmus+ BIP"],
        ],
        [
            np.array(KA171_RATE)[yi] * months,
            monthly * months,
            np.array(STAFF_RATE)[grant_group, yi] * np.minimum(days, 14),
            rng.integers(110, 151, len(rows)) * days,
            np.array(BIP_RATE)[yi] * np.minimum(days, 14) + np.where(fewer == "yes", 100, 0),
        ],
        -1,
    )
    grant = np.round(grant).astype(np.int64)
    approved = np.isin(when.status, ["approved", "ongoing", "completed"])
    has_grant = rows.outbound & (grant >= 0) & approved
    return text(grant, ~has_grant)
