"""Principle 6: the same inputs give byte-identical published files, and the committed files are
exactly what the build produces (CI fails if someone edits an output by hand or forgets to rebuild)."""
from __future__ import annotations

import hashlib
import shutil

from pipelines.publish import files as publish
from pipelines.build import build_package
from pipelines.paths import REPO_ROOT, Layout

NOT_REPRODUCIBLE = {"data/turkey_syria.duckdb"}  # DuckDB files differ between runs; git-ignored


def digests(root):
    return {rel: hashlib.sha256((root / rel).read_bytes()).hexdigest()
            for rel in publish.published_paths(root) if rel not in NOT_REPRODUCIBLE}


def test_two_builds_are_byte_identical(built_root, tmp_path):
    root = tmp_path / "pkg"
    shutil.copytree(built_root, root)
    first = digests(root)
    build_package(Layout(root), force=True)
    assert digests(root) == first


def test_committed_outputs_equal_a_fresh_build(built_root):
    built, committed = digests(built_root), digests(REPO_ROOT)
    missing = sorted(set(built) - set(committed))
    stale = sorted(set(committed) - set(built))
    changed = sorted(rel for rel in set(built) & set(committed) if built[rel] != committed[rel])
    assert not (missing or stale or changed), (
        f"committed outputs differ from a fresh build; run `make build` and commit.\n"
        f"missing: {missing}\nstale: {stale}\nchanged: {changed}")
