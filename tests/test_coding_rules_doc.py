"""docs/coding-rules.md lists every problem code a coding file, the actor registry or the indicator
vocabularies can raise: a code added to the coder or the cross-table rules without its rule on the page
fails here."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = [*sorted((ROOT / "pipelines" / "coding").glob("*.py")), *sorted((ROOT / "pipelines" / "datasets").glob("*.py")),
           ROOT / "pipelines" / "publish" / "validate.py",
           ROOT / "schemas" / "checks.py", ROOT / "pipelines" / "yamlfile.py"]
# String constants of those modules that look like codes but are not problem codes.
NOT_CODES = {"utf-8", "utf-32-le"}
CODE = re.compile(r"[a-z]+(-[a-z0-9]+)+")


def raised_codes() -> set[str]:
    found = set()
    for module in MODULES:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value):
                found.add(node.value)
    return found - NOT_CODES


def test_every_coding_problem_code_is_documented():
    page = (ROOT / "docs" / "coding-rules.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"\| `([a-z0-9-]+)` \|", page))
    assert raised_codes() - documented == set()


def test_the_scan_finds_the_codes_people_meet_most():
    # guards the scan itself: if it stopped finding codes, the test above would pass vacuously
    assert {"quote-not-found", "value-not-in-quote", "mention-claimed-twice", "after-publication",
            "unaccounted-mention", "override-not-readable", "cell-changed", "filter-matches-nothing"} <= raised_codes()
