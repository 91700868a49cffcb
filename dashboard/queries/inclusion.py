"""Queries of the Inclusion page: participants with fewer opportunities and the mix of
participants by gender, level and field."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dashboard.data import inclusion as inclusion_data
from dashboard.queries.core import run_filtered

if TYPE_CHECKING:
    from dashboard.filters import Filters


def fewer_opportunities(flt: Filters, by: str) -> pd.DataFrame:
    """fewer_opportunities_share per academic year or per faculty (``by``): realised outbound
    student mobilities with the flag set, over all realised outbound student mobilities."""
    if by not in inclusion_data.FEWER_OPPORTUNITIES_GROUPS:
        raise ValueError(f"cannot group by {by!r}")
    return run_filtered("inclusion/fewer_opportunities", flt, by=by)


def participant_mix(flt: Filters, by: str) -> pd.DataFrame:
    """Realised mobilities per direction and gender, study level or broad field (``by``),
    with each group's share of its direction."""
    if by not in inclusion_data.PARTICIPANT_GROUPS:
        raise ValueError(f"cannot group by {by!r}")
    frame = run_filtered("inclusion/participant_mix", flt, by=by)
    return inclusion_data.level_labels(frame, by)
