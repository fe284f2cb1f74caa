"""Register sources: read each vendored text and its metadata, and check them.

A source is `data/sources/<id>.txt` (vendored unchanged) plus `data/sources/<id>.meta.yaml`.
The sha256 in the metadata is re-checked on every build, so a text edited after it was coded
stops the build instead of silently shifting every offset.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from pipelines.errors import Problem, TsrError
from pipelines.paths import Layout
from pipelines.sources.meta_schema import validate_meta
from pipelines.yamlfile import read_yaml
from schemas.fields import SOURCE_ID, source_order

SOURCE_ID_RE = re.compile(SOURCE_ID)


@dataclass(frozen=True)
class Source:
    source_id: str
    text: str
    path: str  # relative to the package root
    sha256: str
    bytes: int
    meta: dict


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_text(data: bytes, file: str) -> str:
    """The text of a source file, or a TsrError if it is not usable as a source."""
    if not data.strip():
        raise TsrError(Problem("empty-source", file, "", "source file is empty"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TsrError(Problem("not-utf8", file, f"byte {exc.start}", "source file is not UTF-8 text")) from None
    check_characters(text, file)
    return text


# Control characters (Unicode Cc) other than tab, LF and CR would reach the CSVs, the database and the
# page raw inside quotes; a source holding one is refused rather than silently altered.
CONTROL_CHARACTER_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def check_characters(text: str, file: str) -> None:
    found = [m.start() for m in CONTROL_CHARACTER_RE.finditer(text)]
    if found:
        at = found[0]
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        more = f" ({len(found) - 1} more after it)" if len(found) > 1 else ""
        raise TsrError(Problem("control-character", file, f"offset {at} (line {line}, column {column})",
                               f"control character U+{ord(text[at]):04X} in the source text{more}; only tab, line feed "
                               "and carriage return are allowed"))


def not_a_package_file(layout: Layout, path: Path) -> Problem | None:
    """A problem if `path` exists but is not a regular file inside the package (a symbolic link, a pipe, a
    device, or a file reached through a linked folder). The problem names the path as listed, never its target."""
    if not os.path.lexists(path):
        return None
    listed = path.relative_to(layout.root).as_posix() if path.is_relative_to(layout.root) else path.name
    if path.is_symlink():
        return Problem("not-a-regular-file", listed, "", "is a symbolic link; a source must be a regular file inside the "
                       "package (register a copy with tsr add-source)")
    if not stat.S_ISREG(path.lstat().st_mode):
        return Problem("not-a-regular-file", listed, "", "is not a regular file (a pipe, device, socket or folder)")
    if not path.resolve().is_relative_to(layout.root.resolve()):
        return Problem("outside-package", listed, "", "lies outside the package (through a linked folder); a source "
                       "must be a regular file inside the package")
    return None


def checked_meta(meta, text_bytes: bytes, source_id: str, meta_file: str) -> tuple[dict | None, list[Problem]]:
    """One source's metadata checked against its declared schema and its text: (plain dict, problems)."""
    model, problems = validate_meta(meta, meta_file)
    if model is None:
        return None, problems
    if model.id != source_id:
        problems.append(Problem("id-mismatch", meta_file, "id", f"id {model.id!r} does not match file name {source_id!r}"))
    actual = sha256_hex(text_bytes)
    if model.sha256 != actual:
        problems.append(Problem("sha256-mismatch", meta_file, "sha256",
                                f"source text changed after registration: metadata says {model.sha256}, file has {actual}"))
    return (None if problems else model.model_dump()), problems


def check_meta(meta, text_bytes: bytes, source_id: str, meta_file: str) -> list[Problem]:
    """Problems with one source's metadata, given the bytes of its text."""
    return checked_meta(meta, text_bytes, source_id, meta_file)[1]


def _text_order(path: Path) -> tuple:
    # 999_… before 1000_…; a file whose name is not an id sorts last (its metadata check names it).
    return (0, *source_order(path.stem)) if SOURCE_ID_RE.match(path.stem) else (1, 0, path.stem)


def read_sources(layout: Layout) -> list[Source]:
    """Every registered source, checked. Raises TsrError listing every problem found."""
    problems: list[Problem] = []
    sources: list[Source] = []
    texts = sorted(layout.sources_dir.glob("*.txt"), key=_text_order)
    metas = {p.name.removesuffix(".meta.yaml") for p in layout.sources_dir.glob("*.meta.yaml")}
    for orphan in sorted(metas - {p.stem for p in texts}):
        problems.append(Problem("orphan-metadata", layout.rel(layout.sources_dir / f"{orphan}.meta.yaml"), "", "metadata without a .txt source"))
    for text_path in texts:
        source_id = text_path.stem
        file = layout.rel(text_path)
        meta_path = text_path.with_name(f"{source_id}.meta.yaml")
        meta_file = layout.rel(meta_path)
        unsafe = not_a_package_file(layout, text_path) or not_a_package_file(layout, meta_path)
        if unsafe:  # checked before reading: a pipe would hang the build, a link would publish its target's path
            problems.append(unsafe)
            continue
        data = text_path.read_bytes()
        try:
            text = decode_text(data, file)
        except TsrError as exc:
            problems.extend(exc.problems)
            continue
        if not meta_path.exists():
            problems.append(Problem("missing-metadata", meta_file, "", f"source {file} has no metadata file"))
            continue
        try:
            meta = read_yaml(meta_path, meta_file)
        except TsrError as exc:
            problems.extend(exc.problems)
            continue
        checked, found = checked_meta(meta, data, source_id, meta_file)
        if found:
            problems.extend(found)
            continue
        sources.append(Source(source_id, text, file, checked["sha256"], len(data), checked))
    if problems:
        raise TsrError(problems)
    return sources


def source_row(source: Source) -> dict:
    """The `sources` table row of a source."""
    meta, published = source.meta, source.meta["published"]
    return {
        "source_id": source.source_id,
        "kind": meta["kind"],
        "text_scope": meta["text_scope"],
        "title": meta["title"],
        "publisher": meta["publisher"],
        "language": meta["language"],
        "url": meta["url"],
        "retrieved_on": meta["retrieved_on"],
        "path": source.path,
        "sha256": source.sha256,
        "bytes": source.bytes,
        "characters": len(source.text),
        "published_earliest": published["earliest"],
        "published_latest": published["latest"],
        "published_precision": published["precision"],
        "published_inferred": published["inferred"],
        "published_basis": " ".join(published["basis"].split()),
        "published_as_given": published["as_given"],
        "topic": _one_line(meta["topic"]),
        "flags": ";".join(sorted(meta["flags"])) or None,
        "notes": _one_line(meta["notes"]),
        "licence": None,
        "release": None,
        "origin": None,
        "slug": meta["slug"],
    }


def _one_line(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())
