"""The coding cache: each source's extraction and coding result, kept between builds.

One file per source, `data/.cache/coding-v1/<source_id>.json` (git-ignored): a header line and a
payload line. The header holds the format name, the key the result was computed for and the sha256
of the payload. The key (see `run.source_key`) is a digest of everything the per-source step reads:
the source (text and metadata), its coding file, the actor ids, and the code that produced the result
(the extractor, the coding modules, the schemas and vocabularies they import, the pinned dependencies).
An entry is used only if its format, key and checksum all match; anything else (a truncated file, a
hand edit, an older format) is a miss, and the source is coded again. JSON, not pickle: loading an
entry never runs code, and a result that would not survive the round trip exactly is not stored.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path

from pipelines.coding.apply import CodedSource
from pipelines.errors import Problem

FORMAT = "tsr-coding-cache/1"
FOLDER = "data/.cache/coding-v1"  # under the package root; the version is in the name too
_FIELDS = [f.name for f in dataclasses.fields(CodedSource)]


def to_record(coded: CodedSource) -> dict:
    record = {name: getattr(coded, name) for name in _FIELDS}
    record["problems"] = [[p.code, p.file, p.key, p.message] for p in coded.problems]
    return record


def from_record(record: dict) -> CodedSource:
    if sorted(record) != sorted(_FIELDS):
        raise ValueError("fields differ")
    values = dict(record)
    values["problems"] = [Problem(*p) for p in record["problems"]]
    return CodedSource(**values)


class CodingCache:
    def __init__(self, root: Path):
        self.folder = Path(root) / FOLDER

    def _path(self, source_id: str) -> Path:
        return self.folder / f"{source_id}.json"

    def get(self, source_id: str, key: str) -> CodedSource | None:
        """The stored result for `key`, or None when there is none or it cannot be trusted."""
        try:
            header_line, payload = self._path(source_id).read_bytes().split(b"\n", 1)
            header = json.loads(header_line)
            if header != {"format": FORMAT, "key": key, "sha256": hashlib.sha256(payload).hexdigest()}:
                return None
            coded = from_record(json.loads(payload))
        except (OSError, ValueError, TypeError, KeyError):
            return None
        return coded if coded.source_id == source_id else None

    def put(self, source_id: str, key: str, coded: CodedSource) -> bool:
        """Store `coded` under `key`; False (nothing stored) if JSON cannot hold it exactly."""
        record = to_record(coded)
        try:
            payload = json.dumps(record, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
        except (TypeError, ValueError):
            return False
        if from_record(json.loads(payload)) != coded:  # e.g. a YAML mapping with a non-string key
            self._path(source_id).unlink(missing_ok=True)
            return False
        header = json.dumps({"format": FORMAT, "key": key, "sha256": hashlib.sha256(payload).hexdigest()}).encode()
        temporary = self.folder / f".{source_id}.{os.getpid()}.tmp"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(header + b"\n" + payload)
            os.replace(temporary, self._path(source_id))  # a reader sees the old entry or the new one, never half
        except OSError:  # a read-only checkout, a full disk: the build goes on without the entry
            temporary.unlink(missing_ok=True)
            return False
        return True

    def prune(self, keep: set[str]) -> None:
        """Remove the entries of sources no longer registered (and leftovers of interrupted writes)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.suffix == ".tmp" or (path.suffix == ".json" and path.stem not in keep):
                path.unlink(missing_ok=True)
