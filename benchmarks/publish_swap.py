"""Cost of publishing a staged package: the journalled swap against the old rename-per-file swap.

Builds the package once into a temporary root, then stages a copy of its published files and swaps
it in, RUNS times each way. Prints figures; asserts nothing.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 20
sys.path.insert(0, str(ROOT))

from pipelines.publish import journal  # noqa: E402
from pipelines.publish.files import published_paths  # noqa: E402


def rename_per_file(staging: Path, root: Path) -> None:
    """The swap before the journal: not atomic across files."""
    new, old = published_paths(staging), published_paths(root)
    for rel in sorted(new):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / rel, root / rel)
    for rel in sorted(old - new):
        (root / rel).unlink()
    shutil.rmtree(staging)


def stage(root: Path) -> Path:
    staging = root / f".staging-{os.getpid()}"
    for rel in published_paths(root):
        (staging / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / rel, staging / rel)
    return staging


def timed(swap, root: Path) -> float:
    staging = stage(root)
    started = time.perf_counter()
    swap(staging, root)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "pkg"
        for rel in ("data/sources", "data/coding", "queries"):
            shutil.copytree(ROOT / rel, root / rel)
        subprocess.run([sys.executable, "-m", "pipelines", "build", "--force", "--root", str(root)],
                       check=True, capture_output=True, cwd=ROOT)
        paths = published_paths(root)
        size = sum((root / rel).stat().st_size for rel in paths)
        runs = {"rename per file (before)": [], "journalled swap (now)": []}
        for _ in range(RUNS):  # interleaved, so that both see the same machine load
            runs["rename per file (before)"].append(timed(rename_per_file, root))
            runs["journalled swap (now)"].append(timed(journal.swap_in, root))
    print(f"{'swap':<28}{'median ms':>10}{'min ms':>8}{'max ms':>8}")
    for name, times in runs.items():
        print(f"{name:<28}{1000 * statistics.median(times):>10.1f}{1000 * min(times):>8.1f}{1000 * max(times):>8.1f}")
    print(f"({RUNS} runs each, {len(paths)} files, {size / 1e6:.1f} MB; the journalled swap hashes, fsyncs, "
          "backs up and journals them)")


if __name__ == "__main__":
    main()
