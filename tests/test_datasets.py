"""UNHCR tables as sources: exact values with their cell locators, both vintages, the published
dataset_values and sources rows, the series beside the ministry's statements, and every error fed on purpose."""
import csv
import hashlib
from pathlib import Path

import pandas as pd
import pyreadr
import pytest
import yaml

from pipelines.build import build_package, build_tables_checked
from pipelines.datasets.cells import changed_cells, coded_cells, observations, read_coding, read_table
from pipelines.datasets.coding_schema import DatasetCoding
from pipelines.datasets.registry import read_datasets, with_superseded
from pipelines.errors import TsrError
from pipelines.paths import Layout
from pipelines.publish.views import view_frames

ROOT = Path(__file__).resolve().parents[1]
CODINGS = sorted((ROOT / "data" / "datasets").glob("*.yaml"))
POP = ROOT / "data/datasets/unhcr_population_2025.12.1.yaml"
POP_FILE = "data/datasets/files/population_2025.12.1.rda"
TUR_2024 = "year=2024,coo_iso=SYR,coa_iso=TUR"


def rows(root: Path, table: str) -> list[dict]:
    with (root / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def obs() -> pd.DataFrame:
    found = read_datasets(Layout(ROOT))
    return pd.DataFrame(with_superseded(found.values, found.codings))


def _one(obs, dataset, indicator, key, end):
    hit = obs[(obs.dataset == dataset) & (obs.indicator == indicator) & (obs.cell_row_key == key) & (obs.period_end == end)]
    assert len(hit) == 1
    return hit.iloc[0]


def test_end_year_values_with_locators(obs):
    stock = _one(obs, "unhcr_population_2025.12.1", "syrians_under_temporary_protection", TUR_2024, "2024-12-31")
    assert (stock.value, stock.geography, stock.source_id) == (2_901_478, "TR", "203_66eb6872a5f34c82")
    assert (stock.cell_file, stock.cell_table, stock.cell_column) == (POP_FILE, "population", "refugees")
    assert _one(obs, "unhcr_population_2025.12.1", "syrians_under_temporary_protection", "year=2025,coo_iso=SYR,coa_iso=TUR", "2025-12-31").value == 2_347_756
    r24 = _one(obs, "unhcr_population_2025.12.1", "returns_calendar_year", TUR_2024, "2024-12-31")
    assert (r24.value, r24.period_start, r24.geography) == (159_439, "2024-01-01", "SY;TR")
    assert _one(obs, "unhcr_population_2025.12.1", "returns_calendar_year", "year=2025,coo_iso=SYR,coa_iso=TUR", "2025-12-31").value == 556_009


def test_before_2012_the_row_is_mandate_refugees_not_temporary_protection(obs):
    pop = obs[(obs.dataset == "unhcr_population_2025.12.1") & (obs.cell_column == "refugees")]
    assert _one(obs, "unhcr_population_2025.12.1", "syrian_refugees_in_turkiye_under_unhcr_mandate",
                "year=2011,coo_iso=SYR,coa_iso=TUR", "2011-12-31").value == 19
    assert _one(obs, "unhcr_population_2025.12.1", "syrians_under_temporary_protection",
                "year=2012,coo_iso=SYR,coa_iso=TUR", "2012-12-31").value == 248_466
    tp = pop[pop.indicator == "syrians_under_temporary_protection"]
    assert tp.period_end.min() == "2012-12-31"


def test_mid_year_vintage_kept_with_its_period_and_superseded(obs):
    stock = _one(obs, "unhcr_population_2025.06.1", "syrians_under_temporary_protection", "year=2025,coo_iso=SYR,coa_iso=TUR", "2025-06-30")
    assert (stock.value, stock.period_start, stock.release, stock.partial_year, stock.superseded_by) == (
        2_646_142, "2025-06-30", "2025.06.1", "mid_year", "203_66eb6872a5f34c82")
    flow = _one(obs, "unhcr_population_2025.06.1", "returns_over_period", "year=2025,coo_iso=SYR,coa_iso=TUR", "2025-06-30")
    assert (flow.value, flow.period_start) == (223_903, "2025-01-01")
    # the mid-year release codes no full-year 2025 figure, and the end-year release supersedes nothing
    assert obs[(obs.dataset == "unhcr_population_2025.06.1") & (obs.period_end == "2025-12-31")].empty
    assert obs[obs.dataset == "unhcr_population_2025.12.1"].superseded_by.isna().all()


def test_returns_from_every_country_of_asylum(obs):
    sol = obs[obs.dataset == "unhcr_solutions_2025.12.1"]
    years = sol.cell_row_key.str.extract(r"year=(\d+)")[0].astype(int)
    assert years.between(2016, 2025).all()
    assert _one(obs, "unhcr_solutions_2025.12.1", "refugee_returns_to_syria_by_country_of_asylum_calendar_year",
                "year=2025,coo_iso=SYR,coa_iso=LBN", "2025-12-31").value == 465_578
    assert _one(obs, "unhcr_solutions_2025.12.1", "refugee_returns_to_syria_by_country_of_asylum_calendar_year",
                "year=2025,coo_iso=SYR,coa_iso=TUR", "2025-12-31").geography == "SY;TR"
    # UNHCR's UNK (country of asylum unknown) is mapped to no place: the returns still went to Syria
    unknown = _one(obs, "unhcr_solutions_2025.06.1", "refugee_returns_to_syria_by_country_of_asylum_over_period",
                   "year=2025,coo_iso=SYR,coa_iso=UNK", "2025-06-30")
    assert (unknown.value, unknown.geography) == (3_281, "SY")


def test_published_tables_hold_the_cells_and_the_dataset_sources(built_root):
    values = {(r["source_id"], r["cell_row_key"], r["cell_column"], r["indicator"]): r for r in rows(built_root, "dataset_values")}
    stock = values["203_66eb6872a5f34c82", TUR_2024, "refugees", "syrians_under_temporary_protection"]
    assert (stock["value"], stock["cell_file"], stock["cell_table"], stock["release"], stock["superseded_by"]) == (
        "2901478", POP_FILE, "population", "2025.12.1", "")
    sources = {r["source_id"]: r for r in rows(built_root, "sources")}
    source = sources["203_66eb6872a5f34c82"]
    assert (source["kind"], source["publisher"], source["licence"], source["release"], source["path"], source["published_earliest"]) == (
        "dataset", "UNHCR", "CC-BY-4.0", "2025.12.1", POP_FILE, "2026-06-25")
    assert source["origin"] == "https://github.com/PopulationStatistics/refugees blob dfc9466fc0e197c29ec4f847178aac51268109c0"
    assert source["sha256"] == hashlib.sha256((ROOT / POP_FILE).read_bytes()).hexdigest()
    # both 2025 vintages are published, each with its period and release
    vintages = {(r["release"], r["period_start"], r["period_end"], r["value"]) for r in values.values()
                if r["cell_row_key"] == "year=2025,coo_iso=SYR,coa_iso=TUR" and r["cell_column"] == "refugees"}
    assert vintages == {("2025.06.1", "2025-06-30", "2025-06-30", "2646142"), ("2025.12.1", "2025-12-31", "2025-12-31", "2347756")}


def test_end_2024_stock_agrees_with_the_ministry_and_end_2025_differs(built_root):
    series = [r for r in rows(built_root, "series") if r["indicator"] == "syrians_under_temporary_protection" and r["geography"] == "TR"]
    end_2024 = {(r["source_kind"], r["series"], r["source_id"], r["value"]) for r in series
                if (r["period_start"], r["period_end"]) == ("2024-12-31", "2024-12-31")}
    assert end_2024 == {("dataset", "unhcr_statistics", "201_98f6ae47ca0e82fb", "2901478"),
                        ("dataset", "unhcr_statistics", "203_66eb6872a5f34c82", "2901478"),
                        ("text", "dgmm", "122_3e78bf195ae226e7", "2901478")}
    # agreement: no discrepancy for that day
    assert not any(r["discrepancy_id"] == "syrians_under_temporary_protection|TR|2024-12-31|2024-12-31"
                   for r in rows(built_root, "discrepancies"))
    # difference: UNHCR's end-2025 stock and the figure stated three days later, side by side, neither dropped
    around_new_year = {(r["reference_date"], r["source_kind"], r["value"]) for r in series if "2025-12-31" <= r["reference_date"] <= "2026-01-03"}
    assert around_new_year == {("2025-12-31", "dataset", "2347756"), ("2026-01-03", "text", "2381326")}


def test_a_release_disagreeing_with_a_statement_is_a_discrepancy(built_root):
    tables = build_tables_checked(Layout(built_root))[0]
    values = tables["dataset_values"]
    revised = values["observation_id"] == "unhcr_population_2025_12_1_year_2024_coo_iso_syr_coa_iso_tur_refugees"
    assert revised.sum() == 1
    views = view_frames(tables | {"dataset_values": values.assign(value=values["value"].where(~revised, 2_900_000.0))})
    found = views["discrepancies"].set_index("discrepancy_id").loc["syrians_under_temporary_protection|TR|2024-12-31|2024-12-31"]
    assert (found["n_values"], found["n_sources"], found["min_value"], found["max_value"], found["series"]) == (
        2, 3, 2_900_000.0, 2_901_478.0, "dgmm;unhcr_statistics")
    assert found["observations"].startswith("unhcr_population_2025_12_1_year_2024_coo_iso_syr_coa_iso_tur_refugees = 2900000.0 (unhcr_statistics, 203_66eb6872a5f34c82)")


def _edit_cell(root: Path, value: float) -> None:
    """Rewrite the vendored end-year population file with one cell changed, and fix its sha256 and source id."""
    frame = read_table(root / POP_FILE, "population")
    frame.loc[(frame.year == 2024) & (frame.coo_iso == "SYR") & (frame.coa_iso == "TUR"), "refugees"] = value
    pyreadr.write_rdata(str(root / POP_FILE), frame, df_name="population")
    digest = hashlib.sha256((root / POP_FILE).read_bytes()).hexdigest()
    coding = root / "data/datasets/unhcr_population_2025.12.1.yaml"
    text = coding.read_text(encoding="utf-8")
    old = read_coding(coding)
    text = text.replace(old.sha256, digest).replace(old.source_id, f"203_{digest[:16]}")
    coding.write_text(text, encoding="utf-8")


def test_editing_one_cell_and_fixing_its_sha256_fails_the_build_naming_the_cell(inputs_root):
    build_package(Layout(inputs_root), force=True)
    published = (inputs_root / "data/dataset_values.csv").read_bytes()
    _edit_cell(inputs_root, 2_901_000.0)
    with pytest.raises(TsrError) as caught:
        build_package(Layout(inputs_root), force=True)
    assert caught.value.codes == {"cell-changed"}
    message = str(caught.value)
    assert f"{POP_FILE} population {TUR_2024} refugees" in message
    assert "data/datasets/unhcr_population_2025.12.1.yaml" in message and "2,901,000.0" in message and "2,901,478.0" in message
    assert (inputs_root / "data/dataset_values.csv").read_bytes() == published  # nothing published


def test_editing_the_file_without_fixing_its_sha256_fails(inputs_root):
    frame = read_table(inputs_root / POP_FILE, "population")
    pyreadr.write_rdata(str(inputs_root / POP_FILE), frame, df_name="population")
    with pytest.raises(TsrError) as caught:
        build_package(Layout(inputs_root), force=True)
    assert caught.value.codes == {"sha256-mismatch"}
    assert "data/datasets/unhcr_population_2025.12.1.yaml" in str(caught.value)


def test_changed_cells_compares_by_locator_only():
    current = pd.DataFrame([{"cell_file": "f", "cell_table": "t", "cell_row_key": "year=1", "cell_column": "c", "value": 2.0,
                             "coding_file": "data/datasets/x.yaml"}])
    assert changed_cells(current, pd.DataFrame()) == []
    same = current.assign(value="2.0")
    assert changed_cells(current, same) == []
    other_file = current.assign(cell_file="g", value="3.0")  # a new release is a new file: nothing to compare
    assert changed_cells(current, other_file) == []
    [problem] = changed_cells(current, current.assign(value="3.0"))
    assert (problem.code, problem.file, problem.key) == ("cell-changed", "data/datasets/x.yaml", "f t year=1 c")


@pytest.fixture(scope="module")
def population():
    return read_table(ROOT / POP_FILE, "population")


def _coding(**changes) -> DatasetCoding:
    data = yaml.safe_load(POP.read_text())
    data.update(changes)
    return DatasetCoding.model_validate(data)


def _codes(coding, frame, where="data/datasets/x.yaml"):
    with pytest.raises(TsrError) as caught:
        coded_cells(coding, frame, where)
    assert where in str(caught.value)
    return caught.value


def test_unknown_column(population):
    error = _codes(_coding(columns=[{"column": "refugee", "indicator": "syrians_under_temporary_protection", "period": "end_of_year"}]), population)
    assert error.codes == {"unknown-column"} and "refugee" in str(error)


def test_filter_matches_nothing(population):
    assert _codes(_coding(filter={"coo_iso": "SYR", "coa_iso": "XXX"}), population).codes == {"filter-matches-nothing"}


def test_row_key_not_unique(population):
    columns = [{"column": "refugees", "indicator": "syrians_under_temporary_protection", "period": "end_of_year"}]
    error = _codes(_coding(row_key=["year", "coo_iso"], filter={"coo_iso": "SYR"}, columns=columns), population)
    assert error.codes == {"row-key-not-unique"} and "year=" in str(error)


def test_non_numeric_cell(population):
    frame = population.copy()
    frame["refugees"] = frame["refugees"].astype(object)
    frame.loc[(frame.year == 2024) & (frame.coo_iso == "SYR") & (frame.coa_iso == "TUR"), "refugees"] = "2.9m"
    error = _codes(_coding(), frame)
    assert error.codes == {"non-numeric-cell"} and f"{TUR_2024} refugees" in str(error)


def test_a_country_code_outside_iso_3166_must_be_mapped(population):
    frame = population.copy()
    frame.loc[(frame.coo_iso == "SYR") & (frame.coa_iso == "TUR"), "coa_iso"] = "XTR"
    error = _codes(_coding(filter={"coo_iso": "SYR", "coa_iso": "XTR"}), frame)
    assert error.codes == {"unknown-country-code"} and "XTR" in str(error)
    assert coded_cells(_coding(filter={"coo_iso": "SYR", "coa_iso": "XTR"}, place_codes={"XTR": "TR"}), frame, "x")[0]["geography"] == "TR"


@pytest.mark.parametrize("change, expected", [
    ({"colums": []}, "colums"),
    ({"source_id": "203_0000000000000000"}, "first 16 hex digits"),
    ({"released_on": "2026-02-30"}, "released_on"),
    ({"columns": [{"column": "refugees", "indicator": "a", "period": "end_of_year"},
                  {"column": "refugees", "indicator": "b", "period": "end_of_year", "years": [2012, None]}]}, "more than once"),
    ({"columns": [{"column": "refugees", "indicator": "a", "period": "end_of_year", "geography": ["coa"]}]}, "not in row_key"),
])
def test_coding_shape_is_declared(tmp_path, change, expected):
    data = yaml.safe_load(POP.read_text())
    data.update(change)
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(TsrError) as caught:
        read_coding(path, "data/datasets/c.yaml")
    assert caught.value.codes == {"bad-dataset-coding"}
    assert "data/datasets/c.yaml" in str(caught.value) and expected in str(caught.value)


def test_a_coding_error_stops_the_build_and_names_the_file(inputs_root):
    coding = inputs_root / "data/datasets/unhcr_solutions_2025.12.1.yaml"
    coding.write_text(coding.read_text(encoding="utf-8").replace("filter: {coo_iso: SYR}", "filter: {coo_iso: SYRIA}"), encoding="utf-8")
    with pytest.raises(TsrError) as caught:
        build_package(Layout(inputs_root), force=True)
    assert caught.value.codes == {"filter-matches-nothing"}
    assert "data/datasets/unhcr_solutions_2025.12.1.yaml" in str(caught.value)
    assert not (inputs_root / "data/dataset_values.csv").exists()


def test_coded_indicators_exist():
    known = set(yaml.safe_load((ROOT / "schemas/indicators.yaml").read_text()))
    for path in CODINGS:
        for col in read_coding(path).columns:
            assert {col.indicator, col.partial_indicator} - {None} <= known, path


def test_observations_read_the_file_the_coding_names(tmp_path):
    coding = read_coding(POP)
    assert len(observations(coding, ROOT, "data/datasets/unhcr_population_2025.12.1.yaml")) > 0
    with pytest.raises(TsrError) as caught:
        observations(coding, tmp_path, "data/datasets/unhcr_population_2025.12.1.yaml")
    assert caught.value.codes == {"missing-dataset-file"}


def test_the_next_release_is_one_command_and_supersedes_the_last(inputs_root, tmp_path):
    from click.testing import CliRunner

    from pipelines.cli import cli

    frame = read_table(ROOT / POP_FILE, "population")
    row = (frame.year == 2025) & (frame.coo_iso == "SYR") & (frame.coa_iso == "TUR")
    frame.loc[row, "refugees"] = 2_350_000.0  # a revised end-2025 stock in the next release
    new = tmp_path / "population_2026.06.1.rda"
    pyreadr.write_rdata(str(new), frame, df_name="population")
    result = CliRunner().invoke(cli, ["add-source", "--root", str(inputs_root), "--dataset", str(new), "--like", "unhcr_population_2025.12.1",
                                      "--release", "2026.06.1", "--released-on", "2026-11-20", "--blob", "0" * 40])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "data/datasets/unhcr_population_2026.06.1.yaml"
    assert (inputs_root / "data/datasets/files/population_2026.06.1.rda").read_bytes() == new.read_bytes()
    build_package(Layout(inputs_root), force=True)
    values = [r for r in rows(inputs_root, "dataset_values") if r["cell_row_key"] == "year=2025,coo_iso=SYR,coa_iso=TUR"
              and r["cell_column"] == "refugees"]
    new_id = next(r["source_id"] for r in rows(inputs_root, "sources") if r["release"] == "2026.06.1")
    assert {(r["release"], r["value"], r["superseded_by"]) for r in values} == {
        ("2025.06.1", "2646142", new_id), ("2025.12.1", "2347756", new_id), ("2026.06.1", "2350000", "")}
    # the revision is a disagreement between two releases for the same day, shown with both values
    found = {r["discrepancy_id"]: r for r in rows(inputs_root, "discrepancies")}
    assert found["syrians_under_temporary_protection|TR|2025-12-31|2025-12-31"]["n_values"] == "2"
    # the same file twice is refused
    again = CliRunner().invoke(cli, ["add-source", "--root", str(inputs_root), "--dataset", str(new), "--like", "unhcr_population_2025.12.1",
                                     "--release", "2026.06.2", "--released-on", "2026-11-21", "--blob", "1" * 40])
    assert again.exit_code != 0 and "duplicate-dataset" in again.output


def test_a_new_table_without_a_coding_is_refused_until_its_columns_are_coded(inputs_root):
    from click.testing import CliRunner

    from pipelines.cli import cli

    source = inputs_root / "other.rda"
    pyreadr.write_rdata(str(source), read_table(ROOT / POP_FILE, "population").head(50), df_name="population")
    result = CliRunner().invoke(cli, ["add-source", "--root", str(inputs_root), "--dataset", str(source), "--table", "population",
                                      "--publisher", "UNHCR", "--licence", "CC-BY-4.0", "--repository", "https://example.org/r",
                                      "--release", "1", "--released-on", "2026-01-01", "--blob", "2" * 40])
    assert result.exit_code == 0, result.output
    written = (inputs_root / "data/datasets/unhcr_population_1.yaml").read_text(encoding="utf-8")
    assert "# The table's columns: year, coo_name" in written
    with pytest.raises(TsrError) as caught:
        build_package(Layout(inputs_root), force=True)
    assert "bad-dataset-coding" in caught.value.codes and "data/datasets/unhcr_population_1.yaml" in str(caught.value)


def test_returns_by_country_of_asylum_chart_draws_the_newest_cells(built_root):
    with (built_root / "data/charts/unhcr_returns_to_syria_by_country_of_asylum.csv").open(encoding="utf-8", newline="") as fh:
        drawn = list(csv.DictReader(fh))
    turkiye_2025 = [r for r in drawn if r["year"] == "2025" and r["country_of_asylum"] == "TR"]
    assert [(r["value"], r["release"], r["cell_row_key"]) for r in turkiye_2025] == [("556009", "2025.12.1", "year=2025,coo_iso=SYR,coa_iso=TUR")]
    assert {r["release"] for r in drawn} == {"2025.12.1"}  # superseded mid-year cells are not drawn twice
    import json
    package = json.loads((built_root / "datapackage.json").read_text(encoding="utf-8"))
    png = next(r for r in package["resources"] if r["path"] == "data/charts/unhcr_returns_to_syria_by_country_of_asylum.png")
    assert "2025: 1,341,148 in all, 556,009 from Türkiye" in png["alt_text"]
