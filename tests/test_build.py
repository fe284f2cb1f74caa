"""The package built from the real sources: exact published values, provenance and coverage."""
from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipelines.build import build_package
from pipelines.paths import Layout
from pipelines.publish.files import csv_cell_text
from schemas import TABLES
from schemas.table_schema import columns

HATAY = "returns_permanent_via_hatay_since_2024_12_08"
TOTAL = "returns_total_since_2024_12_08_bolat"
OTHER = "returns_via_other_crossings_since_2024_12_08"


def read_csv(root: Path, table: str) -> list[dict]:
    """The rows of a published CSV, text cells as raw text (the formula rule undone)."""
    with (root / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return [{k: csv_cell_text(v) for k, v in row.items()} for row in csv.DictReader(fh)]


def by_key(rows: list[dict], key: str) -> dict[str, dict]:
    return {r[key]: r for r in rows}


def test_hatay_and_total_returns(built_root):
    facts = by_key(read_csv(built_root, "facts"), "fact_id")
    hatay, total = facts[HATAY], facts[TOTAL]
    assert (hatay["value"], hatay["unit"], hatay["approx"], hatay["qualifier"]) == ("27941", "people", "false", "")
    assert (hatay["period_start"], hatay["period_end"], hatay["claim_status"]) == ("2024-12-08", "", "official")
    assert hatay["geography"] == "SY;TR-31" and hatay["attributed_to"] == "omer_bolat" and hatay["part_of"] == TOTAL
    assert (total["value"], total["approx"], total["qualifier"]) == ("40000", "true", "approximately")
    # A cumulative count starts on its indicator's since day; the minister's as-of day is not in the text.
    assert (total["period_start"], total["period_end"], total["period_precision"]) == ("2024-12-08", "", "unknown")
    assert (total["indicator"], total["series"], hatay["indicator"], hatay["series"]) == (
        "returns_since_2024_12_08", "stated_figure", "returns_permanent_via_hatay", "customs_gate_statistics")
    assert "nearly 40,000" in total["quote"]


def test_remainder_is_derived_and_approximate(built_root):
    other = by_key(read_csv(built_root, "facts"), "fact_id")[OTHER]
    assert (other["value"], other["derived"], other["approx"]) == ("12059", "true", "true")
    assert other["derived_from"] == f"{HATAY};{TOTAL}"
    assert other["derivation"] == f"total - hatay where hatay = {HATAY}, total = {TOTAL}"
    assert other["qualifier"] == "derived from an approximate figure"


def test_both_qualifiers_of_the_total_are_kept_in_mentions(built_root):
    mentions = [m for m in read_csv(built_root, "mentions") if m["fact_id"] == TOTAL]
    numbers = {m["text"]: m for m in mentions if m["kind"] == "number"}
    assert set(numbers) == {"approximately 40,000", "nearly 40,000"}
    assert numbers["approximately 40,000"]["qualifier"] == "approximately"
    assert numbers["nearly 40,000"]["qualifier"] == "nearly" and numbers["nearly 40,000"]["upper"] == "40000"
    assert all(m["approx"] == "true" for m in numbers.values())


def test_trade_measures(built_root):
    rows = {(r["event_id"], r["direction"]): r for r in read_csv(built_root, "trade_measures")}
    ban = rows[("import_ban_lifted_circular_2025_02_11", "imports")]
    assert (ban["date_start"], ban["date_precision"], ban["instrument"], ban["issuing_body"]) == ("2025-02-11", "day", "circular", "tr_ministry_of_trade")
    assert (ban["status"], ban["claim_status"], ban["state_before"]) == ("completed", "official", "Imports from Syria banned")
    fta = rows[("free_trade_agreement_reactivated", "bilateral")]
    assert (fta["status"], fta["claim_status"], fta["date_precision"]) == ("reported", "reported", "unknown")
    assert fta["state_before"] == "Free Trade Agreement suspended since 2011"
    suspended = rows[("free_trade_agreement_suspended_2011", "bilateral")]
    assert (suspended["date_start"], suspended["date_end"], suspended["date_precision"]) == ("2011-01-01", "2011-12-31", "year")
    assert {d for (e, d) in rows if e == "customs_restrictions_exports_transit_removed"} == {"exports", "transit"}


def test_dates_keep_their_precision(built_root):
    events = by_key(read_csv(built_root, "events"), "event_id")
    amman = events["amman_ministerial_meeting_2025_03_09"]
    assert (amman["date_start"], amman["date_precision"], amman["date_inferred"]) == ("2025-03-09", "day", "true")
    assert "year is not written" in amman["date_basis"] or "has no year" in amman["date_basis"]
    visit = events["msb_delegation_visit_syria_2025_01"]
    assert (visit["date_start"], visit["date_end"], visit["date_precision"]) == ("2025-01-01", "2025-01-31", "month")
    thursday = events["defence_statement_on_thursday"]
    assert (thursday["date_precision"], thursday["date_end"]) == ("unknown", "")


def test_road_names_are_not_counts(built_root):
    mentions = {m["text"]: m for m in read_csv(built_root, "mentions") if m["text"] in ("M4", "M5")}
    assert set(mentions) == {"M4", "M5"}
    for m in mentions.values():
        assert (m["kind"], m["value"], m["coded_as"]) == ("identifier", "", "dismissed")
        assert "not a quantity" in m["dismissed_reason"]


def test_every_quote_is_verbatim_at_its_offsets(built_root):
    texts = {s["source_id"]: (built_root / s["path"]).read_text(encoding="utf-8") for s in read_csv(built_root, "sources") if s["kind"] == "text"}
    for table in ("facts", "events"):
        for row in read_csv(built_root, table):
            assert texts[row["source_id"]][int(row["quote_start"]):int(row["quote_end"])] == row["quote"]
    for m in read_csv(built_root, "mentions"):
        assert texts[m["source_id"]][int(m["start"]):int(m["end"])] == m["text"]


def test_every_mention_is_accounted_for(built_root, seed_root):
    assert len(read_csv(seed_root, "mentions")) == 22  # the two seed sources, built alone
    mentions = read_csv(built_root, "mentions")
    for m in mentions:
        assert m["fact_id"] or m["event_id"] or m["dismissed_reason"], m


def test_sources_are_vendored_unchanged(built_root):
    from pipelines.paths import REPO_ROOT

    seeds = REPO_ROOT.parent / "shared" / "seeds"
    for s in read_csv(built_root, "sources"):
        text = (built_root / s["path"]).read_bytes()
        if (seeds / Path(s["path"]).name).exists():
            assert text == (seeds / Path(s["path"]).name).read_bytes()
        assert s["published_basis"] and s["published_earliest"]


def test_csv_and_parquet_hold_the_same_rows(built_root):
    con = duckdb.connect()
    for table in TABLES:
        csv_frame = pd.read_csv(built_root / "data" / f"{table}.csv", dtype=str, keep_default_na=False).map(csv_cell_text)
        parquet = con.sql(f"SELECT * FROM read_parquet('{built_root / 'data' / 'parquet' / f'{table}.parquet'}')").df()
        assert list(parquet.columns) == list(csv_frame.columns)
        assert len(parquet) == len(csv_frame), table
        for col in columns(TABLES[table]):
            as_text = parquet[col.name].map(lambda v: "" if v is None or (not isinstance(v, str) and pd.isna(v)) else (
                ("true" if v else "false") if isinstance(v, bool) else format(float(v), ".12g") if col.type == "number"
                else str(v)[:10] if col.type == "date" else str(v)))
            assert as_text.tolist() == csv_frame[col.name].tolist(), (table, col.name)


def test_duckdb_has_every_table_with_comments(built_root):
    con = duckdb.connect(str(built_root / "data" / "turkey_syria.duckdb"), read_only=True)
    tables = dict(con.execute("SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main'").fetchall())
    views = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    assert set(views) == {"returns", "trade_measures", "reconstruction", "series", "discrepancies", "anomalies", "contested_events"}
    assert set(tables) | set(views) == set(TABLES)
    assert all({**tables, **views}[t] for t in TABLES)
    uncommented = con.execute("SELECT table_name, column_name FROM duckdb_columns() "
                              "WHERE NOT internal AND schema_name = 'main' AND (comment IS NULL OR comment = '')").fetchall()
    assert uncommented == []
    assert con.execute("SELECT value FROM facts WHERE fact_id = ?", [HATAY]).fetchall() == [(27941.0,)]
    assert con.execute("SELECT route FROM returns WHERE fact_id = ?", [HATAY]).fetchall() == [("Hatay's three customs gates",)]
    types = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'events'").fetchall())
    assert types["date_start"] == "DATE" and types["date_inferred"] == "BOOLEAN"


def test_duckdb_file_is_readable_by_duckdb_1x(built_root):
    """The file is written in the v1.5 storage format, so the duckdb 1.5 CLI and DBeaver can open it."""
    header = (built_root / "data" / "turkey_syria.duckdb").read_bytes()[:4096]
    assert header[8:12] == b"DUCK"
    version = int.from_bytes(header[12:20], "little")  # main header: 8-byte checksum, magic, storage version
    assert 64 <= version <= 68, version


def test_frictionless_cli_validates(built_root):
    exe = Path(sys.executable).with_name("frictionless")
    result = subprocess.run([str(exe), "validate", "datapackage.json"], cwd=built_root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_noop_rebuild_is_skipped(built_root, tmp_path):
    import shutil

    root = tmp_path / "pkg"
    shutil.copytree(built_root, root)
    build_package(Layout(root), force=True)
    assert build_package(Layout(root)).startswith("up to date")
    (root / "data" / "facts.csv").write_text("tampered", encoding="utf-8")
    assert not build_package(Layout(root)).startswith("up to date")
    assert (root / "data" / "facts.csv").read_text(encoding="utf-8").startswith("fact_id,")
