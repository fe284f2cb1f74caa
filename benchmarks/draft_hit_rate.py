"""How much of a report's coding `tsr stub` gets right before a person touches it (issue 15, item 8).

Leave-one-out over the coded package: for every source, its own coding is set aside, the stub is
computed from every *other* coding (as for a new report), and its draft facts are compared with the
coding a person wrote. Prints figures; asserts nothing.

Per source and in total:
* figures     numeric mentions (number, money, percent, …), and how many the person coded as a fact;
* drafted     figures the stub drafted as a fact (the rest stay todos);
* per field   among drafted figures that the person coded as a fact: how often the draft's indicator,
              series, value, period end, period start, period precision, claim status, attribution and
              places equal the person's;
* exact       drafts equal to the person's fact in all those fields: confirming them is deleting one line;
* false       drafts of figures the person dismissed or coded as an event only (deleting the draft and
              coding the todo is the work there);
* dismissals  mentions the extractor reads as identifiers, drafted as dismissed, and how many of them
              the person dismissed too.

Usage: python benchmarks/draft_hit_rate.py [--by-source]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.coding.catalogue import read_catalogue  # noqa: E402
from pipelines.coding.drafts import draft_dismissals, draft_facts  # noqa: E402
from pipelines.coding.proposals import coded_examples  # noqa: E402
from pipelines.coding.run import read_actors  # noqa: E402
from pipelines.coding.stub import Proposer, source_mentions, todo_entry  # noqa: E402
from pipelines.extract.mention import NUMERIC_KINDS  # noqa: E402
from pipelines.paths import REPO_ROOT, Layout  # noqa: E402
from pipelines.sources.registry import read_sources  # noqa: E402
from pipelines.yamlfile import read_yaml, strip_lines  # noqa: E402

FIELDS = ["indicator", "series", "value", "period_end", "period_start", "precision", "claim_status", "attributed_to", "geography"]


def _mention_text(spec) -> str:
    return str(spec["text"]) if isinstance(spec, dict) else str(spec)


def _fields(fact: dict) -> dict:
    period = fact.get("period") or {}
    value = fact.get("value")
    return {"indicator": fact.get("indicator"), "series": fact.get("series"),
            "value": None if value is None else float(value), "period_end": str(period.get("end")),
            "period_start": str(period.get("start")), "precision": period.get("precision", "unknown"),
            "claim_status": fact.get("claim_status"), "attributed_to": fact.get("attributed_to"),
            "geography": tuple(sorted(fact.get("geography") or []))}


def _person_fact(by_text: dict, text: str, sentence: str) -> dict | None:
    """The person's fact that codes the mention `text` of `sentence` (its quote overlaps the sentence)."""
    return next((fact for (mention, quote), fact in by_text.items()
                 if mention == text and (str(quote) in sentence or sentence in str(quote))), None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--by-source", action="store_true", help="print one line per source")
    args = parser.parse_args()
    layout = Layout(REPO_ROOT)
    catalogue, actors = read_catalogue(), read_actors(layout)
    codings = {p.stem: strip_lines(read_yaml(p, layout.rel(p))) for p in sorted(layout.coding_dir.glob("*.yaml"))
               if p != layout.actors_file}
    total, agree = Counter(), Counter()
    for source in read_sources(layout):
        mine = codings.get(source.source_id) or {}
        others = [c for sid, c in codings.items() if sid != source.source_id]
        examples = coded_examples(others)
        mentions = source_mentions(source)
        proposer = Proposer(source, mentions, examples, actors)
        todos = [todo_entry(source.text, m, source.meta.get("language", "en"), proposer)
                 for m in sorted(mentions, key=lambda m: (m.start, m.end))]
        drafts, left = draft_facts(todos, source.source_id, catalogue, {e.fact_id for e in examples})
        dismissals, left = draft_dismissals(left)
        dismissed_by_person = {_mention_text(d.get("mention")) for d in mine.get("dismissed") or []}
        # the person's fact for each figure: the stated fact whose quote holds the mention's text
        by_text = {}
        for fact in mine.get("facts") or []:
            if fact.get("derived"):
                continue
            for spec in fact.get("mentions") or []:
                by_text.setdefault((_mention_text(spec), fact.get("quote")), fact)
        figures = [t for t in todos if t["kind"] in NUMERIC_KINDS]
        row = Counter(figures=len(figures), drafted=len(drafts), todos_left=len(left), dismissals=len(dismissals),
                      dismissals_right=sum(_mention_text(d["mention"]) in dismissed_by_person for d in dismissals))
        row["figures_coded_as_fact"] = sum(1 for t in figures if _person_fact(by_text, t["text"], t["quote"]) is not None)
        for draft in drafts:
            figure_text = _mention_text(draft["mentions"][0])
            person = _person_fact(by_text, figure_text, draft["quote"])
            if person is None:
                row["false"] += 1
                continue
            row["compared"] += 1
            got, want = _fields(draft), _fields(person)
            same = [f for f in FIELDS if got[f] == want[f]]
            for f in same:
                agree[f] += 1
            row["exact"] += len(same) == len(FIELDS)
        total.update(row)
        if args.by_source:
            print(f"{source.source_id} {source.meta.get('language')}: figures {row['figures']}, drafted {row['drafted']}, "
                  f"compared {row['compared']}, exact {row['exact']}, false {row['false']}, todos left {row['todos_left']}")
    compared = total["compared"] or 1
    print(f"sources: {len(codings)}; figures: {total['figures']} ({total['figures_coded_as_fact']} coded as a fact by a person)")
    print(f"drafted: {total['drafted']} ({total['drafted'] / max(total['figures'], 1):.0%} of figures); "
          f"todos left by the stub (figures and dates): {total['todos_left']}")
    print(f"drafts of figures the person coded as a fact: {total['compared']}; of figures dismissed or coded as events: {total['false']}")
    print(f"draft dismissals (identifiers): {total['dismissals']}, of mentions the person dismissed too: {total['dismissals_right']}")
    print(f"exact drafts (confirm = delete one line): {total['exact']} ({total['exact'] / compared:.0%} of compared)")
    print("field agreement among compared drafts: " + ", ".join(f"{f} {agree[f] / compared:.0%}" for f in FIELDS))


if __name__ == "__main__":
    main()
