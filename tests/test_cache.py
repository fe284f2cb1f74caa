"""Incremental and parallel coding: each source's extraction and coding is cached by everything it
depends on, an edit re-codes only the edited source, a damaged cache entry is never trusted, and neither
the cache nor worker processes change a single published byte."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from pipelines.build import build_package
from pipelines.coding import cache as cache_module
from pipelines.coding import run
from pipelines.paths import Layout
from pipelines.publish import files as publish

SEED = "003_6dc9c966a4e88e09"
SEED_000 = "000_2c69b4d6582214f2"
NOT_REPRODUCIBLE = {"data/turkey_syria.duckdb"}  # DuckDB files differ between runs; git-ignored


@pytest.fixture()
def calls(monkeypatch) -> list[str]:
    """The source ids code_source is called for, in this process (workers are turned off)."""
    seen: list[str] = []
    real = run.code_source

    def counting(source, *args):
        seen.append(source.source_id)
        return real(source, *args)

    monkeypatch.setattr(run, "code_source", counting)
    monkeypatch.setattr(run, "default_workers", lambda: 1)
    return seen


def entry(root: Path, source_id: str) -> Path:
    return root / cache_module.FOLDER / f"{source_id}.json"


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def source_ids(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "data" / "sources").glob("*.txt"))


def test_edited_coding_file_recodes_only_that_source(inputs_root, calls):
    layout = Layout(inputs_root)
    first = run.code_sources(layout)
    assert calls == source_ids(inputs_root) and first.recoded == calls
    calls.clear()
    assert run.code_sources(layout).recoded == [] and calls == []
    append(inputs_root / "data" / "coding" / f"{SEED}.yaml", "# a coder's note\n")
    again = run.code_sources(layout)
    assert calls == [SEED] and again.recoded == [SEED]
    assert again.cached == len(source_ids(inputs_root)) - 1
    assert [c.facts for c in again.coded] == [c.facts for c in first.coded]


def test_cached_result_equals_a_fresh_one(inputs_root):
    layout = Layout(inputs_root)
    fresh = run.code_sources(layout, cache=False)
    run.code_sources(layout)
    cached = run.code_sources(layout)
    assert cached.recoded == [] and cached.coded == fresh.coded


@pytest.mark.parametrize("damage", ["truncated", "payload edited", "other format", "not json", "empty", "other key"])
def test_a_damaged_cache_entry_is_ignored(inputs_root, calls, damage):
    layout = Layout(inputs_root)
    fresh = run.code_sources(layout, cache=False).coded
    run.code_sources(layout)
    path = entry(inputs_root, SEED)
    data = path.read_bytes()
    header, payload = data.split(b"\n", 1)
    damaged = {
        "truncated": data[: len(data) // 2],
        # Same length, same checksum line: the payload's sha256 no longer matches it.
        "payload edited": header + b"\n" + payload.replace(b"27941", b"27942"),
        "other format": header.replace(cache_module.FORMAT.encode(), b"tsr-coding-cache/0") + b"\n" + payload,
        "not json": b"\x00\xff garbage",
        "empty": b"",
        "other key": header.replace(b'"key": "', b'"key": "0') + b"\n" + payload,
    }[damage]
    assert damaged != data
    path.write_bytes(damaged)
    calls.clear()
    again = run.code_sources(layout)
    assert calls == [SEED] and again.coded == fresh
    assert path.read_bytes() == data  # rewritten with the good result


def test_what_invalidates_an_entry(inputs_root, calls, monkeypatch):
    layout = Layout(inputs_root)
    run.code_sources(layout)
    everything = source_ids(inputs_root)

    calls.clear()  # the actor ids are an input of every source
    append(inputs_root / "data" / "coding" / "actors.yaml",
           "  - {id: benchmark_test_actor, name: Test actor, type: person}\n")
    run.code_sources(layout)
    assert calls == everything

    calls.clear()  # a comment changes nothing the coding reads
    meta = inputs_root / "data" / "sources" / f"{SEED_000}.meta.yaml"
    append(meta, "# a note on the provenance\n")
    run.code_sources(layout)
    assert calls == []

    calls.clear()  # metadata (language, and what the extractor will read from it) is an input of its source
    meta.write_text(meta.read_text(encoding="utf-8").replace("title: Turkey", "title: Türkiye", 1), encoding="utf-8")
    run.code_sources(layout)
    assert calls == [SEED_000]

    calls.clear()  # the code: any change to the extractor, the coding modules or the vocabularies
    monkeypatch.setattr("pipelines.fingerprint.code_digest", lambda roots: "changed code")
    run.code_sources(layout)
    assert calls == everything


def test_code_digest_covers_the_extractor_coding_and_vocabularies():
    from pipelines.fingerprint import REPO_ROOT, code_files

    files = {p.relative_to(REPO_ROOT).as_posix() for p in code_files(run.CODE_ROOTS)}
    for expected in ("pipelines/coding/run.py", "pipelines/coding/apply.py", "pipelines/extract/english.py",
                     "pipelines/extract/turkish.py", "pipelines/sources/registry.py", "pipelines/yamlfile.py",
                     "schemas/vocabularies.py", "schemas/vocabularies.yaml"):
        assert expected in files
    # Publishing, charts and the page do not change a source's coding: editing them keeps the cache.
    assert not any(f.startswith(("pipelines/charts/", "pipelines/site/", "pipelines/publish/")) for f in files)
    assert "pipelines/build.py" not in files


def test_cache_key_refuses_an_argument_it_cannot_digest():
    with pytest.raises(TypeError, match="cannot key the coding cache"):
        run.source_key("code", (object(),))


def test_entries_of_removed_sources_are_pruned(inputs_root):
    layout = Layout(inputs_root)
    run.code_sources(layout)
    assert entry(inputs_root, SEED_000).exists()
    stray = inputs_root / cache_module.FOLDER / ".x.123.tmp"
    stray.write_bytes(b"half")
    for suffix in (".txt", ".meta.yaml"):
        (inputs_root / "data" / "sources" / f"{SEED_000}{suffix}").unlink()
    (inputs_root / "data" / "coding" / f"{SEED_000}.yaml").unlink()
    run.code_sources(layout)
    assert not entry(inputs_root, SEED_000).exists() and not stray.exists()
    assert entry(inputs_root, SEED).exists()


def test_workers_give_the_serial_result_in_order(inputs_root, monkeypatch):
    layout = Layout(inputs_root)
    serial = run.code_sources(layout, cache=False, workers=1)
    monkeypatch.setattr(run, "PARALLEL_FROM", 1)
    parallel = run.code_sources(layout, cache=False, workers=2)
    assert parallel.workers == 2 and serial.workers == 1
    assert [c.source_id for c in parallel.coded] == [c.source_id for c in serial.coded]
    assert parallel.coded == serial.coded


def test_few_sources_stay_in_one_process(inputs_root):
    assert len(source_ids(inputs_root)) < run.PARALLEL_FROM or pytest.skip("the corpus outgrew the threshold")
    assert run.code_sources(Layout(inputs_root), cache=False, workers=2).workers == 1


def digests(root: Path) -> dict[str, str]:
    return {rel: hashlib.sha256((root / rel).read_bytes()).hexdigest()
            for rel in publish.published_paths(root) if rel not in NOT_REPRODUCIBLE}


def test_cached_build_is_byte_identical_to_an_uncached_one(built_root, tmp_path):
    root = tmp_path / "pkg"
    shutil.copytree(built_root, root)
    shutil.rmtree(root / "data" / ".cache", ignore_errors=True)
    cold = build_package(Layout(root), force=True)
    assert "0 taken from the cache" in cold
    uncached = digests(root)
    warm = build_package(Layout(root), force=True)
    assert f"coding: 0 source(s) coded, {len(source_ids(root))} taken from the cache" in warm
    assert digests(root) == uncached
