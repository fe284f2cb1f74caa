"""Code every registered source: extract its mentions, apply its coding file, then the cross-source steps
(derivations, duplicate ids). Pure with respect to published files: it only reads the inputs.

The per-source step (`code_source`) is a pure function of the source, its coding file and the actor ids.
Its result is cached per source (`pipelines/coding/cache.py`) under a key made of exactly those inputs and
the code that computes it, so a build after one edit codes one source. When many sources need coding,
they are coded in worker processes; the results come back in source order, identical to a serial run.
The cross-source steps always run on every source.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
from dataclasses import dataclass, field

from pipelines.errors import Problem, TsrError
from pipelines.paths import Layout

# Below this many sources to code, one process is faster than starting workers (benchmarks/scale.py
# prints the serial and parallel times that set it).
PARALLEL_FROM = 64
# The modules whose code a cached result depends on: the import closure of this module.
CODE_ROOTS = ("pipelines.coding.run",)


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


def code_source(source, coding: bytes | None, file: str, actor_ids: frozenset[str], catalogue):
    """One source's mentions and coding, before the cross-source steps. Pure: the same arguments give the
    same result, which is what makes it cacheable."""
    from pipelines.coding.apply import CodedSource, apply_coding
    from pipelines.extract import extract_mentions
    from pipelines.yamlfile import parse_yaml_bytes

    mentions = extract_mentions(source.text, lang=source.meta["language"], reference_date=reference_day(source.meta))
    if coding is None:
        result = apply_coding(source, mentions, {"source_id": source.source_id}, file, actor_ids, catalogue)
        result.problems.insert(0, Problem("missing-coding", file, "", f"source {source.source_id} has no coding file; run `tsr stub {source.source_id}`"))
        return result
    try:
        document = parse_yaml_bytes(coding, file)
    except TsrError as exc:
        return CodedSource(source.source_id, file, problems=list(exc.problems), unclaimed=len(mentions))
    return apply_coding(source, mentions, document, file, actor_ids, catalogue)


def _canonical(value):
    """A JSON-able form of an argument of code_source, for the cache key. An argument of a type not
    listed here stops the build: a cache key must never silently miss an input."""
    if hasattr(value, "model_dump") and not isinstance(value, type):  # a pydantic entry of the catalogue
        return {"model": type(value).__qualname__, "fields": _canonical(value.model_dump())}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"dataclass": type(value).__qualname__, "fields": {f.name: _canonical(getattr(value, f.name))
                                                                 for f in dataclasses.fields(value)}}
    if isinstance(value, bytes):
        return {"sha256": hashlib.sha256(value).hexdigest()}
    if isinstance(value, frozenset):
        return _canonical_frozenset(value)  # the actor ids: one set shared by every source
    if isinstance(value, set):
        return {"set": sorted(_canonical(v) for v in value)}
    if isinstance(value, dict):
        return {"dict": [[_canonical(k), _canonical(v)] for k, v in value.items()]}  # in order: order can matter
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot key the coding cache on a {type(value).__name__}")


@functools.lru_cache(maxsize=8)
def _canonical_frozenset(value: frozenset):
    return {"set": sorted(_canonical(v) for v in value)}


def source_key(code: str, task: tuple) -> str:
    """The cache key of `code_source(*task)` computed by the code digested in `code`: every argument counts."""
    canonical = json.dumps([code, _canonical(task)], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _read_coding(path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _code_many(tasks: list[tuple], workers: int) -> list:
    """code_source over tasks, in order: in this process, or in `workers` processes when it pays."""
    if workers <= 1 or len(tasks) < PARALLEL_FROM:
        return [code_source(*task) for task in tasks]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with the modules already imported (spawn would re-import them in each). The
    # threads pyarrow has started by then (jemalloc, a pool) register fork handlers, and workers never
    # allocate Arrow memory: they parse YAML and run the extractor.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(tasks) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(code_source, *zip(*tasks), chunksize=chunk))


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass
class CodingRun:
    """What `code_sources` returns: the sources, each source's coding (in source order, then coding files
    of unknown sources), and which sources were coded rather than taken from the cache."""

    sources: list
    coded: list
    recoded: list[str] = field(default_factory=list)
    workers: int = 1

    @property
    def cached(self) -> int:
        return len(self.sources) - len(self.recoded)

    def summary(self) -> str:
        processes = f" in {self.workers} processes" if self.workers > 1 else ""
        return f"  coding: {len(self.recoded)} source(s) coded{processes}, {self.cached} taken from the cache"


def code_sources(layout: Layout, actors: list[dict] | None = None, *, cache: bool = True,
                 workers: int | None = None) -> CodingRun:
    """Code every registered source (from the cache where possible), then run the cross-source steps."""
    from pipelines import fingerprint
    from pipelines.coding.apply import CodedSource
    from pipelines.coding.cache import CodingCache
    from pipelines.coding.catalogue import read_catalogue
    from pipelines.coding.derive import apply_derivations
    from pipelines.sources.registry import read_sources

    sources = read_sources(layout)
    actor_ids = frozenset(a["actor_id"] for a in (actors if actors is not None else read_actors(layout)))
    catalogue = read_catalogue(actor_ids=actor_ids)
    store = CodingCache(layout.root) if cache else None
    code = fingerprint.code_digest(CODE_ROOTS) if cache else ""
    coded: list = [None] * len(sources)
    misses: list[tuple[int, str, tuple]] = []
    for i, source in enumerate(sources):
        path = layout.coding_dir / f"{source.source_id}.yaml"
        task = (source, _read_coding(path), layout.rel(path), actor_ids, catalogue)
        key = source_key(code, task) if store else ""
        coded[i] = store.get(source.source_id, key) if store else None
        if coded[i] is None:
            misses.append((i, key, task))
    workers = min(default_workers() if workers is None else workers, max(1, len(misses)))
    if len(misses) < PARALLEL_FROM:
        workers = 1
    for (i, key, _), result in zip(misses, _code_many([task for _, _, task in misses], workers)):
        coded[i] = result
        if store:
            store.put(sources[i].source_id, key, result)
    if store:
        store.prune({s.source_id for s in sources})

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
    return CodingRun(sources, coded, [sources[i].source_id for i, _, _ in misses], workers)


def code_all(layout: Layout, actors: list[dict] | None = None, *, cache: bool = True):
    """(sources, coded sources) for every registered source. Coding problems stay in each CodedSource."""
    run = code_sources(layout, actors, cache=cache)
    return run.sources, run.coded


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
