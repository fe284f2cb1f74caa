"""`tsr add-source --dataset`: vendor a data file unchanged and write its dataset coding file.

The registration half of the coding (source id, file, sha256, publisher, licence, release, origin) is
filled in from the file and the options. The coding half is either copied from an earlier release of
the same table (`like`: the next UNHCR release is one command) or left for the person to write, in
which case the build refuses the file, naming it, until its columns are coded.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import yaml

from pipelines.datasets.cells import read_coding, read_table
from pipelines.datasets.coding_schema import DatasetCoding
from pipelines.errors import Problem, TsrError
from pipelines.paths import Layout
from pipelines.sources.add import _sequence, read_regular_file, source_id_for
from pipelines.sources.registry import sha256_hex

_RELEASE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_BLOB = re.compile(r"^[0-9a-f]{40}$")


def _check(value: str, pattern: re.Pattern, what: str, where: str) -> str:
    if not pattern.match(value):
        raise TsrError(Problem("bad-option", where, what, f"{value!r} is not a valid {what}"))
    return value


def add_dataset(layout: Layout, file: Path, *, table: str | None, release: str, released_on: dt.date, blob: str,
                like: str | None = None, publisher: str | None = None, licence: str | None = None,
                repository: str | None = None, title: str | None = None, series: str | None = None,
                sequence: int | None = None) -> str:
    """Vendor `file` into data/datasets/files/ and write data/datasets/<dataset>.yaml; return the coding's path."""
    where = str(file)
    data = read_regular_file(file)
    digest = sha256_hex(data)
    _check(release, _RELEASE, "release", where)
    _check(blob, _BLOB, "git blob id", where)
    base = _like(layout, like) if like else None
    table = table or (base.table if base else None)
    if not table:
        raise TsrError(Problem("bad-option", where, "table", "give --table (the table inside the file) or --like"))
    frame = read_table(file, table, where)  # refuses a file that does not hold the table
    publisher = publisher or (base.publisher if base else None)
    licence = licence or (base.licence if base else None)
    repository = repository or (base.repository if base else None)
    missing = [name for name, value in (("publisher", publisher), ("licence", licence), ("repository", repository)) if not value]
    if missing:
        raise TsrError(Problem("bad-option", where, ", ".join(missing), "required unless --like names an earlier release"))
    dataset = re.sub(r"[^a-z0-9_.]+", "_", f"{publisher}_{table}_{release}".lower())
    target_file = layout.datasets_dir / "files" / file.name
    coding_path = layout.datasets_dir / f"{dataset}.yaml"
    for other in sorted(layout.datasets_dir.glob("*.yaml")):
        text = other.read_text(encoding="utf-8", errors="replace")  # a plain scan: a broken coding is the build's to report
        if f"sha256: {digest}" in text and f"table: {table}\n" in text:
            raise TsrError(Problem("duplicate-dataset", where, "", f"this file's {table!r} table is already coded in {layout.rel(other)}"))
    if coding_path.exists():
        raise TsrError(Problem("dataset-exists", layout.rel(coding_path), "", "a coding file for this release exists already"))
    if target_file.exists() and target_file.read_bytes() != data:
        raise TsrError(Problem("dataset-file-exists", layout.rel(target_file), "", "another file of this name is vendored; rename the new one"))
    coding = {
        "source_id": source_id_for(_sequence(layout, sequence, where), digest),
        "dataset": dataset,
        "title": title or (re.sub(re.escape(base.release), release, base.title) if base else f"{publisher} {table} table, release {release}"),
        "file": (target_file.relative_to(layout.root)).as_posix(),
        "sha256": digest, "table": table, "publisher": publisher, "licence": licence, "release": release,
        "released_on": released_on.isoformat(), "repository": repository, "blob": blob,
        "series": series or (base.series if base else "TODO"),
    }
    if base:
        copied = base.model_dump(include={"row_key", "filter", "years", "place_codes", "columns"}, exclude_defaults=True)
        for column in copied["columns"]:  # a partial year belongs to one release, never to the next
            column.pop("partial_years", None)
        coding |= copied
    header = [f"# {publisher} {table} table, release {release}: written by tsr add-source --dataset"
              + (f", coding copied from {base.dataset}" if base else "") + ".",
              "# Check the coding below against the new release (a mid-year figure needs partial_years)."]
    if not base:
        header.append(f"# The table's columns: {', '.join(map(str, frame.columns))}")
        coding |= {"row_key": [], "filter": {}, "columns": []}
    text = "\n".join(header) + "\n" + yaml.safe_dump(coding, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)
    target_file.parent.mkdir(parents=True, exist_ok=True)
    if not target_file.exists():
        tmp = target_file.with_name(target_file.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target_file)
    coding_path.write_text(text, encoding="utf-8")
    return layout.rel(coding_path)


def _like(layout: Layout, dataset: str) -> DatasetCoding:
    path = layout.datasets_dir / f"{dataset}.yaml"
    if not path.is_file():
        known = sorted(p.stem for p in layout.datasets_dir.glob("*.yaml"))
        raise TsrError(Problem("unknown-dataset", f"data/datasets/{dataset}.yaml", "like", f"no such dataset coding; known: {', '.join(known)}"))
    return read_coding(path, layout.rel(path))
