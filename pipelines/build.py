"""The whole build: sources → mentions → coding → tables → validation → DuckDB, CSV, Parquet,
datapackage.json, charts and dataset page, published atomically.

Heavy libraries are imported inside the functions so that a no-op rebuild returns fast.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from pipelines import fingerprint
from pipelines.coding.run import code_sources, duplicate_id_problems, read_actors
from pipelines.errors import Problem, TsrError
from pipelines.paths import Layout


def build_tables_checked(layout: Layout):
    """Validated tables, the coverage lines and the coding run, or TsrError with every problem."""
    from pipelines.coding.coverage import coverage_rows, format_coverage
    from pipelines.publish.tables import build_tables
    from pipelines.publish.validate import validate_tables

    actors = read_actors(layout)
    coding = code_sources(layout, actors)
    sources, coded = coding.sources, coding.coded
    problems = [p for c in coded for p in c.problems] + duplicate_id_problems(coded)
    if problems:
        raise TsrError(problems)
    return validate_tables(build_tables(sources, actors, coded)), format_coverage(coverage_rows(sources, coded)), coding


def build_package(layout: Layout, *, force: bool = False) -> str:
    """Build and publish. Returns a short report; raises TsrError (publishing nothing) on any problem."""
    started = time.perf_counter()
    root = layout.root
    if not force and fingerprint.is_up_to_date(root):
        return f"up to date: inputs unchanged since the last build ({time.perf_counter() - started:.2f} s)"

    from pipelines.publish import files as publish
    from pipelines.publish import package_check
    from pipelines.publish.database import export_parquet, write_database
    from pipelines.yamlfile import read_yaml, strip_lines

    tables, coverage, coding = build_tables_checked(layout)
    publish.remove_leftover_staging(root)
    staging = root / f".staging-{os.getpid()}"
    staging.mkdir()
    checker = None
    try:
        publish.write_csvs(tables, staging)
        database = staging / "data" / "turkey_syria.duckdb"
        write_database(tables, database)
        export_parquet(database, staging / "data" / "parquet")
        meta = strip_lines(read_yaml(Path(publish.__file__).with_name("package.meta.yaml"), "pipelines/publish/package.meta.yaml"))
        data_resources = [publish.table_resource(name, staging) for name in tables]
        data_resources += [publish.parquet_resource(name) for name in tables]
        # The data files are final: validate them in a second process while this one draws.
        data_descriptor = staging / "datapackage.data.json"
        publish.write_descriptor(publish.package_descriptor(meta, tables["sources"], data_resources), data_descriptor)
        checker = package_check.start(data_descriptor)

        from pipelines.charts import draw_charts
        from pipelines.query.examples import run_examples
        from pipelines.site.render import render_site

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
    return "\n".join(["built and published:", f"  rows: {rows}", "coverage:", coverage, coding.summary(),
                      f"  {len(published)} files published in {time.perf_counter() - started:.2f} s"])

