"""`tsr serve`: Datasette on 127.0.0.1 over an SQLite copy of the published tables, with the data
dictionary, facets, a time and a row limit, read-only, and a CSV of any result.

The server is the real command (`python -m pipelines serve`) on the session's fresh build, on a free
port; the browser tests drive Debian's chromium through Playwright, as test_site_browser does.
"""
from __future__ import annotations

import csv
import io
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipelines.cli import cli
from pipelines.paths import Layout
from pipelines.query.sql import run_query
from pipelines.serve.app import config, export
from schemas import TABLES
from conftest import MAY_BE_EMPTY

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]
HATAY = "returns_permanent_via_hatay_since_2024_12_08"
QUERY = "select fact_id, value, qualifier from facts where category = 'returns' order by fact_id"


# -- the SQLite copy and its metadata -----------------------------------------------------------

@pytest.fixture(scope="module")
def exported(built_root, tmp_path_factory) -> tuple[Path, dict]:
    sqlite, metadata = export(Layout(built_root), tmp_path_factory.mktemp("export"))
    return sqlite, json.loads(metadata.read_text(encoding="utf-8"))


def test_sqlite_copy_holds_every_published_table(exported, built_root):
    sqlite, _ = exported
    with sqlite3.connect(sqlite) as con:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert names == set(TABLES)
        for name in TABLES:
            rows = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            assert rows == pq.read_metadata(built_root / "data" / "parquet" / f"{name}.parquet").num_rows, name
            assert rows > 0 or name in MAY_BE_EMPTY, name
        assert con.execute("SELECT value, approx, route FROM returns WHERE fact_id = ?", [HATAY]).fetchone() == (
            27941.0, 0, "Hatay's three customs gates")
        assert con.execute("SELECT period_start FROM facts WHERE fact_id = ?", [HATAY]).fetchone() == ("2024-12-08",)
        keys = {(r[2], r[3]) for r in con.execute("SELECT * FROM pragma_foreign_key_list('facts')")}
        assert ("sources", "source_id") in keys and ("actors", "attributed_to") in keys


def test_metadata_is_the_data_dictionary(exported):
    _, metadata = exported
    assert metadata["license"] == "Creative Commons Attribution 4.0" and metadata["license_url"].startswith("https://")
    tables = metadata["databases"]["turkey_syria"]["tables"]
    assert set(tables) == set(TABLES)
    for name, table in tables.items():
        assert table["title"] and table["description"], name
        assert all(text.strip() for text in table["columns"].values()), name
    assert "Unit: people." in tables["returns"]["columns"]["value"]
    assert "1 = true, 0 = false" in tables["facts"]["columns"]["approx"]
    assert {"category", "claim_status", "source_id", "attributed_to"} <= set(tables["facts"]["facets"])
    assert "part_of" not in tables["facts"]["facets"]  # a key to the table itself counts nothing useful
    assert tables["returns"]["facets"] == ["source_id", "claim_status"]  # nor the row's own key (fact_id)


def test_works_on_a_plain_download_without_a_build(tmp_path):
    """What the README promises: the copy is made from the committed files alone."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_load_script import committed_copy

    root = committed_copy(tmp_path / "download")
    result = CliRunner().invoke(cli, ["serve", "--root", str(root), "--export", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("datasette serve -i ") and "--host 127.0.0.1" in result.output
    with sqlite3.connect(tmp_path / "out" / "turkey_syria.sqlite") as con:
        assert con.execute("SELECT value FROM facts WHERE fact_id = ?", [HATAY]).fetchone() == (27941.0,)


def test_missing_parquet_is_a_clear_error(built_root, tmp_path):
    root = tmp_path / "pkg"
    (root / "data" / "parquet").mkdir(parents=True)
    for path in (built_root / "data" / "parquet").glob("*.parquet"):
        if path.stem != "facts":
            (root / "data" / "parquet" / path.name).write_bytes(path.read_bytes())
    (root / "datapackage.json").write_bytes((built_root / "datapackage.json").read_bytes())
    result = CliRunner().invoke(cli, ["serve", "--root", str(root), "--export", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "[parquet-missing] data/parquet/facts.parquet: no such file: run `make build` first" in result.output


# -- the running app ----------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(built_root, tmp_path_factory):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    started = time.perf_counter()
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "pipelines", "serve", "--root", str(built_root), "--port",
                                    str(port)], stdout=out, stderr=subprocess.STDOUT)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError):
                pass
            assert process.poll() is None, log.read_text()
            assert time.perf_counter() - started < 60, "tsr serve did not answer within 60 s"
            time.sleep(0.1)
        print(f"tsr serve answered after {time.perf_counter() - started:.2f} s")
        with urllib.request.urlopen(f"{base}/-/databases.json", timeout=10) as response:
            copy = Path(next(d["path"] for d in json.load(response) if d["name"] == "turkey_syria"))
        assert copy.is_file() and not copy.is_relative_to(built_root)
        yield {"base": base, "db": f"{base}/turkey_syria", "process": process, "log": log}
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert process.returncode == 0, log.read_text()
    assert not copy.parent.exists(), "the temporary SQLite copy outlived the server"


def _json(server, sql: str) -> dict:
    url = f"{server['db']}.json?" + urllib.parse.urlencode({"sql": sql})
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as exc:  # Datasette answers a refused query with 400 and a JSON error
        return json.load(exc)


def test_answers_a_select(server):
    answer = _json(server, f"select value, qualifier from returns where fact_id = '{HATAY}'")
    assert answer["ok"] and answer["rows"] == [[27941.0, None]]


@pytest.mark.parametrize("sql, refusal", [
    ("select load_extension('/usr/lib/x86_64-linux-gnu/libz.so.1')", "not authorized"),
    ("attach database '/etc/passwd' as x", "Statement must be a SELECT"),
    ("select 1; attach database ':memory:' as y", "one statement at a time"),
    ("select readfile('/etc/passwd')", "no such function: readfile"),
    ("vacuum into '/tmp/tsr-serve-copy.db'", "Statement must be a SELECT"),
    ("pragma writable_schema = 1", "Statement must be a SELECT"),
    ("select * from pragma_writable_schema()", "disallowed PRAGMA"),
    ("insert into facts (fact_id) values ('x')", "Statement must be a SELECT"),
    ("with c as (select 1) delete from facts", "readonly database"),  # passes the SELECT check; the file refuses
    ("with c as (select 'x') update sources set title = 'x'", "readonly database"),
])
def test_refuses_writes_and_file_access(server, sql, refusal):
    answer = _json(server, sql)
    assert answer["ok"] is False and refusal in answer["error"], answer["error"]
    assert _json(server, "select count(*) from facts")["rows"][0][0] > 0


def test_time_limit_and_row_limit(server):
    settings = config()["settings"]
    endless = _json(server, "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c")
    assert endless["ok"] is False and "SQL query took too long" in endless["error"]
    many = _json(server, "with recursive c(x) as (select 1 union all select x + 1 from c limit 5000) select x from c")
    assert len(many["rows"]) == settings["max_returned_rows"] and many["truncated"] is True
    with urllib.request.urlopen(f"{server['base']}/-/settings.json", timeout=10) as response:
        served = json.load(response)
    assert {k: served[k] for k in settings} == settings
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"stopped\nafter {settings['sql_time_limit_ms'] / 1000:g} s and returns at most {settings['max_returned_rows']:,} rows" in readme


def test_local_only_and_no_plugins(server):
    import psutil

    listening = [c.laddr for p in [psutil.Process(server["process"].pid)] for c in p.net_connections("inet")
                 if c.status == psutil.CONN_LISTEN]
    assert listening and all(addr.ip == "127.0.0.1" for addr in listening), listening
    with urllib.request.urlopen(f"{server['base']}/-/plugins.json", timeout=10) as response:
        assert json.load(response) == []  # nothing that could read files or allow writes


# -- in a real browser --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser_page(server, tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    errors: list[str] = []
    outside: list[str] = []
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("request", lambda req: None if req.url.startswith((server["base"], "data:")) else outside.append(req.url))
            yield {"page": page, "errors": errors, "outside": outside, "request": context.request}
        finally:
            context.close()


@pytest.mark.browser
def test_query_through_the_page_and_its_csv(browser_page, server, built_root):
    page = browser_page["page"]
    page.goto(server["db"], wait_until="load")
    editor = page.locator(".CodeMirror")  # Datasette's SQL editor over the form's textarea
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(QUERY)
    page.get_by_role("button", name="Run SQL").click()
    page.wait_for_selector("table.rows-and-columns")
    assert urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["sql"] == [QUERY]
    headers = page.locator("table.rows-and-columns th").all_inner_texts()
    assert [h.strip() for h in headers] == ["fact_id", "value", "qualifier"]
    shown = [[cell.strip() for cell in row.locator("td").all_inner_texts()]
             for row in page.locator("table.rows-and-columns tbody tr").all()]
    assert [HATAY, "27941.0", "\xa0"] in shown or [HATAY, "27941.0", ""] in shown, shown

    # The CSV link of this result returns the same rows as DuckDB gives for the same query.
    link = page.locator(".export-links a", has_text="CSV")
    response = browser_page["request"].get(urllib.parse.urljoin(page.url, link.get_attribute("href")))
    assert response.status == 200 and response.headers["content-type"].startswith("text/plain")  # Datasette's CSV type
    rows = list(csv.reader(io.StringIO(response.text())))
    assert rows[0] == ["fact_id", "value", "qualifier"]
    expected = run_query(built_root / "data" / "turkey_syria.duckdb", QUERY).rows
    assert [(r[0], float(r[1]), r[2] or None) for r in rows[1:]] == [(f, v, q) for f, v, q in expected]
    assert [HATAY, "27941.0", ""] in rows
    assert browser_page["errors"] == [] and browser_page["outside"] == []


@pytest.mark.browser
def test_table_page_has_dictionary_and_facets(browser_page, server):
    page = browser_page["page"]
    page.goto(f"{server['db']}/facts", wait_until="load")
    dictionary = page.locator("dl.column-descriptions")
    assert "Never sharpened" in dictionary.inner_text()
    facets = page.locator(".facet-info").all()
    names = {f.get_attribute("data-column") for f in facets}
    assert {"category", "claim_status", "source_id"} <= names, names
    claim = page.locator('.facet-info[data-column="claim_status"]')
    assert "official" in claim.inner_text()
    assert browser_page["errors"] == [] and browser_page["outside"] == []
