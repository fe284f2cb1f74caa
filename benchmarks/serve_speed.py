"""How long `tsr serve` takes to answer, and its parts: the SQLite copy of the published tables and
the DuckDB load script run by the DuckDB 1.x CLI. Uses the package published in this repository.

Prints figures; asserts nothing.
"""
from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_start() -> float:
    """Seconds from starting `python -m pipelines serve` to its first HTTP answer."""
    port = free_port()
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "pipelines", "serve", "--root", str(ROOT), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=2):
                    return time.perf_counter() - started
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.perf_counter() - started > 60:
                    raise RuntimeError("tsr serve did not start") from None
                time.sleep(0.05)
    finally:
        process.terminate()
        process.wait(timeout=30)


def sqlite_copy() -> float:
    from pipelines.paths import Layout
    from pipelines.serve.app import export

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        export(Layout(ROOT), Path(tmp))
        return time.perf_counter() - started


def load_script() -> float:
    """The DuckDB 1.x CLI running data/load.sql into an in-memory database."""
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).with_name("duckdb")), "-init", "data/load.sql", "-c", "SELECT 1"],
                   cwd=ROOT, check=True, capture_output=True, stdin=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    rows = [("tsr serve until it answers", [serve_start() for _ in range(RUNS)]),
            ("SQLite copy + metadata", [sqlite_copy() for _ in range(RUNS)]),
            ("duckdb -init data/load.sql", [load_script() for _ in range(RUNS)])]
    print(f"{'measure':<30}{'median s':>10}{'min s':>8}{'max s':>8}")
    for name, times in rows:
        print(f"{name:<30}{statistics.median(times):>10.2f}{min(times):>8.2f}{max(times):>8.2f}")
    print(f"({RUNS} runs each)")


if __name__ == "__main__":
    main()
