"""Pick, don't invent: stub proposals, `tsr list`, and the validated add-actor / add-indicator commands."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipelines.cli import cli
from pipelines.coding.additions import add_indicator
from pipelines.coding.proposals import coded_examples, propose_actors, propose_fact, propose_period
from pipelines.coding.stub import stub_document
from pipelines.errors import TsrError
from pipelines.extract import extract_mentions
from pipelines.paths import Layout
from pipelines.sources.registry import Source

ROOT = Path(__file__).resolve().parents[1]
ACTORS = [{"actor_id": "ali_yerlikaya", "name": "Ali Yerlikaya", "actor_type": "person"},
          {"actor_id": "tr_dgmm", "name": "Presidency of Migration Management (DGMM / GİB)", "actor_type": "agency"}]


def test_a_figure_is_proposed_the_indicator_of_the_most_similar_coded_sentence():
    examples = coded_examples([{"facts": [
        {"id": "dgmm_2025_08_16", "indicator": "returns_since_2024_12_08", "series": "dgmm", "attributed_to": "tr_dgmm",
         "claim_status": "official", "quote": "8 Aralık 2024 tarihi sonrasında toplam 411 bin 649 Suriyeli ülkesine geri dönüş yaptı."},
        {"id": "exports_2024", "indicator": "exports_tr_to_sy_calendar_year", "series": "tuik_general_trade",
         "claim_status": "official", "quote": "Türkiye'nin Suriye'ye ihracatı 2024'te 2,2 milyar dolar oldu."}]}])
    proposal = propose_fact("8 Aralık 2024 tarihi sonrasında toplam 450 bin 169 Suriyeli ülkesine geri dönüş yaptı.", examples)
    assert proposal["indicator"] == "returns_since_2024_12_08" and proposal["series"] == "dgmm"
    assert proposal["because"].startswith("coded like fact dgmm_2025_08_16")
    assert propose_fact("The weather was fine in Ankara.", examples) is None


def test_actors_are_found_by_surname_acronym_and_turkish_suffix():
    assert propose_actors("Bakan Yerlikaya'nın açıklamasına göre", ACTORS) == ["ali_yerlikaya"]
    assert propose_actors("GİB verilerine göre 411 bin", ACTORS) == ["tr_dgmm"]
    assert propose_actors("Yerlikayalar köyünde", ACTORS) == []


def test_the_since_day_of_a_cumulative_count_is_never_proposed_as_its_as_of_day():
    text = "8 Aralık 2024 tarihi sonrasında 16 Ağustos 2025 itibarıyla 411 bin 649 Suriyeli döndü."
    dates = [m for m in extract_mentions(text, lang="tr") if m.date]
    period = propose_period(dates, "2025-08-17", frozenset({"2024-12-08"}))
    assert (period["end"], period["precision"]) == ("2025-08-16", "day")
    fallback = propose_period([], "2025-08-17")
    assert fallback["basis"].startswith("as of the statement")
    # never sharpened: the publication day bounds an unwritten as-of day, it does not give it
    assert (fallback["end"], fallback["precision"]) == ("2025-08-17", "range")
    assert propose_period([], None)["precision"] == "unknown"


def test_the_stub_carries_proposals_without_yaml_aliases():
    text = "Bakan Yerlikaya açıkladı. Toplam 411 bin 649 Suriyeli ve 12 bin aile döndü."
    source = Source("999_0000000000000000", text, "data/sources/999_0000000000000000.txt", "0" * 64, len(text),
                    {"language": "tr", "title": "t", "published": {"precision": "day", "earliest": "2025-08-16", "latest": "2025-08-16"}})
    document = stub_document(source, extract_mentions(text, lang="tr"), [], ACTORS)
    assert "&id" not in document and "*id" not in document  # our loader refuses aliases
    todo = yaml.safe_load(document)["todo"]
    assert todo[0]["proposed"]["actors"] == ["ali_yerlikaya"]  # named in the sentence before
    assert todo[0]["proposed"]["period"]["end"] == "2025-08-16"


def test_list_shows_indicators_vocabularies_and_refuses_unknown_names():
    runner = CliRunner()
    listed = runner.invoke(cli, ["list", "indicators", "--root", str(ROOT)])
    assert listed.exit_code == 0 and "returns_since_2024_12_08" in listed.output
    assert "misreported_by_publisher" in runner.invoke(cli, ["list", "fact_flag", "--root", str(ROOT)]).output
    assert runner.invoke(cli, ["list", "nope", "--root", str(ROOT)]).exit_code == 2


def test_add_actor_is_checked_like_the_build_and_writes_nothing_on_error(inputs_root):
    layout = Layout(inputs_root)
    before = layout.actors_file.read_bytes()
    runner = CliRunner()
    bad = runner.invoke(cli, ["add-actor", "x_body", "--name", "X", "--type", "ministry", "--parent", "nobody",
                              "--root", str(inputs_root)])
    assert bad.exit_code != 0 and "[dangling-actor]" in bad.output and layout.actors_file.read_bytes() == before
    twice = runner.invoke(cli, ["add-actor", "tr_government", "--name", "X", "--type", "government", "--root", str(inputs_root)])
    assert "[duplicate-id]" in twice.output
    good = runner.invoke(cli, ["add-actor", "x_body", "--name", "X Body (XB)", "--type", "ministry", "--country", "TR",
                               "--parent", "tr_government", "--root", str(inputs_root)])
    assert good.exit_code == 0, good.output
    assert layout.actors_file.read_text(encoding="utf-8").endswith(
        "  - {id: x_body, name: X Body (XB), type: ministry, role: null, country: TR, parent: tr_government}\n")
    # one body, one id: the same name under a second id is refused, naming the id to use
    again = runner.invoke(cli, ["add-actor", "x_body_2", "--name", "X Body (XB)", "--type", "ministry", "--root", str(inputs_root)])
    assert again.exit_code != 0 and "[duplicate-actor-name]" in again.output and "x_body" in again.output
    named = runner.invoke(cli, ["add-actor", "y_body", "--name", "Y Body", "--type", "agency", "--also-called", "Y Kurumu",
                                "--also-called", "the Y", "--root", str(inputs_root)])
    assert named.exit_code == 0, named.output
    from pipelines.coding.run import read_actors

    assert next(a for a in read_actors(layout) if a["actor_id"] == "y_body")["also_called"] == "Y Kurumu; the Y"


def test_add_indicator_refuses_a_cumulative_without_since_and_appends_a_valid_one(tmp_path):
    target = tmp_path / "indicators.yaml"
    shutil.copy(ROOT / "schemas" / "indicators.yaml", target)
    before = target.read_bytes()
    with pytest.raises(TsrError) as caught:
        add_indicator("returns_via_kilis", label="Returns via Kilis", category="returns", unit="people",
                      measure_type="cumulative", definition="d", indicators_file=target)
    assert caught.value.codes == {"bad-since"} and target.read_bytes() == before
    with pytest.raises(TsrError) as caught:
        add_indicator("returns_since_2016", label="x", category="returns", unit="people", measure_type="flow",
                      definition="d", indicators_file=target)
    assert caught.value.codes == {"duplicate-id"}
    add_indicator("returns_via_kilis", label="Returns via Kilis", category="returns", unit="people",
                  measure_type="cumulative", since="2024-12-08", definition="Returns through the Kilis gates.",
                  indicators_file=target)
    added = yaml.safe_load(target.read_text(encoding="utf-8"))["returns_via_kilis"]
    assert added == {"label": "Returns via Kilis", "category": "returns", "unit": "people", "measure_type": "cumulative",
                     "since": "2024-12-08", "definition": "Returns through the Kilis gates."}


def test_a_calendar_year_flow_names_its_part_of_year_twin_and_the_pairing_is_checked(tmp_path):
    target = tmp_path / "indicators.yaml"
    shutil.copy(ROOT / "schemas" / "indicators.yaml", target)
    before = target.read_bytes()
    with pytest.raises(TsrError) as caught:  # a growth rate is not the same flow over part of a year
        add_indicator("exports_x_calendar_year", label="x", category="trade", unit="USD", measure_type="flow",
                      definition="d", part_of_year="exports_tr_to_sy_growth", indicators_file=target)
    assert caught.value.codes == {"bad-part-of-year"} and target.read_bytes() == before
    with pytest.raises(TsrError) as caught:
        add_indicator("exports_x_calendar_year", label="x", category="trade", unit="USD", measure_type="flow",
                      definition="d", part_of_year="no_such_indicator", indicators_file=target)
    assert caught.value.codes == {"bad-part-of-year"}
    add_indicator("exports_x_calendar_year", label="x", category="trade", unit="USD", measure_type="flow",
                  definition="d", part_of_year="exports_tr_to_sy_over_period", indicators_file=target)
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["exports_x_calendar_year"]["part_of_year"] == "exports_tr_to_sy_over_period"


def test_arabic_words_meet_without_their_article_and_prepositions():
    from pipelines.coding.proposals import words

    # "the exports" / "and the exports" / "exports": one word for the proposals
    assert words("الصادرات") == words("والصادرات") == words("صادرات")
    assert words("Suriyelilerin") == words("Suriyeli")
