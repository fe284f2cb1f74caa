"""Where the package keeps its inputs and outputs, relative to a package root, and how `tsr` finds the
root: the nearest folder, from the current directory upward (as git finds its repository), that
holds the build's inputs `data/sources/` and `data/coding/`. Not the folder the code was installed
from: a copy of the package, even with its own copied .venv, must never write into the original."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent  # where the code lives (its tests and benchmarks use it)
ROOT_MARKERS = ("data/sources", "data/coding")


def find_root(start: Path) -> Path | None:
    """The nearest folder from `start` upward holding every ROOT_MARKERS folder, or None."""
    start = Path(start).resolve()
    for folder in (start, *start.parents):
        if all((folder / marker).is_dir() for marker in ROOT_MARKERS):
            return folder
    return None


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def sources_dir(self) -> Path:
        return self.root / "data" / "sources"

    @property
    def coding_dir(self) -> Path:
        return self.root / "data" / "coding"

    @property
    def datasets_dir(self) -> Path:
        return self.root / "data" / "datasets"

    @property
    def actors_file(self) -> Path:
        return self.coding_dir / "actors.yaml"

    @property
    def database(self) -> Path:
        return self.root / "data" / "turkey_syria.duckdb"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    def rel(self, path: Path) -> str:
        # Lexically first: resolving costs a system call per path component, a second per build at 1,000 sources.
        if path.is_absolute() and self.root.is_absolute() and ".." not in path.parts:
            try:
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)
