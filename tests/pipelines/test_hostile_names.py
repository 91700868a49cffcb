"""Hostile names end to end (issue 11, item 5): markup never runs, formulas never compute.

A real warehouse copy gets imported rows whose partner *and* faculty are named with HTML
(``<img src=x onerror=…>``) or with a spreadsheet formula (``=HYPERLINK(…)``), through the
same ``pipelines.manage`` calls as the Import and Settings pages; the files themselves have
hostile names and so does the university (setting ``institution_name``). Then:

* the report pack: partner names never reach it (its tables are by partner *country*), so
  its free text from imports is the faculty (in tables and the graduates chart), the
  imported file names and the university's name. The HTML, parsed as a browser would,
  including its inline SVG charts, holds them as text and has no ``<img>``,
  ``<script>`` or ``on…=`` attribute; the PDF's text shows them literally; the workbook holds
  the formula as text with a leading apostrophe (``pipelines/exports.py``), never a formula;
* the Partners page (Streamlit AppTest): no HTML element and no markdown allowed to carry
  HTML; the names are data in the tables; the CSV files its download buttons serve hold the
  formula with a leading apostrophe. (The Top partners chart hands the names to plotly.js as
  data; how the browser draws them is for a browser test, not AppTest.)

Expected values are the names written here, not what the code prints.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from html.parser import HTMLParser

import openpyxl
import pypdf
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import app_test

from pipelines import manage
from pipelines.ingest.load import prepare
from pipelines.report import build_report, render
from pipelines.roles import Actor, Role
from tests.conftest import KEY, MANAGER
from tests.dashboard.helpers import new_app, open_page
from tests.data_management import csv_bytes, mobility
from tests.report_fixture import FIXED, YEAR

HTML_NAME = '<img src=x onerror=alert(1)>Uni & "Co"'
FORMULA_NAME = '=HYPERLINK("http://evil.example","click")'
HTML_FILE = '<img src=x onerror=alert(2)> & "Co".csv'  # a file name holds no "/"
FORMULA_FILE = "=SUM(1,2)*cmd|'calc'!A0.csv"
INSTITUTION = "</title><script>alert(3)</script>University"
ADMIN = Actor("admin@uni.example", Role.ADMIN)  # settings are the admin's
ROWS = 6  # outbound mobilities per hostile partner (and faculty) in YEAR: above the threshold
# how a spreadsheet tells a formula (OWASP, CSV injection); "-" also starts negative numbers
FORMULA_SIGNS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def hostile(fixture_warehouse, tmp_path_factory):
    """A private copy of the fixture warehouse (as ``writable_warehouse``, once per module)
    with the hostile rows imported and the hostile university name saved."""
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "warehouse.duckdb"
    shutil.copy(fixture_warehouse, path)
    path.with_suffix(".key").write_text(KEY.hex() + "\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("MOBILITY_SECRET_FILE", raising=False)
        manage.save_settings(path, {"institution_name": INSTITUTION}, ADMIN)
        for name, file_name, country in (
            (HTML_NAME, HTML_FILE, "FR"),
            (FORMULA_NAME, FORMULA_FILE, "IT"),
        ):
            rows = [
                mobility(f"HOSTILE-{country}-{i}", partner_name=name, faculty=name)
                | {"partner_country": country}
                for i in range(ROWS)
            ]
            file = folder / file_name
            file.write_bytes(csv_bytes(rows))
            result = manage.import_prepared(path, prepare(file), MANAGER)
            assert (result.loaded, result.rejected) == (ROWS, 0), result.rejections
        # graduates of the hostile faculties: their row in the graduates chart (inline SVG)
        file = folder / "headcounts.csv"
        with file.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["academic_year", "faculty", "study_level", "graduates"])
            writer.writerows([YEAR, name, 6, 100] for name in (HTML_NAME, FORMULA_NAME))
        result = manage.import_prepared(path, prepare(file), MANAGER)
        assert (result.loaded, result.deleted, result.rejected) == (2, 0, 0), result.rejections
    return path


@pytest.fixture(scope="module")
def report(hostile):
    return build_report(hostile, YEAR, suppress=True, generated_at=FIXED)


class Parsed(HTMLParser):
    """What a browser makes of the page: its tags with their attributes, and its text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.texts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag, attrs) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data) -> None:
        self.texts.append(data)


def test_html_report_holds_the_names_as_text_and_no_markup_of_theirs(report):
    html = render(report, "html").decode("utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt;Uni &amp;" in html
    assert "&lt;img src=x onerror=alert(2)&gt; &amp;" in html
    assert "&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in html
    assert "<img" not in html and "<script" not in html
    assert not re.search(r"<[^>]*\bonerror\s*=", html)
    parsed = Parsed(html)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"img", "script", "iframe", "object", "embed"}
    handlers = [(tag, a) for tag, attrs in parsed.tags for a, _ in attrs if a.startswith("on")]
    assert handlers == []
    texts = [t.strip() for t in parsed.texts]
    # the faculty's row in a table, the file on the cover, the university in header and footer
    assert texts.count(HTML_NAME) >= 2
    assert FORMULA_NAME in texts
    assert HTML_FILE in texts and FORMULA_FILE in texts
    assert INSTITUTION in texts
    assert any(t.startswith(INSTITUTION + " ·") for t in texts)  # the footer
    title = next(t for t in texts if t.endswith(" · " + INSTITUTION))  # <title> stays one text
    assert title.startswith("Academic mobility report")
    # charts are inlined as SVG past the autoescaping (|safe): their labels are text as well
    svg = "".join(re.findall(r"<svg.*?</svg>", html, flags=re.DOTALL))
    labels = [t.strip() for t in Parsed(svg).texts]
    assert [t for t in labels if t.startswith("<img src=x onerror=alert(1)>")]


def squeeze(text: str) -> str:
    """Text without whitespace: the PDF breaks long cells and names over lines."""
    return re.sub(r"\s+", "", text)


def test_pdf_shows_the_names_literally(report):
    data = render(report, "pdf")
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]
    text = "\n".join(pages)
    assert HTML_NAME in text  # a faculty row, one line: drawn as text, not taken as a tag
    flat = squeeze(text)
    for name in (HTML_NAME, FORMULA_NAME, HTML_FILE, FORMULA_FILE, INSTITUTION):
        assert squeeze(name) in flat, name
    assert INSTITUTION in pages[0]


def test_workbook_holds_formulas_as_text(report):
    book = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert [c for c in cells if c.data_type == "f"] == []
    text = [c.value for c in cells if isinstance(c.value, str)]
    assert "'" + FORMULA_NAME in text and FORMULA_NAME not in text
    assert "'" + FORMULA_FILE in text and FORMULA_FILE not in text
    assert HTML_NAME in text and HTML_FILE in text  # not a formula: left as it is
    by_faculty = book["Students by faculty"]
    labels = {c.value for c in by_faculty["A"]}
    assert {HTML_NAME, "'" + FORMULA_NAME} <= labels
    assert [v for v in text if v.startswith(FORMULA_SIGNS)] == []


STORAGES: list[MemoryMediaFileStorage] = []  # one per AppTest run, the latest last


class RecordingStorage(MemoryMediaFileStorage):
    """AppTest's in-memory media storage, unchanged, remembered so that the files its download
    buttons serve can be read after the run."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        STORAGES.append(self)


def test_partners_page_shows_the_names_as_data_and_downloads_them_neutralised(hostile, monkeypatch):
    monkeypatch.setenv("MOBILITY_WAREHOUSE", str(hostile))
    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", RecordingStorage)
    STORAGES.clear()
    app = open_page(new_app(), "partners")

    # nothing on the page may carry HTML of the data: the one st.html is the app's own fixed
    # stylesheet (dashboard/page_style.py), no markdown with unsafe_allow_html
    from dashboard import page_style

    assert [h.proto.body for h in app.get("html")] == [page_style.CSS.strip()]
    nodes = [*app.main, *app.sidebar]
    markdown = [n for n in nodes if hasattr(getattr(n, "proto", None), "allow_html")]
    assert markdown and not [n.value for n in markdown if n.proto.allow_html]
    assert not [n.value for n in markdown if "onerror" in n.value or "HYPERLINK" in n.value]

    # the names are values in the tables (drawn as text by the data grid)
    totals = app.dataframe[0].value.set_index("partner_name")
    assert {HTML_NAME, FORMULA_NAME} <= set(totals.index)
    assert totals.loc[HTML_NAME, "outbound"] == ROWS
    assert totals.loc[FORMULA_NAME, "outbound"] == ROWS

    # the CSV bytes the page's download buttons serve
    assert STORAGES, "AppTest no longer builds its MemoryMediaFileStorage here"
    files = {f.filename: f.content for f in STORAGES[-1]._files_by_id.values()}
    assert {"partners.csv", "partners-per-year.csv", "top-partners.csv"} <= set(files)
    for file_name in ("partners.csv", "partners-per-year.csv", "top-partners.csv"):
        rows = list(csv.DictReader(io.StringIO(files[file_name].decode("utf-8"))))
        names = [row["partner_name"] for row in rows]
        assert "'" + FORMULA_NAME in names, file_name
        assert HTML_NAME in names, file_name  # CSV is not HTML: kept as it is
        assert FORMULA_NAME not in names, file_name
    # no cell of any download starts as a formula would; only a negative number may
    formulas = [
        (file_name, cell)
        for file_name, content in files.items()
        if file_name.endswith(".csv")
        for row in csv.reader(io.StringIO(content.decode("utf-8")))
        for cell in row
        if cell.startswith(FORMULA_SIGNS) and not is_number(cell)
    ]
    assert formulas == []
    # nor of the workbook of the whole view (written when clicked: from the blocks the page
    # collected, as its download button writes it)
    import openpyxl

    from dashboard.components import VIEW_BLOCKS
    from dashboard.data.view_workbook import workbook_bytes

    blocks = app.session_state[VIEW_BLOCKS]
    assert {"partners", "top partners"} <= {name for name, _ in blocks}
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes("Partners", "", blocks)))
    cells = [c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert "'" + FORMULA_NAME in cells and FORMULA_NAME not in cells
    assert not [c for c in cells if isinstance(c, str) and c.startswith(FORMULA_SIGNS)]


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
