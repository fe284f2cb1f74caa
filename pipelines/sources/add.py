"""Register a new source: vendor its text unchanged and write its metadata.

The id is a sequence number (the next free one, or one chosen with `sequence=`) and the first 16 hex
digits of the text's sha256, so the id alone tells a reader which bytes were coded. The metadata is
checked with the same schema the build uses before anything is written, so `tsr add-source` can never
leave a source the build refuses.
"""
from __future__ import annotations

import datetime as dt
import re
import os
import stat
import textwrap
from pathlib import Path

import yaml

from pipelines.errors import Problem, TsrError
from pipelines.paths import Layout
from pipelines.sources.published import parse_published
from pipelines.sources.registry import SOURCE_ID_RE, checked_meta, decode_text, not_a_package_file, sha256_hex
from pipelines.yamlfile import parse_yaml
from schemas.fields import source_sequence

DEFAULT_BASIS = {
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
def used_sequences(layout: Layout) -> dict[int, str]:
    """Sequence number → the id (or orphan metadata) that holds it."""
    used: dict[int, str] = {}
    for pattern in ("*.txt", "*.meta.yaml"):
        for path in layout.sources_dir.glob(pattern):
            stem = path.name.removesuffix(".meta.yaml").removesuffix(".txt")
            if SOURCE_ID_RE.match(stem):
                used.setdefault(source_sequence(stem), stem)
    for path in layout.datasets_dir.glob("*.yaml"):  # dataset sources hold sequence numbers too
        found = _DATASET_SOURCE_ID.search(path.read_text(encoding="utf-8", errors="replace"))
        if found and SOURCE_ID_RE.match(found.group(1)):
            used.setdefault(source_sequence(found.group(1)), found.group(1))
    return used


_DATASET_SOURCE_ID = re.compile(r"^source_id:\s*(\S+)", re.M)


def next_sequence(layout: Layout) -> int:
    """One more than the highest sequence number in use (ids are never reused, gaps are kept)."""
    return max(used_sequences(layout), default=-1) + 1


def source_id_for(sequence: int, digest: str) -> str:
    """`NNN_<16 hex>`: at least three digits (007, 121, 1000)."""
    return f"{sequence:03d}_{digest[:16]}"


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
        raise TsrError(Problem("bad-published", file, "published", "give either a publication date or a range, not both"))
    if published is not None:
        as_given = published.isoformat() if isinstance(published, dt.date) else str(published)
        return parse_published(as_given, basis, file=file).as_meta()
    if published_between is not None:
        earliest, latest = (_iso(v, file, "published-between") for v in published_between)
        return {"earliest": earliest, "latest": latest, "precision": "range", "inferred": False,
                "basis": basis or DEFAULT_BASIS["range"], "as_given": None}
    return {"earliest": None, "latest": None, "precision": "range", "inferred": False,
            "basis": basis or DEFAULT_BASIS["unknown"], "as_given": None}


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
    described = ("the title describes the document; it is not its headline" if meta["title_is_descriptive"]
                 else "the title is the document's own, as given when it was added")
    scope = {"excerpt": "only the figure-bearing sentences of the page: check figures at the url",
             "full_text": "the whole document"}.get(meta["text_scope"], "")
    return "\n".join([
        f"# Provenance of {meta['id']}.txt (registered with `tsr add-source`; the text is vendored unchanged).",
        f"id: {meta['id']}",
        f"kind: {meta['kind']}",
        f"text_scope: {_scalar(meta['text_scope'])}" + (f"  # {scope}" if scope else ""),
        f"title: {_scalar(meta['title'])}",
        f"title_is_descriptive: {'true' if meta['title_is_descriptive'] else 'false'}  # {described}",
        f"publisher: {_scalar(meta['publisher'])}",
        f"url: {_scalar(meta['url'])}",
        f"language: {meta['language']}",
        f"sha256: {meta['sha256']}",
        f"retrieved_on: {_date(meta['retrieved_on'])}",
        f"topic: {_scalar(meta['topic'])}",
        f"notes: {_scalar(meta['notes'])}",
        f"flags: [{', '.join(meta['flags'])}]",
        f"slug: {_scalar(meta['slug'])}",
        "published:",
        f"  earliest: {_date(published['earliest'])}",
        f"  latest: {_date(published['latest'])}",
        f"  precision: {published['precision']}",
        f"  inferred: {'true' if published['inferred'] else 'false'}",
        f"  as_given: {_scalar(published['as_given'])}",
        "  basis: >-",
        basis,
        "",
    ])


def _sequence(layout: Layout, sequence: int | None, file: str) -> int:
    used = used_sequences(layout)
    if sequence is None:
        return max(used, default=-1) + 1
    if isinstance(sequence, bool) or not isinstance(sequence, int) or sequence < 0:
        raise TsrError(Problem("bad-sequence", file, "sequence", f"{sequence!r} is not a whole number >= 0"))
    if sequence in used:
        raise TsrError(Problem("sequence-in-use", file, "sequence",
                               f"sequence number {sequence} is already used by {used[sequence]}; ids are never reused"))
    return sequence


def add_source(layout: Layout, file: Path, *, title: str, publisher: str | None = None, url: str | None = None,
               published=None, published_between=None, language: str = "en", basis: str | None = None,
               text_scope: str | None = "full_text", kind: str = "text", title_is_descriptive: bool = False,
               retrieved_on=None, topic: str | None = None, notes: str | None = None, flags=(),
               slug: str | None = None, sequence: int | None = None) -> str:
    """Vendor `file` as a new source and write its metadata; returns the new source id.

    `published` is a day (a date, or text as `parse_published` reads it: `2025-06/07 (…)`,
    `~2025-04 (inferred)`, …); `published_between` two days. Raises TsrError (duplicate-source,
    not-utf8, empty-source, bad-date, sequence-in-use, bad-url, …) and writes nothing then.
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
    source_id = source_id_for(_sequence(layout, sequence, str(file)), digest)
    text_path = layout.sources_dir / f"{source_id}.txt"
    meta_path = layout.sources_dir / f"{source_id}.meta.yaml"
    meta_file = layout.rel(meta_path)
    meta = {"id": source_id, "kind": kind, "text_scope": text_scope, "title": " ".join(title.split()),
            "title_is_descriptive": bool(title_is_descriptive), "publisher": publisher, "url": url,
            "language": language, "sha256": digest,
            "retrieved_on": None if retrieved_on is None else _iso(retrieved_on, meta_file, "retrieved_on"),
            "topic": topic, "notes": notes, "flags": sorted(set(flags)), "slug": slug,
            "published": _published(meta_file, published, published_between, basis)}
    rendered = render_meta(meta)
    # Check what a build will read back, not the dict we meant to write.
    read_back, problems = checked_meta(parse_yaml(rendered, meta_file), data, source_id, meta_file)
    if problems:
        raise TsrError(problems)
    if read_back["published"]["as_given"] != meta["published"]["as_given"] or read_back["notes"] != notes:
        raise TsrError(Problem("render-mismatch", meta_file, "published.as_given",
                               "the metadata file would not keep the given text verbatim; please report this"))
    layout.sources_dir.mkdir(parents=True, exist_ok=True)
    text_path.write_bytes(data)
    try:
        meta_path.write_text(rendered, encoding="utf-8")
    except OSError:
        text_path.unlink(missing_ok=True)  # never leave a text without metadata: the build would stop on it
        raise
    return source_id
