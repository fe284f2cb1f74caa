"""Tests pin named facts, rows of named sources and invariants, never a count of today's data: the
data-dependent tests run again on the inputs plus one more correctly coded source, and pass."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_inputs

ROOT = Path(__file__).resolve().parents[1]
EXTRA_ID = "998_0123456789abcdef"
EXTRA_TEXT = ("On 5 May 2025 the Interior Ministry said that 1,234 Syrians had returned from Türkiye since "
              "8 December 2024.\n")
EXTRA_CODING = f"""source_id: {EXTRA_ID}
facts:
  - id: extra_source_returns_since_2024_12_08
    indicator: returns_since_2024_12_08
    series: dgmm
    value: 1234
    claim_status: official
    attributed_to: tr_ministry_of_interior
    period: {{end: "2025-05-05", precision: day, basis: "The day of the statement, written in the sentence."}}
    quote: On 5 May 2025 the Interior Ministry said that 1,234 Syrians had returned from Türkiye since 8 December 2024.
    mentions: ["5 May 2025", "1,234", "8 December 2024"]
    returns: {{return_type: voluntary, route: all crossings, origin: TR, destination: SY}}
events: []
dismissed: []
"""
# The tests that build the package from the inputs and assert what it publishes (the reproducibility
# test compares with the committed files, which hold today's data only, so it is not among them).
DATA_DEPENDENT = ["test_build.py", "test_queries.py", "test_sql_command.py", "test_charts.py", "test_model.py",
                  "test_event_dates.py", "test_package_check.py", "test_coverage.py", "test_site.py",
                  "test_views.py", "test_datasets.py"]


def _extra_source(root: Path) -> None:
    import hashlib

    text = EXTRA_TEXT.encode("utf-8")
    digest = hashlib.sha256(text).hexdigest()
    source_id = f"998_{digest[:16]}"
    (root / "data" / "sources" / f"{source_id}.txt").write_bytes(text)
    (root / "data" / "sources" / f"{source_id}.meta.yaml").write_text(f"""id: {source_id}
kind: text
text_scope: full_text
title: Returns statement used to test that the tests survive new data
title_is_descriptive: true
publisher: null
url: null
language: en
sha256: {digest}
published:
  earliest: 2025-05-05
  latest: 2025-05-05
  precision: day
  basis: Test fixture.
""", encoding="utf-8")
    (root / "data" / "coding" / f"{source_id}.yaml").write_text(EXTRA_CODING.replace(EXTRA_ID, source_id), encoding="utf-8")


def test_the_data_dependent_tests_pass_with_one_more_source(tmp_path):
    inputs = copy_inputs(tmp_path / "inputs", ROOT)
    _extra_source(inputs)
    env = {**os.environ, "TSR_TEST_INPUTS": str(inputs)}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          *[str(ROOT / "tests" / name) for name in DATA_DEPENDENT]],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
