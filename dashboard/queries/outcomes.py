"""Queries of the Outcomes page: credit recognition and success, and language levels
before and after."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data import outcomes as outcomes_data
from dashboard.data.outcomes import LANGUAGE_GROUPS, OUTCOME_GROUPS
from dashboard.queries.core import run_filtered

if TYPE_CHECKING:
    from dashboard.filters import Filters


def credit_outcomes(flt: Filters, by: str) -> pd.DataFrame:
    """Recognition rate and credit success per faculty, partner or country (``by``), over
    completed outbound student mobilities, as the KPIs recognition_rate and
    credit_success_rate define them (each over the mobilities where its two figures are known).
    """
    if by not in OUTCOME_GROUPS:
        raise ValueError(f"cannot group credit outcomes by {by!r}")
    return run_filtered("outcomes/credit_outcomes", flt, by=by)


def cefr_matrix(flt: Filters) -> pd.DataFrame:
    """Realised mobilities by CEFR level before and after (both known)."""
    return run_filtered("outcomes/cefr_matrix", flt)


def language_improvement(flt: Filters, by: str) -> pd.DataFrame:
    """Share of realised mobilities improving by at least one CEFR level, per language or
    destination country (``by``)."""
    if by not in LANGUAGE_GROUPS:
        raise ValueError(f"cannot group language outcomes by {by!r}")
    frame = run_filtered("outcomes/language_improvement", flt, by=by)
    return outcomes_data.language_names(frame, by)
