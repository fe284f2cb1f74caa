"""`tsr add-source --meta NN_slug.meta.json`: a corpus report goes in by one command, its metadata read
as the corpus writes it, with a stable id chosen by `--sequence`."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.cli import cli
from pipelines.errors import TsrError
from pipelines.paths import REPO_ROOT, Layout
from conftest import is_seed
from pipelines.sources.corpus_meta import add_corpus_source
from pipelines.sources.registry import read_sources, sha256_hex, source_row
from pipelines.yamlfile import read_yaml

FIXTURES = Path(__file__).parent / "fixtures" / "corpus_meta"
REPORT = Path(__file__).parent / "fixtures" / "new_sources" / "report_en.txt"
# The corpus sits beside the repository (../shared/corpus) on the project's machines; elsewhere the test skips.
CORPUS = next((p / "shared" / "corpus" / "docs" for p in REPO_ROOT.parents if (p / "shared" / "corpus" / "docs").is_dir()),
              REPO_ROOT / "no-corpus")


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    # The seed sources only: the corpus reports already registered would hold the sequences imported here.
    shutil.copytree(REPO_ROOT / "data" / "sources", tmp_path / "pkg" / "data" / "sources",
                    ignore=lambda _dir, names: [n for n in names if not is_seed(n)])
    return Layout(tmp_path / "pkg")


def corpus_pair(tmp_path: Path, number: int, text: str | None = None, **changes) -> Path:
    """A copy of fixture NN's metadata (edited by `changes`; None deletes a key) with a text beside it."""
    source = next(FIXTURES.glob(f"{number:02d}_*.meta.json"))
    meta = json.loads(source.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    meta_path = folder / source.name
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    text_path = meta_path.with_name(source.name.removesuffix(".meta.json") + ".txt")
    text_path.write_text(text or f"Report {number}: {REPORT.read_text(encoding='utf-8')}", encoding="utf-8")
    return meta_path


def row_of(layout: Layout, source_id: str) -> dict:
    return next(source_row(s) for s in read_sources(layout) if s.source_id == source_id)


def test_the_corpus_metadata_is_read_as_is(layout: Layout, tmp_path: Path):
    meta_path = corpus_pair(tmp_path, 21)
    source_id = add_corpus_source(layout, meta_path, sequence=121)
    data = meta_path.with_suffix("").with_suffix(".txt").read_bytes()
    assert source_id == f"121_{sha256_hex(data)[:16]}"
    assert (layout.sources_dir / f"{source_id}.txt").read_bytes() == data  # vendored byte for byte
    row = row_of(layout, source_id)
    assert row | {"sha256": None, "bytes": None, "characters": None} == {
        "source_id": source_id, "kind": "text", "text_scope": "excerpt",
        "title": "Suriyelilere TC kimliği 100 kat azaldı [descriptive, from URL]", "publisher": "Sözcü", "language": "tr",
        "url": "https://www.sozcu.com.tr/suriyelilere-tc-kimligi-100-kat-azaldi-p280745", "retrieved_on": "2026-11-28",
        "path": f"data/sources/{source_id}.txt", "sha256": None, "bytes": None, "characters": None,
        "published_earliest": "2026-01-03", "published_latest": "2026-01-03", "published_precision": "day",
        "published_inferred": False, "published_basis": "date line in excerpt", "published_as_given": "2026-01-03",
        "topic": "returns / temporary protection", "flags": None,
        "notes": "557,702 is LOWER than the 578,000 of 8 Dec 2025 (doc 20): it is probably from an earlier "
                 "parliamentary answer; date of the underlying data unknown.",
        "licence": None, "release": None, "origin": None, "slug": "21_sozcu_557702_citizenship"}
    meta = read_yaml(layout.sources_dir / f"{source_id}.meta.yaml", "meta")
    assert meta["title_is_descriptive"] is True  # the corpus marks the title "[descriptive, from URL]"


@pytest.mark.parametrize(("number", "expected"), [
    (10, ("2025-06-01", "2025-07-31", "range", False)),
    (11, ("2025-06-06", "2025-06-14", "range", True)),
    (19, ("2025-11-01", "2025-11-01", "day", False)),
    (24, ("2026-02-02", "2026-02-02", "day", True)),
    (26, ("2025-12-19", "2025-12-22", "range", True)),
    (27, ("2025-03-01", "2025-03-31", "month", True)),
    (28, ("2011-12-01", "2011-12-31", "month", False)),
    (29, ("2021-01-01", "2021-12-31", "year", False)),
    (37, ("2025-05-22", "2025-05-22", "day", True)),
    (51, ("2025-08-06", "2025-08-07", "range", False)),
    (66, ("2024-12-30", "2024-12-31", "range", True)),
])
def test_each_date_form_is_published_with_its_bounds(layout: Layout, tmp_path: Path, number: int, expected):
    meta_path = corpus_pair(tmp_path, number)
    given = json.loads(meta_path.read_text(encoding="utf-8"))
    source_id = add_corpus_source(layout, meta_path, sequence=100 + number)
    row = row_of(layout, source_id)
    assert (row["published_earliest"], row["published_latest"], row["published_precision"], row["published_inferred"]) == expected
    assert row["published_as_given"] == given["published"]
    assert row["published_basis"].startswith(" ".join(given["published_basis"].split()))
    assert row["language"] == given["language"]  # 28 and 66 are Arabic


def test_file_defaults_to_the_text_beside_the_metadata_and_can_be_given(layout: Layout, tmp_path: Path):
    meta_path = corpus_pair(tmp_path, 10)
    other = tmp_path / "elsewhere.txt"
    other.write_text("UNHCR operational update, June 2025.", encoding="utf-8")
    source_id = add_corpus_source(layout, meta_path, other)
    assert (layout.sources_dir / f"{source_id}.txt").read_bytes() == other.read_bytes()


def test_flags_are_recorded(layout: Layout, tmp_path: Path):
    source_id = add_corpus_source(layout, corpus_pair(tmp_path, 66), sequence=166, flags=("weak_aggregator",))
    assert row_of(layout, source_id)["flags"] == "weak_aggregator"


def test_ids_stay_stable_whatever_the_import_order(layout: Layout, tmp_path: Path):
    late = add_corpus_source(layout, corpus_pair(tmp_path, 66), sequence=166)
    early = add_corpus_source(layout, corpus_pair(tmp_path, 10), sequence=110)
    assert (late[:4], early[:4]) == ("166_", "110_")
    assert [s.source_id for s in read_sources(layout)][-2:] == [early, late]  # listed by sequence number


def assert_refused(layout: Layout, code: str, meta_path: Path, key: str = "", **options) -> TsrError:
    before = sorted(p.name for p in layout.sources_dir.iterdir())
    with pytest.raises(TsrError) as caught:
        add_corpus_source(layout, meta_path, **options)
    problems = [p for p in caught.value.problems if p.code == code]
    assert problems, [str(p) for p in caught.value.problems]
    assert any(key in p.key for p in problems), [str(p) for p in problems]
    assert sorted(p.name for p in layout.sources_dir.iterdir()) == before, "a refused source must write nothing"
    return caught.value


def test_refuses_a_sequence_number_in_use(layout: Layout, tmp_path: Path):
    first = add_corpus_source(layout, corpus_pair(tmp_path, 10), sequence=110)
    error = assert_refused(layout, "sequence-in-use", corpus_pair(tmp_path, 11), "sequence", sequence=110)
    assert first in str(error)
    assert_refused(layout, "sequence-in-use", corpus_pair(tmp_path, 11), "sequence", sequence=3)  # a seed's


def test_an_unreadable_date_names_the_corpus_file_and_the_string(layout: Layout, tmp_path: Path):
    meta_path = corpus_pair(tmp_path, 21, published="early January 2026")
    error = assert_refused(layout, "unreadable-published", meta_path, "published")
    assert error.problems[0].file == str(meta_path) and "'early January 2026'" in str(error)
    assert_refused(layout, "bad-date", corpus_pair(tmp_path, 21, published="2025-02-30"), "published")


@pytest.mark.parametrize(("changes", "code", "key"), [
    ({"colour": "red"}, "unknown-key", "colour"),
    ({"title": None}, "missing-key", "title"),
    ({"title": ["a", "b"]}, "wrong-type", "title"),
    ({"notes": {"text": "x"}}, "wrong-type", "notes"),
    ({"url": "javascript:alert(1)"}, "bad-url", "url"),
    ({"url": "ftp://example.org/x"}, "bad-url", "url"),
    ({"language": "de"}, "bad-language", "language"),
    ({"text_scope": "summary: a paraphrase"}, "bad-text-scope", "text_scope"),
    ({"retrieved_on": "2026-11-31"}, "bad-date", "retrieved_on"),
    ({"retrieved_on": "2025-12-01"}, "retrieved-before-published", "retrieved_on"),
    ({"title": "Bell\u0007"}, "control-character", "title"),
])
def test_refuses_bad_corpus_metadata(layout: Layout, tmp_path: Path, changes, code, key):
    error = assert_refused(layout, code, corpus_pair(tmp_path, 21, **changes), key)
    assert all(p.file.endswith("21_sozcu_557702_citizenship.meta.json") for p in error.problems if p.code == code)


def test_refuses_malformed_and_duplicate_keyed_json(layout: Layout, tmp_path: Path):
    meta_path = corpus_pair(tmp_path, 21)
    text = meta_path.read_text(encoding="utf-8")
    meta_path.write_text(text.replace('"topic"', '"title": "Twice",\n  "topic"'), encoding="utf-8")
    assert_refused(layout, "duplicate-key", meta_path, "title")
    meta_path.write_text(text.replace('"topic"', '"topic" "x",'), encoding="utf-8")
    assert_refused(layout, "malformed-json", meta_path, "line ")
    meta_path.write_text("[" * 100_000, encoding="utf-8")
    assert_refused(layout, "json-too-deep", meta_path)


def test_refuses_a_missing_text(layout: Layout, tmp_path: Path):
    meta_path = corpus_pair(tmp_path, 21)
    meta_path.with_name("21_sozcu_557702_citizenship.txt").unlink()
    assert_refused(layout, "missing-file", meta_path)


def test_cli_registers_and_refuses_describing_options(layout: Layout, tmp_path: Path):
    runner = CliRunner()
    meta_path = corpus_pair(tmp_path, 28)
    result = runner.invoke(cli, ["add-source", "--root", str(layout.root), "--meta", str(meta_path), "--sequence", "128"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("128_")
    again = runner.invoke(cli, ["add-source", "--root", str(layout.root), "--meta", str(corpus_pair(tmp_path, 29)),
                                "--title", "Other"])
    assert again.exit_code == 2 and "--title: with --meta the metadata file describes the document" in again.output
    used = runner.invoke(cli, ["add-source", "--root", str(layout.root), "--meta", str(corpus_pair(tmp_path, 29)),
                               "--sequence", "128"])
    assert used.exit_code == 1 and "[sequence-in-use]" in used.stderr


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not on this machine")
def test_every_corpus_report_registers(tmp_path: Path):
    """The loop of docs/adding-a-source.md, in-process: all 61 reports, each with sequence 1NN."""
    layout = Layout(tmp_path / "pkg")
    layout.sources_dir.mkdir(parents=True)
    metas = sorted(CORPUS.glob("*.meta.json"))
    ids = [add_corpus_source(layout, m, sequence=100 + int(m.name.split("_")[0])) for m in metas]
    sources = read_sources(layout)
    assert [s.source_id for s in sources] == ids
    for meta_path, source in zip(metas, sources):
        assert (layout.sources_dir / f"{source.source_id}.txt").read_bytes() == meta_path.with_name(
            meta_path.name.removesuffix(".meta.json") + ".txt").read_bytes()
        assert source.meta["published"]["as_given"] == json.loads(meta_path.read_text(encoding="utf-8"))["published"]
        assert source.meta["text_scope"] == "excerpt"
