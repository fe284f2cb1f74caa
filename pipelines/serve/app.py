"""`tsr serve`: Datasette, on 127.0.0.1 only, over an SQLite copy of the published tables.

The copy is made at start-up from the published Parquet files into a private temporary folder, so it
works on a plain download (no build needed), and the file Datasette serves in immutable mode can
never change under it, even when a build republishes the package meanwhile.
"""
from __future__ import annotations

import json
import signal
import tempfile
from functools import cache
from pathlib import Path

import yaml

from pipelines.paths import Layout
from pipelines.serve.metadata import datasette_metadata
from pipelines.serve.sqlite_copy import write_sqlite

SETTINGS_FILE = Path(__file__).resolve().with_name("datasette.yaml")
HOST = "127.0.0.1"


@cache
def config() -> dict:
    with SETTINGS_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def database_name(layout: Layout) -> str:
    return layout.database.stem  # the same name as the DuckDB file: turkey_syria


def export(layout: Layout, folder: Path) -> tuple[Path, Path]:
    """Write <folder>/<database>.sqlite and <folder>/metadata.json; returns both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    sqlite = folder / f"{database_name(layout)}.sqlite"
    sqlite.unlink(missing_ok=True)
    write_sqlite(layout.root / "data" / "parquet", sqlite, layout.root)
    package = json.loads((layout.root / "datapackage.json").read_text(encoding="utf-8"))
    metadata = folder / "metadata.json"
    metadata.write_text(json.dumps(datasette_metadata(package, database_name(layout)), ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")
    return sqlite, metadata


def setting_options() -> list[str]:
    options = []
    for name, value in config()["settings"].items():
        options += ["--setting", name, ("on" if value else "off") if isinstance(value, bool) else str(value)]
    return options


def serve_args(sqlite: Path, metadata: Path, port: int) -> list[str]:
    """`datasette serve` arguments: immutable (-i: read-only, never written), local only, limited."""
    return ["serve", "-i", str(sqlite), "--metadata", str(metadata), "--host", HOST, "--port", str(port),
            *setting_options()]


def _stop(signum, frame) -> None:
    raise SystemExit(0)


def serve(layout: Layout, port: int | None = None, echo=print) -> None:
    """Run Datasette until it is stopped (Ctrl-C or SIGTERM); the SQLite copy is removed afterwards."""
    from datasette.cli import cli as datasette

    port = port or config()["port"]
    # Uvicorn shuts down on SIGINT/SIGTERM and then re-raises the signal to the handler it found:
    # turn SIGTERM into an exit (as Ctrl-C is) so that the temporary folder is removed either way.
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        with tempfile.TemporaryDirectory(prefix="tsr-serve-") as tmp:
            sqlite, metadata = export(layout, Path(tmp))
            echo(f"tsr serve: http://{HOST}:{port}/{database_name(layout)} (read-only; Ctrl-C stops it)")
            datasette.main(args=serve_args(sqlite, metadata, port), prog_name="datasette", standalone_mode=False)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
