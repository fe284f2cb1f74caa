"""The whole build: sources → mentions → coding → tables → validation → DuckDB, CSV, Parquet,
datapackage.json, charts and dataset page, published atomically (`publish/journal.py`), one build at a
time (`publish/lock.py`).

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
from pipelines.publish import journal
from pipelines.publish.lock import build_lock


def build_tables_checked(layout: Layout):
    """Validated tables, the coverage lines and the coding run, or TsrError with every problem."""
    from pipelines.coding.coverage import coverage_rows, format_coverage
    from pipelines.publish.tables import build_tables
    from pipelines.publish.validate import validate_tables

    from pipelines.datasets.registry import dataset_tables, read_datasets, read_published_values

    actors = read_actors(layout)
    coding = code_sources(layout, actors)
    sources, coded = coding.sources, coding.coded
    problems = [p for c in coded for p in c.problems] + duplicate_id_problems(coded)
    try:
        datasets = dataset_tables(read_datasets(layout), read_published_values(layout))
    except TsrError as exc:
        problems += exc.problems
    if problems:
        raise TsrError(problems)
    tables = validate_tables(build_tables(sources, actors, coded, datasets=datasets))
    return with_views(tables), format_coverage(coverage_rows(sources, coded)), coding


def with_views(tables: dict) -> dict:
    """The validated tables plus the economists' views computed from them, checked by their schemas."""
    from pipelines.publish.validate import check_schemas
    from pipelines.publish.views import view_frames

    views, problems = check_schemas(view_frames(tables))
    if problems:
        raise TsrError(problems)
    return tables | views


def build_package(layout: Layout, *, force: bool = False) -> str:
    """Build and publish. Returns a short report; raises TsrError (publishing nothing) on any problem.

    One build at a time per root (the build lock); a publish that a crash interrupted is finished
    first, and the report says so.
    """
    started = time.perf_counter()
    notes: list[str] = []
    with build_lock(layout.root, notes):
        repaired = journal.recover(layout.root)
        if repaired:
            notes.append(repaired)
        leftovers = journal.remove_leftovers(layout.root)  # of builds killed before their swap began
        if leftovers:
            notes.append(f"note: removed {', '.join(leftovers)}, left by an interrupted build; the published files were untouched")
        if not force and fingerprint.is_up_to_date(layout.root):
            report = f"up to date: inputs unchanged since the last build ({time.perf_counter() - started:.2f} s)"
        else:
            report = _build_and_publish(layout, started)
    return "\n".join(notes + [report])


def _build_and_publish(layout: Layout, started: float) -> str:
    from pipelines.publish import files as publish
    from pipelines.publish import package_check
    from pipelines.publish.database import LOAD_SCRIPT, export_parquet, load_script, write_database
    from pipelines.yamlfile import read_yaml, strip_lines

    root = layout.root
    tables, coverage, coding = build_tables_checked(layout)
    staging = root / f".staging-{os.getpid()}"
    checker = None
    try:
        staging.mkdir()
        publish.write_csvs(tables, staging)
        database = staging / "data" / "turkey_syria.duckdb"
        write_database(tables, database)
        export_parquet(database, staging / "data" / "parquet")
        (staging / LOAD_SCRIPT).write_text(load_script(), encoding="utf-8", newline="")
        meta = strip_lines(read_yaml(Path(publish.__file__).with_name("package.meta.yaml"), "pipelines/publish/package.meta.yaml"))
        data_resources = [publish.table_resource(name, staging) for name in tables]
        data_resources += [publish.parquet_resource(name) for name in tables]
        data_resources += publish.with_file_stats([publish.load_script_resource()], staging)
        # The data files are final: validate them in a second process while this one draws.
        data_descriptor = staging / "datapackage.data.json"
        publish.write_descriptor(publish.package_descriptor(meta, tables["sources"], data_resources), data_descriptor)
        checker = package_check.start(data_descriptor)

        from pipelines.charts import draw_charts
        from pipelines.query.examples import run_examples
        from pipelines.site.render import render_site

        chart_resources = publish.with_file_stats(draw_charts(tables, staging / "data" / "charts"), staging)
        chart_problems = package_check.check_resources([r for r in chart_resources if r.get("type") == "table"], staging)
        descriptor = publish.package_descriptor(meta, tables["sources"], data_resources + chart_resources)
        publish.write_descriptor(descriptor, staging / "datapackage.json")
        query_results = run_examples(layout.queries_dir, database)
        render_site(tables, descriptor, chart_resources, query_results, staging / "site")
        problems = chart_problems + package_check.finish(checker)
        if problems:
            raise TsrError(problems)
    except BaseException as exc:
        if checker is not None and checker.poll() is None:
            checker.kill()
            checker.wait()
        publish.discard(staging)  # the published files were never touched
        if isinstance(exc, OSError):  # a full disk, a folder that cannot be written: a clear error, not a traceback
            where, why = journal.describe(exc, root)
            raise TsrError(Problem("staging-failed", where, "", f"{why} while writing the new package")) from None
        raise
    published = journal.swap_in(staging, root)
    fingerprint.record(root, published)
    rows = ", ".join(f"{name} {len(frame)}" for name, frame in tables.items())
    cells = tables["dataset_values"]
    datasets = (f"datasets: {cells['source_id'].nunique()} table(s), {len(cells)} cell(s) re-read from their files, "
                "each equal to its published value")
    return "\n".join(["built and published:", f"  rows: {rows}", "coverage:", coverage, coding.summary(), datasets,
                      f"  {len(published)} files published in {time.perf_counter() - started:.2f} s"])

