"""Compute derived facts (a difference, a share) from the facts they name as inputs.

A derived value is approximate whenever one of its inputs is, and it carries bounds only when every
input it needs has them; it never becomes more precise than what it is computed from.
"""
from __future__ import annotations

import ast
import math
import operator

from pipelines.errors import Problem
from pipelines.yamlfile import line_of

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def _evaluate(node: ast.AST, values: dict[str, float | None]) -> float | None:
    """Evaluate + - * / over named inputs; None (an unknown bound) propagates."""
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, values)
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        left, right = _evaluate(node.left, values), _evaluate(node.right, values)
        if left is None or right is None:
            return None
        return _OPS[type(node.op)](left, right)
    raise ValueError(f"unsupported expression {ast.dump(node)}")


def parse_formula(formula: str, names: set[str]) -> ast.Expression:
    tree = ast.parse(formula, mode="eval")
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    if used - names:
        raise ValueError(f"formula uses {sorted(used - names)}, not among inputs {sorted(names)}")
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Expression, ast.Name, ast.Load, ast.Constant, ast.BinOp, *_OPS)):
            raise ValueError(f"only + - * / of inputs and numbers are allowed, found {type(node).__name__}")
    return tree


def _interval(tree: ast.AST, lows: dict, highs: dict) -> tuple[float | None, float | None]:
    """Bounds of the formula by evaluating it at every corner of the inputs' bounds."""
    names = sorted(lows)
    corners = [{}]
    for name in names:
        corners = [c | {name: v} for c in corners for v in (lows[name], highs[name])]
    results = [_evaluate(tree, c) for c in corners]
    if any(r is None for r in results):
        return None, None
    return min(results), max(results)


def apply_derivations(facts: list[dict], derivations: list[dict], files: dict[str, str],
                      may_be_negative: dict[str, bool] | None = None) -> list[Problem]:
    """Fill in value, approx, bounds and provenance of derived facts, in place. Returns problems.

    `may_be_negative` maps indicator ids to whether their values may fall below zero: a derived count of
    people that comes out negative (a formula the wrong way round) is an error, never a published figure.
    """
    may_be_negative = may_be_negative or {}
    by_id = {f["fact_id"]: f for f in facts}
    problems: list[Problem] = []
    for spec in derivations:
        fact = by_id[spec["fact_id"]]
        file, where = files[fact["source_id"]], f"{fact['fact_id']} ({line_of(spec['entry'])})"
        inputs = spec["inputs"]
        missing = [fid for fid in inputs.values() if fid not in by_id]
        if missing:
            problems.append(Problem("dangling-fact", file, where, f"derived from unknown fact id(s) {missing}"))
            continue
        if any(by_id[fid].get("derived") for fid in inputs.values()):
            problems.append(Problem("bad-derivation", file, where, "inputs must be stated facts, not derived ones"))
            continue
        try:
            tree = parse_formula(str(spec["formula"]), set(inputs))
            values = {name: by_id[fid]["value"] for name, fid in inputs.items()}
            value = _evaluate(tree, values)
        except (ValueError, SyntaxError, ZeroDivisionError, TypeError, OverflowError) as exc:
            problems.append(Problem("bad-derivation", file, where, f"formula {spec['formula']!r}: {exc}"))
            continue
        if value is None or not math.isfinite(value):
            problems.append(Problem("non-finite-value", file, where, f"formula {spec['formula']!r} gives {value}, not a finite number"))
            continue
        if value < 0 and not may_be_negative.get(fact["indicator"], False):
            problems.append(Problem("negative-value", file, where,
                                    f"formula {spec['formula']!r} gives {value:g}, but {fact['indicator']} ({fact['unit']}) "
                                    "cannot be negative; check the formula's order, or the indicator's may_be_negative"))
            continue
        approx = any(by_id[fid]["approx"] for fid in inputs.values())
        lows = {n: (by_id[f]["lower"] if by_id[f]["approx"] else by_id[f]["value"]) for n, f in inputs.items()}
        highs = {n: (by_id[f]["upper"] if by_id[f]["approx"] else by_id[f]["value"]) for n, f in inputs.items()}
        lower, upper = _interval(tree, lows, highs) if approx else (None, None)
        fact.update({
            "value": round(value, 6),
            "approx": approx,
            "qualifier": fact["qualifier"] or ("derived from an approximate figure" if approx else None),
            "lower": lower,
            "upper": upper,
            "derived_from": ";".join(sorted(inputs.values())),
            "derivation": f"{spec['formula']} where " + ", ".join(f"{n} = {fid}" for n, fid in sorted(inputs.items())),
        })
    return problems
