"""Validate a Frictionless descriptor, as a separate process that runs beside chart drawing.

Frictionless validation is the slowest stage of the build and needs nothing the charts produce, so
the build starts it early (`python -m pipelines.publish.package_check DESCRIPTOR`) and collects its verdict
at the end. It prints one JSON list of problems and exits 0 whether or not the package is valid.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pipelines.errors import Problem


def problems_of(descriptor: Path) -> list[dict]:
    from frictionless import validate

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


def start(descriptor: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipelines.publish.package_check", str(descriptor)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen) -> list[Problem]:
    out, err = process.communicate()
    if process.returncode != 0:
        return [Problem("frictionless-crashed", "datapackage.json", "", err.strip().splitlines()[-1] if err.strip() else "validator failed")]
    return [Problem(p["code"], p["file"], "", p["message"]) for p in json.loads(out)]


if __name__ == "__main__":
    print(json.dumps(problems_of(Path(sys.argv[1]))))
