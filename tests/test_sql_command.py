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


def test_select_as_csv_and_table(seed_root):
    result = run(seed_root, "SELECT count(*) AS n FROM sources", "--format", "csv")
    assert result.output == "n\n2\n"  # the two seed sources, built alone
    result = run(seed_root, "SELECT count(*) AS n FROM sources")
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


# -- S1: EXPLAIN ANALYZE runs what it explains ------------------------------------------------------

@pytest.mark.parametrize("prefix", ["EXPLAIN ANALYZE", "explain analyse", "EXPLAIN /* x */ ANALYZE", "EXPLAIN (ANALYZE)",
                                    "EXPLAIN (ANALYZE false)", 'EXPLAIN ("analyze")', "EXPLAIN (FORMAT json, ANALYZE)"])
def test_explain_analyze_is_refused_in_every_spelling(built_root, tmp_path, prefix):
    target = tmp_path / "facts.csv"
    result = run(built_root, f"{prefix} COPY (SELECT 'x') TO '{target}' (HEADER false)")
    assert result.exit_code == 1
    assert "EXPLAIN ANALYZE runs the statement it explains and is refused" in result.output
    assert not target.exists()


@pytest.mark.parametrize("statement", ["EXPLAIN ANALYZE SET threads = 1", "EXPLAIN ANALYZE LOAD json",
                                       "EXPLAIN ANALYZE SELECT 1"])
def test_explain_analyze_of_anything_is_refused(built_root, statement):
    result = run(built_root, statement)
    assert result.exit_code == 1 and "EXPLAIN ANALYZE runs the statement it explains" in result.output


@pytest.mark.parametrize("statement, kind", [("EXPLAIN COPY facts TO '/tmp/x.csv'", "EXPLAIN COPY"),
                                             ("EXPLAIN (FORMAT json) DELETE FROM facts", "EXPLAIN DELETE")])
def test_explain_of_a_write_is_refused(built_root, statement, kind):
    result = run(built_root, statement)
    assert result.exit_code == 1 and f"tsr sql is read-only: {kind} statements are refused" in result.output


@pytest.mark.parametrize("statement", ["EXPLAIN SELECT * FROM facts", "EXPLAIN (FORMAT json) SELECT 1", "EXPLAIN (SELECT 1)"])
def test_plain_explain_of_a_select_runs(built_root, statement):
    result = run(built_root, statement, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["explain_key"] == "physical_plan"


# -- S2: no way out of the package's tables -----------------------------------------------------------

@pytest.mark.parametrize("query", ["SELECT * FROM read_text('{secret}')", "SELECT * FROM read_blob('{secret}')",
                                   "SELECT * FROM read_csv('{secret}')", "SELECT * FROM glob('{folder}/*')",
                                   "SELECT * FROM '{secret}'", "SELECT * FROM read_parquet('{parquet}')"])
def test_files_outside_the_database_are_unreachable(built_root, tmp_path, query):
    secret = tmp_path / "secret.csv"
    secret.write_text("password,hunter2\n")
    parquet = built_root / "data" / "parquet" / "facts.parquet"
    result = run(built_root, query.format(secret=secret, folder=tmp_path, parquet=parquet))
    assert result.exit_code == 1
    assert "tsr sql reads only the package's tables" in result.output and "disabled by configuration" in result.output
    assert "hunter2" not in result.output


def test_connection_is_locked_down(built_root):
    result = run(built_root, "SELECT name, value FROM duckdb_settings() WHERE name IN ('access_mode', "
                 "'enable_external_access', 'autoinstall_known_extensions', 'autoload_known_extensions', "
                 "'lock_configuration') ORDER BY name", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == ["access_mode,read_only", "autoinstall_known_extensions,false",
                                              "autoload_known_extensions,false", "enable_external_access,false",
                                              "lock_configuration,true"]


def test_settings_cannot_be_switched_back_even_past_the_guard(built_root):
    from pipelines.query.sql import connect_read_only

    con = connect_read_only(built_root / "data" / "turkey_syria.duckdb")
    try:
        with pytest.raises(Exception, match="configuration has been locked"):
            con.execute("SET enable_external_access = true")
    finally:
        con.close()


# -- S3: what one query may cost ------------------------------------------------------------------------

def test_query_file_must_be_a_sql_file(built_root, tmp_path):
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$hunter2:20000:0:99999:7:::\n")
    result = run(built_root, "--file", str(secret))
    assert result.exit_code == 1 and "not-sql-file" in result.output and "a query file must be named *.sql" in result.output
    assert "hunter2" not in result.output


def test_query_file_from_a_device_is_refused_at_once(built_root, tmp_path):
    link = tmp_path / "zero.sql"
    link.symlink_to("/dev/zero")
    result = run(built_root, "--file", str(link))
    assert result.exit_code == 1 and "not-sql-file" in result.output and "not a regular file" in result.output


def test_query_file_is_capped_and_must_be_text(built_root, tmp_path):
    big = tmp_path / "big.sql"
    big.write_text("SELECT 1" + " " * 2_000)
    result = run(built_root, "--file", str(big), "--max-query-bytes", "1000")
    assert result.exit_code == 1 and "query-too-large" in result.output and "1,000 bytes" in result.output
    binary = tmp_path / "binary.sql"
    binary.write_bytes(b"SELECT 1\x00secret")
    result = run(built_root, "--file", str(binary))
    assert result.exit_code == 1 and "control character U+0000" in result.output and "secret" not in result.output
    latin1 = tmp_path / "latin1.sql"
    latin1.write_bytes("SELECT 'é'".encode("latin-1"))
    result = run(built_root, "--file", str(latin1))
    assert result.exit_code == 1 and "not UTF-8 text" in result.output


def test_query_text_is_capped(built_root):
    result = run(built_root, "SELECT 1" + " " * 200, "--max-query-bytes", "100")
    assert result.exit_code == 1 and "query-too-large" in result.output


def test_rows_are_capped_not_cut(built_root):
    result = run(built_root, "SELECT * FROM range(1000000000)", "--max-rows", "100")
    assert result.exit_code == 1 and "too-many-rows: the query returns more than 100 rows" in result.output
    result = run(built_root, "SELECT * FROM range(100)", "--max-rows", "100", "--format", "csv")
    assert result.exit_code == 0 and len(result.output.splitlines()) == 101


def test_a_long_query_is_stopped(built_root):
    result = run(built_root, "SELECT count(*) FROM range(100000000000) t(i) WHERE i % 7 = 3", "--timeout", "0.5")
    assert result.exit_code == 1 and "query-timeout: the query ran longer than 0.5 s" in result.output


def test_memory_is_capped(built_root):
    result = run(built_root, "SELECT length(string_agg(repeat('x', 1000), '')) FROM range(2000000)", "--max-memory", "100MB")
    assert result.exit_code == 1 and "query-out-of-memory" in result.output
