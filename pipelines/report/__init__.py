"""The accreditation report pack: standard tables as XLSX, PDF and HTML.

Why this lives in ``pipelines`` and not in ``dashboard``: the ``mobility report`` command and
the dashboard's Reports page make the same report, so the code is shared, and the command must
work without Streamlit. It only *reads*: :func:`build_report` opens the warehouse read-only
with ``duckdb.connect(path, read_only=True)``, runs the queries in ``sql/`` with bound
parameters and closes it again (as ``dashboard/queries/`` does), so a report never holds a
lock that would stop an import.

Flow: :func:`build_report` -> :class:`~pipelines.report.model.Report` (tables already
suppressed) -> :func:`render` -> bytes of one format.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from pipelines import access, metrics
from pipelines.contract.rules import AcademicYear
from pipelines.report import queries
from pipelines.report.model import Cover, Definition, ImportRecord, Report, Suppression
from pipelines.report.queries import ReportError
from pipelines.report.tables import Inputs, build_tables
from pipelines.settings import Settings

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "html": "text/html",
}
TREND_YEARS = 5
DEFAULT_THRESHOLD = 5

__all__ = [
    "FORMATS",
    "Report",
    "ReportError",
    "Suppression",
    "build_report",
    "file_name",
    "options",
    "render",
]


def _open(path: str | Path) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if not path.exists():
        raise ReportError(f"{path}: no warehouse here; run `mobility demo` or import data")
    # the published copy, which no writer locks (pipelines/access.py)
    return access.open_reader(path)


def options(path: str | Path) -> tuple[list[str], list[str], list[str]]:
    """Academic years (oldest first), faculties and degree programmes a report can be made
    for."""
    with _open(path) as con:
        return queries.years(con), queries.faculties(con), list(queries.degree_programmes(con))


def normalise_year(year: str) -> str:
    try:
        return AcademicYear().one(year)
    except ValueError:
        raise ReportError(f"{year!r} is not an academic year such as 2024/25") from None


def build_report(
    path: str | Path,
    year: str | None = None,
    faculty: str | None = None,
    suppress: bool = True,
    generated_at: dt.datetime | None = None,
    programme: str | None = None,
) -> Report:
    """Every table of the report for one academic year (default: the latest) and scope: the
    whole university, one ``faculty``, or one degree ``programme`` (its mobilities and KPIs;
    agreements and projects, recorded per faculty, are those of the programme's faculty)."""
    with _open(path) as con:
        years = queries.years(con)
        if not years:
            raise ReportError("the warehouse has no KPI values: import mobilities first")
        year = years[-1] if year is None else normalise_year(year)
        if year not in years:
            raise ReportError(f"no data for {year}; years with data: {', '.join(years)}")
        agreements_of = faculty
        if programme is not None:
            if faculty is not None:
                raise ReportError("choose a faculty or a degree programme, not both")
            programmes = queries.degree_programmes(con)
            if programme not in programmes:
                known_programmes = ", ".join(programmes) or "none (the mobilities name none)"
                raise ReportError(
                    f"no degree programme {programme!r} in the mobilities; known: "
                    f"{known_programmes}"
                )
            agreements_of = programmes[programme]
        if faculty is not None:
            known = queries.faculties(con)
            if faculty not in known:
                raise ReportError(
                    f"no faculty {faculty!r} in the mobilities; known: {', '.join(known)}"
                )
        threshold_text = queries.setting(con, "small_cell_threshold", str(DEFAULT_THRESHOLD))
        threshold = int(threshold_text) if threshold_text.isdigit() else DEFAULT_THRESHOLD
        suppression = Suppression(enabled=suppress, threshold=threshold)
        year_start = int(year[:4])
        trend = tuple(y for y in years if year_start - TREND_YEARS < int(y[:4]) <= year_start)
        first = int(trend[0][:4])
        inputs = Inputs(
            year=year,
            year_start=year_start,
            faculty=faculty,
            trend_years=trend,
            counts=queries.mobility_counts(con, first, year_start, faculty, programme),
            bases=queries.outcome_bases(con, first, year_start, faculty, programme),
            kpis=queries.kpi_values(con, first, year_start),
            agreements=queries.agreements(con, year, agreements_of),
            projects=queries.projects(con, year, agreements_of),
            suppression=suppression,
            programme=programme,
            programme_faculty=agreements_of if programme is not None else None,
        )
        imports = queries.imports(con)
        build = queries.last_build(con)
        institution = queries.setting(con, "institution_name", Settings().institution_name)
    cover = Cover(
        institution=institution,
        academic_year=year,
        faculty=agreements_of,
        programme=programme,
        generated_at=generated_at or dt.datetime.now().replace(microsecond=0),
        suppression=suppression,
        imports=tuple(
            ImportRecord(r.table_name, r.file_name, r.file_sha256, int(r.rows_read), r.imported_at)
            for r in imports.itertuples()
        ),
        built_at=build[0] if build else None,
        build_models=build[1] if build else None,
        build_checks=build[2] if build else None,
    )
    return Report(cover, build_tables(inputs), definitions(), conventions())


def definitions() -> tuple[Definition, ...]:
    """Every KPI of the registry, for the appendix."""
    return tuple(
        Definition(k.id, k.name, k.definition, k.unit, k.source, k.reference_target)
        for k in metrics.KPIS
    )


def conventions() -> tuple[str, ...]:
    """The conventions all KPIs share, as bullet points (from the registry's docstring)."""
    text = (metrics.__doc__ or "").split("Conventions shared by all KPIs:", 1)[-1]
    bullets = [" ".join(b.split()) for b in text.split("\n* ")[1:]]
    return tuple(b.replace("``", "").replace("*", "") for b in bullets)


def render(report: Report, fmt: str) -> bytes:
    """The report as a file of one format: xlsx, pdf or html."""
    if fmt == "xlsx":
        from pipelines.report.xlsx import render_xlsx

        return render_xlsx(report)
    if fmt == "pdf":
        from pipelines.report.pdf import render_pdf

        return render_pdf(report)
    if fmt == "html":
        from pipelines.report.html import render_html

        return render_html(report).encode("utf-8")
    raise ReportError(f"unknown format {fmt!r}; choose {', '.join(FORMATS)}")


def file_name(report: Report, fmt: str) -> str:
    """A file name that says what the report covers, e.g. mobility-report-2024-25.pdf."""
    scope = ""
    if named := report.cover.programme or report.cover.faculty:
        scope = "-" + "".join(ch if ch.isalnum() else "-" for ch in named.lower()).strip("-")
    year = report.cover.academic_year.replace("/", "-")
    internal = "" if report.cover.suppression.enabled else "-INTERNAL"
    return f"mobility-report-{year}{scope}{internal}.{fmt}"
