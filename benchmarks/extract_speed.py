"""Mention-extraction speed and accuracy: ours against a bare digit scan and three peers.

Prints figures; asserts nothing. Targets: ours >= 5 MB/s on one core, within 10x of the bare
`re.finditer(r"\\d[\\d,.]*")` scan, and >= 15x faster than every peer.

* Corpus: the seed sources repeated in memory to >= 10 MB, one string.
* Peers (quantulum3, dateparser's search_dates, number-parser's parse) are slow, so they run
  on a ~200 KB sample and their MB/s is extrapolated from it; each is warmed up first (its
  one-off loading is not counted). A peer that fails to install or import is reported, not
  fatal. Peer deps: benchmarks/requirements.lock (never in the main requirements.lock).
* Accuracy on the seed gold (tests/gold): ours on exact spans; peers leniently, a peer span
  counting as correct when it overlaps a gold span (they do not share our span rules).
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

CORPUS_BYTES = 10 * 1024 * 1024
SAMPLE_BYTES = 200 * 1024
BARE = re.compile(r"\d[\d,.]*")


def seeds() -> list[tuple[str, list[tuple[int, int]]]]:
    out = []
    for path in sorted((ROOT / "tests" / "gold").glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = (ROOT / "data" / "sources" / gold["source"]).read_text(encoding="utf-8")
        out.append((text, [(g["start"], g["end"]) for g in gold["mentions"]]))
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
    for text, gold in docs:
        found = spans_of(text)
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


def ours_spans(text):
    return [(m.start, m.end) for m in extract_mentions(text)]


def peak_memory(text: str, copies: int) -> int:
    gc.collect()
    tracemalloc.start()
    count = 0
    for _ in range(copies):
        count += len(extract_mentions(text))  # one document at a time, results dropped
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    docs = seeds()
    texts = [t for t, _ in docs]
    corpus = repeat_to(texts, CORPUS_BYTES)
    sample = repeat_to(texts, SAMPLE_BYTES)

    extract_mentions(texts[0])  # compile once outside the timing
    t_ours = min(timed(extract_mentions, corpus) for _ in range(5))
    t_bare = min(timed(lambda s: sum(1 for _ in BARE.finditer(s)), corpus) for _ in range(5))
    ours_mbs, bare_mbs = mb(corpus) / t_ours, mb(corpus) / t_bare
    p_ours, r_ours = accuracy(docs, ours_spans, exact=True)
    p_ours_l, r_ours_l = accuracy(docs, ours_spans, exact=False)

    rows = [
        ("ours (pipelines.extract)", f"{ours_mbs:9.2f}", f"{mb(corpus):6.1f} MB", "1.0x", f"{p_ours:.2f}/{r_ours:.2f} exact; {p_ours_l:.2f}/{r_ours_l:.2f} overlap"),
        ("bare re.finditer(\\d[\\d,.]*)", f"{bare_mbs:9.2f}", f"{mb(corpus):6.1f} MB", f"{bare_mbs / ours_mbs:.1f}x faster", "-"),
    ]
    slowest_ratio = None
    for name, peer in load_peers().items():
        if isinstance(peer, str):
            rows.append((name, "-", "-", "-", peer))
            continue
        run, spans = peer
        try:
            run("warm up: 5 km on March 9, 2025, two people")
            t_peer = timed(run, sample)
            p, r = accuracy(docs, spans, exact=False)
        except Exception as exc:  # noqa: BLE001
            rows.append((name, "-", "-", "-", f"failed: {type(exc).__name__}: {exc}"))
            continue
        peer_mbs = mb(sample) / t_peer
        ratio = ours_mbs / peer_mbs
        slowest_ratio = ratio if slowest_ratio is None else min(slowest_ratio, ratio)
        rows.append((name, f"{peer_mbs:9.4f}", f"{mb(sample):6.2f} MB*", f"ours {ratio:,.0f}x faster", f"{p:.2f}/{r:.2f} overlap"))

    print(f"{'extractor':<30}{'MB/s':>10}  {'measured on':<12}  {'speed':<20}  precision/recall on seed gold")
    for name, speed, on, rel, acc in rows:
        print(f"{name:<30}{speed:>10}  {on:<12}  {rel:<20}  {acc}")
    print("* peers timed on the sample (seeds repeated to ~200 KB, after a warm-up call) and")
    print("  extrapolated to MB/s; ours and the bare scan on the full corpus, best of 5, one core.")

    doc = texts[1]
    peak10, peak100 = peak_memory(doc, 10), peak_memory(doc, 100)
    print(f"peak traced memory, file by file: {peak10 / 1024:.0f} KiB over 10 copies, "
          f"{peak100 / 1024:.0f} KiB over 100 copies ({len(doc):,} chars each)")

    print("targets: ours >= 5 MB/s: " + ("met" if ours_mbs >= 5 else "MISSED")
          + "; within 10x of bare scan: " + ("met" if bare_mbs / ours_mbs <= 10 else "MISSED")
          + "; >= 15x faster than every peer: "
          + ("n/a" if slowest_ratio is None else "met" if slowest_ratio >= 15 else "MISSED"))


if __name__ == "__main__":
    main()
