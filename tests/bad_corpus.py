"""The corpus of bad and odd input files under tests/data/bad/, and what each must end in.

Run ``python -m tests.bad_corpus`` to write the files and ``EXPECTED.csv`` again (they are
committed; this module says how each was made). Files too big to commit (a 20 MB line, a zip
bomb) are made by the test itself in a temporary folder (``generated_cases``).

Each case: file name, table chosen (empty: recognised from the header), outcome and detail:

* ``refused``: the whole file is refused; detail is a text the one-line message contains.
* ``imported``: detail ``loaded=N rejected=M emptied=K``: N records stored, M rows rejected
  (with their reasons), K rows stored with an invalid optional value left empty.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

FOLDER = Path(__file__).resolve().parent / "data" / "bad"
HEADER = [
    "mobility_id",
    "person_id",
    "person_role",
    "direction",
    "activity",
    "partner_name",
    "partner_country",
    "start_date",
    "end_date",
]
GOOD = [
    "M1",
    "P1",
    "student",
    "outbound",
    "study",
    "Uni Konstanz",
    "DE",
    "2025-09-01",
    "2026-01-31",
]


def row(i: int, **changes: str) -> list[str]:
    values = dict(zip(HEADER, GOOD, strict=True))
    values.update(mobility_id=f"M{i}", person_id=f"P{i}")
    values.update(changes)
    return [values.get(h, "") for h in HEADER + [k for k in changes if k not in HEADER]]


def table(rows: list[list[str]], header: list[str] | None = None, sep: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
    writer.writerow(header or HEADER)
    writer.writerows(rows)
    return buffer.getvalue()


def good_rows(n: int, **changes: str) -> list[list[str]]:
    return [row(i, **changes) for i in range(1, n + 1)]


def with_column(column: str, value: str) -> str:
    """Three good rows and one whose ``column`` holds ``value``."""
    header = HEADER + ([column] if column not in HEADER else [])
    rows = [row(i) + ([""] if column not in HEADER else []) for i in range(1, 4)]
    bad = row(4, **{column: value})
    rows.append(bad if column in HEADER else [*bad[: len(HEADER)], value])
    return table(rows, header)


def xlsx(build: Callable[[openpyxl.Workbook], None]) -> bytes:
    book = openpyxl.Workbook()
    build(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet(book: openpyxl.Workbook, rows: list[list[object]], title: str | None = None):
    sheet = book.active if title is None else book.create_sheet(title)
    for values in rows:
        sheet.append(values)
    return sheet


def _hidden_first(book: openpyxl.Workbook) -> None:
    first = _sheet(book, [["notes"], ["old data"]])
    first.title = "Archive"
    first.sheet_state = "hidden"
    _sheet(book, [HEADER, *good_rows(2)], "Mobilities")


def _formulas(book: openpyxl.Workbook) -> None:
    sheet = _sheet(book, [[*HEADER, "ects_planned"], *[[*r, "30"] for r in good_rows(2)]])
    sheet["J3"] = "=15*2"  # written by a program: no saved value


def _merged(book: openpyxl.Workbook) -> None:
    sheet = _sheet(book, [HEADER, *good_rows(3)])
    sheet["F3"] = None
    sheet["F4"] = None
    sheet.merge_cells("F2:F4")  # one partner name for three rows, as people lay them out


def _real_dates(book: openpyxl.Workbook) -> None:
    import datetime as dt

    rows = [[*r[:7], dt.datetime(2025, 9, 1), dt.date(2026, 1, 31)] for r in good_rows(2)]
    _sheet(book, [HEADER, *rows])


def _title_rows(book: openpyxl.Workbook) -> None:
    _sheet(book, [["Outgoing students 2025/26"], [], HEADER, *good_rows(3)])


AGREEMENTS = [
    "agreement_id",
    "partner_name",
    "partner_country",
    "agreement_type",
    "valid_from",
    "valid_to",
    "places_outbound",
    "places_inbound",
]
HEADCOUNTS = ["academic_year", "faculty", "enrolled_students", "graduates", "academic_staff"]


def cases() -> list[tuple[str, bytes, str, str, str]]:
    """(file name, content, table, outcome, detail)."""
    ok3 = table(good_rows(3))
    c: list[tuple[str, bytes, str, str, str]] = []

    def add(name: str, data: bytes | str, outcome: str, detail: str, table_name: str = ""):
        content = data.encode("utf-8") if isinstance(data, str) else data
        c.append((name, content, table_name, outcome, detail))

    # nothing to read
    add("empty.csv", b"", "refused", "the file is empty")
    add("only_blank_lines.csv", "\n\n   \n\t\n", "refused", "the file is empty")
    add("header_only.csv", table([]), "refused", "a header but no data rows")
    add("header_only_no_newline.csv", ",".join(HEADER), "refused", "a header but no data rows")
    add(
        "header_and_empty_rows.csv",
        table([[""] * 9, [""] * 9]),
        "refused",
        "a header but no data rows",
    )
    add("one_long_line.csv", "x" * 5000, "refused", "a header but no data rows")
    add("bom_only.csv", b"\xef\xbb\xbf", "refused", "the file is empty")
    # not a table at all
    add("binary.csv", bytes(range(256)) * 8, "refused", "binary content")
    add("png_renamed.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "refused", "an image")
    add("jpeg_renamed.csv", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "refused", "an image")
    add("pdf_renamed.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "refused", "a PDF document")
    add("gzip_renamed.csv", b"\x1f\x8b\x08\x00" + b"\x00" * 32, "refused", "compressed (gzip)")
    add(
        "xlsx_renamed.csv",
        xlsx(lambda b: _sheet(b, [HEADER, *good_rows(1)])),
        "refused",
        "a ZIP archive",
    )
    add(
        "ole_renamed.csv",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
        "refused",
        "password-protected",
    )
    add("not_a_workbook.xlsx", ok3, "refused", "cannot open as an Excel workbook")
    add(
        "encrypted.xlsx",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
        "refused",
        "password-protected (encrypted)",
    )
    add(
        "truncated.xlsx",
        xlsx(lambda b: _sheet(b, [HEADER, *good_rows(2)]))[:300],
        "refused",
        "cannot open as an Excel workbook",
    )
    add("old_excel.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 64, "refused", "old Excel 97 format")
    add("notes.json", b'{"a": 1}', "refused", "unsupported file type")
    add("broken.parquet", b"PAR1 not really", "refused", "cannot read as Parquet")
    # encodings and line endings
    add(
        "utf8.csv",
        table(good_rows(2, partner_name="Université de Strasbourg")),
        "imported",
        "loaded=2 rejected=0 emptied=0",
    )
    add("utf8_bom.csv", b"\xef\xbb\xbf" + ok3.encode(), "imported", "loaded=3 rejected=0 emptied=0")
    add(
        "utf8_bom_cp1252_body.csv",
        b"\xef\xbb\xbf"
        + table(good_rows(2, partner_name="Université de Strasbourg")).encode("cp1252"),
        "imported",
        "loaded=2 rejected=0 emptied=0",
    )
    add(
        "cp1252.csv",
        table(good_rows(2, partner_name="Universität Köln")).encode("cp1252"),
        "imported",
        "loaded=2 rejected=0 emptied=0",
    )
    add(
        "cp1250_polish.csv",
        table(good_rows(2, partner_name="Uniwersytet Łódzki", partner_country="PL")).encode(
            "cp1250"
        ),
        "imported",
        "loaded=2 rejected=0 emptied=0",
    )
    add("utf16_bom.csv", ok3.encode("utf-16"), "imported", "loaded=3 rejected=0 emptied=0")
    add("utf16le_no_bom.csv", ok3.encode("utf-16-le"), "imported", "loaded=3 rejected=0 emptied=0")
    add(
        "mojibake.csv",
        table(good_rows(2, partner_name="UniversitÃ¤t Konstanz")),
        "imported",
        "loaded=2 rejected=0 emptied=0",
    )
    add("crlf.csv", ok3.replace("\n", "\r\n"), "imported", "loaded=3 rejected=0 emptied=0")
    add("cr_only_old_mac.csv", ok3.replace("\n", "\r"), "imported", "loaded=3 rejected=0 emptied=0")
    add("no_final_newline.csv", ok3.rstrip("\n"), "imported", "loaded=3 rejected=0 emptied=0")
    # delimiters, quotes, shapes
    add("semicolon.csv", table(good_rows(3), sep=";"), "imported", "loaded=3 rejected=0 emptied=0")
    add("tab.tsv", table(good_rows(3), sep="\t"), "imported", "loaded=3 rejected=0 emptied=0")
    add("pipe.csv", table(good_rows(3), sep="|"), "imported", "loaded=3 rejected=0 emptied=0")
    add("colon_delimiter.csv", table(good_rows(3), sep=":"), "refused", "cannot tell which table")
    add(
        "unterminated_quote.csv",
        ok3
        + 'M9,P9,student,outbound,study,"Uni Konstanz,DE,2025-09-01,2026-01-31\n'
        + table(good_rows(12)).split("\n", 1)[1],
        "refused",
        "opened on line 5 is never closed",
    )
    add(
        "quoted_newlines.csv",
        table(good_rows(2, partner_name="Uni\nKonstanz")),
        "imported",
        "loaded=2 rejected=0 emptied=0",
    )
    add(
        "long_rows.csv",
        ok3 + "M9,P9,student,outbound,study,X,DE,2025-09-01,2026-01-31,extra\n",
        "imported",
        "loaded=3 rejected=1 emptied=0",
    )
    add("short_rows.csv", ok3 + "M9,P9,student\n", "imported", "loaded=3 rejected=1 emptied=0")
    add(
        "title_and_footer.csv",
        "Outgoing students 2025/26\n\n" + ok3 + "TOTAL,3\n",
        "imported",
        "loaded=3 rejected=1 emptied=0",
    )
    add(
        "columns_200.csv",
        table([r + [""] * 191 for r in good_rows(2)], HEADER + [f"extra_{i}" for i in range(191)]),
        "imported",
        "loaded=2 rejected=0 emptied=0",
    )
    add(
        "columns_5000.csv",
        table([r + [""] * 4991 for r in good_rows(1)], HEADER + [f"c{i}" for i in range(4991)]),
        "refused",
        "a table here has at most 1,000",
    )
    add(
        "huge_cell.csv",
        table(good_rows(2, partner_name="x" * 20_000)),
        "refused",
        "a value of 20,000 characters",
    )
    add(
        "duplicate_headers.csv",
        table([[*r, "FR"] for r in good_rows(2)], [*HEADER, "partner_country"]),
        "refused",
        "two columns are named 'partner_country'",
    )
    add(
        "two_headers_one_column.csv",
        table([[*r, "FR"] for r in good_rows(2)], [*HEADER, "Country"]),
        "refused",
        "two columns are read as partner_country: 'partner_country' and 'Country'",
    )
    add(
        "duplicate_keys.csv",
        table([*good_rows(3), row(2)]),
        "imported",
        "loaded=3 rejected=1 emptied=0",
    )
    add(
        "missing_required_column.csv",
        table([r[:6] + r[7:] for r in good_rows(2)], HEADER[:6] + HEADER[7:]),
        "refused",
        "required column(s) partner_country are missing",
    )
    add(
        "missing_required_everything.csv",
        "colour,size\nred,3\n",
        "refused",
        "cannot tell which table",
    )
    add(
        "null_markers.csv",
        table(good_rows(2, partner_name="N/A")),
        "imported",
        "loaded=2 rejected=0 emptied=0",
    )
    # invalid values, required columns: the row is rejected
    for column, value in (
        ("person_role", "alien"),
        ("direction", "sideways"),
        ("activity", "party"),
        ("partner_country", "XX"),
        ("start_date", "31.02.2025"),
        ("end_date", "soon"),
        ("start_date", "2099-09-01"),
        ("status", "lost"),
        ("mode", "teleport"),
    ):
        add(
            f"bad_{column}_{value.replace('.', '').replace('-', '')}.csv",
            with_column(column, value),
            "imported",
            "loaded=3 rejected=1 emptied=0",
        )
    add(
        "end_before_start.csv",
        with_column("end_date", "2025-08-01"),
        "imported",
        "loaded=3 rejected=1 emptied=0",
    )
    # invalid values, optional columns: the row is kept, the value left empty
    for column, value in (
        ("cefr_after", "B3"),
        ("language", "Klingon"),
        ("ects_planned", "abc"),
        ("ects_achieved", "-5"),
        ("study_level", "11"),
        ("field", "Astrology"),
        ("fewer_opportunities", "maybe"),
        ("nationality", "Atlantis"),
        ("gender", "unicorn"),
        ("grant_amount", "lots"),
        ("partner_erasmus_code", "!!"),
    ):
        add(
            f"optional_{column}.csv",
            with_column(column, value),
            "imported",
            "loaded=4 rejected=0 emptied=1",
        )
    # text that must stay text, whatever it looks like
    add(
        "formula_text.csv",
        table(good_rows(2, partner_name='=HYPERLINK("http://x")')),
        "imported",
        "loaded=2 rejected=0 emptied=0",
    )
    add(
        "html_text.csv",
        table(good_rows(2, partner_name="<script>alert(1)</script>")),
        "imported",
        "loaded=2 rejected=0 emptied=0",
    )
    add(
        "emoji.csv",
        table(good_rows(2, partner_name="Uni 🎓 Konstanz")),
        "imported",
        "loaded=2 rejected=0 emptied=0",
    )
    # numbers as the file's convention writes them
    add(
        "decimal_comma.csv",
        table(
            [[*r, "1.500,50", "27,5"] for r in good_rows(2)],
            [*HEADER, "grant_amount", "ects_planned"],
            sep=";",
        ),
        "imported",
        "loaded=2 rejected=0 emptied=0",
    )
    # workbooks
    add("hidden_first_sheet.xlsx", xlsx(_hidden_first), "imported", "loaded=2 rejected=0 emptied=0")
    add("formula_without_value.xlsx", xlsx(_formulas), "imported", "loaded=2 rejected=0 emptied=0")
    add("merged_cells.xlsx", xlsx(_merged), "imported", "loaded=3 rejected=0 emptied=0")
    add("empty_sheet.xlsx", xlsx(lambda b: None), "refused", "is empty")
    add("excel_dates.xlsx", xlsx(_real_dates), "imported", "loaded=2 rejected=0 emptied=0")
    add("excel_title_rows.xlsx", xlsx(_title_rows), "imported", "loaded=3 rejected=0 emptied=0")
    # the wrong table chosen for a file
    add(
        "mobilities_as_agreements.csv",
        table([[*r, "A1"] for r in good_rows(2)], [*HEADER, "agreement_id"]),
        "refused",
        "belongs to the mobilities table",
        "agreements",
    )
    add(
        "agreements_bad_places.csv",
        table(
            [["A1", "Uni Konstanz", "DE", "erasmus", "2021-01-01", "2027-12-31", "-3", "2"]],
            AGREEMENTS,
        ),
        "imported",
        "loaded=0 rejected=1 emptied=0",
        "agreements",
    )
    add(
        "headcounts_negative.csv",
        table(
            [["2024/25", "Law", "-10", "5", "3"], ["2024/25", "Arts", "100", "20", "9"]], HEADCOUNTS
        ),
        "imported",
        "loaded=2 rejected=0 emptied=1",
        "headcounts",
    )
    return c


def zip_bomb(path: Path, unpacked_mb: int = 1200) -> None:
    """An .xlsx-looking archive whose one member unpacks to ``unpacked_mb`` MB of zeros."""
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z,
        z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        block = b"0" * (1 << 20)
        for _ in range(unpacked_mb):
            member.write(block)


def generated_cases(folder: Path) -> list[tuple[Path, str, str, str]]:
    """Cases too big to commit, written into ``folder``: (path, table, outcome, detail)."""
    long_line = folder / "line_20mb.csv"
    long_line.write_bytes(b",".join([b"x"] * (10 << 20)))
    one_field = folder / "field_20mb.csv"
    one_field.write_bytes(b"mobility_id\n" + b"x" * (20 << 20) + b"\n")
    bomb = folder / "zip_bomb.xlsx"
    zip_bomb(bomb)
    return [
        (long_line, "", "refused", "MB long"),
        (one_field, "", "refused", "MB long"),
        (bomb, "", "refused", "unpacks to 1,200 MB"),
    ]


def write(folder: Path = FOLDER) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    made = cases()
    with (folder / "EXPECTED.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file", "table", "outcome", "detail"])
        for name, content, table_name, outcome, detail in made:
            (folder / name).write_bytes(content)
            writer.writerow([name, table_name, outcome, detail])
    return len(made)


if __name__ == "__main__":  # pragma: no cover
    print(f"wrote {write()} files to {FOLDER}")
