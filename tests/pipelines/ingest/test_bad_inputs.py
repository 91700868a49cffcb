"""Every file of the bad-input corpus (tests/data/bad/, made by tests/bad_corpus.py) ends as
its EXPECTED.csv says: refused with a one-line message naming the file, or imported with
exactly the expected numbers of stored, rejected and emptied rows. Nothing raises anything
else, and arbitrary bytes or cell text never do either (hypothesis)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.contract import MODELS
from pipelines.ingest.context import ImportContext
from pipelines.ingest.load import ImportFailed, commit, prepare
from pipelines.ingest.readers import ReadError, read_file
from pipelines.warehouse import connect
from tests import bad_corpus
from tests.conftest import KEY

FOLDER = bad_corpus.FOLDER
with (FOLDER / "EXPECTED.csv").open(encoding="utf-8") as handle:
    CASES = list(csv.DictReader(handle))


def outcome(path: Path, table: str, tmp_path: Path) -> tuple[str, str]:
    """("refused", message) or ("imported", "loaded=N rejected=M emptied=K")."""
    try:
        prepared = prepare(path, table or None, context=ImportContext(key=KEY))
    except (ReadError, ImportFailed) as exc:
        return "refused", str(exc)
    con = connect(tmp_path / "w.duckdb")
    try:
        result = commit(con, prepared, KEY)
    except ImportFailed as exc:
        return "refused", str(exc)
    finally:
        con.close()
    return "imported", f"loaded={result.loaded} rejected={result.rejected} emptied={result.warned}"


def test_the_corpus_is_large_and_up_to_date(tmp_path):
    assert len(CASES) >= 60
    assert sorted(p.name for p in FOLDER.iterdir() if p.name != "EXPECTED.csv") == sorted(
        c["file"] for c in CASES
    )
    # the committed files are what the generator makes (workbooks carry their creation time)
    assert bad_corpus.write(tmp_path) == len(CASES)
    assert (tmp_path / "EXPECTED.csv").read_text() == (FOLDER / "EXPECTED.csv").read_text()
    for case in CASES:
        made = (tmp_path / case["file"]).read_bytes()
        if not made.startswith(b"PK"):
            assert made == (FOLDER / case["file"]).read_bytes(), case["file"]


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_each_bad_file_ends_as_expected(case, tmp_path):
    path = tmp_path / case["file"]
    shutil.copy(FOLDER / case["file"], path)
    kind, text = outcome(path, case["table"], tmp_path)
    assert kind == case["outcome"], text
    if kind == "refused":
        assert text.startswith(case["file"]), text  # names the file
        assert "\n" not in text and "Traceback" not in text
        assert case["detail"] in text, text
    else:
        assert text == case["detail"]


def test_files_too_big_to_commit_are_refused_before_they_are_parsed(tmp_path):
    for path, table, expected, detail in bad_corpus.generated_cases(tmp_path):
        kind, text = outcome(path, table, tmp_path)
        assert (kind, path.name) == (expected, path.name), text
        assert detail in text and text.startswith(path.name), text


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".parquet"]))
def test_arbitrary_bytes_end_in_a_message_never_an_exception(tmp_path, data, suffix):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    try:
        read_file(path)
    except ReadError as exc:
        assert str(exc).startswith("any")


RULES = list(
    {repr(rule): rule for model in MODELS.values() for rule in model.rules().values()}.values()
)


@settings(max_examples=40)
@given(texts=st.lists(st.text(max_size=60), min_size=1, max_size=40))
def test_arbitrary_cell_text_never_breaks_a_rule(texts):
    """Each distinct rule of the contract, on a column of arbitrary text (as files give it)."""
    import pandas as pd

    column = pd.Series(texts, dtype="object")
    for rule in RULES:
        cleaned = rule.apply(column)
        assert len(cleaned) == len(column)
