"""The report as one self-contained HTML file: styles inline, charts as inline SVG.

It opens offline and from an e-mail attachment: no scripts, no external fonts or images. The
template is ``templates/report.html.j2`` (Jinja2, with autoescaping, so a partner name can
never inject markup); charts are the same ReportLab drawings as in the PDF, as SVG.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from pipelines.report import fonts
from pipelines.report.charts import chart_svg
from pipelines.report.model import TOTAL, Report, Table

TEXT_COLUMNS = ("Unit", "Definition", "Our role")


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("pipelines.report", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _view(table: Table, report: Report) -> dict:
    suppression = report.cover.suppression
    columns = [
        {"name": c, "text": i == 0 or c in TEXT_COLUMNS} for i, c in enumerate(table.frame.columns)
    ]
    rows = []
    for i in range(len(table.frame)):
        cells = []
        for j, column in enumerate(table.frame.columns):
            css = "text" if j == 0 or column in TEXT_COLUMNS else ""
            if table.flags.iloc[i][column]:
                css = "hidden"
            cells.append({"text": table.cell_text(i, column, suppression), "css": css})
        rows.append({"cells": cells, "total": table.frame.iloc[i, 0] == TOTAL})
    return {"table": table, "columns": columns, "rows": rows, "svg": chart_svg(table)}


def render_html(report: Report) -> str:
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        cover=report.cover,
        tables=[_view(t, report) for t in report.tables],
        font_family=fonts.FAMILY,
    )
