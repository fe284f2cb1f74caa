"""Decide whether a build can be skipped: same inputs, and published files as the last build left them."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from pipelines.paths import REPO_ROOT

DATA_GLOBS = ("data/sources/*", "data/coding/*", "queries/*.sql")  # under the package root being built
# The code that builds it, wherever that root is: a change of code or of a pinned version means a rebuild.
CODE_GLOBS = ("schemas/*.py", "schemas/*.yaml", "pipelines/**/*.py", "pipelines/**/*.yaml", "pipelines/**/*.html",
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
