"""The three report files read back: XLSX with openpyxl, PDF text with pypdf, HTML as text;
and the `mobility report` command as a user runs it."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re

import openpyxl
import pypdf
import pypdfium2
import pytest

from pipelines import metrics
from pipelines.report import build_report, render
from pipelines.report.charts import chart_svg
from pipelines.report.model import TOTAL
from tests import fixture_data
from tests.cli import run
from tests.report_fixture import FIXED, YEAR, realised, students

OUT, IN = "outbound", "inbound"


@pytest.fixture(scope="module")
def report(fixture_warehouse):
    return build_report(fixture_warehouse, YEAR, suppress=True, generated_at=FIXED)


@pytest.fixture(scope="module")
def pdf_text(report) -> tuple[bytes, list[str]]:
    data = render(report, "pdf")
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]
    return data, pages


def file_hashes(fixture_files) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in fixture_files.values()}


def total_students(direction: str) -> int:
    rows = students(realised())
    return int((rows["direction"] == direction).sum())


def test_xlsx_one_sheet_per_table_numbers_as_numbers(report, fixture_files):
    book = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))
    # sheets named in words (issue 14), written out here rather than derived from the keys
    assert book.sheetnames[:6] == [
        "Cover",
        "Headline",
        "Students by country",
        "Students by kind",
        "Students by level",
        "Students by faculty",
    ]
    assert book.sheetnames[-1] == "Definitions"
    assert len(book.sheetnames) == len(report.tables) + 2
    assert not any("_" in name for name in book.sheetnames)
    sheet = book["Students by kind"]
    assert sheet.freeze_panes == "B6"
    assert [c.value for c in sheet[5]] == ["Kind of mobility", "Outbound", "Inbound", "Total"]
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=6, values_only=True)}
    assert rows[TOTAL][:2] == (total_students(OUT), total_students(IN))
    assert all(isinstance(v, int) for v in rows[TOTAL])
    assert sheet.column_dimensions["A"].width >= len("Online and blended mobility")
    # suppressed cells hold the marker text, never a number
    table = report.table("students_by_country")
    country = book["Students by country"]
    for i in range(len(table.frame)):
        for j, column in enumerate(table.frame.columns[1:], start=2):
            value = country.cell(6 + i, j).value
            flag = table.flags.iloc[i][column]
            assert value == {"<": "<5", "c": "c", "": value}[flag]
            assert isinstance(value, str) == bool(flag)
    assert "<5" in [c.value for row in country.iter_rows(min_row=6) for c in row]
    cover = [c.value for row in book["Cover"].iter_rows() for c in row if c.value]
    assert set(file_hashes(fixture_files).values()) <= set(cover)
    assert any("suppression ON" in str(v) for v in cover)
    definitions = [r[0] for r in book["Definitions"].iter_rows(values_only=True)]
    assert set(metrics.KPI_IDS) <= set(definitions)


def test_pdf_text_has_cover_contents_tables_and_page_numbers(pdf_text, report, fixture_files):
    data, pages = pdf_text
    assert data.startswith(b"%PDF")
    text = "\n".join(pages)
    cover = pages[0]
    assert "Academic mobility report 2024/25" in cover and "Whole university" in cover
    assert "2025-01-31 12:00" in cover and "suppression ON" in cover
    flat = re.sub(r"\s+", "", cover)
    assert all(sha in flat for sha in file_hashes(fixture_files).values())
    assert "Contents" in pages[1]
    # every table is a numbered section, listed in the contents with the page it starts on
    entries = re.findall(r"^\s*(\d+)\n(\d+\. .+)$", pages[1], flags=re.MULTILINE)
    contents = {title.strip(): int(page) for page, title in entries}
    assert len(contents) == len(report.tables)
    for number, table in enumerate(report.tables, start=1):
        heading = f"{number}. {table.title}"
        start = next(i for i, page in enumerate(pages) if heading in page and i > 1)
        assert contents[heading] == start + 1, heading
    for i, page in enumerate(pages[1:], start=2):
        assert f"Page {i}" in page
    kinds = pages_with(pages, "Student mobility by kind of mobility")
    assert f"Total {total_students(OUT):,} {total_students(IN):,}" in kinds
    assert "<5" in text
    assert "Appendix: definitions" in text
    assert all(k.name in re.sub(r"\s+", " ", text) for k in metrics.KPIS)


def pages_with(pages: list[str], heading: str) -> str:
    start = next(i for i, page in enumerate(pages) if heading in page and i > 1)
    return re.sub(r"\s+", " ", pages[start] + pages[start + 1])


def test_pdf_pages_are_a4_and_render(pdf_text):
    data, pages = pdf_text
    document = pypdfium2.PdfDocument(data)
    assert len(document) == len(pages) > 5
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (595, 842)
    image = document[2].render(scale=0.5).to_pil()
    assert image.getextrema() != ((255, 255), (255, 255), (255, 255))  # not a blank page


def test_html_is_one_self_contained_file(report):
    html = render(report, "html").decode("utf-8")
    assert "<script" not in html
    links = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert links and all(link.startswith("#") for link in links)
    assert "@import" not in html
    assert all(ref.startswith("#") for ref in re.findall(r"url\(([^)]*)\)", html))
    charts = sum(1 for t in report.tables if chart_svg(t))
    assert html.count("<svg") == charts >= 3
    text = re.sub(r"<[^>]+>", " ", html)
    text = re.sub(r"\s+", " ", text)
    assert f"Total {total_students(OUT):,} {total_students(IN):,}" in text
    assert "suppression ON" in text and "&lt;5" in html
    for kpi in metrics.KPIS:
        assert kpi.definition.replace("'", "&#39;") in html


def test_renders_are_deterministic_apart_from_the_timestamp(fixture_warehouse, report):
    later = build_report(
        fixture_warehouse, YEAR, suppress=True, generated_at=FIXED + dt.timedelta(hours=3)
    )
    first, second = render(report, "html"), render(later, "html")
    assert first != second
    assert first.replace(b"2025-01-31 12:00", b"") == second.replace(b"2025-01-31 15:00", b"")
    again = build_report(fixture_warehouse, YEAR, suppress=True, generated_at=FIXED)
    assert render(again, "html") == first
    a, b = (pypdf.PdfReader(io.BytesIO(render(r, "pdf"))) for r in (report, again))
    assert [p.extract_text() for p in a.pages] == [p.extract_text() for p in b.pages]
    x, y = (openpyxl.load_workbook(io.BytesIO(render(r, "xlsx"))) for r in (report, again))
    for name in x.sheetnames:
        assert list(x[name].values) == list(y[name].values)


def test_unsuppressed_report_says_so(fixture_warehouse):
    report = build_report(fixture_warehouse, YEAR, suppress=False, generated_at=FIXED)
    html = render(report, "html").decode()
    assert "suppression OFF" in html and "do not publish" in html
    assert "&lt;5" not in html


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, fixture_files):
    warehouse = tmp_path_factory.mktemp("report-cli") / "w.duckdb"
    run("ingest", *map(str, fixture_files.values()), warehouse=warehouse)
    return warehouse


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF"), ("xlsx", b"PK"), ("html", b"<!DOC")])
def test_cli_writes_each_format(loaded, tmp_path, fmt, magic):
    out = tmp_path / f"r.{fmt}"
    done = run("report", "--year", "2024", "--format", fmt, "--out", str(out), warehouse=loaded)
    assert out.read_bytes().startswith(magic)
    assert f"wrote {out}" in " ".join(done.stdout.split())
    assert "2024/25, Whole university, 18 tables" in " ".join(done.stdout.split())


def test_cli_default_name_faculty_and_internal_mode(loaded, tmp_path):
    faculty = fixture_data.FACULTIES[1]
    done = run(
        "report",
        "--faculty",
        faculty,
        "--no-suppress",
        "--format",
        "html",
        "--out",
        str(tmp_path / "f.html"),
        warehouse=loaded,
    )
    assert "suppression OFF" in done.stdout
    assert "internal use only" in done.stderr
    assert faculty in (tmp_path / "f.html").read_text()


def test_cli_errors_name_what_would_work(loaded):
    done = run("report", "--year", "1999", warehouse=loaded, check_code=2)
    assert "no data for 1999/00; years with data: 2022/23, 2023/24, 2024/25" in done.stderr
    done = run("report", "--format", "docx", warehouse=loaded, check_code=2)
    assert "docx" in done.stderr


def test_pdf_headings_never_break_inside_a_word(pdf_text):
    # "Agreements" was set in a column 1 pt too narrow and printed "Agreement" over "s"
    _, pages = pdf_text
    agreements = pages_with(pages, "Partner agreements and their utilisation")
    assert "Agreements Places out" in agreements
    assert not re.search(r"Agreement s\b", agreements)


def test_pdf_column_widths_fit_each_heading_s_longest_word():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from pipelines.report import fonts, pdf

    columns = ["Partner country", "Agreements", "Places out", "Utilisation (%)", "Dormant"]
    widths = pdf._widths(columns)
    assert sum(widths) == pytest.approx(pdf.WIDTH)
    fonts.register()
    word = stringWidth("Agreements", fonts.BOLD, pdf.HEADING_SIZE)
    assert widths[1] >= word + 2 * pdf.CELL_PADDING


def test_chart_names_long_categories_in_full(report):
    # "Faculty of Economics and Business" (33 characters) was cut to 30 in the PDF's charts
    import dataclasses

    table = report.table("students_by_country")
    long_name = "Faculty of Economics and Business Administration"
    frame = table.frame.head(2).copy()
    frame.iloc[:, 0] = [long_name, "Spain (ES)"]
    for column in table.chart.series:  # counts large enough to be drawn
        frame[column] = [40, 30]
    svg = chart_svg(dataclasses.replace(table, frame=frame))
    assert long_name in svg
