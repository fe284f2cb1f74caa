"""Shared fixtures: the package built from the real sources into a temporary root.

Tests never build into the working tree: the committed files must stay what the last `make build`
published, so that test_reproducible can compare a fresh build against them.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipelines.build import build_package
from pipelines.paths import REPO_ROOT, Layout

# What a build reads from a package root (code and schemas are imported from the repository itself).
INPUT_DIRS = ("data/sources", "data/coding", "data/datasets", "queries")
# The seed-only build leaves the official tables out too: its tests pin whole-table answers about the seeds.
SEED_INPUT_DIRS = ("data/sources", "data/coding", "queries")
# Where the tests take the build inputs from: the repository, or (test_survives_new_data.py) a copy of
# it with one more source, to show that no test pins a count of today's data.
INPUTS = Path(os.environ.get("TSR_TEST_INPUTS", REPO_ROOT))


def copy_inputs(dest: Path, src: Path = INPUTS) -> Path:
    for rel in INPUT_DIRS:
        shutil.copytree(src / rel, dest / rel)
    return dest


@pytest.fixture(scope="session")
def built_root(tmp_path_factory) -> Path:
    """A package root holding a complete build of the real sources."""
    root = copy_inputs(tmp_path_factory.mktemp("built") / "pkg")
    build_package(Layout(root), force=True)
    return root


def is_seed(name: str) -> bool:
    """A seed source (sequence below 100: 000_, 003_) or a file that belongs to no source (actors.yaml)."""
    prefix = name.split("_", 1)[0]
    return not prefix.isdigit() or int(prefix) < 100


def copy_seed_inputs(dest: Path, src: Path = REPO_ROOT) -> Path:
    """The build inputs of the two seed sources only: corpus reports (sequence 100 and up) left out."""
    for rel in SEED_INPUT_DIRS:
        shutil.copytree(src / rel, dest / rel, ignore=lambda _dir, names: [n for n in names if not is_seed(n)])
    return dest


@pytest.fixture(scope="session")
def seed_root(tmp_path_factory) -> Path:
    """A complete build of the two seed sources alone, for tests that assert whole-table answers about
    them (every row of a query, every mention): coding corpus reports must not change those answers."""
    root = copy_seed_inputs(tmp_path_factory.mktemp("seeds") / "pkg")
    build_package(Layout(root), force=True)
    return root


@pytest.fixture()
def inputs_root(tmp_path) -> Path:
    """A fresh copy of the build inputs, to break on purpose."""
    return copy_inputs(tmp_path / "pkg")


# Tables that may be empty in a correct package: extractor_issues holds only overrides of extractor
# misreadings, discrepancies only disagreements between sources. Tests that compare every table's rows
# require rows in all the others.
MAY_BE_EMPTY = {"extractor_issues", "discrepancies", "contested_events"}
