"""The example queries in queries/*.sql answer their questions with the published figures (of the two seed
sources, built alone: the answers list whole tables, which corpus reports would extend)."""
from __future__ import annotations

import pytest

from pipelines.query.examples import read_queries
from pipelines.paths import REPO_ROOT
from pipelines.query.sql import run_query

QUERIES = {q.name: q for q in read_queries(REPO_ROOT / "queries")}


def rows(seed_root, name):
    result = run_query(seed_root / "data" / "turkey_syria.duckdb", QUERIES[name].sql)
    return [dict(zip(result.columns, r)) for r in result.rows]


def test_at_least_five_documented_queries():
    assert len(QUERIES) >= 5
    for q in QUERIES.values():
        assert q.title and q.question.endswith("?"), q.name


def test_hatay_share_states_its_approximation(seed_root):
    [row] = rows(seed_root, "01_returns_hatay_share")
    assert row["hatay_permanent_returns"] == 27941 and row["total_returns"] == 40000
    assert row["hatay_share"] == 0.699
    assert row["share_note"] == 'approximate: the total is given as "approximately 40000"'
    assert str(row["period_start"]) == "2024-12-08" and row["period_end"] == "open (not given)"


def test_returns_by_route(seed_root):
    got = [(r["route"], r["value"], r["approx"], r["derived"]) for r in rows(seed_root, "02_returns_by_route")]
    assert got == [
        ("all crossing points", 40000, True, False),
        ("Hatay's three customs gates", 27941, False, False),
        ("crossing points other than Hatay's three customs gates", 12059, True, True),
    ]


def test_trade_measures(seed_root):
    got = [(r["direction"], r["date_start"], r["date_precision"], r["claim_status"]) for r in rows(seed_root, "03_trade_measures")]
    assert got == [
        ("bilateral", "2011-01-01", "year", "reported"),
        ("imports", "2025-02-11", "day", "official"),
        ("bilateral", "date not given", "unknown", "reported"),
        ("exports", "date not given", "unknown", "reported"),
        ("transit", "date not given", "unknown", "reported"),
    ]


def test_events_by_category(seed_root):
    got = {r["category"]: (r["events"], r["completed"], r["undated"]) for r in rows(seed_root, "04_events_by_category")}
    assert got == {"diplomacy": (1, 0, 1), "health": (1, 1, 0), "infrastructure": (6, 1, 6), "security": (8, 3, 6), "trade": (4, 3, 2)}


def test_reconstruction_assets(seed_root):
    got = [(r["asset_type"], r["asset"], r["status"]) for r in rows(seed_root, "05_reconstruction_assets")]
    assert ("airport", "Damascus airport", "planned") in got and ("highway", "M4 highway", "ongoing") in got
    assert {t for t, _, _ in got} == {"airport", "bridge", "highway", "maritime", "port", "railway"}
    assert len(got) == 9


def test_claim_status(seed_root):
    got = {(r["source_id"], r["kind"], r["claim_status"]): r["n"] for r in rows(seed_root, "06_claim_status")}
    assert got == {
        ("000_2c69b4d6582214f2", "event", "official"): 2, ("000_2c69b4d6582214f2", "event", "reported"): 4,
        ("000_2c69b4d6582214f2", "fact", "reported"): 3, ("003_6dc9c966a4e88e09", "event", "official"): 2,
        ("003_6dc9c966a4e88e09", "event", "reported"): 12, ("003_6dc9c966a4e88e09", "fact", "official"): 4,
    }


def test_mention_coverage(seed_root):
    got = {(r["source_id"], r["coded_as"]): r["texts"] for r in rows(seed_root, "07_mention_coverage")}
    assert got[("003_6dc9c966a4e88e09", "dismissed")] == "two | two | M4 | M5 | Today"
    assert got[("003_6dc9c966a4e88e09", "fact")] == "approximately 40,000 | December 8, 2024 | 27,941 | three | nearly 40,000"
