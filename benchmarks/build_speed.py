"""Full build and no-op rebuild times, in fresh processes, as a user runs them (`tsr build`).

Prints figures; asserts nothing. Targets: full build <= 5 s, no-op rebuild <= 2 s.
"""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "pkg"
        for rel in ("data/sources", "data/coding", "queries"):
            shutil.copytree(ROOT / rel, root / rel)
        build = [sys.executable, "-m", "pipelines", "build", "--root", str(root)]
        full = [timed(build + ["--force"]) for _ in range(RUNS)]
        noop = [timed(build) for _ in range(RUNS)]
    print(f"{'measure':<22}{'median s':>10}{'min s':>8}{'max s':>8}  target")
    print(f"{'full build':<22}{statistics.median(full):>10.2f}{min(full):>8.2f}{max(full):>8.2f}  <= 5 s")
    print(f"{'no-op rebuild':<22}{statistics.median(noop):>10.2f}{min(noop):>8.2f}{max(noop):>8.2f}  <= 2 s")
    print(f"({RUNS} runs each, fresh process per run, `python -m pipelines build`, after install)")


if __name__ == "__main__":
    main()
