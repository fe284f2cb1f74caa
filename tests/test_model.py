"""The indicator / statistical-series side of the data model (docs/data-model.md): the two vocabularies as
published tables, the facts' series, flags and period semantics, the declared shape of the hand-written
YAML files, and the rules on dates after publication. Values are checked for named rows, never counted."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import duckdb
import pandas as pd
import pandera.errors
import pytest

from pipelines.build import build_package
from pipelines.coding.actors import actor_rows
from pipelines.coding.apply import apply_coding
from pipelines.coding.catalogue import PROSPECTIVE, check_indicators, read_catalogue
from pipelines.coding.run import read_actors
from pipelines.errors import TsrError
from pipelines.extract import extract_mentions
from pipelines.paths import REPO_ROOT, Layout
from pipelines.publish.validate import publication_problems
from pipelines.sources.registry import read_sources
from pipelines.yamlfile import parse_yaml
from schemas import TABLES
from schemas.vocabularies import terms

SEED = "003_6dc9c966a4e88e09"
SEED_000 = "000_2c69b4d6582214f2"
CODING = f"data/coding/{SEED}.yaml"
CODING_000 = f"data/coding/{SEED_000}.yaml"
HATAY = "returns_permanent_via_hatay_since_2024_12_08"
TOTAL = "returns_total_since_2024_12_08_bolat"


def rows(root: Path, table: str, key: str) -> dict[str, dict]:
    with (root / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return {r[key]: r for r in csv.DictReader(fh)}


# -- the published vocabularies --------------------------------------------------------------------

def test_indicators_table_holds_named_indicators(built_root):
    indicators = rows(built_root, "indicators", "indicator_id")
    since_fall = indicators["returns_since_2024_12_08"]
    assert (since_fall["measure_type"], since_fall["since"], since_fall["unit"], since_fall["category"],
            since_fall["may_be_negative"]) == ("cumulative", "2024-12-08", "people", "returns", "false")
    assert "9 December" in since_fall["definition"]
    since_2016 = indicators["returns_since_2016"]
    assert (since_2016["measure_type"], since_2016["since"]) == ("cumulative", "2016-01-01")
    assert "792,625 - 52,622 = 740,003 = 1,151,652 - 411,649" in since_2016["definition"]
    stock = indicators["syrians_under_temporary_protection"]
    assert (stock["measure_type"], stock["since"], stock["category"]) == ("stock", "", "migration")
    growth = indicators["exports_tr_to_sy_growth"]
    assert (growth["measure_type"], growth["unit"], growth["may_be_negative"]) == ("growth_rate", "percent", "true")
    assert indicators["electricity_export_capacity_tr_to_sy"]["unit"] == "MW"
    assert indicators["reconstruction_cost_sy"]["measure_type"] == "cost_estimate"


def test_statistical_series_table_names_compilers(built_root):
    series = rows(built_root, "statistical_series", "series_id")
    assert series["tuik_general_trade"]["compiler"] == "tr_tuik"
    assert series["tim_exporters"]["compiler"] == "tim"
    assert series["dgmm"]["compiler"] == "tr_dgmm"
    assert series["stated_figure"]["compiler"] == ""
    assert "1,507,952" in series["tuik_general_trade"]["definition"]


def test_seed_facts_carry_indicator_series_and_period_semantics(built_root):
    facts = rows(built_root, "facts", "fact_id")
    total, hatay = facts[TOTAL], facts[HATAY]
    assert (total["indicator"], total["series"], total["flags"]) == ("returns_since_2024_12_08", "stated_figure", "")
    assert (hatay["series"], hatay["period_start"], hatay["period_end"], hatay["period_precision"]) == (
        "customs_gate_statistics", "2024-12-08", "", "unknown")
    amman = facts["countries_amman_counterterrorism_agreement_2025_03_09"]
    assert (amman["indicator"], amman["period_start"], amman["period_end"], amman["period_precision"]) == (
        "countries_agreeing_to_support_syria_counterterrorism", "2025-03-09", "2025-03-09", "day")
    bases = facts["turkish_bases_central_syria_reported_by_media"]
    assert (bases["indicator"], bases["unit"], bases["value"]) == ("turkish_military_bases_planned_in_syria", "military bases", "3")


def test_every_fact_agrees_with_its_indicator(built_root):
    """Invariants over whatever is published: unit, category and a cumulative count's start."""
    indicators = rows(built_root, "indicators", "indicator_id")
    series = rows(built_root, "statistical_series", "series_id")
    for fact in rows(built_root, "facts", "fact_id").values():
        indicator = indicators[fact["indicator"]]
        assert fact["series"] in series
        assert (fact["unit"], fact["category"]) == (indicator["unit"], indicator["category"]), fact["fact_id"]
        if indicator["measure_type"] == "cumulative":
            assert fact["period_start"] == indicator["since"], fact["fact_id"]


def test_facts_join_indicators_and_series_in_duckdb(built_root):
    with duckdb.connect(str(built_root / "data" / "turkey_syria.duckdb"), read_only=True) as con:
        row = con.execute("""SELECT i.measure_type, i.since, s.label FROM facts f
                             JOIN indicators i ON f.indicator = i.indicator_id
                             JOIN statistical_series s ON f.series = s.series_id
                             WHERE f.fact_id = ?""", [HATAY]).fetchall()
        comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'indicators' "
                              "AND column_name = 'measure_type'").fetchall()[0][0]
    assert row == [("cumulative", pd.Timestamp("2024-12-08").date(), "Customs records of the land border gates")]
    assert "cumulative: A running total since the fixed day" in comment


def test_datapackage_declares_the_new_foreign_keys(built_root):
    package = json.loads((built_root / "datapackage.json").read_text(encoding="utf-8"))
    facts = next(r for r in package["resources"] if r["name"] == "facts")
    references = {fk["fields"][0]: fk["reference"] for fk in facts["schema"]["foreignKeys"]}
    assert references["indicator"] == {"resource": "indicators", "fields": ["indicator_id"]}
    assert references["series"] == {"resource": "statistical_series", "fields": ["series_id"]}
    flags = next(f for f in facts["schema"]["fields"] if f["name"] == "flags")
    assert "misreported_by_publisher" in flags["constraints"]["pattern"]


def test_the_page_lists_the_new_vocabularies(built_root):
    page = (built_root / "site" / "index.html").read_text(encoding="utf-8")
    assert 'id="table-indicators"' in page and 'id="table-statistical_series"' in page
    assert "<code>weak_aggregator_copy</code>" in page  # the flags' terms, though a list has no enum
    assert "<code>cost_estimate</code>" in page


# -- pandera: non-finite values and impossible dates -------------------------------------------------

def test_every_float_column_refuses_non_finite_values():
    for name, model in TABLES.items():
        for column, col in model.to_schema().columns.items():
            if str(col.dtype).startswith("float"):
                assert any(c.name == "finite" for c in col.checks), f"{name}.{column}"


def test_every_date_column_refuses_impossible_days():
    for name, model in TABLES.items():
        for column, col in model.to_schema().columns.items():
            if (col.metadata or {}).get("type") == "date":
                assert any(c.name == "calendar_date" for c in col.checks), f"{name}.{column}"


def _fact_row(built_root: Path) -> pd.DataFrame:
    facts = pd.read_parquet(built_root / "data" / "parquet" / "facts.parquet")
    facts["period_start"] = facts["period_start"].astype(str)
    return facts[facts["fact_id"] == HATAY].reset_index(drop=True)


@pytest.mark.parametrize("value", [float("inf"), float("-inf")])
def test_pandera_refuses_an_infinite_value(built_root, value):
    frame = _fact_row(built_root)
    frame["value"] = value
    with pytest.raises(pandera.errors.SchemaErrors) as info:
        TABLES["facts"].validate(frame, lazy=True)
    assert "finite(finite=True)" in set(info.value.failure_cases["check"])


def test_pandera_refuses_an_impossible_day(built_root):
    frame = _fact_row(built_root)
    frame["period_end"] = "2025-02-30"
    with pytest.raises(pandera.errors.SchemaErrors) as info:
        TABLES["facts"].validate(frame, lazy=True)
    cases = info.value.failure_cases
    assert list(cases[cases["check"] == "calendar_date(calendar_date=True)"]["failure_case"]) == ["2025-02-30"]


# -- coding files: declared shape, then indicator rules (applied to the real seed source) -----------

@pytest.fixture(scope="module")
def seed():
    source = next(s for s in read_sources(Layout(REPO_ROOT)) if s.source_id == SEED)
    actor_ids = {a["actor_id"] for a in read_actors(Layout(REPO_ROOT))}
    return source, extract_mentions(source.text, lang="en"), actor_ids, read_catalogue()


def code(seed, old: str = "", new: str = "", *, file: str = CODING):
    source, mentions, actor_ids, catalogue = seed
    text = (REPO_ROOT / file).read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {file}"
    return apply_coding(source, mentions, parse_yaml(text.replace(old, new, 1), file), file, actor_ids, catalogue)


def line_of(text_file: str, needle: str) -> int:
    lines = (REPO_ROOT / text_file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def only(coded, code_: str):
    found = [p for p in coded.problems if p.code == code_]
    assert found, f"expected {code_}, got {[str(p) for p in coded.problems]}"
    return found


def test_the_seed_coding_has_no_problem(seed):
    assert code(seed).problems == []


@pytest.mark.parametrize(("old", "new", "expected", "key", "message"), [
    (f"- id: {HATAY}", "- id: [a, b]", "bad-type", r"^line \d+$", r"id: an id must be a text, got \['a', 'b'\]"),
    ("    quote: 27,941 people", "    occurrence: two\n    quote: 27,941 people", "bad-type", HATAY, r"^occurrence: .*integer; got 'two'"),
    ('mentions: ["27,941"]', 'mentions: [{text: "27,941", occurrence: x}]', "bad-type", HATAY, r"mentions\[0\]\.occurrence"),
    ('label: "Customs gates in Hatay used for returns to Syria"', "label: {text: Gates}", "bad-type",
     "customs_gates_hatay_used_for_returns", r"^label: must be a text, got \{'text': 'Gates'\}"),
    ("    quote: 27,941 people", "    colour: red\n    quote: 27,941 people", "unknown-key", HATAY, r"unknown key 'colour'; allowed here"),
    ("    value: 27941", "    value: .inf", "non-finite-value", HATAY, r"^value: "),
    ("    value: 27941", "    value: .nan", "non-finite-value", HATAY, r"^value: "),
])
def test_wrong_shapes_are_clear_errors_with_the_line(seed, old, new, expected, key, message):
    problems = only(code(seed, old, new), expected)
    assert any(re.search(key, p.key) and re.search(message, p.message) for p in problems), [str(p) for p in problems]
    assert all(re.search(r"\(?line \d+\)?$", p.key) for p in problems)
    assert str(problems[0]).startswith(f"[{expected}] {CODING}: ")


def test_the_line_is_the_entry_or_the_nested_mapping(seed):
    coded = code(seed, 'label: "Customs gates in Hatay used for returns to Syria"', "label: {text: Gates}")
    (problem,) = only(coded, "bad-type")
    # The innermost mapping on the path is the bad value itself: its own line.
    line = line_of(CODING, 'label: "Customs gates in Hatay used for returns to Syria"')
    assert problem.key == f"customs_gates_hatay_used_for_returns (line {line})"
    assert not any(f["fact_id"] == "customs_gates_hatay_used_for_returns" for f in coded.facts)  # never published
    assert not [p for p in coded.problems if p.code == "unaccounted-mention"]  # no noise from the skipped entry


def test_an_impossible_period_day_names_file_and_line(seed):
    text = (REPO_ROOT / CODING).read_text(encoding="utf-8")
    hatay = text.index(f"- id: {HATAY}")
    start = text.index('start: "2024-12-08"', hatay)
    source, mentions, actor_ids, catalogue = seed
    broken = text[:start] + 'start: "2025-02-30"' + text[start + len('start: "2024-12-08"'):]
    coded = apply_coding(source, mentions, parse_yaml(broken, CODING), CODING, actor_ids, catalogue)
    (problem,) = only(coded, "bad-date")
    period_line = text[:start].count("\n")  # the period mapping starts on the line of its first key
    assert problem.key == f"{HATAY} (line {period_line + 1})"
    assert problem.message == "period.start: '2025-02-30' is not a calendar date"


def test_an_impossible_event_day_names_file_and_line(seed):
    coded = code(seed, 'start: "2025-01-01", end: "2025-01-31"', 'start: "2025-01-01", end: "2025-02-30"')
    (problem,) = only(coded, "bad-date")
    line = line_of(CODING, 'end: "2025-01-31"')
    assert problem.key == f"msb_delegation_visit_syria_2025_01 (line {line})"
    assert "date.end: '2025-02-30' is not a calendar date" == problem.message


def test_unknown_indicator_is_named_with_a_suggestion(seed):
    (problem,) = only(code(seed, "indicator: returns_since_2024_12_08", "indicator: returns_since_2024_12_8"), "unknown-indicator")
    assert problem.key.startswith(TOTAL)
    assert "'returns_since_2024_12_8' is not in schemas/indicators.yaml" in problem.message
    assert "did you mean returns_since_2024_12_08" in problem.message


def test_unknown_series_is_named(seed):
    (problem,) = only(code(seed, "series: customs_gate_statistics", "series: customs"), "unknown-series")
    assert problem.key.startswith(HATAY) and "'customs'" in problem.message


def test_unit_and_category_must_equal_the_indicators(seed):
    (unit,) = only(code(seed, "value: 27941\n    unit: people", "value: 27941\n    unit: persons"), "unit-mismatch")
    assert unit.key.startswith(HATAY) and "'persons' differs from indicator returns_permanent_via_hatay's unit 'people'" in unit.message
    (category,) = only(code(seed, "category: infrastructure\n    indicator: customs_gates_hatay_used_for_returns",
                            "category: trade\n    indicator: customs_gates_hatay_used_for_returns"), "category-mismatch")
    assert category.key.startswith("customs_gates_hatay_used_for_returns")


def test_unit_and_category_default_to_the_indicators(seed):
    coded = code(seed, "    category: infrastructure\n    indicator: customs_gates_hatay_used_for_returns",
                 "    indicator: customs_gates_hatay_used_for_returns")
    coded_text = (REPO_ROOT / CODING).read_text(encoding="utf-8")
    assert "unit: customs gates" in coded_text
    assert coded.problems == []
    gates = next(f for f in coded.facts if f["fact_id"] == "customs_gates_hatay_used_for_returns")
    assert (gates["category"], gates["unit"]) == ("infrastructure", "customs gates")


def test_a_cumulative_count_starts_on_its_indicators_since_day(seed):
    (problem,) = only(code(seed, 'start: "2024-12-08"\n      end: null\n      precision: unknown\n      basis: >-\n        Running total',
                           'start: "2024-12-09"\n      end: null\n      precision: unknown\n      basis: >-\n        Running total'),
                      "since-mismatch")
    assert problem.key.startswith(TOTAL) and "since day 2024-12-08" in problem.message


def test_an_omitted_cumulative_start_is_the_since_day(seed):
    coded = code(seed, 'start: "2024-12-08"\n      end: null\n      precision: unknown\n      basis: >-\n        Running total',
                 'end: null\n      precision: unknown\n      basis: >-\n        Running total')
    assert coded.problems == []
    assert next(f for f in coded.facts if f["fact_id"] == TOTAL)["period_start"] == "2024-12-08"


def test_flags_are_a_vocabulary_published_sorted(seed):
    coded = code(seed, "    value: 27941\n", "    value: 27941\n    flags: [weak_aggregator_copy, contradicts_other_sources]\n")
    assert coded.problems == []
    assert next(f for f in coded.facts if f["fact_id"] == HATAY)["flags"] == "contradicts_other_sources;weak_aggregator_copy"
    (problem,) = only(code(seed, "    value: 27941\n", "    value: 27941\n    flags: [dubious]\n"), "unknown-term")
    assert "flag 'dubious'" in problem.message


def test_a_stock_known_to_the_day_is_one_day(seed):
    source_000 = next(s for s in read_sources(Layout(REPO_ROOT)) if s.source_id == SEED_000)
    _, _, actor_ids, catalogue = seed
    text = (REPO_ROOT / CODING_000).read_text(encoding="utf-8").replace('      end: "2025-03-09"\n      precision: day',
                                                                          '      end: "2025-03-10"\n      precision: day', 1)
    coded = apply_coding(source_000, extract_mentions(source_000.text, lang="en"), parse_yaml(text, CODING_000),
                         CODING_000, actor_ids, catalogue)
    (problem,) = only(coded, "as-of-not-one-day")
    assert problem.key.startswith("countries_amman_counterterrorism_agreement_2025_03_09")


def test_a_vague_period_states_its_basis(seed):
    (problem,) = only(code(seed, "      basis: Same period as its inputs; the as-of day of the minister's statement is not given.\n", ""),
                      "missing-basis")
    assert problem.key.startswith("returns_via_other_crossings_since_2024_12_08")


# -- derived values: never negative where the indicator cannot be, never infinite (N2, N3) -----------

def _build_fails(root: Path, code_: str, file: str, key: str) -> TsrError:
    with pytest.raises(TsrError) as info:
        build_package(Layout(root), force=True)
    found = [p for p in info.value.problems if p.code == code_]
    assert any(p.file == file and key in p.key for p in found), [str(p) for p in info.value.problems]
    return info.value


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_negative_derived_count_stops_the_build(inputs_root):
    _edit(inputs_root, CODING, "formula: total - hatay", "formula: hatay - total")
    error = _build_fails(inputs_root, "negative-value", CODING, "returns_via_other_crossings_since_2024_12_08")
    assert "gives -12059, but returns_via_other_crossings (people) cannot be negative" in str(error)


def test_an_infinite_derived_value_stops_the_build(inputs_root):
    _edit(inputs_root, CODING, "formula: total - hatay", "formula: total * 1e308 - hatay")
    _build_fails(inputs_root, "non-finite-value", CODING, "returns_via_other_crossings_since_2024_12_08")


# -- dates after publication, retrieval and the build day (item 5) ------------------------------------

def test_a_stated_figure_cannot_end_after_the_latest_publication(inputs_root):
    _edit(inputs_root, f"data/sources/{SEED_000}.meta.yaml", "  earliest: 2025-03-13\n  latest: null",
          "  earliest: 2025-03-13\n  latest: 2025-03-31")
    _edit(inputs_root, CODING_000, '      start: "2025-03-09"\n      end: "2025-03-09"', '      start: "2026-03-09"\n      end: "2026-03-09"')
    _edit(inputs_root, CODING_000, 'start: "2025-03-09"\n      end: "2025-03-09"\n      precision: day\n      inferred: true',
          'start: "2026-03-09"\n      end: "2026-03-09"\n      precision: day\n      inferred: true')
    error = _build_fails(inputs_root, "after-publication", "table facts", "countries_amman_counterterrorism_agreement_2025_03_09")
    assert "2026-03-09 is after the source's latest publication date 2025-03-31" in str(error)


def test_a_figure_dated_after_the_build_day_stops_the_build(inputs_root):
    # The source's latest publication date is unknown: the build day still bounds what is stated as done.
    _edit(inputs_root, CODING_000, '      start: "2025-03-09"\n      end: "2025-03-09"', '      start: "2099-03-09"\n      end: "2099-03-09"')
    _edit(inputs_root, CODING_000, 'start: "2025-03-09"\n      end: "2025-03-09"\n      precision: day\n      inferred: true',
          'start: "2099-03-09"\n      end: "2099-03-09"\n      precision: day\n      inferred: true')
    error = _build_fails(inputs_root, "in-the-future", "table facts", "countries_amman_counterterrorism_agreement_2025_03_09")
    assert any(p.code == "in-the-future" and "amman_ministerial_meeting_2025_03_09" in p.key for p in error.problems)


def test_a_target_may_refer_to_a_later_date(inputs_root):
    assert "target" in PROSPECTIVE
    _edit(inputs_root, CODING_000, """      start: null
      end: null
      precision: unknown
      basis: A plan reported by Israeli and Turkish media shortly before publication; no date given.""",
          """      start: "2099-01-01"
      end: "2099-12-31"
      precision: year
      basis: A plan reported by Israeli and Turkish media shortly before publication (test horizon).""")
    build_package(Layout(inputs_root), force=True)
    bases = rows(inputs_root, "facts", "fact_id")["turkish_bases_central_syria_reported_by_media"]
    assert (bases["period_end"], bases["period_precision"]) == ("2099-12-31", "year")


def _tables_for_dates(built_root: Path, **source_columns) -> dict[str, pd.DataFrame]:
    read = lambda t: pd.read_csv(built_root / "data" / f"{t}.csv", dtype=str, keep_default_na=False, na_values=[""])  # noqa: E731
    tables = {t: read(t) for t in ("sources", "facts", "events", "indicators")}
    for column, value in source_columns.items():
        tables["sources"][column] = value
    return tables


def test_nothing_stated_as_done_is_after_the_retrieval_day(built_root):
    tables = _tables_for_dates(built_root, retrieved_on="2025-03-10")
    problems = publication_problems(tables, today="2030-01-01")
    keys = {(p.code, p.key) for p in problems}
    assert ("after-retrieval", "event_id=defence_statement_on_thursday") in keys  # a completed event of 13 March
    assert not any("turkish_bases" in key for _, key in keys)  # targets may refer to later dates


def test_a_completed_event_after_the_build_day(seed_root):
    # The seeds alone: corpus reports hold many later figures that a build day of 2025-03-12 would refuse too.
    problems = publication_problems(_tables_for_dates(seed_root), today="2025-03-12")
    assert {(p.code, p.key) for p in problems} == {("in-the-future", "event_id=defence_statement_on_thursday")}


# -- the other declared files -----------------------------------------------------------------------

def test_actor_registry_shape_errors_name_the_line():
    document = parse_yaml("actors:\n  - {id: a, name: [x], type: person}\n  - {id: b, name: B, type: person, colour: red}\n",
                          "data/coding/actors.yaml")
    with pytest.raises(TsrError) as info:
        actor_rows(document, "data/coding/actors.yaml")
    assert {(p.code, p.key) for p in info.value.problems} == {("bad-type", "a (line 2)"), ("unknown-key", "b (line 3)")}


INDICATOR = """
good_stock:
  label: A stock
  category: migration
  unit: people
  measure_type: stock
  definition: A level.
"""


@pytest.mark.parametrize(("entry", "expected", "message"), [
    ("  measure_type: level\n", "unknown-term", "measure_type 'level'"),
    ("  measure_type: cumulative\n", "bad-since", "needs since"),
    ("  measure_type: stock\n  since: '2024-12-08'\n", "bad-since", "only a cumulative"),
    ("  measure_type: cumulative\n  since: '2024-02-30'\n", "bad-date", "'2024-02-30' is not a calendar date"),
    ("  measure_type: stock\n  colour: red\n", "unknown-key", "unknown key 'colour'"),
    ("  measure_type: stock\n  may_be_negative: maybe\n", "bad-type", "may_be_negative"),
])
def test_an_indicator_entry_is_checked(entry, expected, message):
    text = INDICATOR + "bad_one:\n  label: Bad\n  category: returns\n  unit: people\n  definition: Bad.\n" + entry
    indicators, problems = check_indicators(parse_yaml(text, "schemas/indicators.yaml"), "schemas/indicators.yaml")
    assert "good_stock" in [*indicators]
    assert [(p.code, p.key) for p in problems] == [(expected, "bad_one (line 9)")]  # the entry's first key
    assert message in problems[0].message


def test_a_series_compiler_must_be_an_actor(tmp_path):
    series = tmp_path / "series.yaml"
    series.write_text("mine:\n  label: Mine\n  compiler: nobody\n  definition: A test series.\n", encoding="utf-8")
    with pytest.raises(TsrError) as info:
        read_catalogue(series_path=series, actor_ids={"tr_tuik"})
    assert [(p.code, p.key) for p in info.value.problems] == [("dangling-actor", "mine (line 2)")]


def test_every_indicator_term_and_series_compiler_is_known():
    catalogue = read_catalogue(actor_ids={a["actor_id"] for a in read_actors(Layout(REPO_ROOT))})
    for key, indicator in catalogue.indicators.items():
        assert indicator.measure_type in terms("measure_type"), key
        assert indicator.may_be_negative == (indicator.measure_type == "growth_rate"), key


def test_the_readme_fact_example_is_a_valid_coding():
    from pipelines.coding.coding_schema import Fact, shape_problems

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("A fact in a coding file")[1].split("```yaml\n")[1].split("```")[0]
    (entry,) = parse_yaml(block, "README.md")
    fact, failures = shape_problems(Fact, entry, "README.md")
    assert failures == []
    catalogue = read_catalogue()
    assert fact.indicator in catalogue.indicators and fact.series in catalogue.series
