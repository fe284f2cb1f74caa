"""How the build scales: generated corpora of 100 and 1,000 sources (benchmarks/corpus.py).

    python benchmarks/scale.py                          # 100 and 1,000 sources
    python benchmarks/scale.py --sizes 100 300          # other sizes
    python benchmarks/scale.py --charts-in-build 100    # also one full build drawing its charts, as tsr build does

For each size it times (fastest of --runs runs, 3 by default), in fresh processes as a user runs them (`tsr build`, through
benchmarks/timed_build.py, which also times each stage): a full build with an empty coding cache, a
full build with a warm cache, a rebuild after one coding file changes, a rebuild after one new source,
and the no-op rebuild. Chart drawing is timed apart, once per corpus (benchmarks/timed_charts.py): today
it grows with the number of events and takes minutes at 1,000 sources, and every build redraws the charts
from all the tables, so a build's time is its time without charts plus that figure ("whole s").

Peak memory is the largest sum, sampled every 20 ms, of the proportional set size of the build and all
its processes (coding workers, Frictionless checkers): shared library pages are counted once.
Last, it times the coding stage alone, in one process and in worker processes, which sets PARALLEL_FROM.
Prints figures and the goals of issue #13; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")
GOAL_FULL_S, GOAL_CHANGED_S, GOAL_PEAK_MB = 30.0, 3.0, 1024.0
CHANGED, NEW, FULL = "one coding file changed", "one new source", "full, empty cache"


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _memory(pid: int) -> int:
    """Proportional set size (shared pages split among the processes sharing them), else resident size."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_memory(pid: int) -> int:
    """Bytes of memory of `pid` and all its descendants."""
    tree, total, todo = _children(), 0, [pid]
    while todo:
        p = todo.pop()
        total += _memory(p)
        todo.extend(tree.get(p, []))
    return total


def measured(args: list[str]) -> dict:
    """Run `args` (a script printing a JSON line last): its figures, wall seconds and peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_memory(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{out[-3000:]}\n{err[-3000:]}")
    figures = json.loads(out.strip().splitlines()[-1])
    coded = re.search(r"coding: (\d+) source\(s\) coded", out)
    figures.update(wall=wall, peak_mb=peak[0] / 2**20, coded=int(coded.group(1)) if coded else 0)
    return figures


def build(root: Path, *flags: str) -> dict:
    return measured([sys.executable, str(HERE / "timed_build.py"), str(root), *flags])


def best(runs: list[dict]) -> dict:
    """The fastest run, with the slowest run's wall time and the largest peak memory of all runs beside it:
    other work on a shared machine only ever adds time."""
    fastest = min(runs, key=lambda f: f["wall"])
    return fastest | {"slowest": max(f["wall"] for f in runs), "peak_mb": max(f["peak_mb"] for f in runs),
                      "runs": len(runs)}


NOT_MEASURED = {"charts": float("nan"), "events": 0, "bytes": 0, "peak_mb": float("nan")}


def scenarios(size: int, workdir: Path, runs: int, charts_in_build: bool,
              time_charts: bool) -> tuple[list[tuple[str, dict]], dict]:
    root = workdir / f"corpus-{size}"
    ids = corpus.generate(root, size)
    cache = root / "data" / ".cache"
    cold = []
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(build(root, "--force", "--no-charts"))
    results = [(FULL, best(cold)), ("full, warm cache", best([build(root, "--force", "--no-charts") for _ in range(runs)]))]
    charts = measured([sys.executable, str(HERE / "timed_charts.py"), str(root)]) if time_charts else NOT_MEASURED
    changed, added = [], []
    for n in range(runs):
        path = root / "data" / "coding" / f"{ids[(size // 2 + n) % size]}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "# benchmark: an edited coding file\n", encoding="utf-8")
        changed.append(build(root, "--no-charts"))
    results.append((CHANGED, best(changed)))
    for n in range(runs):
        corpus.generate(root, 1, start=size + n)
        added.append(build(root, "--no-charts"))
    results.append((NEW, best(added)))
    results.append(("no-op rebuild", best([build(root, "--no-charts") for _ in range(runs)])))
    if charts_in_build:
        shutil.rmtree(cache)
        results.append(("full, charts in build", build(root, "--force") | {"slowest": None, "runs": 1}))
    shutil.rmtree(root)
    return results, charts


def whole(label: str, figures: dict, charts: dict) -> float:  # NaN when charts were not timed
    """Seconds of the build as `tsr build` runs it: charts are redrawn by every build but the no-op."""
    if label == "no-op rebuild" or "charts" in figures["stages"] and figures["stages"]["charts"] > 0:
        return figures["wall"]
    return figures["wall"] + charts["charts"]


def print_builds(rows: list[tuple[int, str, dict]], charts: dict[int, dict]) -> None:
    head = (f"{'sources':>7}  {'build':<24}{'wall s':>8}{'slowest':>9}{'+charts':>9}{'whole s':>9}{'coded':>7}"
            f"{'peak MB':>9}{'+charts MB':>12}")
    print(head)
    print("-" * len(head))
    for size, label, f in rows:
        drawn = label != "no-op rebuild" and not f["stages"].get("charts")
        extra = charts[size]["charts"] if drawn else 0.0
        slowest = f"{f['slowest']:.2f}" if f.get("slowest") else "-"
        print(f"{size:>7}  {label:<24}{f['wall']:>8.2f}{slowest:>9}{extra:>9.2f}{whole(label, f, charts[size]):>9.2f}"
              f"{f['coded']:>7}{f['peak_mb']:>9.0f}{(charts[size]['peak_mb'] if drawn else 0):>12.0f}")
    print("wall s: the build in a fresh process, charts not drawn, fastest of the runs (slowest: the slowest); +charts: chart drawing alone on the same "
          "tables (timed_charts.py);\nwhole s: the two added, what `tsr build` takes today. peak MB: the build's "
          "processes; +charts MB: the chart-drawing process alone.")


def print_stages(rows: list[tuple[int, str, dict]]) -> None:
    """Seconds per stage, and how each grows from the smallest corpus to the largest: a stage that grows
    faster than the number of sources is what would break linearity."""
    by = {(s, label): f for s, label, f in rows}
    sizes = sorted({s for s, _, _ in rows})
    small, big = sizes[0], sizes[-1]
    columns = [(s, label) for label in (FULL, CHANGED) for s in sizes]
    stages = list(dict.fromkeys(k for key in columns for k in by[key]["stages"] if k != "charts"))
    print("\nstage seconds of the fastest run, charts not drawn ('imports': interpreter start to the build call):")
    titles = [f"{s} {'full' if label == FULL else 'changed'}" for s, label in columns]
    growth = f"full x{big // small}" if big != small else ""
    print(f"{'stage':<36}" + "".join(f"{t:>15}" for t in titles) + f"{growth:>12}")

    def seconds(key, stage):
        f = by[key]
        return f["imports"] if stage == "imports" else f["stages"].get(stage, 0.0)

    for stage in ["imports"] + stages:
        cells = "".join(f"{seconds(key, stage):>15.3f}" for key in columns)
        a, b = seconds((small, FULL), stage), seconds((big, FULL), stage)
        ratio = f"x{b / a:.1f}" if big != small and a >= 0.005 else ""
        print(f"{stage:<36}{cells}{ratio:>12}")


def print_charts(charts: dict[int, dict]) -> None:
    print("\nchart drawing alone (3 charts, PNG + SVG):")
    for size, c in sorted(charts.items()):
        if c is NOT_MEASURED:
            print(f"  {size:>5} sources: not measured (--charts-up-to)")
            continue
        print(f"  {size:>5} sources, {c['events']:>6} events: {c['charts']:7.1f} s, {c['bytes'] / 2**20:6.1f} MB of "
              f"files, peak {c['peak_mb']:.0f} MB")


def print_goals(rows: list[tuple[int, str, dict]], charts: dict[int, dict]) -> None:
    by = {(s, label): f for s, label, f in rows}
    sizes = sorted(charts)
    big, small = sizes[-1], sizes[0]
    measured_charts = not math.isnan(charts[big]["charts"])

    def verdict(value: float, goal: float) -> str:
        return f"{value:.1f}, {'holds' if value <= goal else 'DOES NOT HOLD'}"

    def today(value: float, goal: float) -> str:
        return verdict(value, goal) if measured_charts else "charts not measured"

    full, changed = by[(big, FULL)], by[(big, CHANGED)]
    peak = max(f["peak_mb"] for s, _, f in rows if s == big)
    print(f"\ngoals at {big} sources, this 2-core machine (as `tsr build` runs today, charts included; "
          f"then without charts):")
    print(f"  full build <= {GOAL_FULL_S:.0f} s: {today(whole(FULL, full, charts[big]), GOAL_FULL_S)}; "
          f"without charts {verdict(full['wall'], GOAL_FULL_S)}")
    print(f"  one changed coding file <= {GOAL_CHANGED_S:.0f} s: {today(whole(CHANGED, changed, charts[big]), GOAL_CHANGED_S)}; "
          f"without charts {verdict(changed['wall'], GOAL_CHANGED_S)}")
    print(f"  peak memory <= {GOAL_PEAK_MB:.0f} MB: {today(max(peak, charts[big]['peak_mb']), GOAL_PEAK_MB)}; "
          f"without charts {verdict(peak, GOAL_PEAK_MB)}")
    if big == small:
        return
    a, b = by[(small, FULL)], by[(big, FULL)]
    added = big - small
    print(f"  linear? full build without charts: x{b['wall'] / a['wall']:.1f} for x{big / small:.0f} sources; "
          f"{1000 * (b['wall'] - a['wall']) / added:.1f} ms and {(b['peak_mb'] - a['peak_mb']) / added:.2f} MB "
          f"per added source")
    changed_small = by[(small, CHANGED)]
    print(f"  linear? one changed coding file without charts: {1000 * (changed['wall'] - changed_small['wall']) / added:.1f} "
          f"ms per added source")
    if measured_charts and not math.isnan(charts[small]["charts"]):
        x, y = charts[small]["charts"], charts[big]["charts"]
        print(f"  linear? chart drawing: x{y / x:.1f} for x{big / small:.0f} sources; "
              f"{1000 * (y - x) / added:.1f} ms per added source")


def coding_alone(workdir: Path, sizes: tuple[int, ...]) -> None:
    """The coding stage in-process, empty cache: one process against all cores, runs interleaved so that
    other work on the machine weighs on both alike. Sets PARALLEL_FROM."""
    from pipelines.coding import run
    from pipelines.paths import Layout

    cores = run.default_workers()
    print(f"\ncoding stage alone, empty cache, best of 3 (read sources, extract, code, derivations); "
          f"PARALLEL_FROM = {run.PARALLEL_FROM}.\nWorkers pay only if a core is free: compare with the load average "
          f"(other work on the machine) before each size:")
    print(f"{'sources':>7}{'1 process s':>13}{f'{cores} processes s':>15}{'load before':>13}")
    saved, run.PARALLEL_FROM = run.PARALLEL_FROM, 1
    try:
        for size in sizes:
            root = workdir / f"coding-{size}"
            corpus.generate(root, size)
            layout = Layout(root)
            times = {1: float("inf"), cores: float("inf")}
            load = os.getloadavg()[0]
            run.code_sources(layout, cache=False, workers=1)  # warm the page cache
            for workers in (1, cores) * 3:
                started = time.perf_counter()
                run.code_sources(layout, cache=False, workers=workers)
                times[workers] = min(times[workers], time.perf_counter() - started)
            print(f"{size:>7}{times[1]:>13.3f}{times[cores]:>15.3f}{load:>13.2f}")
            shutil.rmtree(root)
    finally:
        run.PARALLEL_FROM = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--coding-sizes", type=int, nargs="+", default=[16, 32, 64, 128, 256, 1000])
    parser.add_argument("--runs", type=int, default=3, help="runs of each build; the fastest is shown")
    parser.add_argument("--charts-up-to", type=int, default=1000,
                        help="time chart drawing only up to this many sources (minutes and GBs beyond)")
    parser.add_argument("--charts-in-build", type=int, nargs="*", default=[],
                        help="sizes at which to add one full build that draws its charts itself")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores\n")
    rows, charts = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            results, charts[size] = scenarios(size, Path(tmp), args.runs, size in args.charts_in_build,
                                              size <= args.charts_up_to)
            rows += [(size, label, f) for label, f in results]
        print_builds(rows, charts)
        print_stages(rows)
        print_charts(charts)
        print_goals(rows, charts)
        coding_alone(Path(tmp), tuple(args.coding_sizes))
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
