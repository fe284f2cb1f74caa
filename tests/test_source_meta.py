"""Source metadata against its declared schema: each bad metadata file stops the build with a stable
code naming the file, the key and its YAML line, and nothing is published."""
from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from pipelines.build import build_package
from pipelines.errors import TsrError
from pipelines.paths import Layout
from pipelines.publish import files as publish

SEED = "000_2c69b4d6582214f2"
META = f"data/sources/{SEED}.meta.yaml"


@pytest.fixture()
def published(built_root, tmp_path) -> Path:
    root = tmp_path / "pkg"
    shutil.copytree(built_root, root)
    return root


def snapshot(root: Path) -> dict[str, str]:
    return {rel: hashlib.sha256((root / rel).read_bytes()).hexdigest() for rel in publish.published_paths(root)}


def edit(root: Path, old: str, new: str) -> None:
    path = root / META
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {META}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, start: str) -> int:
    lines = (root / META).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


def fails(root: Path, code: str, key: str) -> TsrError:
    before = snapshot(root)
    with pytest.raises(TsrError) as caught:
        build_package(Layout(root), force=True)
    problems = [p for p in caught.value.problems if p.code == code]
    assert problems, [str(p) for p in caught.value.problems]
    assert any(p.file == META and re.search(key, p.key) for p in problems), [str(p) for p in problems]
    assert snapshot(root) == before, "a failed build changed published files"
    assert not list(root.glob(".staging-*"))
    return caught.value


# (old text, new text, code, key pattern; {line} is the line of the key after the edit)
CASES = {
    "unknown key": ("language: en\n", "language: en\ncolour: red\n", "unknown-key", r"^colour \(line {line}\)", "colour"),
    "wrong type, list": ("language: en\n", "language: [en, tr]\n", "wrong-type", r"^language \(line {line}\)", "language"),
    "wrong type, mapping": ("publisher: null", "publisher: {text: Gates}", "wrong-type", r"^publisher \(line {line}\)", "publisher"),
    "wrong type, bool": ("title_is_descriptive: true", "title_is_descriptive: yes please", "wrong-type", r"^title_is_descriptive", "title_is"),
    "impossible day": ("earliest: 2025-03-13", "earliest: 2025-02-30", "bad-date", r"^published\.earliest \(line {line}\)", "  earliest"),
    "not a date": ("earliest: 2025-03-13", "earliest: 13 March 2025", "bad-date", r"^published\.earliest", "  earliest"),
    "javascript url": ("url: null", "url: 'javascript:alert(1)'", "bad-url", r"^url \(line {line}\)", "url"),
    "unknown language": ("language: en", "language: de", "bad-language", r"^language", "language"),
    "missing scope": ("text_scope: full_text", "text_scope: null", "missing-text-scope", r"^text_scope", "text_scope"),
    "unknown scope": ("text_scope: full_text", "text_scope: summary", "bad-text-scope", r"^text_scope", "text_scope"),
    "dataset with scope": ("kind: text", "kind: dataset", "bad-text-scope", r"^text_scope", "text_scope"),
    "unknown kind": ("kind: text", "kind: video", "bad-kind", r"^kind", "kind"),
    "unknown flag": ("language: en\n", "language: en\nflags: [weak_aggregator, dubious]\n", "bad-flag", r"^flags\.1", "flags"),
    "flag twice": ("language: en\n", "language: en\nflags: [agency_copy, agency_copy]\n", "bad-flag", r"^flags", "flags"),
    "bad slug": ("language: en\n", "language: en\nslug: ../../etc\n", "bad-slug", r"^slug", "slug"),
    "missing key": ("language: en\n", "", "missing-key", r"^language", None),
    "missing basis": ("  basis: >-\n", "  notes: >-\n", "unknown-key", r"^published\.notes", "  notes"),
    "empty basis": ("  basis: >-\n", "  basis: ''\n  old: >-\n", "missing-basis", r"^published\.basis", "  basis"),
    "reversed bounds": ("  latest: null", "  latest: 2025-03-01", "end-before-start", r"^published", "published"),
    "day with two days": ("  latest: null\n  precision: range", "  latest: 2025-03-14\n  precision: day", "precision-mismatch",
                          r"^published", "published"),
    "as_given sharpened": ("  inferred: true", "  inferred: true\n  as_given: ~2025-03 (inferred)", "published-mismatch",
                           r"^published", "published"),
    "as_given unreadable": ("  inferred: true", "  inferred: true\n  as_given: mid-March", "unreadable-published",
                            r"^published\.as_given", "  as_given"),
    "retrieved before published": ("language: en\n", "language: en\nretrieved_on: 2025-01-01\n", "retrieved-before-published",
                                   r"^retrieved_on \(line {line}\)", "retrieved_on"),
    "control character": ("title: Turkey confirms", 'title: "\\aTurkey"\nold_title: Turkey confirms', "control-character", r"^title", "title"),
    "four-digit id with a leading zero": (f"id: {SEED}", f"id: 0{SEED}", "bad-source-id", r"^id", "id"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_metadata_stops_the_build(published: Path, case: str):
    old, new, code, key, key_line = CASES[case]
    edit(published, old, new)
    line = line_of(published, key_line) if key_line else 0
    fails(published, code, key.format(line=line))


def test_yaml_duplicate_key_names_both_lines(published: Path):
    edit(published, "language: en\n", "language: en\ntopic: returns\nlanguage: tr\n")
    first, second = line_of(published, "language: en"), line_of(published, "language: tr")
    error = fails(published, "duplicate-key", rf"^line {second}$")
    assert f"line {first} and line {second}" in str(error)


def test_yaml_alias_is_refused(published: Path):
    edit(published, "language: en\n", "language: &lang en\ntopic: *lang\n")
    fails(published, "yaml-alias", rf"^line {line_of(published, 'topic')}$")


def test_yaml_deep_nesting_is_refused(published: Path):
    edit(published, "language: en\n", "language: en\ntopic: " + "[" * 20_000 + "\n")
    fails(published, "yaml-too-deep", r"^line \d+$")
