"""`tsr add-source`: a new report is vendored byte for byte with metadata the build accepts."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines.sources.add import add_source
from pipelines.cli import cli
from pipelines.errors import TsrError
from pipelines.paths import REPO_ROOT, Layout
from pipelines.sources.meta_schema import SourceMeta
from pipelines.sources.registry import SOURCE_ID_RE, read_sources, sha256_hex, source_row
from schemas.fields import source_sequence
from pipelines.yamlfile import read_yaml

FIXTURES = Path(__file__).parent / "fixtures" / "new_sources"
REPORT_EN = FIXTURES / "report_en.txt"
REPORT_TR = FIXTURES / "report_tr.txt"


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    """A package root holding only the seed sources: enough for registration, fast."""
    shutil.copytree(REPO_ROOT / "data" / "sources", tmp_path / "data" / "sources")
    return Layout(tmp_path)


def seed_ids() -> list[str]:
    return sorted(p.stem for p in (REPO_ROOT / "data" / "sources").glob("*.txt"))


def next_seq() -> int:
    return max(int(i.split("_")[0]) for i in seed_ids()) + 1


def test_copies_bytes_unchanged_and_names_the_source_by_its_hash(layout: Layout):
    source_id = add_source(layout, REPORT_TR, title="Suriyelilerin ülkelerine dönüşü sürüyor",
                           published="2025-02-03", language="tr")
    data = REPORT_TR.read_bytes()
    assert SOURCE_ID_RE.match(source_id)
    assert source_id == f"{next_seq():03d}_{sha256_hex(data)[:16]}"
    assert (layout.sources_dir / f"{source_id}.txt").read_bytes() == data


def test_metadata_has_the_format_of_the_hand_written_files(layout: Layout):
    source_id = add_source(layout, REPORT_EN, title="Exclusive: returns gather pace", publisher="Example News",
                           url="https://example.org/a?b=1", published="2025-02-03", basis="Dated byline.")
    meta_path = layout.sources_dir / f"{source_id}.meta.yaml"
    meta = read_yaml(meta_path, "meta")
    seed_meta = read_yaml(next(layout.sources_dir.glob(f"{seed_ids()[0]}.meta.yaml")), "seed")
    assert set(seed_meta) <= set(meta)
    assert set(meta) - {"__line__"} == set(SourceMeta.model_fields)  # every key, so an editor sees what can be filled
    assert meta["id"] == source_id
    assert (meta["kind"], meta["text_scope"]) == ("text", "full_text")
    assert meta["title"] == "Exclusive: returns gather pace"
    assert meta["title_is_descriptive"] is False
    assert meta["publisher"] == "Example News" and meta["url"] == "https://example.org/a?b=1"
    assert meta["language"] == "en"
    assert meta["sha256"] == sha256_hex(REPORT_EN.read_bytes())
    assert (meta["retrieved_on"], meta["topic"], meta["notes"], meta["flags"], meta["slug"]) == (None, None, None, [], None)
    published = {k: v for k, v in meta["published"].items() if k != "__line__"}
    assert published == {"earliest": "2025-02-03", "latest": "2025-02-03", "precision": "day", "inferred": False,
                         "as_given": "2025-02-03", "basis": "Dated byline."}
    assert meta_path.read_text(encoding="utf-8").startswith(f"# Provenance of {source_id}.txt")


def test_published_takes_every_corpus_form(layout: Layout):
    source_id = add_source(layout, REPORT_EN, title="Returns", published="~2025-04 (inferred)", basis="News cycle.",
                           text_scope="excerpt", retrieved_on="2026-11-28", flags=["agency_copy"])
    row = next(source_row(s) for s in read_sources(layout) if s.source_id == source_id)
    assert (row["published_earliest"], row["published_latest"], row["published_precision"], row["published_inferred"]) == \
        ("2025-04-01", "2025-04-30", "month", True)
    assert (row["published_basis"], row["published_as_given"]) == ("News cycle.; inferred", "~2025-04 (inferred)")
    assert (row["text_scope"], row["retrieved_on"], row["flags"]) == ("excerpt", "2026-11-28", "agency_copy")


def test_the_build_accepts_the_new_source(layout: Layout):
    source_id = add_source(layout, REPORT_TR, title="Dönüş", language="tr",
                           published_between=("2025-02-01", "2025-02-28"))
    sources = {s.source_id: s for s in read_sources(layout)}
    assert set(sources) == set(seed_ids()) | {source_id}
    new = sources[source_id]
    assert new.text == REPORT_TR.read_text(encoding="utf-8")
    assert new.meta["published"]["precision"] == "range"
    assert (new.meta["published"]["earliest"], new.meta["published"]["latest"]) == ("2025-02-01", "2025-02-28")


def test_without_a_date_the_range_is_open_and_says_so(layout: Layout):
    source_id = add_source(layout, REPORT_EN, title="Returns")
    published = next(s for s in read_sources(layout) if s.source_id == source_id).meta["published"]
    assert published["earliest"] is None and published["latest"] is None
    assert published["precision"] == "range"
    assert "No publication date" in published["basis"]


def test_sequence_numbers_increase(layout: Layout):
    first = add_source(layout, REPORT_EN, title="One")
    second = add_source(layout, REPORT_TR, title="Two", language="tr")
    assert source_sequence(second) == source_sequence(first) + 1


def test_ids_grow_past_999_and_sort_by_number(layout: Layout, tmp_path: Path):
    last_three_digit = add_source(layout, REPORT_EN, title="One", sequence=999)
    after = tmp_path / "after.txt"
    after.write_text("Another report.", encoding="utf-8")
    first_four_digit = add_source(layout, after, title="Two")
    assert last_three_digit.startswith("999_") and first_four_digit.startswith("1000_")
    assert SOURCE_ID_RE.match(first_four_digit)
    assert [s.source_id for s in read_sources(layout)][-2:] == [last_three_digit, first_four_digit]
    big = tmp_path / "big.txt"
    big.write_text("A third report.", encoding="utf-8")
    assert add_source(layout, big, title="Three", sequence=123456).startswith("123456_")


@pytest.mark.parametrize("source_id", ["004_1a2b3c4d5e6f7a8b", "999_1a2b3c4d5e6f7a8b", "1000_1a2b3c4d5e6f7a8b",
                                       "123456_1a2b3c4d5e6f7a8b"])
def test_valid_ids(source_id: str):
    assert SOURCE_ID_RE.match(source_id)


@pytest.mark.parametrize("source_id", ["04_1a2b3c4d5e6f7a8b", "0004_1a2b3c4d5e6f7a8b", "01000_1a2b3c4d5e6f7a8b",
                                       "004_1a2b3c4d5e6f7a8", "004_1A2B3C4D5E6F7A8B", "x004_1a2b3c4d5e6f7a8b"])
def test_invalid_ids(source_id: str):
    """Each sequence number has one spelling: three digits, or more without a leading zero."""
    assert not SOURCE_ID_RE.match(source_id)


def test_refuses_a_sequence_in_use_and_a_negative_one(layout: Layout):
    error = assert_refused(layout, "sequence-in-use", REPORT_EN, sequence=3)
    assert next(i for i in seed_ids() if i.startswith("003_")) in str(error)  # the source holding sequence 3
    assert_refused(layout, "bad-sequence", REPORT_EN, sequence=-1)


def assert_refused(layout: Layout, code: str, file: Path, **options) -> TsrError:
    before = sorted(p.name for p in layout.sources_dir.iterdir())
    with pytest.raises(TsrError) as caught:
        add_source(layout, file, **{"title": "Anything", **options})
    assert code in caught.value.codes
    assert sorted(p.name for p in layout.sources_dir.iterdir()) == before, "a refused source must write nothing"
    return caught.value


def test_refuses_a_duplicate_and_names_the_existing_source(layout: Layout, tmp_path: Path):
    source_id = add_source(layout, REPORT_EN, title="Returns")
    copy = tmp_path / "same-bytes-other-name.txt"
    copy.write_bytes(REPORT_EN.read_bytes())
    error = assert_refused(layout, "duplicate-source", copy)
    assert source_id in str(error)


def test_refuses_a_seed_source_registered_again(layout: Layout):
    seed = seed_ids()[0]
    error = assert_refused(layout, "duplicate-source", layout.sources_dir / f"{seed}.txt")
    assert seed in str(error)


def test_refuses_non_utf8(layout: Layout, tmp_path: Path):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Göç İdaresi: 52.622 kişi".encode("iso-8859-9"))
    assert_refused(layout, "not-utf8", latin1)


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_refuses_empty(layout: Layout, tmp_path: Path, content: bytes):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    assert_refused(layout, "empty-source", empty)


def test_refuses_an_impossible_date_and_reversed_bounds(layout: Layout):
    assert_refused(layout, "bad-date", REPORT_EN, published="2025-02-30")
    assert_refused(layout, "end-before-start", REPORT_EN, published_between=("2025-03-01", "2025-02-01"))


def test_refuses_an_unknown_language(layout: Layout):
    assert_refused(layout, "bad-language", REPORT_EN, language="de")


def test_accepts_arabic(layout: Layout):
    source_id = add_source(layout, REPORT_EN, title="عودة السوريين", language="ar")
    assert next(s for s in read_sources(layout) if s.source_id == source_id).meta["language"] == "ar"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "example.org/x", "https://", "http://a b"])
def test_refuses_a_url_that_is_not_http(layout: Layout, url: str):
    assert_refused(layout, "bad-url", REPORT_EN, url=url)


def test_refuses_an_unknown_flag_and_scope(layout: Layout):
    assert_refused(layout, "bad-flag", REPORT_EN, flags=["dubious"])
    assert_refused(layout, "bad-text-scope", REPORT_EN, text_scope="summary")
    assert_refused(layout, "missing-text-scope", REPORT_EN, text_scope=None)


def test_cli_prints_the_new_id(layout: Layout):
    result = CliRunner().invoke(cli, ["add-source", str(REPORT_TR), "--root", str(layout.root), "--title", "Dönüş",
                                      "--published", "2025-02-03", "--language", "tr"])
    assert result.exit_code == 0, result.output
    source_id = result.stdout.strip()
    assert SOURCE_ID_RE.match(source_id)
    assert (layout.sources_dir / f"{source_id}.meta.yaml").exists()


def test_cli_reports_problems_and_exits_non_zero(layout: Layout):
    runner = CliRunner()
    args = ["add-source", str(REPORT_EN), "--root", str(layout.root), "--title", "Returns"]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0
    again = runner.invoke(cli, args)
    assert again.exit_code == 1
    assert f"[duplicate-source] {REPORT_EN}: {first.stdout.strip()}:" in again.stderr
