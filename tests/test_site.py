"""The dataset page: escaping of source text, headline figures with their approximation, data
dictionary from the descriptor's schemas, relative links, and byte-determinism."""
from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipelines.site.render import render_site, value_phrase
from schemas import TABLES
from schemas.table_schema import description, frictionless_schema, title

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_charts import sample_tables, validated  # noqa: E402  (shared fixture tables)

EVIL = "<script>alert(1)</script>"


def _package() -> dict:
    resources = []
    for name, model in TABLES.items():
        resources.append({"name": name, "path": f"data/{name}.csv", "format": "csv", "title": title(model),
                          "description": description(model), "schema": frictionless_schema(model)})
        resources.append({"name": f"{name}-parquet", "path": f"data/parquet/{name}.parquet", "format": "parquet",
                          "title": f"{title(model)} (Parquet)", "description": description(model)})
    return {"name": "tsr-test", "title": "Test package & <friends>", "description": "Description with <b>markup</b>.",
            "version": "0.0.1", "created": "2025-03-13T00:00:00Z", "licenses": [
                {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                 "path": "https://creativecommons.org/licenses/by/4.0/"}],
            "contributors": [{"title": "Maintainers", "role": "author"}], "resources": resources}


CHARTS = [{"name": "x-png", "path": "data/charts/x.png", "format": "png", "mediatype": "image/png",
           "title": "Chart <x>", "description": "Alt \"quoted\" <text>", "alt_text": "Alt \"quoted\" <text>"},
          {"name": "x-svg", "path": "data/charts/x.svg", "format": "svg", "mediatype": "image/svg+xml",
           "title": "Chart <x>", "description": "Alt \"quoted\" <text>", "alt_text": "Alt \"quoted\" <text>"}]
QUERIES = [{"name": "01_q", "title": "Share <of> Hatay", "question": "What share?", "sql": "SELECT 1 AS \"<a>\"",
            "columns": ["<a>", "share", "when"], "rows": [[EVIL, 0.699, None], [27941.0, 1.5, "2024-12-08"]]}]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _render(tmp_path: Path, tables=None) -> str:
    tables = tables or validated(sample_tables())
    render_site(tables, _package(), CHARTS, QUERIES, tmp_path)
    return (tmp_path / "index.html").read_text(encoding="utf-8")


@pytest.fixture()
def evil_tables():
    tables = sample_tables()
    tables["facts"].loc[tables["facts"]["fact_id"] == "returns_hatay_permanent", "quote"] = f"27,941 people {EVIL}"
    tables["sources"].loc[0, "title"] = f"Title {EVIL}"
    tables["actors"].loc[0, "name"] = f"Ömer {EVIL}"
    return validated(tables)


def test_source_text_is_escaped_never_live(tmp_path, evil_tables):
    page = _render(tmp_path, evil_tables)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert EVIL not in page
    parser = _Tags()
    parser.feed(page)
    assert not [t for t, _ in parser.tags if t == "script"], "no script element may exist"
    assert "Test package &amp; &lt;friends&gt;" in page


def test_attributes_are_escaped(tmp_path):
    page = _render(tmp_path)
    parser = _Tags()
    parser.feed(page)
    img = next(a for t, a in parser.tags if t == "img")
    assert img["alt"] == 'Alt "quoted" <text>' and img["src"] == "../data/charts/x.png"


def test_headline_figures_keep_their_approximation(tmp_path):
    page = _render(tmp_path)
    assert "about 40,000" in page and "(approximately)" in page
    assert "27,941" in page and "(exact)" in page
    # Derived values are not headline figures, and never shown sharper than their inputs.
    assert "12,059" not in page.split('id="charts"')[0]
    headline = page[page.index('id="headline-figures"'):]
    assert headline.index("about 40,000") < headline.index("customs gates")  # returns first
    # A bound keeps its own word: "nearly 40,000" is at most 40,000, not "about" it.
    assert value_phrase({"value": 40000.0, "approx": True, "qualifier": "nearly"}) == ("nearly 40,000", "nearly")
    assert value_phrase({"value": 273000.0, "approx": True, "qualifier": "more than"}) == ("more than 273,000", "more than")
    assert value_phrase({"value": 40000.0, "approx": True, "qualifier": "approximately"}) == ("about 40,000", "approximately")


def test_data_dictionary_comes_from_the_descriptor(tmp_path):
    page = _render(tmp_path)
    for name in TABLES:
        assert f'id="table-{name}"' in page
        assert f'href="../data/{name}.csv"' in page and f'href="../data/parquet/{name}.parquet"' in page
    assert "<code>under_consideration</code>" in page  # vocabulary terms listed as allowed values
    assert "Allowed values —" not in page  # the definitions moved out of the description column


def test_links_are_relative_to_the_package_root(tmp_path):
    page = _render(tmp_path)
    parser = _Tags()
    parser.feed(page)
    hrefs = [a["href"] for t, a in parser.tags if t == "a"]
    relative = [h for h in hrefs if not h.startswith(("#", "https://"))]
    assert relative and all(h.startswith("../") for h in relative), relative
    assert "../datapackage.json" in hrefs and "../data/charts/x.svg" in hrefs
    # Only the empty inline icon (it stops the browser asking the server for /favicon.ico).
    assert not re.search(r'<link[^>]+href="(?!data:)|@import|url\(', page), "the page must not load anything external"


def test_query_results_rendered(tmp_path):
    page = _render(tmp_path)
    assert "Share &lt;of&gt; Hatay" in page and "0.699" in page and "27,941" in page


def test_byte_identical(tmp_path):
    a = _render(tmp_path / "a")
    b = _render(tmp_path / "b")
    assert a == b


def test_chart_data_is_linked_beside_its_images_and_not_listed_as_a_table(tmp_path):
    data = {"name": "x-data", "type": "table", "path": "data/charts/x.csv", "format": "csv", "mediatype": "text/csv",
            "title": "Data behind the chart: Chart <x>", "schema": {"fields": [{"name": "value", "type": "number"}]}}
    package = _package()
    package["resources"].append(data)
    render_site(validated(sample_tables()), package, CHARTS + [data], QUERIES, tmp_path)
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    figure = page.split('id="chart-x"', 1)[1].split("</figure>", 1)[0]
    assert '<a href="../data/charts/x.csv">Data (CSV)</a> · <a href="../data/charts/x.png">PNG</a>' in figure
    tables = page.split('id="tables"', 1)[1].split("</section>", 1)[0]
    assert 'id="table-x-data"' not in tables and f"holds {len(TABLES)} tables" in tables
