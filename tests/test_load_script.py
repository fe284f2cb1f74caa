"""The database without a build: data/load.sql, run by the DuckDB 1.x command-line client on a copy of
only the committed files (what a plain download or `git clone` gives), recreates every table and view
of the built database, with the same rows, columns, types and comments."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.paths import REPO_ROOT
from schemas import TABLES
from conftest import MAY_BE_EMPTY

DUCKDB_CLI = Path(sys.executable).with_name("duckdb")  # the duckdb-cli wheel (requirements.lock)


def committed_copy(dest: Path) -> Path:
    """The files git tracks, as they are in the working tree: no build output that is git-ignored."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, listed.decode().split("\0")):
        source = REPO_ROOT / rel
        if source.is_file():  # a tracked file deleted in the working tree is not part of the download
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel)
    return dest


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    clone = committed_copy(tmp_path_factory.mktemp("download") / "pkg")
    assert not (clone / "data" / "turkey_syria.duckdb").exists()
    # The README's command, run from the package root, into a file so that this test can read it back.
    result = subprocess.run([str(DUCKDB_CLI), "-init", "data/load.sql", "loaded.duckdb", "-c", "CHECKPOINT"],
                            cwd=clone, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 0 and "Error" not in result.stdout + result.stderr, result.stdout + result.stderr
    return clone / "loaded.duckdb"


def test_cli_is_duckdb_1x():
    version = subprocess.run([str(DUCKDB_CLI), "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("v1."), version


def _catalog(con, db: str) -> dict:
    tables = con.execute("SELECT schema_name, table_name, comment, sql FROM duckdb_tables() WHERE database_name = ? "
                         "ORDER BY ALL", [db]).fetchall()
    views = con.execute("SELECT schema_name, view_name, comment, sql FROM duckdb_views() WHERE database_name = ? "
                        "AND NOT internal ORDER BY ALL", [db]).fetchall()
    cols = con.execute("SELECT schema_name, table_name, column_index, column_name, data_type, is_nullable, comment "
                       "FROM duckdb_columns() WHERE database_name = ? ORDER BY ALL", [db]).fetchall()

    def canonical(create_view: str) -> str:
        # The view's query as this DuckDB renders it: clients of other versions print the same query
        # with other parentheses.
        query = create_view.split(" AS ", 1)[1].rstrip().rstrip(";")
        return con.execute("SELECT json_deserialize_sql(json_serialize_sql(?))", [query]).fetchone()[0]

    return {"tables": tables, "views": [(s, n, c, canonical(sql)) for s, n, c, sql in views], "columns": cols}


def test_load_script_recreates_the_built_database(loaded, built_root):
    con = duckdb.connect()
    con.execute(f"ATTACH '{built_root / 'data' / 'turkey_syria.duckdb'}' AS built (READ_ONLY)")
    con.execute(f"ATTACH '{loaded}' AS loaded (READ_ONLY)")
    built, got = _catalog(con, "built"), _catalog(con, "loaded")
    # Not a vacuous comparison: the built database holds every published table, commented.
    public = {n for s, n, *_ in built["tables"] + built["views"] if s == "main"}
    assert public == set(TABLES)
    assert all(c is not None for *_, c, _sql in built["tables"] + built["views"])
    assert all(row[-1] for row in built["columns"] if row[0] == "main"), "a published column without a comment"
    assert got["tables"] == built["tables"]
    assert got["views"] == built["views"]
    assert got["columns"] == built["columns"]
    for schema, name, *_ in built["tables"] + built["views"]:
        b, g = f'built."{schema}"."{name}"', f'loaded."{schema}"."{name}"'
        counts = con.execute(f"SELECT (SELECT count(*) FROM {b}), (SELECT count(*) FROM {g})").fetchone()
        assert counts[0] == counts[1] and (counts[0] > 0 or name in MAY_BE_EMPTY), (name, counts)
        for left, right in ((b, g), (g, b)):
            extra = con.execute(f"SELECT * FROM {left} EXCEPT ALL SELECT * FROM {right}").fetchall()
            assert extra == [], f"{name}: rows of {left} missing from {right}: {extra[:3]}"


def test_named_figure_through_the_load_script(loaded):
    """A published figure, read through a view of the loaded database."""
    with duckdb.connect(str(loaded), read_only=True) as con:
        value, approx = con.execute("SELECT value, approx FROM returns WHERE route = ?",
                                    ["Hatay's three customs gates"]).fetchone()
    assert (value, approx) == (27941.0, False)
