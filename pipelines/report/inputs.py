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
    programme: str | None = None  # a degree programme's report (``faculty`` is then None)
    programme_faculty: str | None = None  # whose agreements and projects it shows

    def per_faculty_note(self, what: str) -> str:
        """In a programme's report, what the tables of ``what`` (recorded per faculty) show."""
        if self.programme is None:
            return ""
        whose = (
            f"those of the {self.programme_faculty}"
            if self.programme_faculty
            else "the whole university's (its mobilities name no faculty)"
        )
        return (
            f" {what.capitalize()} are recorded per faculty, not per degree programme: these "
            f"are {whose}."
        )

    @property
    def whole_university(self) -> bool:
        return self.faculty is None and self.programme is None

    @property
    def scope_value(self) -> str | None:
        """The faculty or degree programme the report is about (None: whole university)."""
        return self.programme if self.programme is not None else self.faculty

    @property
    def row_dimension(self) -> str:
        """What a row of the outcome tables is: a faculty, or in a programme's report the
        programme (kpi_values' dimension)."""
        return "degree_programme" if self.programme is not None else "faculty"

    @property
    def row_heading(self) -> str:
        return "Degree programme" if self.programme is not None else "Faculty"

    @property
    def year_counts(self) -> pd.DataFrame:
        return self.counts[self.counts["academic_year"] == self.year]

    def scoped_kpis(self) -> pd.DataFrame:
        """KPI values of the report's scope: the whole university, or the chosen faculty or
        degree programme."""
        k = self.kpis
        if self.whole_university:
            return k[k["dimension"] == "all"]
        scoped = k[k["dimension"] == self.row_dimension]
        return scoped[scoped["dimension_value"] == self.scope_value]
