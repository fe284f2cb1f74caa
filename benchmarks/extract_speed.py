"""Mention-extraction speed and accuracy: each grammar on text in its own language, against a bare
digit scan of the same text in the same run, and the English grammar against three peers.

Prints figures; asserts nothing. Targets (issue 10): each grammar >= 5 MB/s on one core, and
within 10x of the bare `re.finditer(r"\\d[\\d,.]*")` scan of the same text; ours >= 15x faster
than every peer.

* Texts: the gold texts of each language (tests/gold: the seed sources and the corpus reports
  copied under tests/gold/texts), repeated in memory to >= 5 MB, one string per language. The
  corpus reports are excerpts, their figure-bearing sentences only, so they are far denser in
  figures than a whole report (the "mentions/KB" column); the seeds (English, whole reports) are
  timed apart as the realistic density.
* Peers (quantulum3, dateparser's search_dates, number-parser's parse) are slow, so they run
  on a ~200 KB sample of the seeds and their MB/s is extrapolated from it; each is warmed up
  first (its one-off loading is not counted). A peer that fails to install or import is reported,
  not fatal. Peer deps: benchmarks/requirements.lock (never in the main requirements.lock).
* Accuracy: ours on exact spans against each language's gold; peers leniently on the seed gold, a
  peer span counting as correct when it overlaps a gold span (they do not share our span rules).
* Memory: tracemalloc peak while extracting document by document over 10 and 100 copies;
  equal peaks show memory does not grow with corpus size.
"""
from __future__ import annotations

import difflib
import gc
import re
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.extract import extract_mentions  # noqa: E402

CORPUS_BYTES = 5 * 1024 * 1024
SAMPLE_BYTES = 200 * 1024
BARE = re.compile(r"\d[\d,.]*")
LANGS = ("en", "tr", "ar")


def gold_docs() -> list[dict]:
    """Every gold file: its language, text, reference date, gold spans, and whether it is a seed."""
    out = []
    for path in sorted((ROOT / "tests" / "gold").glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "text" in gold:
            text, seed = (path.parent / gold["text"]).read_text(encoding="utf-8"), False
        else:
            text, seed = (ROOT / "data" / "sources" / gold["source"]).read_text(encoding="utf-8"), True
        out.append({"lang": gold["lang"], "text": text, "ref": gold.get("reference_date"), "seed": seed,
                    "spans": [(g["start"], g["end"]) for g in gold["mentions"]]})
    return out


def repeat_to(texts: list[str], size: int) -> str:
    unit = "\n\n".join(texts) + "\n\n"
    return unit * (size // len(unit.encode("utf-8")) + 1)


def mb(s: str) -> float:
    return len(s.encode("utf-8")) / 1e6


def timed(fn, text: str) -> float:
    gc.collect()
    started = time.perf_counter()
    fn(text)
    return time.perf_counter() - started


def best_of(n: int, fn, text: str) -> float:
    return min(timed(fn, text) for _ in range(n))


# --- peers: each returns the (start, end) spans it finds -------------------------------------

def _locate(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Offsets of substrings reported in order (peers that return text, not offsets)."""
    spans, at = [], 0
    for piece in pieces:
        i = text.find(piece, at)
        if i < 0:
            i = text.find(piece)
        if i >= 0:
            spans.append((i, i + len(piece)))
            at = i + len(piece)
    return spans


def load_peers() -> dict[str, object]:
    """name -> (function to time, function giving spans), or a string saying why not."""
    peers: dict[str, object] = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as qparser

        def quantulum(text):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return [q.span for q in qparser.parse(text)]

        peers["quantulum3"] = (quantulum, quantulum)
    except Exception as exc:  # noqa: BLE001 - report, do not crash
        peers["quantulum3"] = f"unavailable: {type(exc).__name__}: {exc}"
    try:
        from dateparser.search import search_dates

        def dateparser_run(text):
            return search_dates(text, languages=["en"]) or []

        def dateparser_spans(text):
            return _locate(text, [piece for piece, _ in dateparser_run(text)])

        peers["dateparser.search_dates"] = (dateparser_run, dateparser_spans)
    except Exception as exc:  # noqa: BLE001
        peers["dateparser.search_dates"] = f"unavailable: {type(exc).__name__}: {exc}"
    try:
        import number_parser

        def number_parser_spans(text):
            # parse() returns the text with number words replaced by digits: the replaced
            # stretches of the original are the spans it found (diffing is not timed).
            out = number_parser.parse(text)
            ops = difflib.SequenceMatcher(None, text, out, autojunk=False).get_opcodes()
            return [(i1, i2) for tag, i1, i2, _, _ in ops if tag in ("replace", "delete")]

        peers["number_parser.parse"] = (number_parser.parse, number_parser_spans)
    except Exception as exc:  # noqa: BLE001
        peers["number_parser.parse"] = f"unavailable: {type(exc).__name__}: {exc}"
    return peers


def accuracy(docs, spans_of, *, exact: bool) -> tuple[float, float]:
    tp_found = n_found = tp_gold = n_gold = 0
    for doc in docs:
        found, gold = spans_of(doc), doc["spans"]
        if exact:
            hit = set(found) & set(gold)
            tp_found += len(hit)
            tp_gold += len(hit)
        else:
            tp_found += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in found)
            tp_gold += sum(any(s < ge and gs < e for s, e in found) for gs, ge in gold)
        n_found += len(found)
        n_gold += len(gold)
    return tp_found / n_found if n_found else 0.0, tp_gold / n_gold if n_gold else 0.0


def ours_spans(doc) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in extract_mentions(doc["text"], lang=doc["lang"], reference_date=doc["ref"])]


def peak_memory(text: str, copies: int) -> int:
    gc.collect()
    tracemalloc.start()
    count = 0
    for _ in range(copies):
        count += len(extract_mentions(text))  # one document at a time, results dropped
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def grammar_row(name: str, lang: str, texts: list[str], docs: list[dict]) -> tuple[tuple, dict]:
    corpus = repeat_to(texts, CORPUS_BYTES)
    run = lambda s: extract_mentions(s, lang=lang)  # noqa: E731
    run(texts[0])  # compile once outside the timing
    t_ours = best_of(3, run, corpus)
    t_bare = best_of(5, lambda s: sum(1 for _ in BARE.finditer(s)), corpus)
    density = len(run(repeat_to(texts, 64 * 1024))) / (mb(repeat_to(texts, 64 * 1024)) * 1000)
    p, r = accuracy(docs, ours_spans, exact=True)
    ours_mbs, bare_mbs = mb(corpus) / t_ours, mb(corpus) / t_bare
    row = (name, f"{ours_mbs:9.2f}", f"{bare_mbs:9.2f}", f"{bare_mbs / ours_mbs:5.1f}x", f"{density:6.2f}",
           f"{mb(corpus):5.1f} MB", f"{p:.3f}/{r:.3f} ({len(docs)} files)")
    return row, {"name": name, "ours": ours_mbs, "ratio": bare_mbs / ours_mbs}


def main() -> None:
    docs = gold_docs()
    seeds = [d for d in docs if d["seed"]]
    rows, results = [], []
    for lang in LANGS:
        lang_docs = [d for d in docs if d["lang"] == lang]
        row, res = grammar_row(f"{lang}: its gold texts", lang, [d["text"] for d in lang_docs], lang_docs)
        rows.append(row)
        results.append(res)
    row, res = grammar_row("en: seed reports only", "en", [d["text"] for d in seeds], seeds)
    rows.append(row)
    results.append(res)

    print(f"{'grammar and text':<26}{'ours MB/s':>10}{'bare MB/s':>10}  {'bare/ours':>9}  {'ment/KB':>7}  {'text':<8}  exact-span P/R on the same gold")
    for name, ours, bare, ratio, density, size, acc in rows:
        print(f"{name:<26}{ours:>10}{bare:>10}  {ratio:>9}  {density:>7}  {size:<8}  {acc}")
    print("  best of 3 (ours) and of 5 (bare scan) on one core, wall clock; each text repeated in memory to >= 5 MB.")

    seed_texts = [d["text"] for d in seeds]
    sample = repeat_to(seed_texts, SAMPLE_BYTES)
    ours_seed = next(r["ours"] for r in results if r["name"].startswith("en: seed"))
    peer_rows, slowest_ratio = [], None
    for name, peer in load_peers().items():
        if isinstance(peer, str):
            peer_rows.append((name, "-", "-", peer))
            continue
        run, spans = peer
        try:
            run("warm up: 5 km on March 9, 2025, two people")
            t_peer = timed(run, sample)
            p, r = accuracy([{"text": d["text"], "spans": d["spans"]} for d in seeds],
                            lambda d: spans(d["text"]), exact=False)
        except Exception as exc:  # noqa: BLE001
            peer_rows.append((name, "-", "-", f"failed: {type(exc).__name__}: {exc}"))
            continue
        peer_mbs = mb(sample) / t_peer
        ratio = ours_seed / peer_mbs
        slowest_ratio = ratio if slowest_ratio is None else min(slowest_ratio, ratio)
        peer_rows.append((name, f"{peer_mbs:9.4f}", f"ours {ratio:,.0f}x faster", f"{p:.2f}/{r:.2f} overlap"))
    p_l, r_l = accuracy([{"text": d["text"], "spans": d["spans"], "lang": "en", "ref": None} for d in seeds],
                        lambda d: ours_spans({**d, "lang": "en", "ref": None}), exact=False)
    print()
    print(f"{'English peers (seed sample)':<30}{'MB/s':>10}  {'speed':<20}  precision/recall on seed gold")
    print(f"{'ours (pipelines.extract)':<30}{ours_seed:>10.2f}  {'1.0x':<20}  {p_l:.2f}/{r_l:.2f} overlap")
    for name, speed, rel, acc in peer_rows:
        print(f"{name:<30}{speed:>10}  {rel:<20}  {acc}")
    print("  peers timed on the seeds repeated to ~200 KB, after a warm-up call, extrapolated to MB/s.")

    doc = seed_texts[-1]
    peak10, peak100 = peak_memory(doc, 10), peak_memory(doc, 100)
    print(f"peak traced memory, file by file: {peak10 / 1024:.0f} KiB over 10 copies, "
          f"{peak100 / 1024:.0f} KiB over 100 copies ({len(doc):,} chars each)")

    for res in results:
        print(f"targets, {res['name']}: >= 5 MB/s: " + ("met" if res["ours"] >= 5 else "MISSED")
              + "; within 10x of the bare scan: " + ("met" if res["ratio"] <= 10 else "MISSED"))
    print("target, >= 15x faster than every peer: "
          + ("n/a" if slowest_ratio is None else "met" if slowest_ratio >= 15 else "MISSED"))


if __name__ == "__main__":
    main()
