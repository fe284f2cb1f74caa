"""Code every registered source: extract its mentions, apply its coding file, then the cross-source steps
(derivations, duplicate ids). Pure with respect to published files: it only reads the inputs."""
from __future__ import annotations

import datetime as dt

from pipelines.errors import Problem, TsrError
from pipelines.paths import Layout


def reference_day(meta: dict) -> dt.date | str | None:
    """The day a source was written, when its metadata knows it to the day: the extractor
    resolves "yesterday", "Thursday" and yearless dates ("9 Aralık") against it."""
    published = meta.get("published")
    if not isinstance(published, dict) or published.get("precision") != "day":
        return None
    earliest, latest = published.get("earliest"), published.get("latest")
    if earliest is None or (latest is not None and str(latest) != str(earliest)):
        return None
    return earliest


def read_actors(layout: Layout) -> list[dict]:
    from pipelines.coding.actors import actor_rows
    from pipelines.yamlfile import read_yaml

    file = layout.rel(layout.actors_file)
    if not layout.actors_file.exists():
        raise TsrError(Problem("missing-file", file, "", "the actor registry is missing"))
    return actor_rows(read_yaml(layout.actors_file, file), file)


def code_all(layout: Layout, actors: list[dict] | None = None):
    """(sources, coded sources) for every registered source. Coding problems stay in each CodedSource."""
    from pipelines.coding.apply import CodedSource, apply_coding
    from pipelines.coding.catalogue import read_catalogue
    from pipelines.coding.derive import apply_derivations
    from pipelines.extract import extract_mentions
    from pipelines.sources.registry import read_sources
    from pipelines.yamlfile import read_yaml

    sources = read_sources(layout)
    actor_ids = {a["actor_id"] for a in (actors if actors is not None else read_actors(layout))}
    catalogue = read_catalogue(actor_ids=actor_ids)
    coded: list[CodedSource] = []
    for source in sources:
        path = layout.coding_dir / f"{source.source_id}.yaml"
        file = layout.rel(path)
        mentions = extract_mentions(source.text, lang=source.meta["language"], reference_date=reference_day(source.meta))
        if not path.exists():
            result = apply_coding(source, mentions, {"source_id": source.source_id}, file, actor_ids, catalogue)
            result.problems.insert(0, Problem("missing-coding", file, "", f"source {source.source_id} has no coding file; run `tsr stub {source.source_id}`"))
        else:
            try:
                coding = read_yaml(path, file)
            except TsrError as exc:
                result = CodedSource(source.source_id, file, problems=list(exc.problems), unclaimed=len(mentions))
                coded.append(result)
                continue
            result = apply_coding(source, mentions, coding, file, actor_ids, catalogue)
        coded.append(result)
    known = {s.source_id for s in sources}
    for path in sorted(layout.coding_dir.glob("*.yaml")):
        if path.stem not in known and path != layout.actors_file:
            coded.append(CodedSource(path.stem, layout.rel(path), problems=[Problem(
                "unknown-source", layout.rel(path), path.stem, f"coding file for {path.stem!r}, which is not a registered source")]))
    files = {c.source_id: c.file for c in coded}
    all_facts = [f for c in coded for f in c.facts]
    may_be_negative = {key: i.may_be_negative for key, i in catalogue.indicators.items()}
    derivation_problems = apply_derivations(all_facts, [d for c in coded for d in c.derivations], files, may_be_negative)
    for problem in derivation_problems:
        next(c for c in coded if c.file == problem.file).problems.append(problem)
    return sources, coded


def duplicate_id_problems(coded) -> list[Problem]:
    problems, seen = [], {}
    for c in coded:
        for kind, rows, key in (("fact", c.facts, "fact_id"), ("event", c.events, "event_id")):
            for row in rows:
                ident = (kind, row[key])
                if ident in seen:
                    problems.append(Problem("duplicate-id", c.file, row[key], f"{kind} id already used in {seen[ident]}"))
                else:
                    seen[ident] = c.file
    return problems
