"""Queries of the Programmes page: dual and joint degrees, online mobility,
internships and international projects."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from dashboard.queries.core import run_after, run_filtered

if TYPE_CHECKING:
    from dashboard.filters import Filters


def dual_degrees_by_year(flt: Filters) -> pd.DataFrame:
    """Dual and joint degrees per academic year: distinct students (both directions), completed
    periods (the contract has no graduation field: a completed dual-degree period is the
    proxy for a graduate) and partner institutions."""
    return run_filtered("programmes/dual_degrees_by_year", flt)


def dual_degree_partners(flt: Filters) -> pd.DataFrame:
    return run_filtered("programmes/dual_degree_partners", flt)


def online_by_year(flt: Filters) -> pd.DataFrame:
    """Online (virtual) and blended mobilities per year and their share of all realised
    mobilities (online_share), both directions as filtered."""
    return run_filtered("programmes/online_by_year", flt)


def internships(flt: Filters, by: str) -> pd.DataFrame:
    """Realised internships and placements per direction and host type or country (``by``)."""
    if by not in ("host_type", "country"):
        raise ValueError(f"cannot group internships by {by!r}")
    return run_filtered("programmes/internships", flt, by=by)


PROJECTS = "programmes/chosen_projects"
"""The projects of the selected years and faculties, which the project queries continue."""


def _project_params(flt: Filters) -> dict[str, object]:
    return {
        "year_from": flt.year_from,
        "year_to": flt.year_to,
        "faculties": list(flt.faculties) or None,
    }


def projects_in_range(flt: Filters) -> pd.DataFrame:
    """International projects running in at least one of the selected years (years and
    faculty filter)."""
    return run_after(PROJECTS, "programmes/projects_in_range", **_project_params(flt))


def project_funding(flt: Filters) -> pd.DataFrame:
    """Projects and the university's own share of their budgets per programme and role."""
    return run_after(PROJECTS, "programmes/project_funding", **_project_params(flt))


def project_countries(flt: Filters) -> pd.DataFrame:
    """How many of the projects involve each partner country."""
    return run_after(PROJECTS, "programmes/project_countries", **_project_params(flt))
