"""Validate a Frictionless descriptor, in separate processes that run beside chart drawing.

Frictionless validation is the slowest stage of the build and needs nothing the charts produce, so
the build starts it early (`python -m pipelines.publish.package_check DESCRIPTOR`, once for the resources
tied by foreign keys and once for the others) and collects the verdicts at the end. Each process prints
one JSON list of problems and exits 0 whether or not the package is valid.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pipelines.errors import Problem


def parquet_cells(df):
    """Header and rows of a DataFrame read from Parquet, cell for cell as frictionless's own pandas parser
    yields them (the row's common-dtype values, boxed to Python, NaN as None, Timestamps as datetimes), but
    in one pass: that parser calls `row.to_dict()` once per cell, which makes validating a Parquet file
    quadratic in its columns (25 s of the 28 s a 1,000-source package took)."""
    import numpy as np
    import pandas as pd
    from pandas.core.dtypes.cast import maybe_box_native

    yield list(df.columns)
    for values in df.values:
        cells = []
        for value in values:
            value = maybe_box_native(value)
            if value is np.nan:
                value = None
            elif isinstance(value, pd.Timestamp):
                value = value.to_pydatetime()
            cells.append(value)
        yield cells


def use_fast_parquet_reader() -> None:
    """Register, in this process, a Parquet parser that yields `parquet_cells` (first among the parsers)."""
    from frictionless import Plugin, system
    from frictionless.formats.parquet.control import ParquetControl
    from frictionless.formats.parquet.parser import ParquetParser
    from frictionless.platform import platform

    class FastParquetParser(ParquetParser):
        def read_cell_stream_create(self):
            if self.resource.remote:
                yield from super().read_cell_stream_create()
                return
            control = ParquetControl.from_dialect(self.resource.dialect)
            table = platform.pyarrow_parquet.read_table(self.resource.normpath, columns=control.columns,
                                                        filters=control.filters or None)
            df = table.to_pandas(categories=control.categories or None)
            if any(name is not None for name in df.index.names):  # pandas' own index: the parser's primary-key path
                yield from super().read_cell_stream_create()
                return
            yield from parquet_cells(df)

    class FastParquetPlugin(Plugin):
        def create_parser(self, resource):
            if resource.format in ("parq", "parquet"):
                return FastParquetParser(resource)

    system.register("tsr-fast-parquet", FastParquetPlugin())


def problems_of(descriptor: Path) -> list[dict]:
    from frictionless import validate

    use_fast_parquet_reader()
    report = validate(str(descriptor))
    if report.valid:
        return []
    found = [{"code": f"frictionless-{e.type}", "file": task.name or descriptor.name, "message": e.message}
             for task in report.tasks for e in task.errors]
    found += [{"code": f"frictionless-{e.type}", "file": descriptor.name, "message": e.message} for e in report.errors]
    return found or [{"code": "frictionless-invalid", "file": descriptor.name, "message": "package did not validate"}]


def check_resources(resources: list[dict], root: Path) -> list[Problem]:
    """Validate a few small resources (paths relative to `root`) in this process."""
    if not resources:
        return []
    descriptor = root / "datapackage.check.json"
    descriptor.write_text(json.dumps({"name": "check", "resources": resources}, ensure_ascii=False), encoding="utf-8")
    try:
        return [Problem(p["code"], p["file"], "", p["message"]) for p in problems_of(descriptor)]
    finally:
        descriptor.unlink()


def split_descriptor(descriptor: Path) -> list[Path]:
    """The descriptor as two descriptors beside it, to validate in two processes: the resources tied by
    foreign keys (they must be validated together: each lookup reads the referenced resource) and all the
    others. Only one file if nothing is independent."""
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    resources = package["resources"]
    tied = {r["name"] for r in resources if r.get("schema", {}).get("foreignKeys")}
    tied |= {fk["reference"]["resource"] for r in resources for fk in r.get("schema", {}).get("foreignKeys", [])}
    groups = [[r for r in resources if r["name"] in tied], [r for r in resources if r["name"] not in tied]]
    if not all(groups):
        return [descriptor]
    parts = []
    for n, group in enumerate(groups, 1):
        part = descriptor.with_name(f"{descriptor.stem}.part{n}.json")
        part.write_text(json.dumps(package | {"resources": group}, ensure_ascii=False, indent=1), encoding="utf-8")
        parts.append(part)
    return parts


class Checks:
    """The validator processes of one descriptor; poll, kill and wait act on all of them, like Popen's."""

    def __init__(self, processes: list[subprocess.Popen]):
        self.processes = processes

    def poll(self):
        codes = [p.poll() for p in self.processes]
        return None if None in codes else max(codes)

    def kill(self) -> None:
        for p in self.processes:
            if p.poll() is None:
                p.kill()

    def wait(self) -> int:
        return max(p.wait() for p in self.processes)


def start(descriptor: Path) -> Checks:
    """Validate `descriptor` in the background, in two processes when its resources allow it: on two cores
    the second halves the wait at the end of a large build."""
    return Checks([subprocess.Popen([sys.executable, "-m", "pipelines.publish.package_check", str(part)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for part in split_descriptor(descriptor)])


def finish(checks: Checks) -> list[Problem]:
    problems = []
    for process in checks.processes:
        out, err = process.communicate()
        if process.returncode != 0:
            problems.append(Problem("frictionless-crashed", "datapackage.json", "",
                                    err.strip().splitlines()[-1] if err.strip() else "validator failed"))
        else:
            problems += [Problem(p["code"], p["file"], "", p["message"]) for p in json.loads(out)]
    return problems


if __name__ == "__main__":
    print(json.dumps(problems_of(Path(sys.argv[1]))))
