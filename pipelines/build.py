"""The whole build: sources → mentions → coding → tables → validation → DuckDB, CSV, Parquet,
datapackage.json, charts and dataset page, published atomically.

Heavy libraries are imported inside the functions so that a no-op rebuild returns fast.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from pipelines import fingerprint
from pipelines.errors import Problem, TsrError
from pipelines.paths import Layout


def read_actors(layout: Layout) -> list[dict]:
    from pipelines.actors import actor_rows
    from pipelines.yamlfile import read_yaml

    file = layout.rel(layout.actors_file)
    if not layout.actors_file.exists():
        raise TsrError(Problem("missing-file", file, "", "the actor registry is missing"))
    return actor_rows(read_yaml(layout.actors_file, file), file)


def code_all(layout: Layout, actors: list[dict] | None = None):
    """(sources, coded sources) for every registered source. Coding problems stay in each CodedSource."""
    from pipelines.coding import CodedSource, apply_coding
    from pipelines.derive import apply_derivations
    from pipelines.extract import extract_mentions
    from pipelines.sources import read_sources
    from pipelines.yamlfile import read_yaml

    sources = read_sources(layout)
    actor_ids = {a["actor_id"] for a in (actors if actors is not None else read_actors(layout))}
    coded: list[CodedSource] = []
    for source in sources:
        path = layout.coding_dir / f"{source.source_id}.yaml"
        file = layout.rel(path)
        mentions = extract_mentions(source.text, lang=source.meta["language"])
        if not path.exists():
            result = apply_coding(source, mentions, {"source_id": source.source_id}, file, actor_ids)
            result.problems.insert(0, Problem("missing-coding", file, "", f"source {source.source_id} has no coding file; run `tsr stub {source.source_id}`"))
        else:
            try:
                coding = read_yaml(path, file)
            except TsrError as exc:
                result = CodedSource(source.source_id, file, problems=list(exc.problems), unclaimed=len(mentions))
                coded.append(result)
                continue
            result = apply_coding(source, mentions, coding, file, actor_ids)
        coded.append(result)
    known = {s.source_id for s in sources}
    for path in sorted(layout.coding_dir.glob("*.yaml")):
        if path.stem not in known and path != layout.actors_file:
            coded.append(CodedSource(path.stem, layout.rel(path), problems=[Problem(
                "unknown-source", layout.rel(path), path.stem, f"coding file for {path.stem!r}, which is not a registered source")]))
    files = {c.source_id: c.file for c in coded}
    all_facts = [f for c in coded for f in c.facts]
    derivation_problems = apply_derivations(all_facts, [d for c in coded for d in c.derivations], files)
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


def build_tables_checked(layout: Layout):
    """Validated tables and the coverage lines, or TsrError with every problem."""
    from pipelines.coverage import coverage_rows, format_coverage
    from pipelines.tables import build_tables
    from pipelines.validate import validate_tables

    actors = read_actors(layout)
    sources, coded = code_all(layout, actors)
    problems = [p for c in coded for p in c.problems] + duplicate_id_problems(coded)
    if problems:
        raise TsrError(problems)
    return validate_tables(build_tables(sources, actors, coded)), format_coverage(coverage_rows(sources, coded))


def build_package(layout: Layout, *, force: bool = False) -> str:
    """Build and publish. Returns a short report; raises TsrError (publishing nothing) on any problem."""
    started = time.perf_counter()
    root = layout.root
    if not force and fingerprint.is_up_to_date(root):
        return f"up to date: inputs unchanged since the last build ({time.perf_counter() - started:.2f} s)"

    from pipelines import package_check, publish
    from pipelines.database import export_parquet, write_database
    from pipelines.yamlfile import read_yaml, strip_lines

    tables, coverage = build_tables_checked(layout)
    publish.remove_leftover_staging(root)
    staging = root / f".staging-{os.getpid()}"
    staging.mkdir()
    checker = None
    try:
        publish.write_csvs(tables, staging)
        database = staging / "data" / "turkey_syria.duckdb"
        write_database(tables, database)
        export_parquet(database, staging / "data" / "parquet")
        meta = strip_lines(read_yaml(Path(__file__).with_name("package.meta.yaml"), "pipelines/package.meta.yaml"))
        data_resources = [publish.table_resource(name, staging) for name in tables]
        data_resources += [publish.parquet_resource(name) for name in tables]
        # The data files are final: validate them in a second process while this one draws.
        data_descriptor = staging / "datapackage.data.json"
        publish.write_descriptor(publish.package_descriptor(meta, tables["sources"], data_resources), data_descriptor)
        checker = package_check.start(data_descriptor)

        from pipelines.charts import draw_charts
        from pipelines.queries import run_examples
        from pipelines.site import render_site

        chart_resources = publish.with_file_stats(draw_charts(tables, staging / "data" / "charts"), staging)
        descriptor = publish.package_descriptor(meta, tables["sources"], data_resources + chart_resources)
        publish.write_descriptor(descriptor, staging / "datapackage.json")
        query_results = run_examples(layout.queries_dir, database)
        render_site(tables, descriptor, chart_resources, query_results, staging / "site")
        problems = package_check.finish(checker)
        if problems:
            raise TsrError(problems)
    except BaseException:
        if checker is not None and checker.poll() is None:
            checker.kill()
            checker.wait()
        publish.discard(staging)  # the published files were never touched
        raise
    published = publish.swap_in(staging, root)
    fingerprint.record(root, published)
    rows = ", ".join(f"{name} {len(frame)}" for name, frame in tables.items())
    return "\n".join(["built and published:", f"  rows: {rows}", "coverage:", coverage,
                      f"  {len(published)} files published in {time.perf_counter() - started:.2f} s"])

