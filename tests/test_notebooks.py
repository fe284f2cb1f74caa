"""The notebooks (jupytext percent .py files) run as plain scripts against a fresh build."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jupytext
import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO_ROOT / "notebooks"


def run(name: str, root: Path) -> str:
    # cwd = repo root, as a reader would run it; TSR_ROOT points the notebook at the session's build.
    env = {**os.environ, "TSR_ROOT": str(root), "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run([sys.executable, str(NOTEBOOKS / f"{name}.py")], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("name", ["returns_share", "trade_timeline", "returns_pace", "unhcr_vs_ministry"])
def test_notebook_is_a_jupytext_percent_notebook(name):
    nb = jupytext.read(NOTEBOOKS / f"{name}.py")
    kinds = {cell.cell_type for cell in nb.cells}
    assert kinds == {"markdown", "code"} and len(nb.cells) >= 6


def test_returns_share_states_its_uncertainty(built_root):
    out = run("returns_share", built_root)
    assert "27,941 (exact)" in out
    assert "about 70 %" in out
    assert "Illustrative assumption: total between 38,000 and 42,000" in out
    assert "66.5%" in out and "73.5%" in out


def test_trade_timeline(built_root):
    out = run("trade_timeline", built_root)
    assert "11 Feb 2025" in out and "imports" in out
    assert "[REPORTED]" in out


def test_notebook_explains_a_missing_database(tmp_path):
    env = {**os.environ, "TSR_ROOT": str(tmp_path), "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run([sys.executable, str(NOTEBOOKS / "returns_share.py")], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "make build" in done.stderr


def test_returns_pace(built_root):
    out = run("returns_pace", built_root)
    assert "statements of the running total" in out
    # the DGMM counts of 29 May and 29 August 2025 are both in, exact
    assert "2025-05-29      250,064  dgmm" in out and "2025-08-29      450,169  dgmm" in out
    # the count lower than an earlier one is named and left out of the pace
    assert "anomaly: returns_since_2024_12_08_sozcu_557702: a running total below an earlier count" in out
    assert "2025-12-08 → 2026-01-03:  -20,298 returns in  26 days" in out and "(anomalous count: left out)" in out
    assert "a month" in out and "over all" in out


def test_unhcr_vs_ministry(built_root):
    out = run("unhcr_vs_ministry", built_root)
    assert "2024: UNHCR 2,901,478; statements 2,901,478: agree" in out
    assert "2025-12-31  dataset  unhcr_statistics   2,347,756  official  203_66eb6872a5f34c82" in out
    assert "2026-01-03  text     stated_figure      2,381,326  reported  121_ce5ec4aa6dcf5f7a" in out
    assert "2025:   556,009 of  1,341,148 returns from Türkiye (41.5 %)" in out
