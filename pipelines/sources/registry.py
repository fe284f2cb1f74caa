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
from pipelines.sources.urls import is_web_url
from pipelines.yamlfile import line_of, read_yaml
from schemas.vocabularies import terms

SOURCE_ID_RE = re.compile(r"^[0-9]{3}_[0-9a-f]{16}$")
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
REQUIRED_META = ("id", "title", "publisher", "url", "language", "sha256", "published")


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


def check_meta(meta, text_bytes: bytes, source_id: str, meta_file: str) -> list[Problem]:
    """Problems with one source's metadata, given the bytes of its text."""
    if not isinstance(meta, dict):
        return [Problem("bad-metadata", meta_file, "", "metadata must be a mapping")]
    problems = [Problem("missing-key", meta_file, key, "required key is missing") for key in REQUIRED_META if key not in meta]
    if problems:
        return problems
    if meta["id"] != source_id:
        problems.append(Problem("id-mismatch", meta_file, "id", f"id {meta['id']!r} does not match file name {source_id!r}"))
    if not SOURCE_ID_RE.match(str(meta["id"])):
        problems.append(Problem("bad-source-id", meta_file, "id", f"{meta['id']!r} is not NNN_<16 hex digits>"))
    actual = sha256_hex(text_bytes)
    if meta["sha256"] != actual:
        problems.append(Problem("sha256-mismatch", meta_file, "sha256",
                                f"source text changed after registration: metadata says {meta['sha256']}, file has {actual}"))
    if meta["url"] is not None and not is_web_url(meta["url"]):
        problems.append(Problem("bad-url", meta_file, "url", f"{meta['url']!r} is not an http or https address"))
    if meta["language"] not in terms("language"):
        problems.append(Problem("bad-language", meta_file, "language", f"{meta['language']!r} not in {terms('language')}"))
    published = meta["published"]
    if not isinstance(published, dict):
        problems.append(Problem("bad-published", meta_file, "published", "must be a mapping with earliest, latest, precision, basis"))
        return problems
    where = f"published ({line_of(published)})"
    for key in ("earliest", "latest"):
        value = published.get(key)
        if value is not None and not ISO_DATE_RE.match(str(value)):
            problems.append(Problem("bad-date", meta_file, where, f"{key} {value!r} is not YYYY-MM-DD"))
    if published.get("precision") not in terms("published_precision"):
        problems.append(Problem("bad-precision", meta_file, where, f"precision {published.get('precision')!r} not in {terms('published_precision')}"))
    if not published.get("basis"):
        problems.append(Problem("missing-basis", meta_file, where, "say what the publication date rests on"))
    earliest, latest = published.get("earliest"), published.get("latest")
    if earliest and latest and str(latest) < str(earliest):
        problems.append(Problem("end-before-start", meta_file, where, f"latest {latest} is before earliest {earliest}"))
    return problems


def read_sources(layout: Layout) -> list[Source]:
    """Every registered source, checked. Raises TsrError listing every problem found."""
    problems: list[Problem] = []
    sources: list[Source] = []
    texts = sorted(layout.sources_dir.glob("*.txt"))
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
        found = check_meta(meta, data, source_id, meta_file)
        if found:
            problems.extend(found)
            continue
        sources.append(Source(source_id, text, file, meta["sha256"], len(data), meta))
    if problems:
        raise TsrError(problems)
    return sources


def source_row(source: Source) -> dict:
    """The `sources` table row of a source."""
    meta, published = source.meta, source.meta["published"]
    return {
        "source_id": source.source_id,
        "title": meta["title"],
        "publisher": meta["publisher"],
        "language": meta["language"],
        "url": meta["url"],
        "path": source.path,
        "sha256": source.sha256,
        "bytes": source.bytes,
        "characters": len(source.text),
        "published_earliest": published.get("earliest"),
        "published_latest": published.get("latest"),
        "published_precision": published["precision"],
        "published_basis": " ".join(str(published["basis"]).split()),
    }
