"""The extractor against hand-annotated gold (tests/gold/*.yaml): the seed sources, and corpus
reports in English, Turkish and Arabic whose texts are copied byte for byte under tests/gold/texts/.

Each gold file names its text (`source:` a vendored source, or `text:` a file under tests/gold/),
its language and the reference date the build would pass (the publication day, or null)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from pipelines.extract import extract_mentions

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted((ROOT / "tests" / "gold").glob("*.yaml"))
CHECKED = ("kind", "value", "unit", "date", "date_end", "date_precision", "approx", "qualifier", "lower", "upper")


def _load(path: Path):
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "text" in gold:
        text = (path.parent / gold["text"]).read_text(encoding="utf-8")
    else:
        text = (ROOT / "data" / "sources" / gold["source"]).read_text(encoding="utf-8")
    return gold, text


def _extract(gold, text):
    return extract_mentions(text, lang=gold["lang"], reference_date=gold.get("reference_date"))


def score(found, gold_rows):
    got = {(m.start, m.end) for m in found}
    want = {(g["start"], g["end"]) for g in gold_rows}
    hit = got & want
    return len(hit) / len(got) if got else 1.0, len(hit) / len(want) if want else 1.0


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_gold_offsets_match_text(path):
    gold, text = _load(path)
    for g in gold["mentions"]:
        assert text[g["start"]:g["end"]] == g["text"]


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_precision_and_recall_on_exact_spans(path):
    gold, text = _load(path)
    found = _extract(gold, text)
    precision, recall = score(found, gold["mentions"])
    assert recall >= 0.98, [m.text for m in found]
    assert precision >= 0.98, [m.text for m in found]


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_fields_of_matched_mentions(path):
    gold, text = _load(path)
    by_span = {(m.start, m.end): m for m in _extract(gold, text)}
    for g in gold["mentions"]:
        m = by_span.get((g["start"], g["end"]))
        if m is None:
            continue  # counted by the recall test
        for field in CHECKED:
            assert getattr(m, field) == g.get(field), (g["text"], field)


def test_seed_000_with_reference_date_resolves_relative_and_yearless_dates():
    _, text = _load(ROOT / "tests" / "gold" / "000_2c69b4d6582214f2.yaml")
    found = {m.text: m for m in extract_mentions(text, reference_date=dt.date(2025, 3, 13))}
    assert (found["March 9"].date, found["March 9"].date_precision, found["March 9"].date_inferred) == ("2025-03-09", "day", True)
    assert (found["Thursday"].date, found["Thursday"].date_inferred) == ("2025-03-13", True)
    assert (found["Two months ago"].date, found["Two months ago"].date_precision) == ("2025-01", "month")


@pytest.mark.parametrize("lang", ["en", "tr", "ar"])
def test_each_language_has_gold_and_reaches_098_over_all_its_files(lang):
    found_all = want_all = hit_all = 0
    files = 0
    for path in GOLD:
        gold, text = _load(path)
        if gold["lang"] != lang:
            continue
        files += 1
        got = {(m.start, m.end) for m in _extract(gold, text)}
        want = {(g["start"], g["end"]) for g in gold["mentions"]}
        found_all, want_all, hit_all = found_all + len(got), want_all + len(want), hit_all + len(got & want)
    assert files >= (6 if lang == "ar" else 8)
    assert hit_all / found_all >= 0.98 and hit_all / want_all >= 0.98, (lang, hit_all, found_all, want_all)
