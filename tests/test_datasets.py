"""UNHCR tables as sources: exact values with their cell locators, both vintages, and every error fed on purpose."""
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from pipelines.datasets.cells import coded_cells, observations, read_coding, read_table, verify
from pipelines.errors import TsrError

ROOT = Path(__file__).resolve().parents[1]
CODINGS = sorted((ROOT / "data" / "datasets").glob("*.yaml"))
POP = ROOT / "data/datasets/unhcr_population_2025.12.1.yaml"
SOL = ROOT / "data/datasets/unhcr_solutions_2025.12.1.yaml"


@pytest.fixture(scope="module")
def obs() -> pd.DataFrame:
    return pd.DataFrame([r for p in CODINGS for r in observations(p, ROOT)])


def _one(obs, dataset, indicator, key, end):
    hit = obs[(obs.dataset == dataset) & (obs.indicator == indicator) & (obs.cell_row_key == key) & (obs.period_end == end)]
    assert len(hit) == 1
    return hit.iloc[0]


def test_end_year_values_with_locators(obs):
    stock = _one(obs, "unhcr_population_2025.12.1", "syrians_under_temporary_protection", "year=2024,coo_iso=SYR,coa_iso=TUR", "2024-12-31")
    assert stock.value == 2_901_478
    assert (stock.cell_file, stock.cell_table, stock.cell_column) == ("data/datasets/files/population_2025.12.1.rda", "population", "refugees")
    assert _one(obs, "unhcr_population_2025.12.1", "syrians_under_temporary_protection", "year=2025,coo_iso=SYR,coa_iso=TUR", "2025-12-31").value == 2_347_756
    r24 = _one(obs, "unhcr_population_2025.12.1", "returns_calendar_year", "year=2024,coo_iso=SYR,coa_iso=TUR", "2024-12-31")
    assert (r24.value, r24.period_start) == (159_439, "2024-01-01")
    assert _one(obs, "unhcr_population_2025.12.1", "returns_calendar_year", "year=2025,coo_iso=SYR,coa_iso=TUR", "2025-12-31").value == 556_009


def test_mid_year_vintage_kept_with_its_period(obs):
    stock = _one(obs, "unhcr_population_2025.06.1", "syrians_under_temporary_protection", "year=2025,coo_iso=SYR,coa_iso=TUR", "2025-06-30")
    assert (stock.value, stock.period_start, stock.release) == (2_646_142, "2025-06-30", "2025.06.1")
    flow = _one(obs, "unhcr_population_2025.06.1", "returns_over_period", "year=2025,coo_iso=SYR,coa_iso=TUR", "2025-06-30")
    assert (flow.value, flow.period_start) == (223_903, "2025-01-01")
    # the mid-year release codes no full-year 2025 figure
    assert obs[(obs.dataset == "unhcr_population_2025.06.1") & (obs.period_end == "2025-12-31")].empty


def test_returns_from_every_country_of_asylum(obs):
    sol = obs[obs.dataset == "unhcr_solutions_2025.12.1"]
    assert sol.key_year.between(2016, 2025).all()
    assert _one(obs, "unhcr_solutions_2025.12.1", "refugee_returns_to_syria_by_country_of_asylum_calendar_year",
                "year=2025,coo_iso=SYR,coa_iso=TUR", "2025-12-31").value == 556_009
    assert {"LBN", "JOR", "TUR"} <= set(sol[sol.key_year == 2025].key_coa_iso)


def test_published_cells_verify(obs):
    verify(obs, ROOT)


def test_editing_one_cell_fails_naming_it(obs, tmp_path):
    target = obs[(obs.dataset == "unhcr_population_2025.12.1") & (obs.cell_row_key == "year=2024,coo_iso=SYR,coa_iso=TUR")
                 & (obs.cell_column == "refugees")]
    edited = target.assign(value=2_901_479.0)  # as if the file's cell had been edited after publication
    with pytest.raises(TsrError) as caught:
        verify(edited, ROOT)
    assert caught.value.codes == {"cell-changed"}
    assert "year=2024,coo_iso=SYR,coa_iso=TUR refugees" in str(caught.value)


def test_edited_file_with_fixed_sha256_fails_naming_the_cell(obs, tmp_path):
    import hashlib
    import pyreadr
    frame = read_table(ROOT / "data/datasets/files/population_2025.12.1.rda", "population")
    row = (frame.year == 2024) & (frame.coo_iso == "SYR") & (frame.coa_iso == "TUR")
    frame.loc[row, "refugees"] = 2_901_000.0
    (tmp_path / "data/datasets/files").mkdir(parents=True)
    edited = tmp_path / "data/datasets/files/population_2025.12.1.rda"
    pyreadr.write_rdata(str(edited), frame, df_name="population")
    published = obs[obs.dataset == "unhcr_population_2025.12.1"].assign(cell_sha256=hashlib.sha256(edited.read_bytes()).hexdigest())
    with pytest.raises(TsrError) as caught:
        verify(published, tmp_path)
    assert caught.value.codes == {"cell-changed"}
    assert "population year=2024,coo_iso=SYR,coa_iso=TUR refugees" in str(caught.value)


def test_changed_file_fails_sha256(tmp_path):
    coding = yaml.safe_load(POP.read_text())
    coding["sha256"] = "0" * 64
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(coding))
    with pytest.raises(TsrError) as caught:
        observations(path, ROOT)
    assert caught.value.codes == {"sha256-mismatch"}


@pytest.fixture(scope="module")
def population():
    return read_table(ROOT / "data/datasets/files/population_2025.12.1.rda", "population")


def _coding(**changes):
    data = yaml.safe_load(POP.read_text())
    data.update(changes)
    return read_coding_from(data)


def read_coding_from(data):
    from pipelines.datasets.coding_schema import DatasetCoding
    return DatasetCoding.model_validate(data)


def test_unknown_column(population):
    coding = _coding(columns=[{"column": "refugee", "indicator": "syrians_under_temporary_protection", "period": "end_of_year"}])
    with pytest.raises(TsrError) as caught:
        coded_cells(coding, population, "data/datasets/x.yaml")
    assert caught.value.codes == {"unknown-column"}
    assert "data/datasets/x.yaml" in str(caught.value) and "refugee" in str(caught.value)


def test_filter_matches_nothing(population):
    with pytest.raises(TsrError) as caught:
        coded_cells(_coding(filter={"coo_iso": "SYR", "coa_iso": "XXX"}), population, "data/datasets/x.yaml")
    assert caught.value.codes == {"filter-matches-nothing"}


def test_row_key_not_unique(population):
    with pytest.raises(TsrError) as caught:
        coded_cells(_coding(row_key=["year", "coo_iso"], filter={"coo_iso": "SYR"}), population, "data/datasets/x.yaml")
    assert caught.value.codes == {"row-key-not-unique"}
    assert "year=" in str(caught.value)


def test_non_numeric_cell(population):
    frame = population.copy()
    frame["refugees"] = frame["refugees"].astype(object)
    frame.loc[(frame.year == 2024) & (frame.coo_iso == "SYR") & (frame.coa_iso == "TUR"), "refugees"] = "2.9m"
    with pytest.raises(TsrError) as caught:
        coded_cells(_coding(), frame, "data/datasets/x.yaml")
    assert caught.value.codes == {"non-numeric-cell"}
    assert "year=2024,coo_iso=SYR,coa_iso=TUR refugees" in str(caught.value)


def test_coding_shape_is_declared(tmp_path):
    data = yaml.safe_load(POP.read_text())
    data["colums"] = []
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(TsrError) as caught:
        read_coding(path)
    assert caught.value.codes == {"bad-dataset-coding"}


def test_coded_indicators_exist():
    known = set(yaml.safe_load((ROOT / "schemas/indicators.yaml").read_text()))
    for path in CODINGS:
        for col in read_coding(path).columns:
            assert {col.indicator, col.partial_indicator} - {None} <= known, path
