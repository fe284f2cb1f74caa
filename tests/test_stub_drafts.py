"""Draft facts (pipelines/coding/drafts.py): `tsr stub` writes the whole fact where a coded sentence is
like the figure's; the build refuses a draft until a person deletes its `draft:` line. Tried on a real
Turkish report whose coding is removed first, and on synthetic todos for the rules."""
from __future__ import annotations

import yaml
import pytest

from pipelines.build import build_package
from pipelines.coding.catalogue import read_catalogue
from pipelines.coding.drafts import draft_facts
from pipelines.coding.stub import write_stub
from pipelines.errors import TsrError
from pipelines.paths import Layout

SOURCE = "112_e14d3c6f98306412"  # "411 bin 649 Suriyeli döndü": three figures, each like one coded elsewhere


def _body(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture()
def stubbed(inputs_root):
    layout = Layout(inputs_root)
    (layout.coding_dir / f"{SOURCE}.yaml").unlink()
    return layout, write_stub(layout, SOURCE)


def test_the_stub_drafts_every_figure_of_a_report_like_those_coded(stubbed):
    _, path = stubbed
    body = _body(path)
    assert body["todo"] == []  # every mention is in a draft
    got = {f["id"]: (f["indicator"], f["series"], f["value"], f["period"].get("start"), f["period"]["end"],
                     f["period"]["precision"], f["mentions"]) for f in body["facts"]}
    # the text gives no as-of day: the publication day bounds it (range), never sharpened to a day; a
    # running total's start is left to its indicator's since day, and the dates it rests on are its mentions
    assert got == {
        "returns_since_2024_12_08_112_411649": ("returns_since_2024_12_08", "dgmm", 411649, None, "2025-08-16", "range",
                                                ["411 bin 649", "8 Aralık 2024"]),
        "returns_since_2016_112_1151652": ("returns_since_2016", "dgmm", 1151652, None, "2025-08-16", "range",
                                           ["1 milyon 151 bin 652", "2016"]),
        "syrians_under_temporary_protection_112_2543711": ("syrians_under_temporary_protection", "dgmm", 2543711, None,
                                                           "2025-08-16", "range", ["2 milyon 543 bin 711"]),
    }
    # the headline "Göç İdaresi Başkanlığı: …" names the DGMM (its registry name holds the Turkish one)
    assert [f.get("attributed_to") for f in body["facts"]] == ["tr_dgmm", "tr_dgmm", "tr_dgmm"]
    first = body["facts"][0]
    assert first["draft"].startswith("coded like fact returns_since_2024_12_08_")
    assert first["returns"]["destination"] == "SY" and first["geography"] == ["TR", "SY"]


def test_a_draft_is_refused_until_confirmed_and_then_published(stubbed):
    layout, path = stubbed
    with pytest.raises(TsrError) as caught:
        build_package(layout, force=True)
    assert caught.value.codes == {"draft-not-confirmed"}
    assert {p.key.split(" (")[0] for p in caught.value.problems} == {
        "draft returns_since_2024_12_08_112_411649", "draft returns_since_2016_112_1151652",
        "draft syrians_under_temporary_protection_112_2543711"}
    assert all(p.file == f"data/coding/{SOURCE}.yaml" for p in caught.value.problems)
    # confirming is deleting one line per draft
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("  draft: ")), encoding="utf-8")
    build_package(layout, force=True)
    import csv
    with (layout.root / "data" / "facts.csv").open(encoding="utf-8", newline="") as fh:
        facts = {r["fact_id"]: r for r in csv.DictReader(fh)}
    assert facts["returns_since_2024_12_08_112_411649"]["value"] == "411649"


def test_no_drafts_writes_only_todos(inputs_root):
    layout = Layout(inputs_root)
    (layout.coding_dir / f"{SOURCE}.yaml").unlink()
    body = _body(write_stub(layout, SOURCE, drafts=False))
    assert body["facts"] == [] and len(body["todo"]) == 5


def _todo(text, kind, start, quote, value=None, date=None, fact=None, period=None):
    proposed = {}
    if fact:
        proposed["fact"] = {"indicator": fact, "series": "dgmm", "attributed_to": None, "claim_status": "official",
                            "because": "coded like fact x (shared words 50%)"}
    if period:
        proposed["period"] = period
    return {"text": text, "kind": kind, "value": value, "date": date, "start": start, "quote": quote, "_quote_start": 0,
            "proposed": proposed}


def test_a_date_joins_only_the_first_draft_of_its_sentence_and_unused_dates_stay_todo():
    quote = "On 5 May 2025, 3,000 returned and 2,000 left; talks in 2026."
    period = {"end": "2025-05-05", "precision": "day", "basis": "the date written in the sentence (5 May 2025)"}
    todos = [_todo("5 May 2025", "date", 3, quote, date="2025-05-05"),
             _todo("3,000", "number", 15, quote, 3000.0, fact="returns_over_period", period=period),
             _todo("2,000", "number", 34, quote, 2000.0, fact="returns_over_period", period=period),
             _todo("2026", "year", 55, quote, date="2026")]
    drafts, left = draft_facts(todos, "999_0123456789abcdef", read_catalogue())
    assert [d["mentions"] for d in drafts] == [["3,000", "5 May 2025"], ["2,000"]]
    assert [d["id"] for d in drafts] == ["returns_over_period_999_3000", "returns_over_period_999_2000"]
    assert [t["text"] for t in left] == ["2026"]


def test_ids_are_unique_and_repeated_texts_name_their_occurrence():
    quote = "500 went on Monday and 500 on Tuesday."
    period = {"end": "2025-05-05", "precision": "day", "basis": "b"}
    todos = [_todo("500", "number", 0, quote, 500.0, fact="returns_over_period", period=period),
             _todo("500", "number", 23, quote, 500.0, fact="returns_over_period", period=period)]
    drafts, left = draft_facts(todos, "999_0123456789abcdef", read_catalogue(), {"returns_over_period_999_500"})
    assert [d["id"] for d in drafts] == ["returns_over_period_999_500_2", "returns_over_period_999_500_3"]
    assert [d["mentions"] for d in drafts] == [[{"text": "500", "occurrence": 1}], [{"text": "500", "occurrence": 2}]]
    assert left == []


def test_figures_without_a_proposal_stay_todo():
    todos = [_todo("7", "number", 0, "7 lines.", 7.0)]
    assert draft_facts(todos, "999_0123456789abcdef", read_catalogue()) == ([], todos)


def test_a_person_or_body_named_in_the_sentence_states_the_figure_on_the_record():
    from pipelines.coding.proposals import propose_attribution

    actors = [{"actor_id": "ali_yerlikaya", "actor_type": "person", "name": "Ali Yerlikaya"},
              {"actor_id": "tr_dgmm", "actor_type": "agency", "name": "Presidency of Migration Management (DGMM)"},
              {"actor_id": "anadolu", "actor_type": "media", "name": "Anadolu Agency (AA)"}]
    sentence = "DGMM Başkanı açıkladı, Yerlikaya'nın verdiği bilgiye göre 411 bin 649 Suriyeli döndü."
    assert propose_attribution(sentence, sentence, actors) == {"attributed_to": "ali_yerlikaya", "claim_status": "official",
                                                               "because": "named in the sentence"}
    # named only nearby: who, but not how firmly; a medium is never the one on the record
    assert propose_attribution("411,649 returned.", "DGMM said on Monday. 411,649 returned.", actors) == {
        "attributed_to": "tr_dgmm", "because": "named in the sentences around it"}
    assert propose_attribution("AA reported 411,649 returns.", "AA reported 411,649 returns.", actors) is None


def test_money_is_drafted_like_money_and_counts_like_counts():
    from pipelines.coding.stub import mention_class, unit_class

    assert (unit_class("USD"), unit_class("percent"), unit_class("people")) == ("money", "percent", "count")
    assert (mention_class("money"), mention_class("change"), mention_class("number"), mention_class("date")) == (
        "money", "percent", "count", None)


def test_an_identifier_is_drafted_as_dismissed_and_refused_until_confirmed(inputs_root):
    layout = Layout(inputs_root)
    source = "129_cb7f8c7cad776ef1"  # the 2021/12 customs circular: its number is an identifier
    (layout.coding_dir / f"{source}.yaml").unlink()
    body = _body(write_stub(layout, source))
    drafted = [d for d in body["dismissed"] if d.get("draft")]
    assert drafted and all(d["reason"].startswith("an identifier") for d in drafted)
    assert not any(t["kind"] == "identifier" for t in body["todo"])
    with pytest.raises(TsrError) as caught:
        build_package(layout, force=True)
    assert any(p.code == "draft-not-confirmed" and p.key.startswith("draft dismissal") for p in caught.value.problems)


def test_without_a_similar_coded_sentence_the_indicator_comes_from_the_labels():
    from pipelines.coding.proposals import propose_indicator

    labels = {"exports_tr_to_sy_over_period": "Exports from Türkiye to Syria over a stated period",
              "returns_over_period": "Returns to Syria over a stated period"}
    found = propose_indicator("Türkiye's exports to Syria rose to $669.67 million in January-April.", labels)
    assert (found["indicator"], found["series"], found["claim_status"]) == ("exports_tr_to_sy_over_period", "stated_figure", "reported")
    assert propose_indicator("The weather was fine.", labels) is None


def test_a_span_in_the_sentence_is_the_period():
    from pipelines.extract import extract_mentions
    from pipelines.coding.proposals import propose_period

    dates = [m for m in extract_mentions("Exports reached $669.67 million in the January-April period of 2025.", lang="en") if m.date]
    period = propose_period(dates, "2025-05-20")
    assert (period["start"], period["end"], period["precision"]) == ("2025-01-01", "2025-04-30", "month")


def test_an_unquoted_comma_in_a_flow_list_is_named():
    from pipelines.coding.apply import apply_coding
    from pipelines.extract import extract_mentions
    from pipelines.sources.registry import Source

    text = "The project will create over 90,000 jobs."
    source = Source("999_0000000000000000", text, "data/sources/999_0000000000000000.txt", "0" * 64, len(text), {"language": "en"})
    coding = yaml.safe_load(f"""
source_id: {source.source_id}
facts:
  - {{id: jobs_90000, indicator: jobs_expected, series: stated_figure, claim_status: reported, quote: "{text}",
     value: 90000, period: {{precision: unknown, basis: test}}, mentions: [over 90,000]}}
""")
    assert coding["facts"][0]["mentions"] == ["over 90", 0]  # what YAML makes of it
    coded = apply_coding(source, extract_mentions(text), coding, "data/coding/999.yaml", actor_ids=set())
    messages = [p.message for p in coded.problems if p.code == "mention-not-in-quote"]
    assert messages and "an unquoted comma in a [flow, list] splits 'over 90,000' into pieces" in messages[0]


def test_each_figure_takes_the_date_written_nearest_it():
    from pipelines.extract import extract_mentions
    from pipelines.coding.proposals import propose_period

    text = "2021’de 3 milyon 737 bin 369 olan Suriyeliler, 2024’te 2 milyon 901 bin 478’e, 2025’te ise 2 milyon 555 bin 560’a düştü."
    dates = [m for m in extract_mentions(text, lang="tr") if m.date]
    ends = [propose_period(dates, "2025-08-18", at=text.find(figure))["end"]
            for figure in ("3 milyon 737", "2 milyon 901", "2 milyon 555")]
    # the current year ends after publication: bounded by the publication day, never a day it cannot mean
    assert ends == ["2021-12-31", "2024-12-31", "2025-08-18"]
    assert propose_period(dates, "2025-08-18", at=text.find("2 milyon 555"))["precision"] == "range"


def test_a_month_ends_at_the_latest_on_the_publication_day():
    from pipelines.extract import extract_mentions
    from pipelines.coding.proposals import propose_period

    text = "Ağustos 2025 itibarıyla bu sayı 2.506.740'a düşmüştür."
    dates = [m for m in extract_mentions(text, lang="tr") if m.date]
    period = propose_period(dates, "2025-08-29", at=text.find("2.506.740"))
    assert (period["start"], period["end"], period["precision"]) == ("2025-08-01", "2025-08-29", "month")


@pytest.mark.parametrize(("text", "lang", "figure", "start"), [
    ("Since January 2024, 571,388 Syrians returned.", "en", "571,388", "2024-01-01"),
    ("2016 yılından bu yana 1 milyon 366 bin 215 Suriyeli döndü.", "tr", "1 milyon", "2016-01-01"),
    ("8 Aralık 2024'ten itibaren 411 bin 649 Suriyeli döndü.", "tr", "411 bin", "2024-12-08"),
])
def test_a_date_written_as_where_a_count_starts_is_never_its_as_of_day(text, lang, figure, start):
    from pipelines.extract import extract_mentions
    from pipelines.coding.proposals import propose_period, starts_period

    dates = [m for m in extract_mentions(text, lang=lang) if m.date]
    begins = frozenset(m.start for m in dates if starts_period(text, m.start, m.end))
    period = propose_period(dates, "2025-02-28", at=text.find(figure), start_dates=begins)
    assert (period.get("start"), period["end"], period["precision"]) == (start, "2025-02-28", "range")
    assert not starts_period("In 2024, 571,388 Syrians returned.", 3, 7)


def test_actors_are_found_by_other_names_accents_and_capitalised_acronyms_only():
    from pipelines.coding.proposals import propose_actors

    actors = [{"actor_id": "un", "actor_type": "organisation", "name": "United Nations", "also_called": "UN; Birleşmiş Milletler"},
              {"actor_id": "unhcr", "actor_type": "organisation", "name": "UNHCR (UN Refugee Agency)"},
              {"actor_id": "ibrahim_fuat_ozcorekci", "actor_type": "person", "name": "Ibrahim Fuat Özçörekçi"},
              {"actor_id": "tr_interior", "actor_type": "ministry", "name": "Ministry of Interior of Türkiye",
               "also_called": ["Interior Ministry"]}]
    assert propose_actors("the interior ministry has said", actors) == ["tr_interior"]
    assert propose_actors("Ozcorekci said", actors) == ["ibrahim_fuat_ozcorekci"]
    assert propose_actors("On February 18 the UN said", actors) == ["un"]
    assert propose_actors("un ve şeker fiyatları", actors) == []  # the Turkish word for flour is not the UN
    # a name inside a longer name of another actor does not count
    assert propose_actors("the UN Refugee Agency said", actors) == ["unhcr"]
    assert propose_actors("UNHCR said", actors) == ["unhcr"]


def test_the_series_follows_who_states_the_figure():
    from pipelines.coding.proposals import CodedExample, propose_series

    examples = [CodedExample("a", frozenset(), "returns_since_2024_12_08", "dgmm", "ali_yerlikaya", "official"),
                CodedExample("b", frozenset(), "returns_since_2024_12_08", "stated_figure", "recep_tayyip_erdogan", "official")]
    compilers = {"dgmm": "tr_dgmm", "unhcr_operations": "unhcr", "unhcr_statistics": "unhcr"}
    neighbour = ("recep_tayyip_erdogan", "stated_figure")
    assert propose_series("ali_yerlikaya", "returns_since_2024_12_08", neighbour, examples, compilers) == "dgmm"
    assert propose_series("tr_dgmm", "returns_since_2024_12_08", neighbour, examples, compilers) == "dgmm"  # it compiles it
    # two series compiled by the speaker, none chosen before: never a guessed series
    assert propose_series("unhcr", "returns_since_2024_12_08", neighbour, examples, compilers) == "stated_figure"
    assert propose_series(None, "returns_since_2024_12_08", neighbour, examples, compilers) == "stated_figure"


@pytest.mark.parametrize(("indicator", "period", "refused"), [
    ("exports_tr_to_sy_calendar_year", "{start: 2025-01-01, end: 2025-07-31, precision: month}", "use exports_tr_to_sy_over_period"),
    ("exports_tr_to_sy_over_period", "{start: 2024-01-01, end: 2024-12-31, precision: year}", "use exports_tr_to_sy_calendar_year"),
    ("exports_tr_to_sy_calendar_year", "{start: 2024-01-01, end: 2024-12-31, precision: year}", None),
    ("exports_tr_to_sy_over_period", "{start: 2025-01-01, end: 2025-07-31, precision: month}", None),
])
def test_a_calendar_year_flow_and_its_part_of_year_twin_each_keep_their_periods(indicator, period, refused):
    from pipelines.coding.apply import apply_coding
    from pipelines.extract import extract_mentions
    from pipelines.sources.registry import Source

    text = "Exports reached $1.9 billion."
    source = Source("999_0000000000000000", text, "data/sources/999_0000000000000000.txt", "0" * 64, len(text),
                    {"language": "en", "published": "2025-08-20"})
    from pipelines.yamlfile import parse_yaml

    coding = parse_yaml(f"""
source_id: "{source.source_id}"
facts:
  - {{id: exports_x, indicator: {indicator}, series: stated_figure, claim_status: reported, quote: "{text}",
     value: 1900000000, period: {period}, geography: [TR, SY], mentions: ["$1.9 billion"]}}
""", "data/coding/999.yaml")
    coded = apply_coding(source, extract_mentions(text), coding, "data/coding/999.yaml", actor_ids=set())
    messages = [p.message for p in coded.problems if p.code == "calendar-year-mismatch"]
    assert [p for p in coded.problems if p.code != "calendar-year-mismatch"] == []
    assert (messages[0].endswith(refused) if refused else messages == []), messages


def test_the_stub_drafts_the_twin_the_period_fits():
    from pipelines.coding.stub import Proposer

    proposer = Proposer.__new__(Proposer)
    proposer.catalogue = read_catalogue()
    fact = {"indicator": "trade_volume_tr_sy_calendar_year", "because": "coded like fact x"}
    seven_months = {"start": "2025-01-01", "end": "2025-07-31", "precision": "month"}
    assert proposer.fit_to_period(fact, seven_months)["indicator"] == "trade_volume_tr_sy_over_period"
    year = {"start": "2024-01-01", "end": "2024-12-31", "precision": "year"}
    assert proposer.fit_to_period(fact, year) == fact
    part = {"indicator": "exports_tr_to_sy_over_period", "because": "coded like fact y"}
    assert proposer.fit_to_period(part, year)["indicator"] == "exports_tr_to_sy_calendar_year"
    # an unwritten period (bounded by the publication day only) says nothing about which twin
    assert proposer.fit_to_period(fact, {"end": "2025-08-20", "precision": "range"}) == fact


def test_unit_words_name_only_indicator_units():
    import yaml as _yaml

    from pipelines.coding.stub import UNIT_WORDS_FILE

    units = {i.unit for i in read_catalogue().indicators.values()}
    assert set(_yaml.safe_load(UNIT_WORDS_FILE.read_text(encoding="utf-8"))) <= units


@pytest.mark.parametrize(("written", "means"), [
    ("megawatts", {"MW"}), ("megavat", {"MW"}), ("MW", {"MW"}), ("kilometresi", {"km"}), ("dönüm", {"dönüm"}),
    ("Suriyeli", {"people", "people per month"}), ("gümrük kapısı", {"customs gates"}), ("sources", None), (None, None),
])
def test_the_unit_written_with_a_figure_names_the_indicator_units_it_can_mean(written, means):
    from pipelines.coding.stub import written_units

    units = {i.unit for i in read_catalogue().indicators.values()}
    assert written_units(written, units) == (frozenset(means) if means else None)


def test_a_figure_in_megawatts_is_drafted_only_as_an_indicator_in_megawatts():
    from pipelines.coding.proposals import CodedExample
    from pipelines.coding.stub import stub_document
    from pipelines.extract import extract_mentions
    from pipelines.sources.registry import Source

    text = "The power plant near Aleppo has a generating capacity of 1,200 megawatts for Syrians."
    source = Source("999_0000000000000000", text, "data/sources/999_0000000000000000.txt", "0" * 64, len(text),
                    {"language": "en", "published": "2025-08-02", "title": "t"})
    # the most similar coded sentence is about people: a figure in MW must not follow it
    people = CodedExample("tp_aleppo", frozenset({"syria", "aleppo", "power", "plant", "site", "gener", "capac"}),
                          "syrians_under_temporary_protection_from_aleppo", "dgmm", None, "official")
    body = yaml.safe_load(stub_document(source, extract_mentions(text, lang="en"), [people], []))
    drafted = {f["value"]: f["indicator"] for f in body["facts"]}
    assert drafted[1200] == "power_plant_capacity_sy"
    text = "Halep'teki Suriyeliler için gümrük kapısına 43 dönüm saha ayrıldı."
    source = Source("999_0000000000000000", text, "data/sources/999_0000000000000000.txt", "0" * 64, len(text),
                    {"language": "tr", "published": "2025-08-02", "title": "t"})
    body = yaml.safe_load(stub_document(source, extract_mentions(text, lang="tr"), [people], []))
    assert [f["indicator"] for f in body["facts"]] == ["border_gate_site_area"]  # the only indicator in dönüm


@pytest.mark.parametrize(("sentence", "places"), [
    ("Türkiye's exports to Syria rose.", ["SY", "TR"]),
    ("Suriyeliler Hatay'dan döndü.", ["SY", "TR-31"]),  # a province replaces TR
    ("The airport in Damascus will be modernised.", None),
    ("Two vans arrived.", None),  # the province Van only as a whole word
    ("عاد اللاجئون إلى سوريا من لبنان", ["LB", "SY"]),
])
def test_the_places_a_sentence_names_are_proposed_when_no_coded_fact_gives_them(sentence, places):
    from pipelines.coding.proposals import named_places

    assert named_places(sentence) == places


def test_place_names_are_iso_codes():
    import pycountry
    import yaml as _yaml

    from pipelines.coding.proposals import PLACE_NAMES_FILE

    for code in _yaml.safe_load(PLACE_NAMES_FILE.read_text(encoding="utf-8")):
        assert pycountry.countries.get(alpha_2=code) is not None, code


def test_a_target_without_a_written_date_gets_an_unknown_period_not_the_statement_day():
    from pipelines.coding.proposals import CodedExample
    from pipelines.coding.stub import stub_document
    from pipelines.extract import extract_mentions
    from pipelines.sources.registry import Source

    text = "The project is expected to create over 90,000 direct and indirect jobs."
    source = Source("999_0000000000000000", text, "data/sources/999_0000000000000000.txt", "0" * 64, len(text),
                    {"language": "en", "published": "2025-11-27", "title": "t"})
    jobs = CodedExample("jobs_x", frozenset({"proje", "expec", "creat", "direc", "indir", "jobs"}), "jobs_expected",
                        "stated_figure", None, "reported")
    (fact,) = yaml.safe_load(stub_document(source, extract_mentions(text, lang="en"), [jobs], []))["facts"]
    assert (fact["indicator"], fact["period"]["precision"], fact["period"].get("end")) == ("jobs_expected", "unknown", None)


def test_a_year_after_publication_is_not_cut_at_the_publication_day():
    from pipelines.extract import extract_mentions
    from pipelines.coding.proposals import propose_period

    text = "The air hub is expected to host 6 million passengers by the end of 2026."
    dates = [m for m in extract_mentions(text, lang="en") if m.date]
    period = propose_period(dates, "2025-11-27", at=text.find("6 million"))
    assert period["end"] >= period.get("start", "")  # never an end before the start
    assert period["end"] == "2026-12-31"


def test_a_sentence_about_a_plan_is_drafted_as_its_target_and_a_number_joined_to_a_noun_is_not_a_figure():
    from pipelines.coding.proposals import CodedExample
    from pipelines.coding.stub import speaks_of_the_future, stub_document
    from pipelines.extract import extract_mentions
    from pipelines.sources.registry import Source

    text = "The four-phase modernization program will boost the airport's annual passenger capacity to over 31 million."
    source = Source("999_0000000000000000", text, "data/sources/999_0000000000000000.txt", "0" * 64, len(text),
                    {"language": "en", "published": "2025-11-27", "title": "t"})
    capacity = CodedExample("capacity_x", frozenset({"airpo", "annua", "passe", "capac", "moder"}),
                            "damascus_airport_passenger_capacity", "stated_figure", None, "reported")
    body = yaml.safe_load(stub_document(source, extract_mentions(text, lang="en"), [capacity], []))
    assert [(f["indicator"], f["value"]) for f in body["facts"]] == [("damascus_airport_passenger_capacity_target", 31000000)]
    assert [t["text"] for t in body["todo"]] == ["four"]  # "four-phase" describes the programme
    assert speaks_of_the_future("Kapasite 2026'da 900 megavata ulaşacak.", "tr")
    assert not speaks_of_the_future("The pipeline has a daily capacity of 6 million cubic meters.", "en")


def test_a_figure_said_to_be_current_is_as_of_the_statement_day():
    from pipelines.extract import extract_mentions
    from pipelines.coding.proposals import propose_period
    from pipelines.coding.stub import speaks_of_the_present

    text = "A total of 281 megawatts of electricity is currently exported to Syria."
    assert speaks_of_the_present(text, "en") and speaks_of_the_present("Hâlihazırda 281 megavat ihraç ediliyor.", "tr")
    assert not speaks_of_the_present("The plant had 500 MW.", "en")
    dates = [m for m in extract_mentions(text, lang="en") if m.date]
    current = propose_period(dates, "2025-08-15", at=text.find("281"), current=True)
    assert (current["end"], current["precision"]) == ("2025-08-15", "day")
    # without a word saying so, an unwritten as-of day is only bounded by the publication day
    assert propose_period(dates, "2025-08-15", at=text.find("281"))["precision"] == "range"
    assert propose_period(dates, None, at=text.find("281"), current=True)["precision"] == "unknown"
