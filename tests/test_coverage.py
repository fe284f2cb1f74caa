"""`tsr coverage`: per-source progress of the coding, usable on half-coded files."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipelines.sources.add import add_source
from pipelines.cli import cli
from pipelines.coding.coverage import COLUMNS, complete, coverage, format_coverage
from pipelines.errors import TsrError
from pipelines.paths import REPO_ROOT, Layout
from pipelines.coding.stub import write_stub

REPORT_EN = Path(__file__).parent / "fixtures" / "new_sources" / "report_en.txt"


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    for rel in ("data/sources", "data/coding"):
        shutil.copytree(REPO_ROOT / rel, tmp_path / rel)
    return Layout(tmp_path)


def test_seed_sources_are_fully_coded(layout: Layout):
    table = coverage(layout)
    assert list(table.columns) == COLUMNS
    assert set(table["source_id"]) == {p.stem for p in layout.sources_dir.glob("*.txt")}
    assert complete(table)
    coded = table["facts"] + table["events"] + table["fact_and_event"] + table["dismissed"]
    assert (coded == table["mentions"]).all() and (table["mentions"] > 0).all()


def test_a_fresh_stub_is_all_todo(layout: Layout):
    source_id = add_source(layout, REPORT_EN, title="Returns", published="2025-02-04")
    write_stub(layout, source_id, drafts=False)
    row = coverage(layout, source_id).set_index("source_id").loc[source_id]
    assert row["mentions"] > 0
    assert row["todo"] == row["unaccounted"] == row["mentions"]
    assert row["facts"] == row["events"] == row["dismissed"] == 0
    assert not complete(coverage(layout))


def test_a_source_without_coding_is_unaccounted(layout: Layout):
    source_id = add_source(layout, REPORT_EN, title="Returns")
    row = coverage(layout, source_id).iloc[0]
    assert row["todo"] == 0 and row["unaccounted"] == row["mentions"] > 0
    assert row["problems"] == 1  # missing-coding


def test_a_malformed_coding_file_is_reported_not_raised(layout: Layout):
    source_id = add_source(layout, REPORT_EN, title="Returns")
    (layout.coding_dir / f"{source_id}.yaml").write_text("facts: [unclosed\n", encoding="utf-8")
    row = coverage(layout, source_id).iloc[0]
    assert row["problems"] >= 1 and row["unaccounted"] == row["mentions"]


def test_unknown_source_is_refused(layout: Layout):
    with pytest.raises(TsrError) as caught:
        coverage(layout, "999_0123456789abcdef")
    assert caught.value.codes == {"unknown-source"}


def test_format_adds_a_total_line():
    table = pd.DataFrame([["a", "en", 3, 1, 1, 0, 1, 0, 0, 0, 0], ["b", "tr", 2, 0, 0, 0, 0, 2, 2, 0, 0]], columns=COLUMNS)
    lines = format_coverage(table).splitlines()
    assert len(lines) == 4
    assert lines[-1].split() == ["TOTAL", "5", "1", "1", "0", "1", "2", "2", "0", "0"]


def test_cli_exit_status_follows_completeness(layout: Layout):
    runner = CliRunner()
    done = runner.invoke(cli, ["coverage", "--root", str(layout.root)])
    assert done.exit_code == 0, done.output
    source_id = add_source(layout, REPORT_EN, title="Returns")
    write_stub(layout, source_id)
    open_ = runner.invoke(cli, ["coverage", source_id, "--root", str(layout.root)])
    assert open_.exit_code == 1
    assert source_id in open_.stdout and "TOTAL" in open_.stdout
    unknown = runner.invoke(cli, ["coverage", "999_0123456789abcdef", "--root", str(layout.root)])
    assert unknown.exit_code == 1 and "[unknown-source]" in unknown.stderr
