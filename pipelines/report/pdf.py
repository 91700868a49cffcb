"""The report as an A4 PDF: cover with provenance, contents, one section per table, appendix.

Made with ReportLab's platypus (pure Python, no browser, no system libraries, which rules out
HTML-to-PDF tools such as weasyprint): ``LongTable`` with a repeated header row splits long
tables cleanly across pages, ``TableOfContents`` with ``multiBuild`` fills in the page numbers
of the contents, and every page after the cover has a footer with the page number.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from pipelines import palette
from pipelines.report import fonts
from pipelines.report.charts import chart_drawing
from pipelines.report.model import TOTAL, Report, Table

MARGIN = 18 * mm
# the font size of table headings
HEADING_SIZE = 7.5
WIDTH = A4[0] - 2 * MARGIN
HEADER = colors.HexColor("#dce6f2")
TOTAL_FILL = colors.HexColor("#f2f5f9")
GRID = colors.HexColor("#b8c4d0")


def _styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=9, leading=11.5)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9.5),
        "mono": ParagraphStyle("mono", base, fontName="Courier", fontSize=6, leading=7.5),
        "title": ParagraphStyle("title", base, fontName=fonts.BOLD, fontSize=22, leading=27),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=13, leading=17),
        "h1": ParagraphStyle(
            "h1", base, fontName=fonts.BOLD, fontSize=13, leading=16, spaceBefore=6, spaceAfter=4
        ),
        "h2": ParagraphStyle("h2", base, fontName=fonts.BOLD, fontSize=10, leading=13),
        "cell": ParagraphStyle("cell", base, fontSize=7.5, leading=9),
        "cell_bold": ParagraphStyle(
            "cell_bold", base, fontName=fonts.BOLD, fontSize=7.5, leading=9
        ),
        "num": ParagraphStyle("num", base, fontSize=7.5, leading=9, alignment=TA_RIGHT),
        "num_bold": ParagraphStyle(
            "num_bold", base, fontName=fonts.BOLD, fontSize=7.5, leading=9, alignment=TA_RIGHT
        ),
        "head": ParagraphStyle("head", base, fontName=fonts.BOLD, fontSize=HEADING_SIZE, leading=9),
        "head_num": ParagraphStyle(
            "head_num",
            base,
            fontName=fonts.BOLD,
            fontSize=HEADING_SIZE,
            leading=9,
            alignment=TA_RIGHT,
        ),
        "mode": ParagraphStyle(
            "mode",
            base,
            backColor=colors.HexColor("#fff4e0"),
            borderPadding=5,
            borderColor=colors.HexColor(palette.INBOUND),
            borderWidth=0.6,
        ),
        "toc1": ParagraphStyle("toc1", base, fontSize=9.5, leading=13),
    }


class _Document(BaseDocTemplate):
    """Adds every section heading to the contents and to the PDF's outline (bookmarks)."""

    def __init__(self, buffer: io.BytesIO, report: Report) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=report.title,
            author=report.cover.institution,
            subject=f"{report.cover.scope}, {report.cover.academic_year}",
            creator="Mobility Atlas",
        )
        self.report = report
        frame = Frame(MARGIN, MARGIN, WIDTH, A4[1] - 2 * MARGIN, id="body")
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame]),
                PageTemplate("body", [frame], onPage=self._footer),
            ]
        )

    def afterFlowable(self, flowable: object) -> None:
        if isinstance(flowable, Paragraph) and flowable.style.name == "h1":
            text = flowable.getPlainText()
            key = f"s{self.seq.nextf('heading')}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=0)
            self.notify("TOCEntry", (0, text, self.page, key))

    def _footer(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 7.5)
        canvas.setFillColor(colors.HexColor("#5b6b7a"))
        c = self.report.cover
        left = f"{c.institution} · {self.report.title} · {c.scope}"
        if not c.suppression.enabled:
            left += " · INTERNAL: no suppression"
        canvas.drawString(MARGIN, MARGIN / 2, left)
        canvas.drawRightString(A4[0] - MARGIN, MARGIN / 2, f"Page {doc.page}")
        canvas.restoreState()


def render_pdf(report: Report) -> bytes:
    styles = _styles()
    buffer = io.BytesIO()
    doc = _Document(buffer, report)
    story: list = [*_cover(report, styles), NextPageTemplate("body"), PageBreak()]
    toc = TableOfContents()
    toc.levelStyles = [styles["toc1"]]
    story += [Paragraph("Contents", styles["title"]), Spacer(1, 6 * mm), toc, PageBreak()]
    for number, table in enumerate(report.tables, start=1):
        story += _section(number, table, report, styles)
    story += [PageBreak(), *_appendix(report, styles)]
    doc.multiBuild(story)
    return buffer.getvalue()


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _cover(report: Report, s: dict[str, ParagraphStyle]) -> list:
    c = report.cover
    built = (
        f"{c.built_at:%Y-%m-%d %H:%M} UTC ({c.build_models} models built, {c.build_checks} "
        "checks passed)"
        if c.built_at
        else "never built"
    )
    facts = [
        ("Institution", c.institution),
        ("Academic year", c.academic_year),
        ("Scope", c.scope),
        ("Generated", f"{c.generated_at:%Y-%m-%d %H:%M}"),
        ("Warehouse built", built),
    ]
    story: list = [
        Spacer(1, 25 * mm),
        _p(c.institution, s["subtitle"]),
        Spacer(1, 3 * mm),
        _p(report.title, s["title"]),
        _p(f"{c.scope} · standard tables for accreditation and annual reporting", s["subtitle"]),
        Spacer(1, 10 * mm),
    ]
    rows = [[_p(k, s["head"]), _p(v, s["cell"])] for k, v in facts]
    story.append(_grid(rows, [35 * mm, WIDTH - 35 * mm], header=False))
    story += [Spacer(1, 6 * mm), _p(c.suppression.describe(), s["mode"]), Spacer(1, 8 * mm)]
    story.append(_p("Provenance: imported files", s["h2"]))
    story.append(Spacer(1, 2 * mm))
    rows = [[_p(h, s["head"]) for h in ("Table", "File", "Rows", "Imported (UTC)", "SHA-256")]]
    for r in c.imports:
        rows.append(
            [
                _p(r.table, s["cell"]),
                _p(r.file_name, s["cell"]),
                _p(f"{r.rows:,}", s["num"]),
                _p(f"{r.imported_at:%Y-%m-%d %H:%M}", s["cell"]),
                _p(r.sha256, s["mono"]),
            ]
        )
    widths = [20 * mm, 32 * mm, 15 * mm, 26 * mm]
    story.append(_grid(rows, [*widths, WIDTH - sum(widths)]))
    return story


def _section(number: int, table: Table, report: Report, s: dict[str, ParagraphStyle]) -> list:
    suppression = report.cover.suppression
    heading = [
        CondPageBreak(60 * mm),
        _p(f"{number}. {table.title}", s["h1"]),
        _p(table.note, s["small"]),
        Spacer(1, 2.5 * mm),
    ]
    columns = list(table.frame.columns)
    header = [
        _p(c, s["head"] if i == 0 or c in ("Unit", "Definition", "Our role") else s["head_num"])
        for i, c in enumerate(columns)
    ]
    rows = [header]
    totals = []
    for i in range(len(table.frame)):
        is_total = table.frame.iloc[i, 0] == TOTAL
        if is_total:
            totals.append(i + 1)
        row = []
        for j, column in enumerate(columns):
            text = table.cell_text(i, column, suppression)
            textual = j == 0 or column in ("Unit", "Definition", "Our role")
            style = ("cell" if textual else "num") + ("_bold" if is_total else "")
            row.append(_p(text, s[style]))
        rows.append(row)
    story = [*heading[:2], KeepTogether([*heading[2:], _grid(rows, _widths(columns), totals)])]
    if len(rows) > 30:  # long tables split across pages; their header row repeats
        story = [*heading, _grid(rows, _widths(columns), totals)]
    drawing = chart_drawing(table)
    if drawing is not None:
        story += [Spacer(1, 4 * mm), KeepTogether([drawing])]
    story.append(Spacer(1, 6 * mm))
    return story


# reportlab's default left and right padding of a table cell, in points
CELL_PADDING = 6


def _widths(columns: list[str]) -> list[float]:
    """Column widths: the first (names) and any definition column fixed, the others sharing
    the rest, but each at least as wide as the longest word of its heading, so that no
    heading breaks inside a word ("Agreement / s" was)."""
    fixed = {0: 48 * mm}
    if "Definition" in columns:
        fixed[columns.index("Definition")] = 70 * mm
        fixed[0] = 36 * mm
    if "Our role" in columns:
        fixed[0] = 32 * mm
    widths = dict(fixed)
    room = WIDTH - sum(fixed.values())
    rest = [i for i in range(len(columns)) if i not in fixed]
    need = {i: _longest_word(columns[i]) + 2 * CELL_PADDING + 1 for i in rest}
    while rest:
        share = room / len(rest)
        wide = [i for i in rest if need[i] > share]
        if not wide:
            widths.update(dict.fromkeys(rest, share))
            break
        for i in wide:
            widths[i] = need[i]
            room -= need[i]
            rest.remove(i)
    return [widths[i] for i in range(len(columns))]


def _longest_word(heading: str) -> float:
    fonts.register()
    return max(
        (stringWidth(word, fonts.BOLD, HEADING_SIZE) for word in str(heading).split()), default=0
    )


def _grid(
    rows: list[list], widths: list[float], totals: list[int] | None = None, header: bool = True
) -> LongTable:
    table = LongTable(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.3, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEADER))
    for row in totals or []:
        style.append(("BACKGROUND", (0, row), (-1, row), TOTAL_FILL))
    table.setStyle(TableStyle(style))
    return table


def _appendix(report: Report, s: dict[str, ParagraphStyle]) -> list:
    story: list = [
        _p("Appendix: definitions", s["h1"]),
        _p(
            "The definitions every figure of this report is computed with, the same as on the "
            "dashboard's pages. Conventions shared by all indicators:",
            s["body"],
        ),
        Spacer(1, 2 * mm),
    ]
    for text in report.conventions:
        story.append(_p(f"• {text}", s["small"]))
    story.append(Spacer(1, 4 * mm))
    for d in report.definitions:
        target = f"; reference target {d.reference_target:g} %" if d.reference_target else ""
        story.append(
            KeepTogether(
                [
                    _p(f"{d.name} ({d.kpi_id})", s["h2"]),
                    _p(d.definition, s["body"]),
                    _p(f"Unit: {d.unit}{target}. Source: {d.source}", s["small"]),
                    Spacer(1, 3 * mm),
                ]
            )
        )
    return story
