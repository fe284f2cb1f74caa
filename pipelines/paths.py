"""Where the package keeps its inputs and outputs, relative to a package root."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


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
