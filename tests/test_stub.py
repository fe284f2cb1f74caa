"""`tsr stub`: a coding file with one todo per mention, which the build refuses until it is coded."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipelines.sources.add import add_source
from pipelines.cli import cli
from pipelines.coding.apply import DISMISS_KEYS, EVENT_KEYS, FACT_KEYS, apply_coding
from pipelines.errors import TsrError
from pipelines.extract.mention import Mention
from pipelines.paths import REPO_ROOT, Layout
from pipelines.sources.registry import Source, read_sources
from pipelines.coding.stub import _keywords, stub_document, suggest_category, write_stub
from pipelines.yamlfile import parse_yaml, strip_lines
from schemas.vocabularies import terms

FIXTURES = Path(__file__).parent / "fixtures" / "new_sources"
TODO_KEYS = ["status", "text", "kind", "value", "unit", "qualifier", "approx", "lower", "upper", "date",
             "date_end", "date_precision", "date_inferred", "start", "end", "quote", "suggested_category", "proposed"]


def make_source(text: str, lang: str = "en", source_id: str = "999_0123456789abcdef") -> Source:
    meta = {"id": source_id, "title": "A test report", "language": lang,
            "published": {"earliest": "2025-02-03", "latest": None, "precision": "range", "basis": "test"}}
    data = text.encode("utf-8")
    return Source(source_id, text, f"data/sources/{source_id}.txt", "0" * 64, len(data), meta)


def mention(text: str, needle: str, kind: str, nth: int = 1, **fields) -> Mention:
    start = [m.start() for m in re.finditer(re.escape(needle), text)][nth - 1]
    return Mention(start, start + len(needle), needle, kind, **fields)


@pytest.fixture
def layout(tmp_path: Path) -> Layout:
    shutil.copytree(REPO_ROOT / "data" / "sources", tmp_path / "data" / "sources")
    (tmp_path / "data" / "coding").mkdir()
    return Layout(tmp_path)


# -- the document ------------------------------------------------------------------------------

TEXT = ("Headline with no figures\n"
        "About 40,000 refugees have returned since December 8, 2024. Exports reached $2.5 billion.\n"
        "Work continues on the M4 highway.\n")


def test_stub_document_has_one_todo_per_mention_with_everything_the_coder_needs():
    source = make_source(TEXT)
    mentions = [
        mention(TEXT, "December 8, 2024", "date", date="2024-12-08", date_precision="day"),
        mention(TEXT, "About 40,000", "number", value=40000.0, unit="refugees", approx=True, qualifier="About"),
        mention(TEXT, "$2.5 billion", "money", value=2.5e9, unit="USD"),
        mention(TEXT, "M4", "identifier"),
    ]
    document = parse_yaml(stub_document(source, mentions, drafts=False), "stub")
    coding = strip_lines(document)
    assert list(coding) == ["source_id", "facts", "events", "dismissed", "todo"]
    assert coding["source_id"] == source.source_id
    assert coding["facts"] == coding["events"] == coding["dismissed"] == []
    todo = coding["todo"]
    assert [t["text"] for t in todo] == ["About 40,000", "December 8, 2024", "$2.5 billion", "M4"]  # text order
    for entry in todo:
        assert list(entry) == TODO_KEYS
        assert entry["status"] == "todo"
        assert TEXT[entry["start"]:entry["end"]] == entry["text"]
        assert entry["text"] in entry["quote"] and entry["quote"] in TEXT
    first = todo[0]
    assert (first["value"], first["unit"], first["approx"], first["qualifier"]) == (40000, "refugees", True, "About")
    assert first["quote"] == "About 40,000 refugees have returned since December 8, 2024."
    assert todo[1]["date"] == "2024-12-08" and todo[1]["date_precision"] == "day"
    assert todo[2]["value"] == 2.5e9
    assert [t["suggested_category"] for t in todo] == ["returns", "returns", "trade", "infrastructure"]


def test_the_header_explains_each_way_to_close_a_todo():
    header = stub_document(make_source(TEXT), []).split("\nsource_id:")[0]
    assert all(line.startswith("#") or not line for line in header.splitlines())
    for section in ("facts:", "events:", "dismissed:"):
        assert f"#   {section}" in header
    assert "status: done" in header


def _header_examples(document: str) -> dict:
    """The commented YAML examples of the header, uncommented."""
    blocks = re.findall(r"^#   (.*)$", document, flags=re.M)
    return yaml.load("\n".join(blocks), Loader=yaml.BaseLoader)  # strings only, like a first look


def test_the_header_examples_use_only_keys_the_coding_accepts():
    examples = _header_examples(stub_document(make_source(TEXT), []))
    assert set(examples) == {"facts", "events", "dismissed"}
    assert set(examples["facts"][0]) <= FACT_KEYS
    assert set(examples["events"][0]) <= EVENT_KEYS
    assert set(examples["dismissed"][0]) <= DISMISS_KEYS
    assert examples["facts"][0]["category"] in terms("category")
    assert examples["events"][0]["event_type"] in terms("event_type")


def test_the_header_examples_code_the_seed_report_they_quote():
    """The examples quote 003: applied to it they must raise no error other than the uncoded rest."""
    from pipelines.extract import extract_mentions

    source = next(s for s in read_sources(Layout(REPO_ROOT)) if s.source_id == "003_6dc9c966a4e88e09")
    document = stub_document(source, [])
    coding = parse_yaml("\n".join(re.findall(r"^#   (.*)$", document, flags=re.M)), "examples")
    coding["source_id"] = source.source_id
    mentions = extract_mentions(source.text, lang="en", reference_date=None)
    coded = apply_coding(source, mentions, coding, "examples", actor_ids=set())
    assert [p for p in coded.problems if p.code != "unaccounted-mention"] == []
    assert {m["coded_as"] for m in coded.mentions} == {"fact", "event", "dismissed"}


def test_a_repeated_sentence_gets_an_occurrence():
    text = "Exports rose.\nAbout 5 trucks crossed.\nAbout 5 trucks crossed.\n"
    source = make_source(text)
    coding = strip_lines(parse_yaml(stub_document(source, [mention(text, "5", "number", nth=2, value=5.0)]), "stub"))
    entry = coding["todo"][0]
    assert entry["quote"] == "About 5 trucks crossed."
    assert entry["occurrence"] == 2


# -- categories -----------------------------------------------------------------------------------

def test_keyword_table_uses_only_known_categories_and_covers_them_all():
    assert set(_keywords()) == set(terms("category"))


@pytest.mark.parametrize(("sentence", "lang", "category"), [
    ("52,622 Syrians returned voluntarily in January.", "en", "returns"),
    ("Exports to Syria reached $2.5 billion.", "en", "trade"),
    ("Repairs continue on the M4 highway and two bridges.", "en", "infrastructure"),
    ("The defense ministry will open two military training bases.", "en", "security"),
    ("The hospital treated 300 patients.", "en", "health"),
    ("The ministers met in Amman on March 9.", "en", "diplomacy"),
    ("Yaklaşık 52.622 kişi Suriye'ye geri döndü.", "tr", "returns"),
    ("İHRACAT 2024 yılında 2,5 milyar dolara ulaştı.", "tr", "trade"),  # dotted capital İ folds to i
    ("Gümrüğü geçen tır sayısı arttı.", "tr", "trade"),  # softened stem gümrüğ-
    ("Halep Havalimanı'nda onarım tamamlandı.", "tr", "infrastructure"),
    ("Savunma Bakanlığı askeri eğitim üssü kuracak.", "tr", "security"),
    ("Sağlık Bakanı hastaneyi ziyaret etti.", "tr", "health"),
    ("Bakanlar 9 Mart'ta görüştü.", "tr", "diplomacy"),
    ("The figure was 12.", "en", None),
])
def test_suggest_category(sentence: str, lang: str, category: str | None):
    assert suggest_category(sentence, lang) == category


# -- the command ------------------------------------------------------------------------------------

def test_write_stub_uses_the_source_language(layout: Layout):
    source_id = add_source(layout, FIXTURES / "report_tr.txt", title="Dönüş", language="tr", published="2025-02-03")
    path = write_stub(layout, source_id)
    assert path == layout.coding_dir / f"{source_id}.yaml"
    coding = strip_lines(parse_yaml(path.read_text(encoding="utf-8"), "stub"))
    by_text = {t["text"]: t for t in coding["todo"]}
    # Turkish number words and thousands dots are only read right with lang=tr.
    assert any(t["value"] == 1190172 for t in coding["todo"]), sorted(by_text)
    assert any(t["value"] == 52622 and t["approx"] for t in coding["todo"]), sorted(by_text)
    assert any(t["date"] == "2024-12-08" for t in coding["todo"]), sorted(by_text)


def test_write_stub_refuses_an_unknown_source(layout: Layout):
    with pytest.raises(TsrError) as caught:
        write_stub(layout, "999_0123456789abcdef")
    assert caught.value.codes == {"unknown-source"}
    assert "000_2c69b4d6582214f2" in str(caught.value)  # names what does exist


def test_write_stub_refuses_to_overwrite_without_force(layout: Layout):
    path = layout.coding_dir / "003_6dc9c966a4e88e09.yaml"
    path.write_text("source_id: 003_6dc9c966a4e88e09\nfacts: []\n", encoding="utf-8")
    with pytest.raises(TsrError) as caught:
        write_stub(layout, "003_6dc9c966a4e88e09")
    assert caught.value.codes == {"coding-exists"}
    assert path.read_text(encoding="utf-8").endswith("facts: []\n"), "the coding must be left untouched"
    write_stub(layout, "003_6dc9c966a4e88e09", force=True)
    assert "todo:" in path.read_text(encoding="utf-8")


def test_cli_stub(layout: Layout):
    runner = CliRunner()
    ok = runner.invoke(cli, ["stub", "000_2c69b4d6582214f2", "--root", str(layout.root)])
    assert ok.exit_code == 0, ok.output
    assert ok.stdout.strip() == "data/coding/000_2c69b4d6582214f2.yaml"
    again = runner.invoke(cli, ["stub", "000_2c69b4d6582214f2", "--root", str(layout.root)])
    assert again.exit_code == 1 and "[coding-exists]" in again.stderr
    unknown = runner.invoke(cli, ["stub", "999_0123456789abcdef", "--root", str(layout.root)])
    assert unknown.exit_code == 1 and "[unknown-source]" in unknown.stderr
