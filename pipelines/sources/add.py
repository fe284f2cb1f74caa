"""Register a new source: vendor its text unchanged and write its metadata.

The id is the next free sequence number and the first 16 hex digits of the text's sha256, so the id
alone tells a reader which bytes were coded. The metadata is checked with the same `check_meta` the
build uses before anything is written, so `tsr add-source` can never leave a source the build refuses.
"""
from __future__ import annotations

import datetime as dt
import os
import stat
import textwrap
from pathlib import Path

import yaml

from pipelines.errors import Problem, TsrError
from pipelines.paths import Layout
from pipelines.sources.registry import SOURCE_ID_RE, check_meta, decode_text, not_a_package_file, sha256_hex
from pipelines.sources.urls import is_web_url
from pipelines.yamlfile import parse_yaml

DEFAULT_BASIS = {
    "day": "Publication date given by the person who added the source; no further basis was recorded.",
    "range": "Publication date bounds given by the person who added the source; no further basis was recorded.",
    "unknown": "No publication date was given when the source was added, and none has been inferred yet.",
}


def read_regular_file(file: Path) -> bytes:
    """The bytes of `file`, which must be a regular file (a link to one is fine: its bytes are vendored).

    Opened without blocking and checked on the open descriptor, so a pipe or a device is refused at once
    instead of hanging (a FIFO) or never ending (/dev/zero).
    """
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise TsrError(Problem("unreadable-file", str(file), "", f"cannot be read: {exc.strerror}")) from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise TsrError(Problem("not-a-regular-file", str(file), "",
                                   "is not a regular file (a pipe, device, socket or folder); a source must be a file"))
        return fh.read()


def next_sequence(layout: Layout) -> int:
    """One more than the highest sequence number in use (ids are never reused, gaps are kept)."""
    used = [int(p.name[:3]) for p in layout.sources_dir.glob("*.txt") if SOURCE_ID_RE.match(p.stem)]
    return max(used, default=-1) + 1


def _existing_with_hash(layout: Layout, digest: str) -> str | None:
    # Hash the vendored bytes rather than trusting metadata: a duplicate is a duplicate text.
    for path in sorted(layout.sources_dir.glob("*.txt")):
        if not_a_package_file(layout, path):  # never read a pipe; the build reports it
            continue
        if sha256_hex(path.read_bytes()) == digest:
            return path.stem
    return None


def _iso(value, file: str, what: str) -> str:
    """A YYYY-MM-DD string for a date given as date or text; a real calendar day."""
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise TsrError(Problem("bad-date", file, what, f"{value!r} is not a calendar date YYYY-MM-DD")) from None


def _published(file: str, published, published_between, basis: str | None) -> dict:
    if published is not None and published_between is not None:
        raise TsrError(Problem("bad-published", file, "published", "give either a publication day or a range, not both"))
    if published is not None:
        day = _iso(published, file, "published")
        return {"earliest": day, "latest": day, "precision": "day", "basis": basis or DEFAULT_BASIS["day"]}
    if published_between is not None:
        earliest, latest = (_iso(v, file, "published-between") for v in published_between)
        return {"earliest": earliest, "latest": latest, "precision": "range", "basis": basis or DEFAULT_BASIS["range"]}
    return {"earliest": None, "latest": None, "precision": "range", "basis": basis or DEFAULT_BASIS["unknown"]}


def _scalar(value) -> str:
    """One YAML scalar on one line (quoted only when YAML needs it)."""
    if value is None:
        return "null"
    return yaml.safe_dump(value, allow_unicode=True, width=10**9, default_style=None).removesuffix("\n...\n").strip()


def _date(value: str | None) -> str:
    # Written unquoted like the hand-made metadata files; the loader keeps dates as strings.
    return "null" if value is None else value


def render_meta(meta: dict) -> str:
    """The metadata file, in the layout of the hand-written ones (comments included)."""
    published = meta["published"]
    basis = textwrap.fill(" ".join(str(published["basis"]).split()), width=96,
                          initial_indent="    ", subsequent_indent="    ")
    return "\n".join([
        f"# Provenance of {meta['id']}.txt (registered with `tsr add-source`; the text is vendored unchanged).",
        f"id: {meta['id']}",
        f"title: {_scalar(meta['title'])}",
        "title_is_descriptive: false  # the title is the document's own, as given when it was added",
        f"publisher: {_scalar(meta['publisher'])}",
        f"url: {_scalar(meta['url'])}",
        f"language: {meta['language']}",
        f"sha256: {meta['sha256']}",
        "published:",
        f"  earliest: {_date(published['earliest'])}",
        f"  latest: {_date(published['latest'])}",
        f"  precision: {published['precision']}",
        "  basis: >-",
        basis,
        "",
    ])


def add_source(layout: Layout, file: Path, *, title: str, publisher: str | None = None, url: str | None = None,
               published=None, published_between=None, language: str = "en", basis: str | None = None) -> str:
    """Vendor `file` as a new source and write its metadata; returns the new source id.

    Raises TsrError (duplicate-source, not-utf8, empty-source, bad-date, …) and writes nothing then.
    """
    file = Path(file)
    data = read_regular_file(file)
    decode_text(data, str(file))  # refuses empty and non-UTF-8 files
    digest = sha256_hex(data)
    existing = _existing_with_hash(layout, digest)
    if existing is not None:
        raise TsrError(Problem("duplicate-source", str(file), existing,
                               f"this text is already registered as source {existing} (same sha256 {digest})"))
    if not title or not title.strip():
        raise TsrError(Problem("missing-key", str(file), "title", "a source needs a title"))
    if url is not None and not is_web_url(url):
        raise TsrError(Problem("bad-url", str(file), "--url", f"{url!r} is not an http or https address"))
    source_id = f"{next_sequence(layout):03d}_{digest[:16]}"
    text_path = layout.sources_dir / f"{source_id}.txt"
    meta_path = layout.sources_dir / f"{source_id}.meta.yaml"
    meta_file = layout.rel(meta_path)
    meta = {"id": source_id, "title": " ".join(title.split()), "publisher": publisher, "url": url,
            "language": language, "sha256": digest,
            "published": _published(meta_file, published, published_between, basis)}
    rendered = render_meta(meta)
    # Check what a build will read back, not the dict we meant to write.
    problems = check_meta(parse_yaml(rendered, meta_file), data, source_id, meta_file)
    if problems:
        raise TsrError(problems)
    layout.sources_dir.mkdir(parents=True, exist_ok=True)
    text_path.write_bytes(data)
    try:
        meta_path.write_text(rendered, encoding="utf-8")
    except OSError:
        text_path.unlink(missing_ok=True)  # never leave a text without metadata: the build would stop on it
        raise
    return source_id
