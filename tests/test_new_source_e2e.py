"""Issue 5 end to end: add an English and a Turkish report, stub them, code them, build, and find them.

Runs in a temporary copy of the repository with the library functions and the CLI, exactly as a
contributor would from a fresh clone. The coding is filled in by code (each todo becomes a fact, an
event or a dismissal by simple rules), so the test exercises the stub format and the extractor's
Turkish reading too: if "1 milyon 190 bin 172" is not read as 1190172, the test says so.
"""
from __future__ import annotations

import calendar
import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml
from click.testing import CliRunner

from pipelines.extract import DATE_KINDS, NUMERIC_KINDS
from pipelines.sources.add import add_source
from pipelines.build import build_package
from pipelines.cli import cli
from pipelines.coding.catalogue import read_catalogue
from pipelines.coding.coverage import coverage
from pipelines.errors import TsrError
from pipelines.paths import REPO_ROOT, Layout
from pipelines.coding.quotes import locate
from pipelines.sources.registry import sha256_hex
from pipelines.coding.stub import write_stub
from pipelines.yamlfile import read_yaml, strip_lines

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "new_sources"
REPORTS = {
    "en": dict(file=FIXTURES / "report_en.txt", title="Syrian returns from Türkiye gather pace as Damascus airport reopens",
               published="2025-02-04", language="en"),
    "tr": dict(file=FIXTURES / "report_tr.txt", title="Suriyelilerin ülkelerine dönüşü sürüyor",
               publisher="Örnek Haber", published="2025-02-05", language="tr"),
}
INDICATOR_BY_KIND = {"percent": "exports_tr_to_sy_growth", "money": "deal_value"}
NUMERIC = NUMERIC_KINDS
DATES = DATE_KINDS
SKIP = shutil.ignore_patterns(".git", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache",
                              ".staging-*", "*.egg-info", "node_modules")


def copy_repo(dest: Path) -> Layout:
    shutil.copytree(REPO_ROOT, dest, ignore=SKIP)
    return Layout(dest)


# -- coding the stubs by rule -----------------------------------------------------------------------

def _mention_spec(todo: dict, group: list[dict]):
    """The mention as a coding names it: its text, with an occurrence when the quote holds it twice."""
    same = sorted((t for t in group if t["text"] == todo["text"]), key=lambda t: t["start"])
    return todo["text"] if len(same) == 1 else {"text": todo["text"], "occurrence": same.index(todo) + 1}


def _event_date(todo: dict) -> dict:
    date, precision = todo.get("date"), todo.get("date_precision")
    basis = "Filled in by the end-to-end test from the mention."
    if not date or precision not in ("day", "month", "year"):
        return {"start": None, "end": None, "precision": "unknown", "inferred": True, "basis": basis}
    if precision == "day":
        start = end = date
    elif precision == "month":
        year, month = map(int, date.split("-"))
        start, end = f"{date}-01", f"{date}-{calendar.monthrange(year, month)[1]:02d}"
    else:
        start, end = f"{date}-01-01", f"{date}-12-31"
    return {"start": start, "end": end, "precision": precision, "inferred": bool(todo.get("date_inferred")), "basis": basis}


def fill_stub(coding: dict, prefix: str, published: str) -> dict:
    """Turn every todo into a fact (figures), an event (dates in sentences without figures) or a
    dismissal (identifiers, vague amounts); dates next to a figure become part of its fact."""
    groups: dict[tuple, list[dict]] = {}
    for todo in coding["todo"]:
        groups.setdefault((todo["quote"], todo.get("occurrence")), []).append(todo)
    facts, events, dismissed = [], [], []
    for (quote, occurrence), group in groups.items():
        where = {"quote": quote, **({"occurrence": occurrence} if occurrence else {})}
        figures = [t for t in group if t["kind"] in NUMERIC and (t["value"] is not None or t["lower"] is not None)]
        dates = [t for t in group if t["kind"] in DATES]
        for todo in group:
            if todo not in figures and todo not in dates:
                dismissed.append({"mention": _mention_spec(todo, group), **where, "reason": "not a statistic (test rule)"})
        for n, todo in enumerate(figures):
            # An indicator of schemas/indicators.yaml by the mention's kind; category and unit come from it.
            indicator = INDICATOR_BY_KIND.get(todo["kind"], "returns_over_period")
            category = read_catalogue().indicators[indicator].category
            fact = {
                "id": f"{prefix}_fact_{len(facts) + 1}", "indicator": indicator, "series": "stated_figure",
                "value": todo["value"] if todo["value"] is not None else todo["lower"],
                "claim_status": "official",
                "period": {"start": None, "end": None, "precision": "unknown", "basis": "Filled in by the end-to-end test."},
                "geography": ["SY", "TR"], **where,
                # The sentence's dates belong to its first figure: a mention is claimed by one fact only.
                "mentions": [_mention_spec(t, group) for t in [todo, *(dates if n == 0 else [])]],
            }
            if category == "returns":
                fact["returns"] = {"return_type": "voluntary", "route": "all crossings", "origin": "TR", "destination": "SY"}
            facts.append(fact)
        for todo in dates if not figures else []:
            date = _event_date(todo)
            status = "planned" if date["start"] and date["start"] > published else "completed"
            events.append({
                "id": f"{prefix}_event_{len(events) + 1}", "category": todo["suggested_category"] or "diplomacy",
                "event_type": "statement", "date": date, "title": quote[:80], "status": status,
                "claim_status": "reported", **where, "mentions": [_mention_spec(todo, group)],
            })
    return {"source_id": coding["source_id"], "facts": facts, "events": events, "dismissed": dismissed, "todo": []}


def code_source(layout: Layout, source_id: str, prefix: str, published: str) -> dict:
    path = layout.coding_dir / f"{source_id}.yaml"
    coding = strip_lines(read_yaml(path, layout.rel(path)))
    filled = fill_stub(coding, prefix, published)
    path.write_text(yaml.safe_dump(filled, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return coding, filled


# -- the happy path ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def added(tmp_path_factory):
    """A repository copy built before and after adding, stubbing and coding the two reports."""
    layout = copy_repo(tmp_path_factory.mktemp("e2e") / "repo")
    build_package(layout, force=True)
    facts_before = pd.read_csv(layout.root / "data" / "facts.csv", dtype=str, keep_default_na=False)
    ids, codings, todo_counts = {}, {}, {}
    for lang, report in REPORTS.items():
        options = {k: v for k, v in report.items() if k != "file"}
        ids[lang] = add_source(layout, report["file"], **options)
        write_stub(layout, ids[lang], drafts=False)  # the todo path; drafts: tests/test_stub_drafts.py
        stub, codings[lang] = code_source(layout, ids[lang], f"e2e_{lang}", report["published"])
        todo_counts[lang] = len(stub["todo"])
    report = build_package(layout, force=True)
    return {"layout": layout, "ids": ids, "codings": codings, "facts_before": facts_before, "report": report,
            "todo_counts": todo_counts}


def new_facts(added, lang: str) -> pd.DataFrame:
    facts = pd.read_csv(added["layout"].root / "data" / "facts.csv", keep_default_na=False, na_values=[""])
    return facts[facts["source_id"] == added["ids"][lang]]


def test_every_todo_was_coded(added):
    for lang, coding in added["codings"].items():
        assert coding["facts"], f"{lang}: the extractor found no figures"
        assert coding["todo"] == []


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_new_facts_are_in_facts_csv_with_verbatim_quotes(added, lang):
    layout, source_id = added["layout"], added["ids"][lang]
    text = (layout.sources_dir / f"{source_id}.txt").read_text(encoding="utf-8")
    facts = new_facts(added, lang)
    assert sorted(facts["fact_id"]) == sorted(f["id"] for f in added["codings"][lang]["facts"])
    for fact in facts.itertuples(index=False):
        assert text[fact.quote_start:fact.quote_end] == fact.quote
        coded = next(f for f in added["codings"][lang]["facts"] if f["id"] == fact.fact_id)
        assert fact.quote == coded["quote"]
        span = locate(text, coded["quote"], coded.get("occurrence"))
        assert (fact.quote_start, fact.quote_end) == (span.start, span.end)


def _by_value(facts: pd.DataFrame, value: float) -> pd.Series:
    rows = facts[facts["value"] == value]
    assert len(rows) == 1, f"expected one fact with value {value:g}, found values {sorted(facts['value'])}"
    return rows.iloc[0]


def test_english_figures_are_read_as_written(added):
    facts = new_facts(added, "en")
    assert not _by_value(facts, 52622)["approx"]
    more_than = _by_value(facts, 81000)
    assert more_than["approx"] and more_than["qualifier"] == "more than" and more_than["lower"] == 81000
    _by_value(facts, 2.5e9)
    _by_value(facts, 30)


def test_turkish_figures_are_read_as_written(added):
    facts = new_facts(added, "tr")
    exact = _by_value(facts, 1190172)
    assert not exact["approx"] and "1 milyon 190 bin 172" in exact["quote"]
    about = _by_value(facts, 52622)
    assert about["approx"] and about["qualifier"] == "yaklaşık"
    _by_value(facts, 2.5e9)
    assert not _by_value(facts, 24)["approx"]
    mentions = pd.read_csv(added["layout"].root / "data" / "mentions.csv", keep_default_na=False, na_values=[""])
    dates = mentions[(mentions["source_id"] == added["ids"]["tr"]) & (mentions["kind"] == "date")]
    assert {"2024-12-08", "2025-03-01"} <= set(dates["date"]), sorted(dates["text"])


def test_new_facts_and_sources_are_in_duckdb(added):
    layout, ids = added["layout"], added["ids"]
    with duckdb.connect(str(layout.database), read_only=True) as con:
        sources = dict(con.execute("SELECT source_id, sha256 FROM sources").fetchall())
        for lang, source_id in ids.items():
            assert sources[source_id] == sha256_hex(REPORTS[lang]["file"].read_bytes())
            rows = con.execute("SELECT fact_id, quote, quote_start, quote_end FROM facts WHERE source_id = ? ORDER BY fact_id",
                               [source_id]).fetchall()
            expected = new_facts(added, lang).sort_values("fact_id")
            assert [r[0] for r in rows] == list(expected["fact_id"])
            assert [(r[1], r[2], r[3]) for r in rows] == list(
                zip(expected["quote"], expected["quote_start"], expected["quote_end"]))
            # every mention the stub listed is in the mentions table, coded
            coded = con.execute("SELECT count(*) FROM mentions WHERE source_id = ?", [source_id]).fetchone()[0]
            assert coded == added["todo_counts"][lang]

def test_datapackage_lists_the_new_sources_and_hashes_the_new_csvs(added):
    layout, ids = added["layout"], added["ids"]
    descriptor = json.loads((layout.root / "datapackage.json").read_text(encoding="utf-8"))
    listed = {s["path"]: s for s in descriptor["sources"]}
    for lang, source_id in ids.items():
        entry = listed[f"data/sources/{source_id}.txt"]
        assert entry["sha256"] == sha256_hex(REPORTS[lang]["file"].read_bytes())
        assert entry["title"] == REPORTS[lang]["title"]
    assert listed[f"data/sources/{ids['tr']}.txt"]["publisher"] == "Örnek Haber"
    for resource in descriptor["resources"]:
        if resource.get("format") == "csv":
            assert resource["hash"] == "sha256:" + sha256_hex((layout.root / resource["path"]).read_bytes())


def test_seed_facts_are_unchanged(added):
    after = pd.read_csv(added["layout"].root / "data" / "facts.csv", dtype=str, keep_default_na=False)
    seed_after = after[~after["source_id"].isin(added["ids"].values())].reset_index(drop=True)
    pd.testing.assert_frame_equal(seed_after, added["facts_before"])


def test_coverage_is_complete_after_coding(added):
    table = coverage(added["layout"]).set_index("source_id")
    for lang, source_id in added["ids"].items():
        row = table.loc[source_id]
        assert row["todo"] == row["unaccounted"] == row["problems"] == 0
        assert row["mentions"] == row["facts"] + row["events"] + row["fact_and_event"] + row["dismissed"] > 0
    result = CliRunner().invoke(cli, ["coverage", "--root", str(added["layout"].root)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].split()[0] == "TOTAL"


# -- the bad cases ----------------------------------------------------------------------------------

@pytest.fixture
def repo(tmp_path) -> Layout:
    return copy_repo(tmp_path / "repo")


def test_a_todo_left_in_a_stub_fails_the_build_naming_the_file(repo: Layout):
    source_id = add_source(repo, REPORTS["en"]["file"], title="Returns", published="2025-02-04")
    stub_path = write_stub(repo, source_id, drafts=False)
    before = (repo.root / "data" / "facts.csv").read_bytes() if (repo.root / "data" / "facts.csv").exists() else None
    with pytest.raises(TsrError) as caught:
        build_package(repo, force=True)
    todos = [p for p in caught.value.problems if p.code == "coding-todo"]
    assert todos and all(p.file == repo.rel(stub_path) for p in todos)
    assert any("more than 81,000" in p.key for p in todos), [str(p) for p in todos]
    after = (repo.root / "data" / "facts.csv").read_bytes() if (repo.root / "data" / "facts.csv").exists() else None
    assert after == before, "a failed build publishes nothing"
    # coverage reports the same state and the command exits non-zero
    row = coverage(repo, source_id).iloc[0]
    assert row["todo"] > 0 and row["unaccounted"] == row["mentions"]
    result = CliRunner().invoke(cli, ["coverage", source_id, "--root", str(repo.root)])
    assert result.exit_code == 1


def test_coverage_of_an_unknown_source_is_refused(repo: Layout):
    with pytest.raises(TsrError) as caught:
        coverage(repo, "999_0123456789abcdef")
    assert caught.value.codes == {"unknown-source"}


def test_bad_files_are_refused_in_a_repository_copy(repo: Layout, tmp_path: Path):
    runner = CliRunner()
    seed = sorted(repo.sources_dir.glob("*.txt"))[0]
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("Yaklaşık 52.622 kişi".encode("iso-8859-9"))
    for file, code in ((seed, "duplicate-source"), (tmp_path / "empty.txt", "empty-source"),
                       (tmp_path / "latin.txt", "not-utf8")):
        result = runner.invoke(cli, ["add-source", str(file), "--title", "x", "--root", str(repo.root)])
        assert result.exit_code == 1 and f"[{code}]" in result.stderr, result.output
    result = runner.invoke(cli, ["stub", "999_0123456789abcdef", "--root", str(repo.root)])
    assert result.exit_code == 1 and "[unknown-source]" in result.stderr
