"""Read a corpus report's metadata file (`NN_slug.meta.json`) as the corpus writes it.

The corpus (`../shared/corpus/docs/`) gives each report's url, publisher, language, title, publication
date as written (`published`) with its basis, topic, retrieval day, text scope (a sentence beginning
"excerpt: …") and notes. `corpus_source_options` turns that into the options of `add_source`, so that
registering a report is one command with nothing retyped. Unknown keys, wrong types, duplicate keys and
malformed JSON are refused, naming the file and the key.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from pipelines.errors import Problem, TsrError

META_SUFFIX = ".meta.json"
MAX_BYTES = 1_000_000  # a report's metadata is a few hundred bytes
# Titles the corpus wrote itself carry a marker: "[descriptive]", "(descriptive, from URL)", "(from URL slug)".
_DESCRIPTIVE_TITLE = re.compile(r"[\[(](?:descriptive\b|from URL\b)[^\])]*[\])]\s*$", re.IGNORECASE)
_LINE_SUFFIX = re.compile(r" \(line [^)]*\)$")
_SCOPES = {"excerpt": "excerpt", "full_text": "full_text", "full text": "full_text"}


class CorpusMeta(BaseModel):
    """The keys of a corpus `.meta.json`, as text. Their values are checked by the source schema later."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    url: str | None = None
    publisher: str | None = None
    language: str
    title: str
    published: str
    published_basis: str | None = None
    topic: str | None = None
    retrieved_on: str | None = None
    text_scope: str
    notes: str | None = None


def text_for(meta_path: Path) -> Path:
    """The report text next to its metadata: NN_slug.meta.json → NN_slug.txt."""
    return meta_path.with_name(meta_path.name.removesuffix(META_SUFFIX) + ".txt")


def _no_duplicates(file: str):
    def hook(pairs: list[tuple[str, object]]) -> dict:
        seen: dict = {}
        for key, value in pairs:
            if key in seen:
                raise TsrError(Problem("duplicate-key", file, key, f"key {key!r} is given twice in one object"))
            seen[key] = value
        return seen
    return hook


def read_corpus_meta(path: Path) -> CorpusMeta:
    file = str(path)
    if not path.name.endswith(META_SUFFIX):
        raise TsrError(Problem("bad-meta-name", file, "", f"a corpus metadata file is named NN_slug{META_SUFFIX}"))
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise TsrError(Problem("meta-too-large", file, "", f"{len(data):,} bytes; a metadata file is at most {MAX_BYTES:,}"))
    try:
        raw = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates(file))
    except UnicodeDecodeError as exc:
        raise TsrError(Problem("not-utf8", file, f"byte {exc.start}", "file is not UTF-8")) from None
    except json.JSONDecodeError as exc:
        raise TsrError(Problem("malformed-json", file, f"line {exc.lineno}", f"not valid JSON: {exc.msg}")) from None
    except RecursionError:
        raise TsrError(Problem("json-too-deep", file, "", "nesting too deep for a metadata file")) from None
    if not isinstance(raw, dict):
        raise TsrError(Problem("bad-metadata", file, "", "metadata must be a JSON object"))
    try:
        return CorpusMeta.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            key = ".".join(str(p) for p in error["loc"])
            if error["type"] == "missing":
                problems.append(Problem("missing-key", file, key, "required key is missing"))
            elif error["type"] == "extra_forbidden":
                problems.append(Problem("unknown-key", file, key, f"unknown key; allowed: {', '.join(CorpusMeta.model_fields)}"))
            else:
                problems.append(Problem("wrong-type", file, key, f"{error['msg']} (got {type(error.get('input')).__name__})"))
        raise TsrError(problems) from None


def _blank_to_none(value: str | None) -> str | None:
    return None if value is None or not value.strip() else value


def text_scope(value: str, file: str) -> str:
    """'excerpt: the figure-bearing sentences …' → excerpt; 'full_text' → full_text."""
    head = value.split(":", 1)[0].strip().lower()
    if head not in _SCOPES:
        raise TsrError(Problem("bad-text-scope", file, "text_scope",
                               f"{value[:60]!r} does not begin with 'excerpt' or 'full_text'"))
    return _SCOPES[head]


def corpus_source_options(path: Path) -> dict:
    """The keyword options of `add_source` for the report described by `path`."""
    meta = read_corpus_meta(path)
    file = str(path)
    return {
        "title": meta.title,
        "title_is_descriptive": bool(_DESCRIPTIVE_TITLE.search(meta.title)),
        "publisher": _blank_to_none(meta.publisher),
        "url": _blank_to_none(meta.url),
        "language": meta.language,
        "published": meta.published,
        "basis": _blank_to_none(meta.published_basis),
        "text_scope": text_scope(meta.text_scope, file),
        "retrieved_on": _blank_to_none(meta.retrieved_on),
        "topic": _blank_to_none(meta.topic),
        "notes": _blank_to_none(meta.notes),
        "slug": path.name.removesuffix(META_SUFFIX),
    }


def add_corpus_source(layout, meta_path: Path, file: Path | None = None, *, sequence: int | None = None,
                      flags=()) -> str:
    """Register the corpus report `meta_path` describes (its text is `file`, by default the .txt beside it)."""
    from pipelines.sources.add import add_source

    from pipelines.sources.published import parse_published

    origin = str(meta_path)
    options = corpus_source_options(Path(meta_path))
    parse_published(options["published"], options["basis"], file=origin)  # its errors name the corpus file
    file = Path(file) if file is not None else text_for(Path(meta_path))
    if not file.is_file():
        raise TsrError(Problem("missing-file", str(file), "", f"no report text beside {meta_path}; give FILE"))
    try:
        return add_source(layout, file, **options, sequence=sequence, flags=flags)
    except TsrError as exc:
        # A value the source schema refuses came from the corpus file: name that file and its key.
        raise TsrError([Problem(p.code, origin, _LINE_SUFFIX.sub("", p.key), p.message) if p.file.endswith(".meta.yaml") else p
                        for p in exc.problems]) from None
