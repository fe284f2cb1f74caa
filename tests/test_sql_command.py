"""`tsr sql`: answers questions, refuses writes with a clear message."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pipelines.cli import cli


def run(built_root, *args):
    return CliRunner().invoke(cli, ["sql", "--root", str(built_root), *args])


def test_select_as_json(built_root):
    result = run(built_root, "SELECT fact_id, value FROM facts WHERE indicator = 'returns_permanent_via_hatay'", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"fact_id": "returns_permanent_via_hatay_since_2024_12_08", "value": 27941.0}]


def test_select_as_csv_and_table(built_root):
    result = run(built_root, "SELECT count(*) AS n FROM sources", "--format", "csv")
    assert result.output == "n\n2\n"
    result = run(built_root, "SELECT count(*) AS n FROM sources")
    assert result.output.splitlines()[-1] == "(1 row)"


def test_query_file(built_root):
    from pipelines.paths import REPO_ROOT

    result = run(built_root, "--file", str(REPO_ROOT / "queries" / "01_returns_hatay_share.sql"), "--format", "csv")
    assert result.exit_code == 0 and "0.699" in result.output


@pytest.mark.parametrize("statement, kind", [
    ("DELETE FROM facts", "DELETE"),
    ("INSERT INTO sources SELECT * FROM sources", "INSERT"),
    ("CREATE TABLE x (a INT)", "CREATE"),
    ("DROP TABLE facts", "DROP"),
    ("SELECT 1; UPDATE facts SET value = 0", "UPDATE"),
    ("COPY facts TO '/tmp/facts_copy.csv'", "COPY"),
    ("ATTACH '/tmp/other.duckdb' AS other", "ATTACH"),
])
def test_writes_are_refused(built_root, statement, kind):
    result = run(built_root, statement)
    assert result.exit_code == 1
    assert f"tsr sql is read-only: {kind} statements are refused" in result.output


def test_sql_error_is_reported(built_root):
    result = run(built_root, "SELECT no_such_column FROM facts")
    assert result.exit_code == 1 and "SQL error" in result.output
