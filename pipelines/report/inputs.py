"""What the report's tables are built from: the query results of one report (:class:`Inputs`)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipelines.report.model import Suppression


@dataclass(frozen=True)
class Inputs:
    """The query results one report is built from."""

    year: str
    year_start: int
    faculty: str | None
    trend_years: tuple[str, ...]  # the report year and up to four before it, oldest first
    counts: pd.DataFrame  # mobility_counts.sql over the trend years
    bases: pd.DataFrame  # outcome_bases.sql over the trend years
    kpis: pd.DataFrame  # kpi_values.sql over the trend years
    agreements: pd.DataFrame
    projects: pd.DataFrame
    suppression: Suppression

    @property
    def year_counts(self) -> pd.DataFrame:
        return self.counts[self.counts["academic_year"] == self.year]

    def scoped_kpis(self) -> pd.DataFrame:
        """KPI values of the report's scope: the whole university, or the chosen faculty."""
        k = self.kpis
        if self.faculty is None:
            return k[k["dimension"] == "all"]
        return k[(k["dimension"] == "faculty") & (k["dimension_value"] == self.faculty)]

    def faculty_kpis(self, kpi_id: str) -> pd.DataFrame:
        """One KPI of the report year per faculty (only the chosen one in a faculty report)."""
        k = self.kpis
        rows = k[(k["academic_year"] == self.year) & (k["kpi_id"] == kpi_id)]
        rows = rows[rows["dimension"] == "faculty"]
        if self.faculty is not None:
            rows = rows[rows["dimension_value"] == self.faculty]
        return rows
