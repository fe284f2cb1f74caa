"""Time chart drawing alone on the tables of a package root; print one JSON line of figures.

    python benchmarks/timed_charts.py ROOT

The tables are built as the build builds them (from the coding cache when it is warm), then the charts
are drawn into a temporary folder, as `tsr build` draws them in its staging folder.
"""
from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from pipelines.build import build_tables_checked
    from pipelines.paths import Layout

    tables = build_tables_checked(Layout(Path(sys.argv[1])))[0]
    from pipelines.charts import draw_charts

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        resources = draw_charts(tables, Path(tmp))
        seconds = time.perf_counter() - started
        sizes = {r["path"]: (Path(tmp) / Path(r["path"]).name).stat().st_size for r in resources
                 if (Path(tmp) / Path(r["path"]).name).exists()}
    print(json.dumps({"charts": seconds, "events": len(tables["events"]), "bytes": sum(sizes.values()),
                      "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
