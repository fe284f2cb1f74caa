"""Dataset sources: every `data/datasets/*.yaml` coding, its `sources` row and its copied cells.

A dataset coding file both registers a vendored table (kind `dataset` in `sources`) and codes it.
`read_datasets` is the I/O edge (reads codings and files); the rows are built by pure functions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipelines.datasets.cells import changed_cells, observations, read_coding
from pipelines.datasets.coding_schema import DatasetCoding
from pipelines.errors import Problem, TsrError
from pipelines.paths import Layout


@dataclass
class Datasets:
    codings: list[tuple[str, DatasetCoding, int]] = field(default_factory=list)  # (coding file, coding, file bytes)
    values: list[dict] = field(default_factory=list)


def coding_files(layout: Layout) -> list[Path]:
    return sorted(layout.datasets_dir.glob("*.yaml"))


def read_datasets(layout: Layout) -> Datasets:
    """Every dataset coding checked and its cells read, or a TsrError listing every problem."""
    found, problems = Datasets(), []
    for path in coding_files(layout):
        where = layout.rel(path)
        try:
            coding = read_coding(path, where)
            found.values.extend(observations(coding, layout.root, where))
            found.codings.append((where, coding, (layout.root / coding.file).stat().st_size))
        except TsrError as exc:
            problems.extend(exc.problems)
    problems += duplicate_problems(found.codings)
    if problems:
        raise TsrError(problems)
    return found


def duplicate_problems(codings: list[tuple[str, DatasetCoding, int]]) -> list[Problem]:
    problems, seen = [], {}
    for where, coding, _ in codings:
        for key, code in (("source_id", "duplicate-source-id"), ("dataset", "duplicate-dataset-name")):
            value = getattr(coding, key)
            if (key, value) in seen:
                problems.append(Problem(code, where, key, f"{value} is also used by {seen[key, value]}"))
            seen[key, value] = where
    return problems


def dataset_source_row(coding: DatasetCoding, size: int) -> dict:
    """The `sources` row of a dataset: the release day is its publication day, as the publisher dates it."""
    return {
        "source_id": coding.source_id, "kind": "dataset", "text_scope": None, "title": coding.title,
        "publisher": coding.publisher, "language": "en", "url": coding.repository, "retrieved_on": None,
        "path": coding.file, "sha256": coding.sha256, "bytes": size, "characters": None,
        "published_earliest": coding.released_on, "published_latest": coding.released_on,
        "published_precision": "day", "published_inferred": False,
        "published_basis": f"Release day of version {coding.release} of the table in {coding.repository}.",
        "published_as_given": None, "topic": f"official table: {coding.table}", "flags": None,
        "notes": " ".join(coding.notes.split()) if coding.notes else None,
        "licence": coding.licence, "release": coding.release, "origin": f"{coding.repository} blob {coding.blob}",
        "slug": coding.dataset,
    }


def with_superseded(values: list[dict], codings: list[tuple[str, DatasetCoding, int]]) -> list[dict]:
    """Each value with `superseded_by`: the newest later release of the same publisher's table holding the
    same cell (row key and column). Nothing is dropped: a mid-year figure stays beside the end-year one."""
    publisher = {c.source_id: c.publisher for _, c, _ in codings}
    newest: dict[tuple, tuple[str, str]] = {}
    for v in values:
        key = (publisher[v["source_id"]], v["cell_table"], v["cell_row_key"], v["cell_column"])
        if key not in newest or (v["released_on"], v["release"]) > newest[key][:2]:
            newest[key] = (v["released_on"], v["release"], v["source_id"])
    out = []
    for v in values:
        top = newest[(publisher[v["source_id"]], v["cell_table"], v["cell_row_key"], v["cell_column"])]
        out.append({**v, "superseded_by": None if top[2] == v["source_id"] else top[2]})
    return out


def dataset_tables(found: Datasets, published: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """(sources rows, dataset_values rows), after checking every cell against the published package."""
    values = with_superseded(found.values, found.codings)
    problems = changed_cells(pd.DataFrame(values), published)
    if problems:
        raise TsrError(problems)
    return [dataset_source_row(c, size) for _, c, size in found.codings], values


def read_published_values(layout: Layout) -> pd.DataFrame:
    """The dataset_values the package last published (empty before the first build)."""
    path = layout.root / "data" / "dataset_values.csv"
    if not path.exists():
        return pd.DataFrame()
    return pd.read_csv(path, dtype=str, keep_default_na=False)
