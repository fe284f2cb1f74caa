"""The YAML loader every input goes through (source metadata, coding files, actors): line numbers kept,
aliases, deep nesting and duplicate keys refused with a clear error instead of a crash or a silent pick."""
from __future__ import annotations

import time

import pytest

from pipelines.build import build_package
from pipelines.errors import TsrError
from pipelines.paths import Layout
from pipelines.yamlfile import MAX_DEPTH, parse_yaml


def refused(text: str) -> tuple[str, str, str]:
    with pytest.raises(TsrError) as caught:
        parse_yaml(text, "in.yaml")
    (problem,) = caught.value.problems
    assert problem.file == "in.yaml"
    return problem.code, problem.key, problem.message


def test_lines_of_mappings_and_keys():
    data = parse_yaml("a: 1\nb:\n  c: 2\n  d: 3\n", "in.yaml")
    assert data["__line__"] == 1 and data["b"]["__line__"] == 3
    assert data.line_of_key("b") == 2 and data["b"].line_of_key("d") == 4


def test_dates_stay_text():
    assert parse_yaml("day: 2025-02-11\n", "in.yaml")["day"] == "2025-02-11"


def test_an_alias_bomb_is_refused_at_once():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9))
    started = time.perf_counter()
    code, key, message = refused(bomb)
    assert time.perf_counter() - started < 5  # expanded, this needs gigabytes
    assert (code, key) == ("yaml-alias", "line 2") and "*a" in message


def test_a_merge_key_is_an_alias_too():
    assert refused("base: &b {x: 1}\nother:\n  <<: *b\n")[:2] == ("yaml-alias", "line 3")


def test_deep_nesting_is_a_clear_error_not_a_recursion_error():
    code, key, message = refused("x: " + "[" * 20_000)
    assert (code, key) == ("yaml-too-deep", "line 1") and str(MAX_DEPTH) in message
    assert parse_yaml("x: " + "[" * 10 + "]" * 10, "in.yaml")["x"] == [[[[[[[[[[]]]]]]]]]]


def test_duplicate_keys_name_both_lines():
    code, key, message = refused("a: 1\nb:\n  c: 2\n  d: 3\n  c: 4\n")
    assert (code, key) == ("duplicate-key", "line 5")
    assert "'c'" in message and "line 3 and line 5" in message
    assert refused("{a: 1, a: 2}")[0] == "duplicate-key"


def test_a_coding_file_with_a_duplicate_key_stops_the_build(inputs_root):
    """The loader is shared: coding files get the same refusal, naming the coding file."""
    coding = inputs_root / "data" / "coding" / "003_6dc9c966a4e88e09.yaml"
    text = coding.read_text(encoding="utf-8")
    coding.write_text(text.replace("source_id: 003_6dc9c966a4e88e09\n",
                                   "source_id: 003_6dc9c966a4e88e09\nsource_id: 000_2c69b4d6582214f2\n", 1), encoding="utf-8")
    with pytest.raises(TsrError) as caught:
        build_package(Layout(inputs_root), force=True)
    first = text.splitlines().index("source_id: 003_6dc9c966a4e88e09") + 1
    assert any(p.code == "duplicate-key" and p.file == "data/coding/003_6dc9c966a4e88e09.yaml"
               and f"line {first} and line {first + 1}" in p.message for p in caught.value.problems), \
        [str(p) for p in caught.value.problems]
    assert not (inputs_root / "datapackage.json").exists()
