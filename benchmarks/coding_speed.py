"""Coding speed on one long source: a 10 MB report with 100,000 figures (issue 12, Q1).

Prints figures; asserts nothing. Target: the whole coding of such a report (extraction, the stub,
applying a complete coding) in about a minute or less, growing linearly with the report's size.

The report is generated (seeded, so every run codes the same text): paragraphs of ten sentences,
each sentence holding one figure, without "?" or "!" (the case that made sentence lookup scan to the
end of the text for every figure). Phases, each timed on its own:

* extract     the mentions, as the build finds them;
* stub        `tsr stub`'s document: a suggested quote (the sentence) per mention;
* uncoded     applying an empty coding: every mention is reported unaccounted, with its sentence;
* coded       applying a complete coding (every figure dismissed with its sentence as the quote):
              every quote located, every mention found inside its quote;
* yaml        reading that coding back from YAML text (`--yaml`; the line-numbering loader is slow);
* build       `tsr build --force` of the seed package plus this report, registered with add-source and
              coded completely (`--build`; a fresh process, everything from reading to publishing).

Usage: python benchmarks/coding_speed.py [--megabytes 10] [--figures 100000] [--yaml] [--build]
"""
from __future__ import annotations

import argparse
import gc
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.coding.apply import apply_coding  # noqa: E402
from pipelines.coding.stub import stub_document, todo_entry  # noqa: E402
from pipelines.extract import extract_mentions  # noqa: E402
from pipelines.sources.registry import Source  # noqa: E402

PLACES = ["Hatay", "Kilis", "Gaziantep", "Idlib", "Aleppo", "Homs", "Latakia", "Mersin", "Adana", "Urfa",
          "Azaz", "Jarablus", "Afrin", "Hama", "Tartus", "Raqqa", "Daraa", "Bursa", "Konya", "Izmir"]
WHO = ["officials", "the governor's office", "aid workers", "the ministry", "local councils", "observers",
       "the border authority", "relief agencies", "municipal staff", "the provincial directorate"]
NOUNS = ["families", "people", "students", "workers", "vehicles", "tents", "shelters", "patients",
         "households", "trucks", "containers", "volunteers", "teachers", "farmers", "traders"]
VERBS = ["had registered", "were counted", "had crossed", "were housed", "were treated", "had applied",
         "were supported", "had arrived", "were recorded", "had left"]
TAILS = ["in the district so far", "under the new programme", "through the northern gate",
         "according to the latest tally", "since the office opened", "in the first phase of the plan",
         "at the main reception centre", "during the spring campaign"]


def report(megabytes: float, figures: int, seed: int = 12) -> str:
    """A report of about `megabytes` MB holding `figures` sentences, one figure each."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    pad_words = max(0, (target // max(figures, 1) - 95) // 8)
    filler = ["broadly", "again", "locally", "quietly", "steadily", "formally", "mostly", "partly"]
    paragraphs, sentences = [], []
    for i in range(figures):
        pad = " ".join(rng.choice(filler) for _ in range(pad_words))
        sentences.append(f"In {rng.choice(PLACES)}, {rng.choice(WHO)} said that {rng.randint(2, 999_999):,} "
                         f"{rng.choice(NOUNS)} {rng.choice(VERBS)} {pad} {rng.choice(TAILS)}.".replace("  ", " "))
        if len(sentences) == 10:
            paragraphs.append(" ".join(sentences))
            sentences = []
    if sentences:
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def timed(label: str, fn, *args):
    gc.collect()
    started = time.perf_counter()
    value = fn(*args)
    seconds = time.perf_counter() - started
    print(f"{label:<10}{seconds:>10.2f}")
    return value, seconds


def timed_build(text: str, dismissed: list[dict]) -> None:
    import yaml

    from pipelines.paths import Layout
    from pipelines.sources.add import add_source

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "pkg"
        for rel in ("data/sources", "data/coding", "queries"):
            shutil.copytree(ROOT / rel, root / rel)
        report_file = Path(tmp) / "report.txt"
        report_file.write_text(text, encoding="utf-8")
        source_id = add_source(Layout(root), report_file, title="Generated report", published="2025-03-01")
        (root / "data" / "coding" / f"{source_id}.yaml").write_text(yaml.dump(
            {"source_id": source_id, "dismissed": dismissed}, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
            allow_unicode=True, sort_keys=False, width=10**9), encoding="utf-8")
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "pipelines", "build", "--force", "--root", str(root)],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - started
        print(f"{'build':<10}{seconds:>10.2f}  (exit {done.returncode}"
              f"{'' if done.returncode == 0 else ': ' + (done.stderr.strip().splitlines() or ['?'])[-1][:200]})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--yaml", action="store_true", help="also time reading the complete coding from YAML")
    parser.add_argument("--build", action="store_true", help="also time a whole build holding the report")
    args = parser.parse_args()

    text = report(args.megabytes, args.figures)
    source = Source("900_0000000000000000", text, "data/sources/900_0000000000000000.txt", "0" * 64,
                    len(text.encode("utf-8")), {"language": "en", "title": "Generated report"})
    print(f"report: {len(text.encode('utf-8')) / 1e6:.1f} MB, {args.figures:,} figure sentences")
    print(f"{'phase':<10}{'seconds':>10}")
    mentions, t_extract = timed("extract", lambda t: extract_mentions(t, lang="en"), text)
    _, t_stub = timed("stub", stub_document, source, mentions)
    uncoded, t_uncoded = timed("uncoded", apply_coding, source, mentions, {"source_id": source.source_id}, "c.yaml", set())
    entries = [todo_entry(text, m, "en") for m in mentions]
    coding = {"source_id": source.source_id,
              "dismissed": [{"mention": e["text"], "quote": e["quote"], "reason": "benchmark",
                             **({"occurrence": e["occurrence"]} if "occurrence" in e else {})} for e in entries]}
    coded, t_coded = timed("coded", apply_coding, source, mentions, coding, "c.yaml", set())
    total = t_extract + t_stub + t_coded
    if args.yaml:
        import yaml

        from pipelines.yamlfile import parse_yaml

        dumped = yaml.safe_dump(coding, allow_unicode=True, sort_keys=False, width=10**9)
        _, t_yaml = timed("yaml", parse_yaml, dumped, "c.yaml")
        total += t_yaml
    print(f"{'total':<10}{total:>10.2f}  (extract + stub + coded{' + yaml' if args.yaml else ''}; target about 60 s)")
    if args.build:
        timed_build(text, coding["dismissed"])
    print(f"mentions: {len(mentions):,}; uncoded reported {uncoded.unclaimed:,} unaccounted; "
          f"coded: {len(coded.mentions):,} dismissed, {len(coded.problems):,} problems")


if __name__ == "__main__":
    main()
