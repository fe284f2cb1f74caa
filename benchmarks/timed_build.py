"""Run one `tsr build` with a timer around each stage; print the report, then one JSON line of figures.

    python benchmarks/timed_build.py ROOT [--force] [--no-charts]

The stages are timed by wrapping the library functions the build calls (looked up by name: a stage
that has been renamed is simply not timed). Nothing in the package is changed. With --no-charts the
build publishes no chart (draw_charts returns no resource): benchmarks/scale.py times chart drawing
apart, once per corpus, because today it costs minutes at 1,000 sources.
"""
from __future__ import annotations

import functools
import importlib
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# (label, module, function): the stages of pipelines/build.py, in the order they run.
STAGES = [
    ("up-to-date check", "pipelines.fingerprint", "is_up_to_date"),
    ("extract + code (per source)", "pipelines.coding.run", "_code_many"),
    ("code: sources, cache, derivations", "pipelines.build", "code_sources"),
    ("tables", "pipelines.publish.tables", "build_tables"),
    ("validate (pandera + rules)", "pipelines.publish.validate", "validate_tables"),
    ("coverage table", "pipelines.coding.coverage", "coverage_rows"),
    ("CSV", "pipelines.publish.files", "write_csvs"),
    ("DuckDB", "pipelines.publish.database", "write_database"),
    ("Parquet", "pipelines.publish.database", "export_parquet"),
    ("charts", "pipelines.charts", "draw_charts"),
    ("example queries", "pipelines.query.examples", "run_examples"),
    ("dataset page", "pipelines.site.render", "render_site"),
    ("wait for Frictionless check", "pipelines.publish.package_check", "finish"),
    ("swap in + record", "pipelines.publish.files", "swap_in"),
]


def timed(seconds: dict, label: str, function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[label] = seconds.get(label, 0.0) + time.perf_counter() - started
    return wrapper


def main() -> None:
    started = time.perf_counter()
    root, force, no_charts = Path(sys.argv[1]), "--force" in sys.argv[2:], "--no-charts" in sys.argv[2:]
    seconds: dict[str, float] = {}
    if no_charts:
        import pipelines.charts

        pipelines.charts.draw_charts = lambda tables, out_dir: []
    for label, module_name, name in STAGES:
        try:
            module = importlib.import_module(module_name)
            setattr(module, name, timed(seconds, label, getattr(module, name)))
        except (ImportError, AttributeError):
            print(f"(stage {module_name}.{name} not found: not timed)", file=sys.stderr)
    from pipelines.build import build_package
    from pipelines.paths import Layout

    imported = time.perf_counter()
    report = build_package(Layout(root), force=force)
    done = time.perf_counter()
    print(report)
    print(json.dumps({
        "imports": imported - started, "build": done - imported,
        "stages": {label: round(seconds[label], 3) for label, _, _ in STAGES if label in seconds},
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main()
