"""`tsr mentions`: every number and date mention of any UTF-8 text file, as JSON lines or a table."""
from __future__ import annotations

import json

from click.testing import CliRunner

from pipelines.cli import cli
from pipelines.paths import REPO_ROOT

SEED = REPO_ROOT / "data" / "sources" / "003_6dc9c966a4e88e09.txt"
FIELDS = {"source", "start", "end", "text", "kind", "value", "unit", "date", "date_precision", "date_inferred",
          "approx", "qualifier", "lower", "upper"}


def test_jsonl_has_every_field_and_exact_spans():
    result = CliRunner().invoke(cli, ["mentions", str(SEED)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    text = SEED.read_text(encoding="utf-8")
    assert all(FIELDS <= set(r) for r in rows)
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    hatay = next(r for r in rows if r["text"] == "27,941")
    assert (hatay["kind"], hatay["value"], hatay["approx"]) == ("number", 27941, False)
    nearly = next(r for r in rows if r["text"] == "nearly 40,000")
    assert (nearly["qualifier"], nearly["upper"], nearly["approx"]) == ("nearly", 40000, True)


def test_turkish_with_reference_date(tmp_path):
    report = tmp_path / "rapor.txt"
    report.write_text("8 Aralık 2024'ten bu yana yaklaşık 52.622 kişi döndü.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["mentions", str(report), "--lang", "tr", "--reference-date", "2025-03-01"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["text"], r["date"], r["value"]) for r in rows if r["kind"] == "date"] == [("8 Aralık 2024", "2024-12-08", None)]
    number = next(r for r in rows if r["kind"] == "number")
    assert (number["value"], number["approx"]) == (52622, True)


def test_table_format():
    result = CliRunner().invoke(cli, ["mentions", str(SEED), "--format", "table"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].split()[:4] == ["source", "start", "end", "kind"]


def test_non_utf8_file_is_refused(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Türkiye 27.941".encode("latin-1"))
    result = CliRunner().invoke(cli, ["mentions", str(bad)])
    assert result.exit_code == 1
    assert "[not-utf8]" in result.output and "latin1.txt" in result.output
