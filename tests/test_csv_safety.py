"""CSV cells that a spreadsheet would run as a formula are neutralised (OWASP's CSV injection rule):
a text cell starting with = + - @ tab CR (or ') gets one ' in front and every text cell is quoted.
Numbers, booleans and dates are never touched; Parquet and DuckDB keep the raw text."""
from __future__ import annotations

import csv
import io

import duckdb
import pytest
from hypothesis import given, strategies as st

from pipelines.build import build_package, build_tables_checked
from pipelines.paths import Layout
from pipelines.publish.files import csv_cell_text, csv_text
from pipelines.sources.add import add_source

FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\tx", "\rx",
            "'=already quoted"]


@pytest.fixture(scope="module")
def facts(tmp_path_factory):
    from tests.conftest import copy_inputs

    tables, _, _ = build_tables_checked(Layout(copy_inputs(tmp_path_factory.mktemp("csv") / "pkg")))
    return tables["facts"]


def parse(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("formula", FORMULAS)
def test_text_cell_starting_like_a_formula_gets_a_quote_mark(facts, formula):
    frame = facts.copy()
    frame.loc[frame.index[0], "label"] = formula
    text = csv_text(frame, "facts")
    row = parse(text)[0]
    assert row["label"] == "'" + formula
    assert csv_cell_text(row["label"]) == formula
    assert '"\'' + formula.replace('"', '""') + '"' in text  # quoted, prefixed, in the bytes


def test_every_text_cell_is_quoted_and_numbers_are_not(facts):
    frame = facts.copy()
    frame.loc[frame.index[0], ["value", "lower"]] = [-5.0, -1.5]
    frame.loc[frame.index[0], "notes"] = "plain, with a comma"
    line = csv_text(frame, "facts").splitlines()[1]
    first = frame.iloc[0]
    assert line.startswith(f'"{first["fact_id"]}","{first["source_id"]}","{first["category"]}",')
    row = parse(csv_text(frame, "facts"))[0]
    assert row["value"] == "-5" and row["lower"] == "-1.5"  # numbers stay numbers
    assert row["approx"] in ("true", "false") and row["quote_start"].isdigit()
    assert ',-5,' in line and ',"-5"' not in line


def test_missing_text_stays_an_empty_unquoted_cell(facts):
    frame = facts.copy()
    frame.loc[frame.index[0], "notes"] = None
    line = csv_text(frame, "facts").splitlines()[1]
    assert line.endswith(",")
    assert parse(csv_text(frame, "facts"))[0]["notes"] == ""


@given(st.text())
def test_the_rule_is_undone_exactly(value):
    from pipelines.publish.files import _text_cell

    [cell] = next(csv.reader(io.StringIO(_text_cell(value), newline="")))
    assert csv_cell_text(cell) == value


def test_a_publisher_like_a_command_is_neutralised_in_the_published_csv(inputs_root):
    """The audit's case: a source registered with publisher `+cmd|calc`."""
    layout = Layout(inputs_root)
    report = inputs_root / "report.txt"
    report.write_text("Officials met in Ankara and talked about trade.\n", encoding="utf-8")
    source_id = add_source(layout, report, title="=1+1", publisher="+cmd|calc", published="2025-03-01")
    (layout.coding_dir / f"{source_id}.yaml").write_text(f"source_id: {source_id}\n", encoding="utf-8")
    build_package(layout, force=True)
    text = (inputs_root / "data" / "sources.csv").read_text(encoding="utf-8")
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["source_id"] == source_id)
    assert (row["title"], row["publisher"]) == ("'=1+1", "'+cmd|calc")
    assert '"\'=1+1","\'+cmd|calc"' in text  # quoted as text, the prefix visible in the raw file
    raw = duckdb.connect().execute(
        f"SELECT title, publisher FROM read_parquet('{inputs_root / 'data' / 'parquet' / 'sources.parquet'}') "
        "WHERE source_id = ?", [source_id]).fetchall()
    assert raw == [("=1+1", "+cmd|calc")]  # Parquet keeps the raw text
