"""The benchmark corpus generator (benchmarks/corpus.py) derives its sources from the real ones; when the
coding format changes, these tests say whether it still makes a corpus that codes without a problem."""
from __future__ import annotations

import importlib.util
import sys

import pytest

from pipelines.coding.run import code_sources, duplicate_id_problems
from pipelines.paths import REPO_ROOT, Layout


@pytest.fixture(scope="module")
def corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO_ROOT / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def test_generated_sources_code_cleanly_and_mirror_their_templates(corpus, tmp_path):
    templates = corpus.load_templates()
    n = 2 * len(templates) + 1
    ids = corpus.generate(tmp_path, n)
    assert len(set(ids)) == n
    run = code_sources(Layout(tmp_path), cache=False)
    assert [s.source_id for s in run.sources] == sorted(ids)
    assert [str(p) for c in run.coded for p in c.problems] == [] and duplicate_id_problems(run.coded) == []
    real = {c.source_id: c for c in code_sources(Layout(REPO_ROOT), cache=False).coded}
    by_id = {c.source_id: c for c in run.coded}
    for k, source_id in enumerate(ids):
        copy, template = by_id[source_id], real[templates[k % len(templates)].source_id]
        assert [f["fact_id"] for f in copy.facts] == [f"{f['fact_id']}_c{k}" for f in template.facts]
        assert [f["value"] for f in copy.facts] == [f["value"] for f in template.facts]
        assert [(m["text"], m["coded_as"]) for m in copy.mentions] == [(m["text"], m["coded_as"]) for m in template.mentions]
        shift = len(corpus.header(k))
        assert [m["start"] for m in copy.mentions] == [m["start"] + shift for m in template.mentions]


def test_a_new_source_extends_a_corpus(corpus, tmp_path):
    first = corpus.generate(tmp_path, 3)
    added = corpus.generate(tmp_path, 1, start=3)
    assert added[0] not in first and len(list((tmp_path / "data" / "sources").glob("*.txt"))) == 4


def test_headers_are_distinct_and_hold_no_mention(corpus):
    from pipelines.extract import extract_mentions

    headers = [corpus.header(k) for k in range(3000)]
    assert len(set(headers)) == len(headers)
    for k in (0, 1, 19, 20, 399, 400, 2999, 123456):
        for lang in ("en", "tr"):
            assert extract_mentions(corpus.header(k), lang=lang) == []
