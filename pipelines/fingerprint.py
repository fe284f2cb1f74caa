"""Decide whether a build can be skipped: same inputs, and published files as the last build left them."""
from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
from pathlib import Path

from pipelines.paths import REPO_ROOT

DATA_GLOBS = ("data/sources/*", "data/coding/*", "data/datasets/*.yaml", "data/datasets/files/*", "queries/*.sql")  # under the package root being built
# The code that builds it, wherever that root is: a change of code or of a pinned version means a rebuild.
CODE_GLOBS = ("schemas/*.py", "schemas/*.yaml", "schemas/views/*.sql", "pipelines/**/*.py", "pipelines/**/*.yaml", "pipelines/**/*.html",
              "pipelines/**/*.css", "requirements.lock")
STATE_FILE = "data/.build-state.json"


def _digest(paths: list[Path], root: Path) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _files(base: Path, globs: tuple[str, ...]) -> list[Path]:
    return sorted({p for g in globs for p in base.glob(g) if p.is_file() and "__pycache__" not in p.parts})


def input_digest(root: Path) -> str:
    return _digest(_files(root, DATA_GLOBS), root) + _digest(_files(REPO_ROOT, CODE_GLOBS), REPO_ROOT)


def output_digest(root: Path, published: list[str]) -> str:
    return _digest([root / p for p in sorted(published)], root)


def is_up_to_date(root: Path) -> bool:
    state_path = root / STATE_FILE
    if not state_path.exists():
        return False
    try:
        state = json.loads(state_path.read_text())
        if state["inputs"] != input_digest(root):
            return False
        return all((root / p).exists() for p in state["outputs"]) and state["output_digest"] == output_digest(root, state["outputs"])
    except (ValueError, KeyError, OSError):
        return False


def record(root: Path, published: list[str]) -> None:
    state = {"inputs": input_digest(root), "outputs": sorted(published), "output_digest": output_digest(root, published)}
    tmp = root / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps(state, indent=1) + "\n")
    os.replace(tmp, root / STATE_FILE)  # a kill mid-write leaves the previous state, never a torn one


# -- the code behind a result: what a cached per-source result depends on --------------------------

def _module_file(name: str) -> Path | None:
    """The file of a module of this repository (pipelines.*, schemas.*), or None for anything else."""
    parts = name.split(".")
    if parts[0] not in ("pipelines", "schemas"):
        return None
    base = REPO_ROOT.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path, name: str) -> set[str]:
    """Modules `path` imports anywhere in its body (function-level imports too), with their packages."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)  # `from pkg import module`
    for module in list(found):  # importing a.b.c runs a/__init__ and a/b/__init__ first
        pieces = module.split(".")
        found.update(".".join(pieces[:i]) for i in range(1, len(pieces)))
    return found


def code_files(roots: tuple[str, ...]) -> list[Path]:
    """The repository files the modules `roots` can run: their import closure within pipelines/ and
    schemas/, and the data files (YAML, JSON, …) beside those modules, which they may read."""
    seen: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = _module_file(name)
        if path is None:
            continue
        seen[name] = path
        todo.extend(_imports(path, name) - seen.keys())
    files = set(seen.values())
    for folder in {p.parent for p in files}:
        files.update(p for p in folder.iterdir() if p.is_file() and p.suffix not in (".py", ".pyc"))
    return sorted(files)


def code_digest(roots: tuple[str, ...]) -> str:
    """A digest of the code behind `roots`, the Python version and the pinned dependencies: any change in
    them changes it."""
    h = hashlib.sha256(f"python {sys.version_info[:3]}\0".encode())
    lock = REPO_ROOT / "requirements.lock"
    paths = code_files(roots) + ([lock] if lock.exists() else [])
    h.update(_digest(paths, REPO_ROOT).encode())
    return h.hexdigest()
