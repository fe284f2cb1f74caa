"""A benchmark corpus of N sources, derived from the real coded sources of the package.

    python benchmarks/corpus.py DEST N            # DEST/data/sources, DEST/data/coding, DEST/queries

Copy k of a real source is the same report with a distinct first line (no number or date in it), so
its text, sha256 and id are new and every offset shifts; its metadata is the real metadata with the
new id and sha256; its coding is the real coding with every id it defines renamed (`<id>_c<k>`) and
every reference to those ids renamed the same way. The real sources are taken in turn, so the mix of
facts, events, dismissals and languages is the corpus's own.

Nothing about the coding format is written here: the coding is parsed, the ids it defines are found
(the `id` of every list entry), and a key counts as a reference to ids when, across the real codings,
every value it holds is such an id (`part_of`, the inputs of a derivation, …). Vocabulary keys such as
`indicator` hold other values too, so they are never renamed. New keys, columns and vocabularies in
the real files flow through unchanged.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.yamlfile import LINE_KEY, parse_yaml, strip_lines  # noqa: E402

CONSONANTS = "bcdfghjklmnpqrstvwxz"  # no vowels: the tag can never spell a number word or a month
COPIED_DIRS = ("queries",)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class Template:
    source_id: str
    text: bytes
    meta: str  # the metadata file, as text
    coding: dict  # parsed, line keys stripped
    ids: frozenset[str]  # ids the coding defines


def _tag(k: int) -> str:
    letters = []
    while True:
        k, digit = divmod(k, len(CONSONANTS))
        letters.append(CONSONANTS[digit])
        if k == 0:
            return "".join(reversed(letters)).rjust(4, "b")


def header(k: int) -> str:
    """The first line of copy k: distinct for each k, and without any mention."""
    return f"Benchmark copy {_tag(k)}.\n\n"


def _walk(value, key=None):
    """(key, string value) of every string in a parsed coding, with the key of the mapping holding it."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v, key)
    elif isinstance(value, str):
        yield key, value


def defined_ids(coding: dict) -> frozenset[str]:
    return frozenset(str(entry["id"]) for section in coding.values() if isinstance(section, list)
                     for entry in section if isinstance(entry, dict) and entry.get("id") is not None)


def reference_keys(templates: list[Template]) -> frozenset[str]:
    """Keys whose every value, in every real coding, is an id some coding defines."""
    all_ids = frozenset().union(*(t.ids for t in templates))
    seen: dict[str, bool] = {}
    for t in templates:
        for key, value in _walk(t.coding):
            if key is None or key == "source_id":
                continue
            seen[key] = seen.get(key, True) and value in all_ids
    return frozenset(k for k, only_ids in seen.items() if only_ids)


def rename(value, ids: frozenset[str], keys: frozenset[str], suffix: str, key=None):
    if isinstance(value, dict):
        return {k: rename(v, ids, keys, suffix, k) for k, v in value.items()}
    if isinstance(value, list):
        return [rename(v, ids, keys, suffix, key) for v in value]
    if isinstance(value, str) and key in keys and value in ids:
        return value + suffix
    return value


def load_templates(root: Path = ROOT) -> list[Template]:
    """Every real text source that has a coding file, in id order."""
    templates = []
    for text_path in sorted((root / "data" / "sources").glob("*.txt")):
        source_id = text_path.stem
        coding_path = root / "data" / "coding" / f"{source_id}.yaml"
        meta_path = text_path.with_name(f"{source_id}.meta.yaml")
        if not coding_path.exists() or not meta_path.exists():
            continue
        coding = strip_lines(parse_yaml(coding_path.read_text(encoding="utf-8"), str(coding_path)))
        templates.append(Template(source_id, text_path.read_bytes(), meta_path.read_text(encoding="utf-8"),
                                  coding, defined_ids(coding)))
    if not templates:
        raise SystemExit(f"no coded text source under {root / 'data'}")
    return templates


def sequence_number(k: int) -> int:
    """k; but k mod 1000 while the registry still stops at three digits (ids past 999 are issue #13 item 5):
    the hash part keeps the ids distinct."""
    try:
        from pipelines.sources.registry import SOURCE_ID_RE
    except ImportError:
        return k
    return k if SOURCE_ID_RE.match(f"{k:03d}_{'0' * 16}") else k % 1000


def write_copy(dest: Path, k: int, template: Template, keys: frozenset[str], all_ids: frozenset[str]) -> str:
    """Write copy k of `template` under dest; returns its source id (sequence number k)."""
    text = header(k).encode("utf-8") + template.text
    sha = hashlib.sha256(text).hexdigest()
    source_id = f"{sequence_number(k):03d}_{sha[:16]}"
    old_sha = hashlib.sha256(template.text).hexdigest()
    # The id as a YAML value is quoted: unquoted, an id like 727_4012146863448127 reads as an integer.
    meta = re.sub(rf"(:[ \t]*){re.escape(template.source_id)}([ \t]*(#.*)?)$", rf'\g<1>"{source_id}"\g<2>',
                  template.meta, flags=re.MULTILINE)
    meta = meta.replace(template.source_id, source_id).replace(old_sha, sha)
    coding = rename(template.coding, all_ids, keys, f"_c{k}")
    coding = {key: (source_id if key == "source_id" else value) for key, value in coding.items()}
    assert LINE_KEY not in str(coding.keys())
    (dest / "data" / "sources" / f"{source_id}.txt").write_bytes(text)
    (dest / "data" / "sources" / f"{source_id}.meta.yaml").write_text(meta, encoding="utf-8")
    (dest / "data" / "coding" / f"{source_id}.yaml").write_text(
        yaml.dump(coding, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    return source_id


def generate(dest: Path, n: int, start: int = 0, root: Path = ROOT) -> list[str]:
    """Sources start .. start+n-1 of the benchmark corpus under dest (inputs only); their ids.

    Copy k is always made from the same template, so `generate(dest, 1, start=n)` adds source n to a
    corpus of n sources.
    """
    templates = load_templates(root)
    keys = reference_keys(templates)
    all_ids = frozenset().union(*(t.ids for t in templates))
    for rel in ("data/sources", "data/coding"):
        (dest / rel).mkdir(parents=True, exist_ok=True)
    for rel in COPIED_DIRS:
        if not (dest / rel).exists():
            shutil.copytree(root / rel, dest / rel)
    for other in sorted((root / "data" / "coding").glob("*.yaml")):
        # Registries shared by every source (actors.yaml): copied as they are.
        if not (root / "data" / "sources" / f"{other.stem}.txt").exists():
            shutil.copy2(other, dest / "data" / "coding" / other.name)
    return [write_copy(dest, k, templates[k % len(templates)], keys, all_ids) for k in range(start, start + n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--start", type=int, default=0, help="number of the first source (to add sources)")
    args = parser.parse_args()
    ids = generate(args.dest, args.n, args.start)
    print(f"{len(ids)} sources written under {args.dest}")


if __name__ == "__main__":
    main()
